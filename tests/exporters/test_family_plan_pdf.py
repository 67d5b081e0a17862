"""The family's copy of the safety plan: plain headings, large type, every rule with who makes sure and how to reach
them, the warning signs with what to do, what happens if a rule is broken, the review date and a line to sign for
each person signed up and a few more; real names by default, display names and no contact when pseudonymised; no
professional words; a meeting without a safety plan is refused.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from minutes_pdf_support import all_text, has_text_reader, metadata, searchable_bytes, spellings

from sos_desktop.exporters.family_plan import NoSafetyPlanError, family_plan_pdf_bytes, write_family_plan_pdf
from sos_desktop.exporters.minutes import MinutesOptions
from sos_desktop.models import MeetingBundle
from sos_desktop.models.safety_plan import SafetyPlan, owners
from sos_desktop.store.store import Store

needs_reader = pytest.mark.skipif(not has_text_reader(), reason="needs pdftotext or pypdf")

HEADINGS = (
    "Our safety plan",
    "What we will do",
    "Who makes sure",
    "Warning signs and what we do",
    "If a rule is broken",
    "When we will look at this plan again",
    "Signed",
)
JARGON = ("Danger statement", "Safety goal", "Red flag", "Trigger", "Harm", "Pair ", "Still to think about")


@pytest.fixture
def follow_up(tmp_path: Path) -> Iterator[MeetingBundle]:
    store = Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    made = store.save_demo()
    bundle = store.load_bundle(made.follow_up)
    for person in bundle.network.people:
        if person.display_name == "Nan":
            person.contact = "07700 900123"
    yield bundle
    store.close()


def _text(data: bytes) -> str:
    return " ".join(all_text(data).split())


@needs_reader
def test_the_family_copy_has_plain_headings_every_rule_s_owners_and_how_to_reach_them(
    follow_up: MeetingBundle,
) -> None:
    text = _text(family_plan_pdf_bytes(follow_up))
    positions = [text.index(heading) for heading in HEADINGS]
    assert positions == sorted(positions)
    for rule in follow_up.meeting.safety_plan.rules:
        assert " ".join(rule.words.split()) in text
        for person in owners(rule, follow_up.network):
            assert person.name in text, person.name
    assert "Pat Example (Nan)" in text
    assert "How to reach them: 07700 900123" in text
    assert "What we do: Mum or Nan keeps Lily with them and rings Sam." in text
    assert "If rule 1 is broken: Nan rings Sam the next morning" in text
    assert "Saturday 9 January 2027" in text
    assert "Jordan Example (Mum) 10 Dec 2026" in text
    for word in JARGON:
        assert word.casefold() not in text.casefold(), word
    assert metadata(family_plan_pdf_bytes(follow_up))["title"] == "Our safety plan"


@needs_reader
def test_the_family_copy_pseudonymised_names_nobody_in_full_and_gives_no_contact(follow_up: MeetingBundle) -> None:
    data = family_plan_pdf_bytes(follow_up, options=MinutesOptions(pseudonymise=True))
    text, found = _text(data), searchable_bytes(data)
    for person in follow_up.network.people:
        assert person.name not in text, person.name
        assert not any(form in found for form in spellings(person.name)), person.name
    assert "07700 900123" not in text
    assert "Who makes sure: Mum and Nan" in text
    assert "contact details are left out of this copy" in text


def test_the_family_copy_s_body_is_set_in_fourteen_points_or_more(follow_up: MeetingBundle, tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    write_family_plan_pdf(follow_up, target)
    try:
        done = subprocess.run(["pdftotext", "-bbox", str(target), "-"], capture_output=True, text=True, check=True)
    except FileNotFoundError:
        pytest.skip("needs pdftotext")
    # The header and footer (marking, case, page number) are the minutes' small print; the plan's words are not.
    words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<', done.stdout)
    page_height = 842
    body = [(float(bottom) - float(top), word) for top, bottom, word in words if 80 < float(top) < page_height - 80]
    assert body and min(height for height, _ in body) >= 14 - 0.01


def test_a_meeting_without_a_safety_plan_is_refused(follow_up: MeetingBundle, tmp_path: Path) -> None:
    bundle = replace(follow_up, meeting=replace(follow_up.meeting, safety_plan=SafetyPlan()))
    with pytest.raises(NoSafetyPlanError):
        write_family_plan_pdf(bundle, tmp_path / "plan.pdf")
    assert not (tmp_path / "plan.pdf").exists()

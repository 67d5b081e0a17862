"""The minutes' safety plan and trajectory plan: every rule with the danger statement it answers and who makes
sure (with how to reach them), the warning signs with what to do, who signed up, the review date and what is still
to think about; the milestones with the late one marked "Late"; pseudonymised minutes name nobody of the family in
full and give no contact; a meeting with empty plans has neither section.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from minutes_pdf_support import all_text, has_text_reader

from sos_desktop.exporters.minutes import MinutesOptions, minutes_pdf_bytes
from sos_desktop.exporters.minutes.naming import Namer
from sos_desktop.exporters.minutes.plans import plans_view
from sos_desktop.models import MeetingBundle
from sos_desktop.models.enums import Framework
from sos_desktop.models.safety_plan import SafetyPlan, owners
from sos_desktop.models.trajectory_plan import TrajectoryPlan
from sos_desktop.store.store import Store

needs_reader = pytest.mark.skipif(not has_text_reader(), reason="needs pdftotext or pypdf")


@pytest.fixture
def follow_up(tmp_path: Path) -> Iterator[MeetingBundle]:
    store = Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    made = store.save_demo()
    yield store.load_bundle(made.follow_up)
    store.close()


def _text(data: bytes) -> str:
    return " ".join(all_text(data).split())


def _with_contacts(bundle: MeetingBundle) -> MeetingBundle:
    for person in bundle.network.people:
        if person.display_name == "Nan":
            person.contact = "07700 900123"
    return bundle


def test_the_plans_data_numbers_the_danger_statements_and_judges_late_on_the_meeting_s_day(
    follow_up: MeetingBundle,
) -> None:
    view = plans_view(_with_contacts(follow_up), Namer(follow_up, pseudonymise=False), date(2030, 1, 1))
    assert view is not None and view.safety is not None
    assert [rule.answers_line for rule in view.safety.rules][:2] == ["Answers danger statement 1"] * 2
    nan_owns = next(rule for rule in view.safety.rules if any(o.contact for o in rule.owners))
    assert ("Pat Example", "07700 900123") in [(o.name, o.contact) for o in nan_owns.owners]
    assert [row.status for row in view.trajectory] == ["Late", "Under way", "Planned", "Planned"]
    assert view.safety.review_on == "Saturday 9 January 2027"
    assert any(hint.startswith("Rule 5:") for hint in view.safety.hints)


@needs_reader
def test_the_minutes_hold_the_safety_plan_and_the_trajectory_plan(follow_up: MeetingBundle) -> None:
    text = _text(minutes_pdf_bytes(_with_contacts(follow_up)))
    plan = text[text.index("Safety plan") : text.index("Summary for the child's file")]
    for rule in follow_up.meeting.safety_plan.rules:
        for person in owners(rule, follow_up.network):
            assert person.name in plan, person.name
    assert "Answers danger statement 1" in plan
    assert "07700 900123" in plan
    for heading in ("Red flags", "Triggers", "Signed up", "Still to think about", "Trajectory plan"):
        assert heading in plan, heading
    assert "Review date: Saturday 9 January 2027" in plan
    assert "Jordan Example, 10 Dec 2026" in plan
    assert "Mum or Nan keeps Lily with them and rings Sam." in plan
    assert "4 milestones on the road to closure, 1 late." in plan
    assert "5 Dec 2026 Network meeting with Mum, Dad and Nan Sam Patel Late 5" in plan
    assert text.index("Next steps") < text.index("Safety plan") < text.index("Chronology")


@needs_reader
def test_pseudonymised_minutes_name_the_plan_s_people_by_display_names_and_give_no_contact(
    follow_up: MeetingBundle,
) -> None:
    text = _text(minutes_pdf_bytes(_with_contacts(follow_up), options=MinutesOptions(pseudonymise=True)))
    for name in [*(person.name for person in follow_up.network.people), "07700 900123"]:
        assert name not in text, name
    plan = text[text.index("Safety plan") : text.index("Summary for the child's file")]
    for display in ("Mum", "Nan", "Dad", "RN", "Aunt K"):
        assert display in plan, display
    assert "Contact details are left out of pseudonymised minutes." in plan
    assert "Late" in plan


@needs_reader
def test_minutes_of_a_meeting_with_empty_plans_have_neither_section(follow_up: MeetingBundle) -> None:
    meeting = replace(follow_up.meeting, safety_plan=SafetyPlan(), trajectory_plan=TrajectoryPlan())
    text = _text(minutes_pdf_bytes(replace(follow_up, meeting=meeting)))
    assert "Safety plan" not in text.replace("Safety plan tried", "")
    assert "Trajectory plan" not in text


def test_a_rule_answers_in_the_framework_s_words(follow_up: MeetingBundle) -> None:
    case = replace(follow_up.case, framework=Framework.WELLBEING)
    view = plans_view(replace(follow_up, case=case), Namer(follow_up, pseudonymise=False), date(2026, 12, 12))
    assert view is not None and view.safety is not None
    assert view.safety.rules[0].answers_line == "Answers worry statement 1"


@needs_reader
def test_the_first_meeting_s_minutes_say_once_that_nobody_has_signed_up(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}") as store:
        bundle = store.load_bundle(store.save_demo().first)
    text = _text(minutes_pdf_bytes(bundle))
    assert text.count("Nobody has signed up to the plan yet.") == 1
    assert "4 milestones on the road to closure." in text  # none late on 21 November

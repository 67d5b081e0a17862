"""``sos-desktop export MEETING_ID --safety-plan-pdf OUT.pdf``: the family's copy of the safety plan from the command
line, with the export's options (pseudonymise, marking, password), alongside the minutes; a meeting without a plan
is refused with status 2 and nothing written.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from cli_support import run

from sos_desktop.models.safety_plan import SafetyPlan
from sos_desktop.store.engine import resolve_database_url
from sos_desktop.store.store import Store

sys.path.insert(0, str(Path(__file__).parent / "exporters"))
from minutes_pdf_support import all_text, has_text_reader, page_texts

needs_text = pytest.mark.skipif(not has_text_reader(), reason="needs pdftotext or pypdf to read the text back")


@pytest.fixture
def follow_up(tmp_path: Path) -> str:
    """The demo's follow-up meeting (``demo`` prints the first's id; ``list`` gives the follow-up's, last)."""
    assert run(tmp_path, "demo")[0] == 0
    status, listing, _ = run(tmp_path, "list")
    assert status == 0
    return re.findall(r"meeting (\d+): Group supervision: review", listing)[-1]


def _text(path: Path, password: str | None = None) -> str:
    return " ".join(all_text(path.read_bytes(), password).split())


@needs_text
def test_export_writes_the_family_s_safety_plan_with_real_names_beside_the_minutes(
    tmp_path: Path, follow_up: str
) -> None:
    plan, minutes = tmp_path / "plan.pdf", tmp_path / "minutes.pdf"
    status, out, err = run(tmp_path, "export", follow_up, "--safety-plan-pdf", str(plan), "--pdf", str(minutes))
    assert (status, err) == (0, "")
    assert f"Wrote the family's safety plan of meeting {follow_up} to {plan}" in out
    text = _text(plan)
    assert text.count("Our safety plan") >= 2  # the title and the page header
    assert "Pat Example (Nan)" in text
    assert "Safety plan" in _text(minutes)


@needs_text
def test_export_honours_pseudonymise_marking_and_password(tmp_path: Path, follow_up: str) -> None:
    plan = tmp_path / "plan.pdf"
    status, _, err = run(
        tmp_path,
        "export",
        follow_up,
        "--safety-plan-pdf",
        str(plan),
        "--pseudonymise",
        "--marking",
        "OFFICIAL",
        "--password",
        "s3cret",
    )
    assert (status, err) == (0, "")
    pages = page_texts(plan.read_bytes(), password="s3cret")
    assert pages[0].startswith("OFFICIAL ")
    text = " ".join(pages)
    for name in ("Pat Example", "Jordan Example", "Chris Sample", "Robin Neighbour", "Kim Sample", "Lily Example"):
        assert name not in text, name
    assert "Who makes sure: Mum and Nan" in text


def test_export_of_a_meeting_without_a_safety_plan_is_refused_with_status_2(tmp_path: Path, follow_up: str) -> None:
    plan, document = tmp_path / "plan.pdf", tmp_path / "meeting.json"
    with Store.open(resolve_database_url(None, tmp_path)) as store:
        store.set_safety_plan(int(follow_up), SafetyPlan())
    status, out, err = run(tmp_path, "export", follow_up, "--safety-plan-pdf", str(plan), "--json", str(document))
    assert status == 2
    assert err.startswith(f"sos-desktop: Meeting {follow_up} has no safety plan yet")
    assert out == ""
    assert not plan.exists() and not document.exists()

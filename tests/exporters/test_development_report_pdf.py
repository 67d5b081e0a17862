"""The development report PDF for two practice leaders, each with three observed supervisions and a plan: it shows
the goals, their own rating beside the observers' per criterion with the right numbers, the observers' summaries
and the sign-off, and never a case label, reference or family name.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from development_plan_support import (
    FAMILY_WORDS,
    GOALS,
    NEXT_STEPS,
    two_leaders_database,
)
from pypdf import PdfReader

from sos_desktop.exporters.development_plan import development_report_bytes, write_development_report
from sos_desktop.models.development_plan import DevelopmentPlan
from sos_desktop.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with two_leaders_database(tmp_path) as opened:
        yield opened


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def _report(store: Store, leader: str) -> str:
    plan = store.development_plan(leader)
    assert plan is not None
    return _text(development_report_bytes(plan, store.facilitated(leader)))


def test_each_leader_s_report_shows_their_goals_and_self_vs_observer(store: Store) -> None:
    alex = _report(store, "Alex Morgan")
    assert "Development report — Alex Morgan" in alex
    assert GOALS["Alex Morgan"] in alex and NEXT_STEPS["Alex Morgan"] in alex
    assert GOALS["Priya Shah"] not in alex
    assert "Developing (months 6–12)" in alex and "Working on it" in alex
    # The means over the three meetings: their own, the observers', the gap.
    assert "Time-keeping 7.33 6 +1.33" in alex
    assert "Plain language 6.33 7 −0.67" in alex
    assert "Appreciative questions 6.5 5.5 +1" in alex
    assert "10 Jan 2026, Group supervision" in alex  # evidence and per-meeting tables by date and kind
    assert "Alex kept roles clear in session 2." in alex and "Check the scaling question earlier" in alex
    assert "Foundation (months 0–6) Ruth Mensah 30 Jun 2026 Foundation done well." in alex

    priya = _report(store, "Priya Shah")
    assert GOALS["Priya Shah"] in priya and GOALS["Alex Morgan"] not in priya
    assert "Time-keeping 6.67 8.33 −1.66" in priya
    assert "Plain language 5.33 6 −0.67" in priya
    assert "Appreciative questions" not in priya


def test_no_case_label_reference_or_family_name_is_printed(store: Store) -> None:
    for leader in ("Alex Morgan", "Priya Shah"):
        text = _report(store, leader)
        assert not [word for word in FAMILY_WORDS if word in text]


def test_a_leader_with_meetings_and_no_plan_gets_the_observers_figures(store: Store) -> None:
    text = _text(development_report_bytes(DevelopmentPlan("Alex Morgan"), store.facilitated("Alex Morgan")))
    assert "No goals have been set yet." in text
    assert "Time-keeping – 6" in text  # the observers' mean, nothing of their own
    assert "Nothing has been signed off yet." in text


def test_the_report_is_written_whole_to_a_file(store: Store, tmp_path: Path) -> None:
    plan = store.development_plan("Priya Shah")
    assert plan is not None
    out = tmp_path / "report.pdf"
    write_development_report(plan, store.facilitated("Priya Shah"), out)
    assert out.read_bytes().startswith(b"%PDF") and "Priya Shah" in _text(out.read_bytes())

"""``sos-desktop development-report LEADER OUT.pdf``: a practice leader's development report from the command line,
and a clear refusal (status 2) for a leader with neither a plan nor a meeting.
"""

from __future__ import annotations

from pathlib import Path

from cli_support import run
from development_plan_support import FAMILY_WORDS, GOALS, build_two_leaders
from pypdf import PdfReader

from sos_desktop.store.engine import resolve_database_url
from sos_desktop.store.store import Store


def _with_two_leaders(data_dir: Path) -> None:
    store = Store.open(resolve_database_url(None, data_dir))
    try:
        build_two_leaders(store)
    finally:
        store.close()


def test_the_report_is_written_for_the_leader_named(tmp_path: Path) -> None:
    _with_two_leaders(tmp_path)
    out = tmp_path / "priya.pdf"
    status, said, err = run(tmp_path, "development-report", "  Priya   Shah ", str(out))
    assert (status, err) == (0, "")
    assert "Wrote the development report for Priya Shah" in said
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(out).pages)
    assert GOALS["Priya Shah"] in text and "Time-keeping 6.67 8.33 −1.66" in text
    assert not [word for word in FAMILY_WORDS if word in text]


def test_a_leader_with_no_plan_nor_meetings_is_refused(tmp_path: Path) -> None:
    _with_two_leaders(tmp_path)
    out = tmp_path / "nobody.pdf"
    status, said, err = run(tmp_path, "development-report", "Nobody Known", str(out))
    assert (status, said) == (2, "")
    assert "Nobody Known has no development plan and has facilitated no meeting on record" in err
    assert not out.exists()


def test_the_demo_s_facilitator_has_a_report(tmp_path: Path) -> None:
    assert run(tmp_path, "demo")[0] == 0
    out = tmp_path / "alex.pdf"
    status, _, err = run(tmp_path, "development-report", "Alex Morgan", str(out))
    assert (status, err) == (0, "")
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(out).pages)
    assert "Development report — Alex Morgan" in text and "Jo Reid" in text
    assert "Name the time left at each phase" in text and "Time-keeping 6 6.5 −0.5" in text
    assert not [word for word in ("Lily", "DEMO-0001", "Family Demo") if word in text]

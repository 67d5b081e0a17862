"""The team audit's PDF summary: the filter, the figures and the grades are in it; a case's label only when asked."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

from sos_desktop.exporters.audit.pdf import AuditReport, audit_pdf, write_audit_pdf
from sos_desktop.models.audit import AuditFilter, CaseFigures
from sos_desktop.models.case_audit import Grade, new_audit

GOOD = CaseFigures(
    case_id=7, team="North", worker="Sam Patel", meeting_dates=(date(2026, 10, 1),), meetings=3, map_complete=True,
    danger_statements=2, dangers_paired=2, dangers_scaled=2, safety_plan=True, child_voice=True, network_size=4,
    network_know_worries=4, overdue_steps=0, days_since_last=10,
)  # fmt: skip
POOR = replace(
    GOOD, case_id=12, team="South", worker="Jo Reed", map_complete=False, safety_plan=False, overdue_steps=3,
    days_since_last=200,
)  # fmt: skip
LABELS = {7: "Family Tranter", 12: "Family Zhou"}


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "audit.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _report(**changes: object) -> AuditReport:
    audit = new_audit(date(2026, 11, 1), "Ruth Mensah", "Jo Reed")
    audit.case_id = 12
    audit.answers[3].grade = Grade.INADEQUATE
    audit.answers[0].grade = Grade.GOOD
    report = AuditReport([GOOD, POOR], AuditFilter(team=None, since=date(2026, 1, 1)), date(2026, 12, 3), [audit])
    return replace(report, **changes)  # type: ignore[arg-type]


def test_the_summary_holds_the_filter_the_figures_and_the_grades_and_no_case_label(tmp_path: Path) -> None:
    text = _text(audit_pdf(_report()), tmp_path)
    flat = " ".join(text.split())
    assert "OFFICIAL-SENSITIVE" in text
    assert "All teams · all workers · met from 1 January 2026" in flat
    assert "2 cases, 6 meetings" in flat
    assert "Map complete" in flat and "50 % (1 of 2)" in flat  # one of the two maps complete
    assert "Safety plan in place" in flat
    assert "Case 0012" in flat  # the case to look at, by its code
    assert "1 audit of 1 case." in flat
    assert "Each danger statement has a matching safety goal" in flat
    assert "North" in flat and "Sam Patel" in flat
    for label in LABELS.values():
        assert label not in text


def test_case_labels_are_printed_when_asked(tmp_path: Path) -> None:
    text = _text(audit_pdf(_report(labels=LABELS)), tmp_path)
    assert "Family Zhou" in text
    assert "Family Tranter" not in text  # not a case to look at


def test_audits_of_cases_outside_the_filter_are_left_out_and_an_empty_filter_says_so(tmp_path: Path) -> None:
    text = " ".join(_text(audit_pdf(_report(rows=[GOOD])), tmp_path).split())
    assert "No joint case audit of these cases is recorded." in text
    empty = " ".join(_text(audit_pdf(_report(rows=[])), tmp_path).split())
    assert "No case matches the filter." in empty


def test_the_summary_is_written_whole(tmp_path: Path) -> None:
    path = tmp_path / "summary.pdf"
    write_audit_pdf(path, _report())
    assert path.read_bytes().startswith(b"%PDF")

"""The team audit's CSV writer: headers, per-file case and worker codes in the file's order, yes/no and dates, a
team that looks like a formula kept as text, and the file written whole; and a case's team in the meeting file.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from sos_desktop.exporters.audit.csv import HEADERS, audit_csv, write_audit_csv
from sos_desktop.exporters.errors import ExportError
from sos_desktop.exporters.interchange.files import bundle_to_dict, parse_meeting
from sos_desktop.models.audit import CardRecord, CaseFigures, CaseRecord, MeetingRecord, case_figures
from sos_desktop.models.demo import DEMO_TEAM, demo_bundle

TODAY = date(2026, 12, 3)


def row(case_id: int, team: str, worker: str, *days: date, **values: object) -> CaseFigures:
    meetings = tuple(MeetingRecord(n, datetime(d.year, d.month, d.day, tzinfo=UTC)) for n, d in enumerate(days))
    return case_figures(CaseRecord(case_id, team, meetings, worker, **values), TODAY)  # type: ignore[arg-type]


def parsed(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_codes_follow_the_files_order_not_the_case_ids() -> None:
    rows = [
        row(9, "South", "Sam Patel", date(2026, 1, 5)),
        row(3, "North", "Ann Lee", date(2026, 5, 1)),
        row(5, "North", "Sam Patel", date(2025, 2, 1), date(2026, 11, 20)),
        row(1, "", ""),
    ]
    header, *lines = parsed(audit_csv(rows))
    assert tuple(header) == HEADERS
    # By team ("" first), then the first meeting: case 1, then North's 5 (met 2025) and 3, then South's 9.
    assert [line[:3] for line in lines] == [
        ["C0001", "", ""],
        ["C0002", "North", "W01"],
        ["C0003", "North", "W02"],
        ["C0004", "South", "W01"],
    ]
    by_header = dict(zip(header, lines[1], strict=True))
    assert by_header["First meeting"] == "2025-02-01" and by_header["Last meeting"] == "2026-11-20"
    assert by_header["Days since last meeting"] == "13" and by_header["Meetings"] == "2"
    assert dict(zip(header, lines[0], strict=True))["Days since last meeting"] == ""
    assert "Sam" not in audit_csv(rows) and "Ann" not in audit_csv(rows)


def test_figures_are_numbers_and_yes_or_no() -> None:
    cards = (CardRecord(1, "danger", 2), CardRecord(2, "goal", 1), CardRecord(3, "next_step", due=date(2026, 1, 1)))
    rows = [row(1, "T", "", date(2026, 11, 1), cards=cards, rated_about=frozenset({1}), safety_plan_rules=1)]
    header, line = parsed(audit_csv(rows))
    found = dict(zip(header, line, strict=True))
    assert found["Every danger statement paired and scaled"] == "yes"
    assert (found["Map complete"], found["Safety plan"], found["Child's voice used"]) == ("no", "yes", "no")
    assert (found["Next steps"], found["Overdue next steps"]) == ("1", "1")


@pytest.mark.parametrize("team", ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)"])
def test_a_team_that_looks_like_a_formula_stays_text(team: str) -> None:
    assert parsed(audit_csv([row(1, team, "")]))[1][1] == f"'{team}"


def test_the_file_is_written_whole_with_a_byte_order_mark(tmp_path: Path) -> None:
    out = tmp_path / "audit.csv"
    write_audit_csv(out, [row(1, "Équipe Nord", "")])
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert parsed(data.decode("utf-8-sig"))[1][1] == "Équipe Nord"
    assert list(tmp_path.iterdir()) == [out]
    write_audit_csv(out, [])
    assert parsed(out.read_text(encoding="utf-8-sig")) == [list(HEADERS)]
    with pytest.raises(ExportError, match="The audit could not be written to"):
        write_audit_csv(tmp_path / "no folder" / "audit.csv", [])


def test_a_cases_team_goes_through_the_meeting_file() -> None:
    bundle = demo_bundle()
    document = bundle_to_dict(bundle)
    assert document["case"]["team"] == DEMO_TEAM
    assert parse_meeting(document).case.team == DEMO_TEAM
    bundle.case.team = ""
    assert "team" not in bundle_to_dict(bundle)["case"]
    document["case"]["team"] = "  Edge of Care "
    assert parse_meeting(document).case.team == "Edge of Care"

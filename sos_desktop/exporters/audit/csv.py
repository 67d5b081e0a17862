"""The team audit's de-identified CSV: one row per case, plain English headers, numbers, yes/no and dates only.

Nothing in the file identifies a family: no label, reference, person's name, card text or any other free text. A
case is named by a code of this file ("C0001"), numbered in the order the rows are written (by team, then the day
of the case's first meeting, then the order the cases were added), so the codes of two files do not link a row to
a family or to the database's ids. A worker is named by a code of this file too ("W01", in the order the workers
first appear), since a worker's name is a person's name. The team is the one text column (a team's name, not a
family's); a cell that a spreadsheet would read as a formula is written with a leading apostrophe.

The file is UTF-8 with a byte-order mark, so a spreadsheet reads a team's accented name rightly, and is written
atomically (``exporters/atomic.py``): an older file survives a failed export.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from sos_desktop.exporters.atomic import write_export
from sos_desktop.models.audit import CaseFigures

Cell = str | int | None


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


COLUMNS: tuple[tuple[str, Callable[[CaseFigures], Cell]], ...] = (
    ("Meetings", lambda row: row.meetings),
    ("First meeting", lambda row: _day(row.meeting_dates[0] if row.meeting_dates else None)),
    ("Last meeting", lambda row: _day(row.last_met)),
    ("Days since last meeting", lambda row: row.days_since_last),
    ("Map complete", lambda row: _yes(row.map_complete)),
    ("Danger statements", lambda row: row.danger_statements),
    ("Danger statements paired with a safety goal", lambda row: row.dangers_paired),
    ("Danger statements scaled", lambda row: row.dangers_scaled),
    ("Every danger statement paired and scaled", lambda row: _yes(row.dangers_all_paired_and_scaled)),
    ("Safety plan", lambda row: _yes(row.safety_plan)),
    ("Child's voice used", lambda row: _yes(row.child_voice)),
    ("Network size", lambda row: row.network_size),
    ("Network knowing the worries", lambda row: row.network_know_worries),
    ("Next steps", lambda row: row.next_steps),
    ("Overdue next steps", lambda row: row.overdue_steps),
)
"""The figures' columns after "Case", "Team" and "Worker"."""

HEADERS: tuple[str, ...] = ("Case", "Team", "Worker", *(header for header, _ in COLUMNS))

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe_text(text: str) -> str:
    """Text a spreadsheet shows as text, never runs as a formula."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def csv_order(rows: Sequence[CaseFigures]) -> list[CaseFigures]:
    """The rows in the file's order: by team, then the first meeting's day (undated last), then the case's age."""

    def key(row: CaseFigures) -> tuple[str, bool, date, int]:
        first = row.meeting_dates[0] if row.meeting_dates else date.max
        return row.team.casefold(), not row.meeting_dates, first, row.case_id

    return sorted(rows, key=key)


def audit_csv(rows: Sequence[CaseFigures]) -> str:
    """The CSV text of the cases ``rows`` (headers only when there are none)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    worker_codes: dict[str, str] = {}
    for number, row in enumerate(csv_order(rows), start=1):
        worker = ""
        if row.worker:
            worker = worker_codes.setdefault(row.worker, f"W{len(worker_codes) + 1:02d}")
        figures = ["" if value is None else value for _, value_of in COLUMNS for value in (value_of(row),)]
        writer.writerow([f"C{number:04d}", _safe_text(row.team), worker, *figures])
    return buffer.getvalue()


def write_audit_csv(path: Path, rows: Sequence[CaseFigures]) -> None:
    """Write the CSV of ``rows`` to ``path`` atomically; ExportError in one sentence when it cannot be written."""
    write_export(Path(path), audit_csv(rows).encode("utf-8-sig"), "The audit")

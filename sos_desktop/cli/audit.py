"""The ``audit --csv OUT.csv`` sub-command: the team's audit across cases as a de-identified CSV, one row per case,
and/or (``--pdf OUT.pdf``) the PDF summary for managers, cases by code, for a period (``--since``, ``--until``:
cases that met in it) and a team (``--team``).

The parser part is light (``cli/__init__`` must not import SQLAlchemy before the console paints); the audit is read
and written by :func:`run_audit`, which imports the exporter only when asked. An empty database, or a period that
ends before it starts, is a bad argument (status 2), told in one sentence; a file that cannot be written is an
export failure (status 1).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from sos_desktop.store.store import Store

COMMAND = "audit"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date such as 2026-12-05") from None


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = commands.add_parser(
        COMMAND,
        help="write the team's audit across cases as a de-identified CSV (one row per case: no names, references "
        "or free text)",
    )
    audit.add_argument("--csv", type=Path, metavar="OUT.csv", help="write the CSV here")
    audit.add_argument(
        "--pdf", type=Path, metavar="OUT.pdf", help="write the PDF summary for managers here (cases by code, not label)"
    )
    audit.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="only cases that met on or after this day")
    audit.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="only cases that met on or before this day")
    audit.add_argument("--team", metavar="T", help="only the cases of this team")


class NothingToAuditError(ValueError):
    """The database has no case to audit, or the period asked for is back to front."""


def run_audit(store: Store, args: argparse.Namespace, out: TextIO) -> None:
    """Write the CSV of the cases ``args`` asks for to ``args.csv``; say how many on ``out``."""
    from sos_desktop.exporters.audit.csv import write_audit_csv
    from sos_desktop.models.audit import AuditFilter, filter_cases

    if args.csv is None and args.pdf is None:
        raise NothingToAuditError("Say where to write the audit: --csv OUT.csv, --pdf OUT.pdf, or both.")
    if args.since is not None and args.until is not None and args.until < args.since:
        raise NothingToAuditError(f"The period ends ({args.until}) before it starts ({args.since}).")
    rows = store.audit()
    if not rows:
        raise NothingToAuditError("The database has no cases to audit yet.")
    team = args.team.strip() if args.team is not None else None
    chosen = AuditFilter(team=team, since=args.since, until=args.until)
    kept = filter_cases(rows, chosen)
    cases = "1 case" if len(kept) == 1 else f"{len(kept)} cases"
    if args.csv is not None:
        write_audit_csv(args.csv, kept)
        print(f"Wrote the audit of {cases} to {args.csv}.", file=out)
    if args.pdf is not None:
        from sos_desktop.exporters.audit.pdf import AuditReport, write_audit_pdf

        write_audit_pdf(args.pdf, AuditReport(kept, chosen, date.today(), store.case_audits()))
        print(f"Wrote the audit summary of {cases} to {args.pdf}.", file=out)

"""The ``development-report LEADER OUT.pdf`` sub-command: a practice leader's development report for their
appraisal, from their plan and the meetings they facilitated.

The parser part is light (``cli/__init__`` must not import reportlab before the console paints); the report is
written by :func:`run_report`, which imports the exporter only when asked. A leader with no plan and no meetings
is a bad argument (status 2), told in one sentence.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from sos_desktop.store.store import Store

COMMAND = "development-report"
EXIT_INVALID = 2


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser(
        COMMAND,
        help="write a practice leader's development report (their plan, their own ratings beside the observers') "
        "as a PDF",
    )
    report.add_argument("leader", metavar="LEADER", help="the practice leader's name, as the meetings write it")
    report.add_argument("out", type=Path, metavar="OUT.pdf")


class NoDevelopmentError(ValueError):
    """The leader has neither a development plan nor a meeting they facilitated."""


def run_report(store: Store, args: argparse.Namespace, out: TextIO) -> None:
    """Write ``args.leader``'s report to ``args.out``; NoDevelopmentError if there is nothing to report."""
    from sos_desktop.exporters.development_plan import write_development_report
    from sos_desktop.models.development_plan import DevelopmentPlan

    leader = " ".join(str(args.leader).split())
    plan = store.development_plan(leader)
    facilitated = store.facilitated(leader)
    if plan is None and not facilitated:
        raise NoDevelopmentError(
            f"{leader or 'That name'} has no development plan and has facilitated no meeting on record, so there is "
            "no development report to write; check the name as the meetings write it."
        )
    write_development_report(plan or DevelopmentPlan(leader), facilitated, args.out)
    print(f"Wrote the development report for {leader} to {args.out}.", file=out)

"""The development report as PDF bytes, or written to a file all or nothing, on the house's marked pages."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sos_desktop.exporters.atomic import write_export
from sos_desktop.exporters.minutes.options import MinutesOptions
from sos_desktop.models import Meeting, Observations
from sos_desktop.models.development_plan import DevelopmentPlan

DEFAULT_OPTIONS = MinutesOptions()


def development_report_bytes(
    plan: DevelopmentPlan,
    facilitated: Sequence[tuple[Meeting, Observations]],
    *,
    options: MinutesOptions = DEFAULT_OPTIONS,
) -> bytes:
    """``plan``'s development report, with the meetings the leader facilitated (as ``Store.facilitated`` gives)."""
    from sos_desktop.exporters.development_plan.story import DevelopmentReport, report_story
    from sos_desktop.exporters.minutes.page import marked_pdf

    report = DevelopmentReport(plan, list(facilitated))
    return marked_pdf(
        report_story(report),
        options,
        left="Development report",
        right=plan.leader,
        title=report.title,
        subject="A practice leader's development over the two-year trajectory",
        keyword="Practice Leader Development Trajectory",
    )


def write_development_report(
    plan: DevelopmentPlan,
    facilitated: Sequence[tuple[Meeting, Observations]],
    path: Path,
    *,
    options: MinutesOptions = DEFAULT_OPTIONS,
) -> None:
    """Write the report to ``path`` all or nothing; ExportError in one sentence if it cannot be written."""
    write_export(Path(path), development_report_bytes(plan, facilitated, options=options), "The development report")

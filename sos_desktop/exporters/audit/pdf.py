"""The team audit's PDF summary, for managers: the filter used, the share of cases meeting each standard (figures and
a bar chart), how long ago the cases last met (a histogram), the standards team by team and worker by worker, the
cases most in need of a look, and the joint case audits' grades question by question.

De-identified unless asked: cases are named by their code (:func:`case_code`), never their label, unless
``labels`` is given (the user ticked "with case labels"). Workers are staff and are named. The pictures are vector
drawings made from the same figures as the console's charts (``models/audit_standards.py``). Printed on the marked
pages every export uses (``exporters/minutes/page.marked_pdf``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer

from sos_desktop.exporters.atomic import write_export
from sos_desktop.exporters.minutes.charts import blank
from sos_desktop.exporters.minutes.fonts import BOLD, REGULAR
from sos_desktop.exporters.minutes.options import MinutesOptions
from sos_desktop.exporters.minutes.page import marked_pdf
from sos_desktop.exporters.minutes.plain_text import plain
from sos_desktop.exporters.minutes.story_parts import grid, nothing, section
from sos_desktop.exporters.minutes.styles import ACCENT, CONCERN, FRAME_WIDTH, INK, MUTED, RULE, Styles, markup, styles
from sos_desktop.models.audit import AuditFilter, CaseFigures, audit_summary
from sos_desktop.models.audit_standards import (
    STALE_DAYS,
    STANDARDS,
    by_group,
    case_code,
    days_since_bands,
    filter_words,
    standards_met,
)
from sos_desktop.models.case_audit import GRADE_LABELS, GRADED, CaseAudit, grade_summary

TRACK = colors.HexColor("#E3E8EF")
BAR = colors.HexColor(ACCENT)
FLAG = colors.HexColor(CONCERN)
CASES_LISTED = 40
"""The cases most in need of a look that the summary lists (more belong in the CSV)."""
SHORT_NAMES = (
    "Map",
    "Paired & scaled",
    "Safety plan",
    "Child's voice",
    "Network knows",
    "No overdue",
    "Met in 3 months",
)
"""The standards' names as a table's narrow columns head them, in the order of ``STANDARDS``."""


@dataclass(frozen=True)
class AuditReport:
    """What the summary is made of: the cases the filter kept, the filter, the audit's day, the joint audits of
    those cases, and the cases' labels (None: de-identified, by code).
    """

    rows: Sequence[CaseFigures]
    audit_filter: AuditFilter
    today: date
    audits: Sequence[CaseAudit] = ()
    labels: Mapping[int, str] | None = None

    def case_name(self, case_id: int) -> str:
        if self.labels is None:
            return case_code(case_id)
        return self.labels.get(case_id, case_code(case_id))


def _day(value: date) -> str:
    return f"{value.day} {value:%B} {value.year}"


def _cases(count: int) -> str:
    return f"{count:,} case{'s' if count != 1 else ''}"


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "–"


# Pictures ----------------------------------------------------------------------------------------------------------


def standards_drawing(met: Sequence[tuple[str, int, int]], width: float = FRAME_WIDTH) -> Drawing:
    """Horizontal bars: each standard's share of the cases, its percentage and count written after it."""
    row, figures = 20.0, 95.0
    names = max((stringWidth(name, REGULAR, 8.5) for name, _cases, _of in met), default=0.0) + 10
    drawing = blank(width, row * len(met) + 6)
    track = width - names - figures
    for number, (name, cases, of) in enumerate(met):
        y = drawing.height - row * (number + 1)
        drawing.add(String(names - 8, y + 5, name, fontName=REGULAR, fontSize=8.5, fillColor=colors.HexColor(INK),
                           textAnchor="end"))  # fmt: skip
        drawing.add(Rect(names, y + 2, track, row - 7, fillColor=TRACK, strokeColor=None))
        share = cases / of if of else 0.0
        drawing.add(Rect(names, y + 2, track * share, row - 7, fillColor=BAR, strokeColor=None))
        words = f"{_percent(cases, of)} ({cases:,} of {of:,})"
        drawing.add(
            String(names + track + 6, y + 5, words, fontName=BOLD, fontSize=8.5, fillColor=colors.HexColor(INK))
        )
    middle = names + track / 2
    drawing.add(Line(middle, 0, middle, drawing.height, strokeColor=colors.HexColor(RULE), strokeDashArray=[2, 2]))
    return drawing


def histogram_drawing(bands: Sequence[tuple[str, int, bool]], width: float = FRAME_WIDTH) -> Drawing:
    """Vertical bars: how many cases last met in each band of days, each count on top, old bands in the concern
    colour (and named as such in the caption beneath, never by colour alone).
    """
    height, below, above = 150.0, 24.0, 14.0
    drawing = blank(width, height)
    plot = height - below - above
    tallest = max((count for _label, count, _flag in bands), default=0) or 1
    step = width / max(1, len(bands))
    for number, (label, count, flag) in enumerate(bands):
        x = step * number + step * 0.15
        bar = plot * count / tallest
        drawing.add(Rect(x, below, step * 0.7, bar, fillColor=FLAG if flag else BAR, strokeColor=None))
        centre = step * number + step / 2
        drawing.add(String(centre, below + bar + 3, f"{count:,}", fontName=BOLD, fontSize=8.5, textAnchor="middle"))
        drawing.add(String(centre, below - 12, label, fontName=REGULAR, fontSize=8, textAnchor="middle",
                           fillColor=colors.HexColor(MUTED)))  # fmt: skip
    drawing.add(Line(0, below, width, below, strokeColor=colors.HexColor(RULE)))
    return drawing


# The story ---------------------------------------------------------------------------------------------------------


def audit_story(report: AuditReport) -> list[Flowable]:
    s = styles()
    rows = report.rows
    story: list[Flowable] = [
        Paragraph("Team audit across cases", s.title),
        plain(f"{filter_words(report.audit_filter, _day)} · as on {_day(report.today)}", s.subtitle),
        Paragraph(
            markup(
                f"{_cases(len(rows))}, "
                f"{sum(f.meetings for f in rows):,} meetings. Cases are named by their code"
                + (" and label." if report.labels is not None else "; nothing here names a family.")
            ),
            s.body,
        ),
    ]
    met = standards_met(rows)
    story += section("How the practice is used", s)
    if not rows:
        story.append(nothing("No case matches the filter.", s))
    else:
        story += [standards_drawing(met), Spacer(1, 6), _standards_table(met, rows, s)]
        story += section("Days since the last meeting", s)
        story.append(histogram_drawing(days_since_bands(rows)))
        caption = f"Bars in brown: last met more than {STALE_DAYS} days ago, or never dated."
        story.append(Paragraph(markup(caption), s.note))
        story += _groups("By team", by_group(rows, lambda f: f.team or "(no team)"), s)
        story += _groups("By worker", by_group(rows, lambda f: f.worker or "(not recorded)"), s)
        story += _cases_to_look_at(report, s)
    story += _grades(report, s)
    return story


def _standards_table(met: Sequence[tuple[str, int, int]], rows: Sequence[CaseFigures], s: Styles) -> Flowable:
    header = [Paragraph(text, s.cell_bold) for text in ("Standard", "Meeting it", "Share")]
    body = [
        [
            plain(name, s.cell),
            Paragraph(f"{cases:,} of {of:,}", s.cell_right),
            Paragraph(_percent(cases, of), s.cell_right),
        ]
        for name, cases, of in met
    ]
    summary = audit_summary(rows)
    median = "–" if summary.median_network_size is None else f"{summary.median_network_size:g}"
    body.append([plain("People in a case's network (median)", s.cell), Paragraph(median, s.cell_right), ""])
    body.append(
        [plain("Overdue next steps, all cases", s.cell), Paragraph(f"{summary.overdue_steps:,}", s.cell_right), ""]
    )
    return grid([header, *body], [FRAME_WIDTH * 0.6, FRAME_WIDTH * 0.25, FRAME_WIDTH * 0.15])


def _groups(title: str, groups: list[tuple[str, list[tuple[int, int]], int]], s: Styles) -> list[Flowable]:
    flowables = section(title, s)
    header = [Paragraph(text, s.cell_bold) for text in ("", "Cases", *SHORT_NAMES)]
    body = [
        [plain(name, s.cell), Paragraph(f"{count:,}", s.cell_right)]
        + [Paragraph(_percent(met, of), s.cell_right) for met, of in counts]
        for name, counts, count in groups
    ]
    first = FRAME_WIDTH * 0.16
    rest = (FRAME_WIDTH - first) / (1 + len(STANDARDS))
    flowables.append(grid([header, *body], [first] + [rest] * (1 + len(STANDARDS))))
    flowables.append(
        Paragraph(
            markup(
                "Each column: the share of the group's cases meeting that standard (for the network, of its people)."
            ),
            s.note,
        )
    )
    return flowables


def _cases_to_look_at(report: AuditReport, s: Styles) -> list[Flowable]:
    def concern(f: CaseFigures) -> tuple[int, int]:
        return (f.overdue_steps, f.days_since_last if f.days_since_last is not None else 10**6)

    flagged = [f for f in report.rows if f.overdue_steps or f.days_since_last is None or f.days_since_last > STALE_DAYS]
    flagged.sort(key=concern, reverse=True)
    flowables = section("Cases to look at", s)
    if not flagged:
        return [*flowables, nothing("No case has overdue next steps or has gone long without a meeting.", s)]
    flowables.append(
        Paragraph(
            markup(
                f"{_cases(len(flagged))} {'has' if len(flagged) == 1 else 'have'} overdue next steps or "
                f"have not met for over {STALE_DAYS} days"
                + (f"; the {CASES_LISTED} with most overdue are listed." if len(flagged) > CASES_LISTED else ".")
            ),
            s.body,
        )
    )
    header = [Paragraph(text, s.cell_bold) for text in ("Case", "Team", "Worker", "Overdue steps", "Days since last")]
    body = [
        [
            plain(report.case_name(f.case_id), s.cell),
            plain(f.team or "–", s.cell),
            plain(f.worker or "–", s.cell),
            Paragraph(str(f.overdue_steps), s.cell_right),
            Paragraph("never dated" if f.days_since_last is None else f"{f.days_since_last:,}", s.cell_right),
        ]
        for f in flagged[:CASES_LISTED]
    ]
    widths = [FRAME_WIDTH * 0.26, FRAME_WIDTH * 0.2, FRAME_WIDTH * 0.24, FRAME_WIDTH * 0.14, FRAME_WIDTH * 0.16]
    flowables.append(grid([header, *body], widths))
    return flowables


def _grades(report: AuditReport, s: Styles) -> list[Flowable]:
    kept = {f.case_id for f in report.rows}
    audits = [a for a in report.audits if a.case_id in kept]
    summary = grade_summary(audits)
    flowables = section("Joint case audits", s)
    if not summary.audits:
        return [*flowables, nothing("No joint case audit of these cases is recorded.", s)]
    cases = len({a.case_id for a in audits})
    flowables.append(
        Paragraph(markup(f"{summary.audits:,} audit{'s' if summary.audits != 1 else ''} of {_cases(cases)}."), s.body)
    )
    header = [Paragraph(text, s.cell_bold) for text in ("Question", *(GRADE_LABELS[g] for g in GRADED))]
    body = [
        [plain(question, s.cell)] + [Paragraph(str(counts.get(g, 0)), s.cell_right) for g in GRADED]
        for question, counts in summary.by_question.items()
    ]
    totals = summary.totals
    body.append([Paragraph("All questions", s.cell_bold)] + [Paragraph(str(totals.get(g, 0)), s.cell_right_bold)
                for g in GRADED])  # fmt: skip
    widths = [FRAME_WIDTH * 0.36] + [FRAME_WIDTH * 0.16] * len(GRADED)
    flowables.append(grid([header, *body], widths))
    return flowables


# Writing -----------------------------------------------------------------------------------------------------------


def audit_pdf(report: AuditReport, options: MinutesOptions | None = None) -> bytes:
    """The summary as PDF bytes, on marked pages (encrypted when ``options`` has a password)."""
    options = options or MinutesOptions()
    return marked_pdf(
        audit_story(report),
        options,
        left="Team audit across cases",
        right=f"As on {_day(report.today)}",
        title="Team audit across cases",
        subject=filter_words(report.audit_filter, _day),
        keyword="team audit",
    )


def write_audit_pdf(path: Path, report: AuditReport, options: MinutesOptions | None = None) -> None:
    """Write the summary to ``path`` all or nothing (ExportError in one sentence on failure)."""
    write_export(Path(path), audit_pdf(report, options), "The audit summary")

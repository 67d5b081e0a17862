"""The facilitator's feedback report, for the practice leader: what the observer saw in this meeting (notes,
rubric, what went well, even better if) and how the facilitator's ratings have moved across the meetings they ran.

It is about the facilitation, never the case, so it says nothing of the map; it is printed on the same marked page
as the minutes, since the observer's notes can still touch on the family.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from sos_desktop.exporters.minutes.charts import blank
from sos_desktop.exporters.minutes.development import DevelopmentView
from sos_desktop.exporters.minutes.fonts import REGULAR
from sos_desktop.exporters.minutes.plain_text import plain
from sos_desktop.exporters.minutes.snapshot import Heading
from sos_desktop.exporters.minutes.snapshot_parts import FeedbackView
from sos_desktop.exporters.minutes.story_parts import feedback_flowables, grid, heading_block, nothing, section
from sos_desktop.exporters.minutes.styles import FRAME_WIDTH, INK, MUTED, RULE, Styles, styles
from sos_desktop.models.scaling import number_text

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6D31", "#7F7F7F", "#9467BD", "#17BECF")
"""Colours told apart by most colour-blind readers first (Okabe and Ito), then a few more for long rubrics."""
TABLE_MEETINGS = 6
"""Meetings per table: more would squeeze the columns past reading; a longer run continues in a second table."""


@dataclass(frozen=True)
class FeedbackReport:
    heading: Heading
    facilitator: str
    feedback: FeedbackView
    development: DevelopmentView


def feedback_story(report: FeedbackReport) -> list[Flowable]:
    s = styles()
    facilitator = report.facilitator or "Not recorded"
    story = heading_block(report.heading, s, what="Feedback on the facilitation", more=[("Facilitator", facilitator)])
    story += feedback_flowables(report.feedback, s, lead=section("What the observer saw in this meeting", s))
    story += _development(report.development, s)
    return story


def _development(view: DevelopmentView, s: Styles) -> list[Flowable]:
    who = view.facilitator or "the facilitator"
    flowables = section(f"Development across the meetings {who} facilitated", s)
    if not view.meetings:
        return [*flowables, nothing("No meetings facilitated by them are on record.", s)]
    header = [Paragraph(text, s.cell_bold) for text in ("Date", "Meeting", "Observer", "Ratings")]
    rows = [
        [
            Paragraph(m.when, s.cell),
            plain(m.what, s.cell),
            plain(m.observer or "–", s.cell),
            Paragraph(str(m.rated), s.cell),
        ]
        for m in view.meetings
    ]
    widths = [FRAME_WIDTH * 0.16, FRAME_WIDTH * 0.46, FRAME_WIDTH * 0.26, FRAME_WIDTH * 0.12]
    flowables.append(grid([header, *rows], widths))
    if not view.criteria:
        return [*flowables, nothing("No rubric ratings have been given yet, so there is nothing to chart.", s)]
    flowables.append(Spacer(1, 8))
    for start in range(0, len(view.meetings), TABLE_MEETINGS):
        flowables.append(_ratings_table(view, start, s))
        flowables.append(Spacer(1, 8))
    if view.rated_meetings < 2:
        flowables.append(nothing("A chart follows once two or more of these meetings have been rated.", s))
        return flowables
    flowables.append(
        KeepTogether(
            [
                Paragraph("Ratings by meeting", s.subsection),
                Paragraph(
                    "Each line is one thing the observers looked at; the thick black line is the meeting's average.",
                    s.small,
                ),
                development_chart(view, FRAME_WIDTH),
                Spacer(1, 4),
                _chart_legend(view, s),
            ]
        )
    )
    return flowables


def _ratings_table(view: DevelopmentView, start: int, s: Styles) -> Table:
    shown = range(start, min(start + TABLE_MEETINGS, len(view.meetings)))
    header = [Paragraph("What the observers looked at", s.cell_bold)]
    header += [Paragraph(view.meetings[i].when, s.cell_right_bold) for i in shown]
    rows = [
        [plain(criterion, s.cell)]
        + [Paragraph("–" if values[i] is None else number_text(values[i] or 0), s.cell_right) for i in shown]
        for criterion, values in zip(view.criteria, view.values, strict=True)
    ]
    rows.append(
        [Paragraph("Average", s.cell_bold)]
        + [
            Paragraph("–" if view.averages[i] is None else number_text(view.averages[i] or 0), s.cell_right_bold)
            for i in shown
        ]
    )
    first = FRAME_WIDTH * 0.4
    table = grid([header, *rows], [first] + [(FRAME_WIDTH - first) / TABLE_MEETINGS] * len(shown))
    table.setStyle(TableStyle([("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.HexColor(INK))]))
    return table


def development_chart(view: DevelopmentView, width: float, height: float = 180.0) -> Drawing:
    """Each criterion's ratings meeting by meeting as a thin coloured line, the average as a thick black one."""
    drawing = blank(width, height)
    left, right, bottom, top = 26.0, width - 14.0, 30.0, height - 10.0
    count = len(view.meetings)

    def x_of(index: int) -> float:
        return left + 16 + (right - left - 32) * (index / (count - 1) if count > 1 else 0.5)

    def y_of(value: float) -> float:
        return bottom + (top - bottom) * value / 10

    for value in range(0, 11, 2):
        drawing.add(
            Line(
                left,
                y_of(value),
                right,
                y_of(value),
                strokeColor=colors.HexColor(RULE),
                strokeWidth=0.5 if value else 0.9,
            )
        )
        drawing.add(
            String(
                left - 5,
                y_of(value) - 2.5,
                str(value),
                fontName=REGULAR,
                fontSize=7.5,
                textAnchor="end",
                fillColor=colors.HexColor(MUTED),
            )
        )
    lines = [(values, colors.HexColor(PALETTE[i % len(PALETTE)]), 1.1, 2.4) for i, values in enumerate(view.values)]
    lines.append((view.averages, colors.black, 2.6, 3.4))
    for values, colour, stroke, dot in lines:
        points = [(x_of(i), y_of(v)) for i, v in enumerate(values) if v is not None]
        if len(points) > 1:
            drawing.add(PolyLine([c for point in points for c in point], strokeColor=colour, strokeWidth=stroke))
        for x, y in points:
            drawing.add(Circle(x, y, dot, fillColor=colour, strokeColor=colors.white, strokeWidth=0.5))
    every = max(1, -(-count // 8))
    for index, meeting in enumerate(view.meetings):
        if index % every == 0 or index == count - 1:
            drawing.add(
                String(
                    x_of(index),
                    bottom - 13,
                    meeting.when,
                    fontName=REGULAR,
                    fontSize=7.5,
                    textAnchor="middle",
                    fillColor=colors.HexColor(INK),
                )
            )
    return drawing


def _chart_legend(view: DevelopmentView, s: Styles) -> Table:
    def swatch(colour: colors.Color, stroke: float) -> Drawing:
        sample = blank(18, 8)
        sample.add(Line(0, 4, 18, 4, strokeColor=colour, strokeWidth=stroke))
        return sample

    entries: list[tuple[Drawing, Flowable]] = [(swatch(colors.black, 2.6), Paragraph("<b>Average</b>", s.cell))]
    entries += [
        (swatch(colors.HexColor(PALETTE[i % len(PALETTE)]), 1.6), plain(criterion, s.cell))
        for i, criterion in enumerate(view.criteria)
    ]
    half = -(-len(entries) // 2)
    rows = []
    for i in range(half):
        row: list[object] = list(entries[i])
        row += list(entries[i + half]) if i + half < len(entries) else ["", ""]
        rows.append(row)
    table = Table(rows, colWidths=[24, FRAME_WIDTH / 2 - 24] * 2, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def report_title(report: FeedbackReport) -> str:
    return f"Feedback on the facilitation: {report.heading.title}"

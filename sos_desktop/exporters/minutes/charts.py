"""The scales' pictures, as vector drawings: each rater's number on a 0 to 10 line, and the case's trajectory.

Drawn with reportlab's graphics (shapes, not a picture), so they print sharply at any size and their numbers are
text. Colour is never the only carrier: the median is a labelled line, this meeting a labelled, larger mark.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from sos_desktop.exporters.minutes.fonts import BOLD, REGULAR
from sos_desktop.exporters.minutes.snapshot_parts import TrajectoryMark
from sos_desktop.exporters.minutes.styles import ACCENT, INK, MUTED, RULE
from sos_desktop.models.scaling import number_text

BAND = colors.HexColor("#D5E3F1")
DOT = colors.HexColor(ACCENT)
MEDIAN = colors.HexColor("#B5452B")
LABEL_SIZE = 7.5
STACK_STEP = 9.5


def blank(width: float, height: float) -> Drawing:
    """An empty drawing whose text defaults to the embedded font (reportlab's default would name Helvetica)."""
    return Drawing(width, height, initialFontName=REGULAR)


def spread_chart(values: Sequence[float], spread: tuple[float, float, float], width: float) -> Drawing:
    """Every rating as a dot on a 0 to 10 line (equal numbers stacked), the lowest to highest shaded, the median
    marked and labelled.
    """
    lowest, highest, median = spread
    stacks = Counter(values)
    tallest = max(stacks.values(), default=1)
    axis_y = 18.0
    height = axis_y + 24 + tallest * STACK_STEP + 12
    left, right = 14.0, width - 14.0

    def x_of(value: float) -> float:
        return left + (right - left) * value / 10

    drawing = blank(width, height)
    drawing.add(
        Rect(
            x_of(lowest) - 5,
            axis_y - 5,
            x_of(highest) - x_of(lowest) + 10,
            10,
            rx=5,
            ry=5,
            fillColor=BAND,
            strokeColor=None,
        )
    )
    drawing.add(Line(left, axis_y, right, axis_y, strokeColor=colors.HexColor(MUTED), strokeWidth=0.8))
    for tick in range(11):
        x = x_of(tick)
        drawing.add(Line(x, axis_y - 3, x, axis_y + 3, strokeColor=colors.HexColor(MUTED), strokeWidth=0.6))
        drawing.add(
            String(
                x,
                axis_y - 13,
                str(tick),
                fontName=REGULAR,
                fontSize=LABEL_SIZE,
                textAnchor="middle",
                fillColor=colors.HexColor(MUTED),
            )
        )
    top = axis_y + 14 + tallest * STACK_STEP
    drawing.add(
        Line(x_of(median), axis_y - 4, x_of(median), top, strokeColor=MEDIAN, strokeWidth=1.2, strokeDashArray=[3, 2])
    )
    anchor = "start" if median < 1.5 else "end" if median > 8.5 else "middle"
    drawing.add(
        String(
            x_of(median),
            top + 3,
            f"median {number_text(median)}",
            fontName=BOLD,
            fontSize=LABEL_SIZE,
            textAnchor=anchor,
            fillColor=MEDIAN,
        )
    )
    for value, count in stacks.items():
        for level in range(count):
            drawing.add(
                Circle(
                    x_of(value),
                    axis_y + 10 + level * STACK_STEP,
                    4.0,
                    fillColor=DOT,
                    strokeColor=colors.white,
                    strokeWidth=0.8,
                )
            )
    return drawing


def trajectory_chart(marks: Sequence[TrajectoryMark], width: float, height: float = 150.0) -> Drawing:
    """The case's meetings left to right, each with its lowest-to-highest band and the median joined up; this
    meeting's point larger and labelled.
    """
    drawing = blank(width, height)
    left, right = 26.0, width - 12.0
    bottom, top = 30.0, height - 14.0
    count = len(marks)

    def x_of(index: int) -> float:
        return left + 18 + (right - left - 36) * (index / (count - 1) if count > 1 else 0.5)

    def y_of(value: float) -> float:
        return bottom + (top - bottom) * value / 10

    for value in range(0, 11, 2):
        y = y_of(value)
        drawing.add(Line(left, y, right, y, strokeColor=colors.HexColor(RULE), strokeWidth=0.5 if value else 0.9))
        drawing.add(
            String(
                left - 5,
                y - 2.5,
                str(value),
                fontName=REGULAR,
                fontSize=LABEL_SIZE,
                textAnchor="end",
                fillColor=colors.HexColor(MUTED),
            )
        )
    if count > 1:
        outline = [coordinate for i, m in enumerate(marks) for coordinate in (x_of(i), y_of(m.highest))]
        outline += [coordinate for i, m in reversed(list(enumerate(marks))) for coordinate in (x_of(i), y_of(m.lowest))]
        drawing.add(Polygon(outline, fillColor=BAND, strokeColor=None))
        medians = [coordinate for i, m in enumerate(marks) for coordinate in (x_of(i), y_of(m.median))]
        drawing.add(PolyLine(medians, strokeColor=DOT, strokeWidth=1.6))
    every = max(1, -(-count // 8))  # at most about eight dates under the axis, so that they never run together
    for index, mark in enumerate(marks):
        x, y = x_of(index), y_of(mark.median)
        drawing.add(Line(x, y_of(mark.lowest), x, y_of(mark.highest), strokeColor=DOT, strokeWidth=0.8))
        if mark.current:
            drawing.add(Circle(x, y, 5.5, fillColor=MEDIAN, strokeColor=colors.white, strokeWidth=1))
            anchor = "end" if index == count - 1 and count > 1 else "middle"
            drawing.add(
                String(
                    x + (4 if anchor == "end" else 0),
                    min(y + 9, top + 4),
                    "this meeting",
                    fontName=BOLD,
                    fontSize=LABEL_SIZE,
                    textAnchor=anchor,
                    fillColor=MEDIAN,
                )
            )
        else:
            drawing.add(Circle(x, y, 3.6, fillColor=DOT, strokeColor=colors.white, strokeWidth=0.8))
        if index % every == 0 or mark.current or index == count - 1:
            drawing.add(
                String(
                    x,
                    bottom - 12,
                    mark.when,
                    fontName=REGULAR,
                    fontSize=LABEL_SIZE,
                    textAnchor="middle",
                    fillColor=colors.HexColor(INK),
                )
            )
            drawing.add(
                String(
                    x,
                    bottom - 22,
                    f"median {number_text(mark.median)}",
                    fontName=REGULAR,
                    fontSize=LABEL_SIZE - 0.5,
                    textAnchor="middle",
                    fillColor=colors.HexColor(MUTED),
                )
            )
    return drawing

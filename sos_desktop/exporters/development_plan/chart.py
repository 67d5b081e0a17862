"""The paired bars of the development report: for each criterion, the leader's own mean rating beside the
observers' mean, on one 0 to 10 axis.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from sos_desktop.exporters.minutes.charts import blank
from sos_desktop.exporters.minutes.fonts import REGULAR
from sos_desktop.exporters.minutes.styles import ACCENT, INK, MUTED, RULE
from sos_desktop.models.development_plan import CriterionComparison
from sos_desktop.models.scaling import number_text

LEADER = colors.HexColor("#E69F00")
OBSERVER = colors.HexColor(ACCENT)
ROW = 26.0
LABEL_CHARACTERS = 46


def paired_bars(rows: Sequence[CriterionComparison], width: float) -> Drawing:
    """One pair of bars a criterion (leader above, observer below), with each value at its bar's end."""
    height = 34.0 + ROW * len(rows)
    drawing = blank(width, height)
    left, right, top = width * 0.42, width - 24.0, height - 8.0

    def x_of(value: float) -> float:
        return left + (right - left) * value / 10

    for mark in range(0, 11, 2):
        x = x_of(mark)
        drawing.add(Line(x, 20, x, top, strokeColor=colors.HexColor(RULE), strokeWidth=0.5 if mark else 0.9))
        _words(drawing, x, 10, str(mark), 7.5, MUTED, "middle")
    for index, row in enumerate(rows):
        y = top - ROW * (index + 1) + 4
        name = row.criterion
        if len(name) > LABEL_CHARACTERS:
            name = name[: LABEL_CHARACTERS - 1] + "…"
        _words(drawing, left - 6, y + 7, name, 8, INK, "end")
        for value, colour, shift in ((row.leader, LEADER, 9.5), (row.observer, OBSERVER, 0.5)):
            if value is None:
                _words(drawing, left + 3, y + shift + 1, "not rated", 6.5, MUTED)
                continue
            drawing.add(Rect(left, y + shift, max(x_of(value) - left, 0.8), 8, fillColor=colour, strokeColor=None))
            _words(drawing, x_of(value) + 3, y + shift + 1, number_text(value), 7, INK)
    return drawing


def _words(drawing: Drawing, x: float, y: float, text: str, size: float, colour: str, anchor: str = "start") -> None:
    drawing.add(
        String(x, y, text, fontName=REGULAR, fontSize=size, textAnchor=anchor, fillColor=colors.HexColor(colour))
    )


def chart_key() -> Drawing:
    """The two colours named: the leader's own rating and the observers'."""
    drawing = blank(260, 14)
    for x, colour, words in ((0, LEADER, "Their own rating"), (120, OBSERVER, "The observers' rating")):
        drawing.add(Rect(x, 3, 10, 8, fillColor=colour, strokeColor=None))
        _words(drawing, x + 14, 4, words, 8, INK)
    return drawing

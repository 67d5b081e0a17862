"""The network page's legend while the network stands as a family tree: what the genogram's shapes, marks and
lines mean (the shapes by gender, the cross, the double outline, a household's dotted line, the couples' and the
parents' lines), with the roles' colours.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from sos_desktop.models.genogram_look import GENDER_LEGEND, MARKS_LEGEND, PARENT_LOOKS, PARTNER_LOOKS, BondLook
from sos_desktop.ui.network.genogram_items import HOUSEHOLD_INK, MARK_INK, slash_lines
from sos_desktop.ui.network.style import Marker, RoleStyle, legend_entries, marker_path, pen_style

Sample = Marker | RoleStyle | BondLook | str


def genogram_legend_entries() -> list[tuple[str, Sample]]:
    """Each entry of the genogram's legend: its words and what is drawn beside them."""
    entries: list[tuple[str, Sample]] = [(words, marker) for marker, words in GENDER_LEGEND.items()]
    entries += list(zip(MARKS_LEGEND, ("cross", "double", "household"), strict=True))
    entries += [(look.legend, look) for look in PARTNER_LOOKS.values()]
    entries += [(look.legend, look) for look in PARENT_LOOKS.values()]
    entries += [(style.legend, style) for style in legend_entries()]
    return entries


class GenogramLegend(QWidget):
    """The genogram's legend in two columns."""

    ROW = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = genogram_legend_entries()
        self.setMinimumHeight(self.ROW * math.ceil(len(self.entries) / 2) + 6)
        self.setMinimumWidth(300)
        self.setAccessibleName("Family tree legend")
        self.setToolTip("The network stands as a family tree: shapes show gender, colours the role")

    def texts(self) -> list[str]:
        return [words for words, _ in self.entries]

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.palette().text().color()
        width = self.width() / 2
        for index, (words, sample) in enumerate(self.entries):
            left, middle = (index % 2) * width, (index // 2 + 0.5) * self.ROW
            self._sample(painter, sample, QPointF(left + 13, middle))
            painter.setPen(ink)
            text = QRectF(left + 30, middle - self.ROW / 2, width - 30, self.ROW)
            painter.drawText(text, Qt.AlignmentFlag.AlignVCenter, words)
        painter.end()

    def _sample(self, painter: QPainter, sample: Sample, centre: QPointF) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if isinstance(sample, Marker):
            painter.setPen(QPen(MARK_INK, 1.4))
            painter.setBrush(QColor("#FFFFFF"))
            painter.drawPath(marker_path(sample, centre, 17))
        elif isinstance(sample, RoleStyle):
            painter.setPen(QPen(MARK_INK, 1.0))
            painter.setBrush(QColor(sample.fill))
            painter.drawRoundedRect(QRectF(centre.x() - 10, centre.y() - 5, 20, 10), 2, 2)
        elif isinstance(sample, BondLook):
            painter.setPen(QPen(QColor("#505050"), 2.4, pen_style(sample.line)))
            ends = [QPointF(centre.x() - 11, centre.y()), QPointF(centre.x() + 11, centre.y())]
            painter.drawLine(ends[0], ends[1])
            painter.setPen(QPen(QColor("#505050"), 2.0))
            for line in slash_lines(ends, sample.slashes):
                painter.drawLine(line)
        elif sample == "cross":
            painter.setPen(QPen(MARK_INK, 1.4))
            painter.setBrush(QColor("#FFFFFF"))
            painter.drawPath(marker_path(Marker.SQUARE, centre, 16))
            painter.setPen(QPen(MARK_INK, 2.0))
            painter.drawLine(centre + QPointF(-8, -8), centre + QPointF(8, 8))
            painter.drawLine(centre + QPointF(-8, 8), centre + QPointF(8, -8))
        elif sample == "double":
            painter.setPen(QPen(MARK_INK, 1.4))
            painter.drawPath(marker_path(Marker.CIRCLE, centre, 12))
            painter.drawPath(marker_path(Marker.CIRCLE, centre, 20))
        elif sample == "household":
            painter.setPen(QPen(HOUSEHOLD_INK, 2.0, Qt.PenStyle.DotLine))
            painter.drawRoundedRect(QRectF(centre.x() - 11, centre.y() - 8, 22, 16), 6, 6)

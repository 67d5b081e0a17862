"""The genogram's marks on the console's graph, drawn when the network stands as a family tree: the cross through
somebody who has died, the index child's double outline, the slashes across a separated or divorced couple's line,
and a household's dotted outline with its name.

Painting helpers the graph's items call, and the household outline item itself (``models.genogram`` says who lives
together and where the outline runs; ``models.genogram_look`` how each mark looks).
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from sos_desktop.models.genogram import household_outline
from sos_desktop.ui.network.style import Marker, marker_path

MARK_INK = QColor("#202020")
HOUSEHOLD_INK = QColor("#3F6E9E")
HOUSEHOLD_INK_ON_DARK = QColor("#7FB2E5")
"""A household's line and name on a dark console (the dark theme)."""
DOUBLE_GAP = 9.0
"""How far outside the marker the index child's second outline runs."""
SLASH_LENGTH = 26.0
SLASH_GAP = 9.0


def paint_cross(painter: QPainter, size: float) -> None:
    """A cross through a marker ``size`` across, centred on the origin, reaching just past its outline."""
    reach = size * 0.5
    painter.setPen(QPen(MARK_INK, 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(-reach, -reach), QPointF(reach, reach))
    painter.drawLine(QPointF(-reach, reach), QPointF(reach, -reach))


def paint_double_outline(painter: QPainter, marker: Marker, size: float) -> None:
    """The index child's second outline round their marker."""
    painter.setPen(QPen(MARK_INK, 2.2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(marker_path(marker, QPointF(0, 0), size + 2 * DOUBLE_GAP))


def middle_of(route: list[QPointF]) -> tuple[QPointF, float]:
    """The point halfway along ``route`` and the direction (radians) of the stretch it is on."""
    lengths = [QLineF(a, b).length() for a, b in itertools.pairwise(route)]
    half = sum(lengths) / 2
    for (a, b), length in zip(itertools.pairwise(route), lengths, strict=True):
        if half <= length and length > 0:
            line = QLineF(a, b)
            return line.pointAt(half / length), math.atan2(line.dy(), line.dx())
        half -= length
    return route[0], 0.0


def slash_lines(route: list[QPointF], count: int, length: float = SLASH_LENGTH, gap: float = SLASH_GAP) -> list[QLineF]:
    """``count`` short slanted strokes across the middle of ``route`` (one: separated; two: divorced or ex)."""
    if count <= 0 or len(route) < 2:
        return []
    centre, angle = middle_of(route)
    along = QPointF(math.cos(angle), math.sin(angle))
    slant = angle + math.radians(70)  # leaning, as a hand-drawn slash does, not square across
    half = QPointF(math.cos(slant), math.sin(slant)) * (length / 2)
    lines = []
    for n in range(count):
        offset = along * ((n - (count - 1) / 2) * gap)
        lines.append(QLineF(centre + offset - half, centre + offset + half))
    return lines


class HouseholdOutline(QGraphicsPathItem):
    """A dotted rounded line round the people who live together, their name at its top left (console only)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.setZValue(0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks and rubber bands go through to the graph
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        pen = QPen(HOUSEHOLD_INK, 2.4, Qt.PenStyle.DotLine, Qt.PenCapStyle.RoundCap)
        self.setPen(pen)
        self.setBrush(Qt.BrushStyle.NoBrush)
        self._font = QFont()
        self._font.setPointSizeF(10.0)
        self._font.setItalic(True)
        self.setToolTip(f"Live together: {name}")

    def surround(self, centres: list[tuple[float, float]], radius: float) -> None:
        """Run the outline round ``centres`` (each a person's marker and name) at ``radius``."""
        path = QPainterPath()
        points = household_outline(centres, radius)
        if points:
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
            path.closeSubpath()
        self.setPath(path)

    def label_rect(self) -> QRectF:
        bounds = self.path().boundingRect()
        metrics = QFontMetricsF(self._font)
        width = min(metrics.horizontalAdvance(self.name) + 8, max(bounds.width(), 60.0))
        return QRectF(bounds.left() + 12, bounds.top() - metrics.height() / 2 - 2, width, metrics.height() + 4)

    def boundingRect(self) -> QRectF:
        return super().boundingRect().united(self.label_rect()).adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        background = widget.palette().base().color() if widget is not None else QColor("#FFFFFF")
        ink = HOUSEHOLD_INK if background.lightnessF() >= 0.5 else HOUSEHOLD_INK_ON_DARK
        pen = self.pen()
        pen.setColor(ink)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        rect = self.label_rect()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setFont(self._font)
        painter.setPen(ink)
        elided = QFontMetricsF(self._font).elidedText(self.name, Qt.TextElideMode.ElideRight, rect.width() - 8)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, elided)

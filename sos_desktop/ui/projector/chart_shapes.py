"""Shapes for the projector's scales and trajectory: lines, bands, boxes and the coloured discs of raters' marks.

Like the map's shapes they draw no text of their own, so a frame's ``texts()`` is still everything it writes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


@dataclass(frozen=True, eq=False)
class LineShape:
    """A straight or broken line through ``points``, with round ends."""

    points: tuple[QPointF, ...]
    colour: QColor
    width: float

    def paint(self, painter: QPainter) -> None:
        painter.setPen(_pen(self.colour, self.width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(QPolygonF(list(self.points)))

    def texts(self) -> tuple[str, ...]:
        return ()


@dataclass(frozen=True, eq=False)
class AreaShape:
    """A filled polygon: the spread of ratings between the lowest and the highest."""

    points: tuple[QPointF, ...]
    fill: QColor

    def paint(self, painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.fill)
        painter.drawPolygon(QPolygonF(list(self.points)))

    def texts(self) -> tuple[str, ...]:
        return ()


@dataclass(frozen=True, eq=False)
class BoxShape:
    """A rounded rectangle, filled, with an optional border."""

    rect: QRectF
    fill: QColor
    radius: float
    border: QColor | None = None
    border_width: float = 0.0

    def paint(self, painter: QPainter) -> None:
        painter.setPen(_pen(self.border, self.border_width) if self.border is not None else Qt.PenStyle.NoPen)
        painter.setBrush(self.fill)
        painter.drawRoundedRect(self.rect, self.radius, self.radius)

    def texts(self) -> tuple[str, ...]:
        return ()


@dataclass(frozen=True, eq=False)
class DiscShape:
    """A disc ringed in ``ring``; several colours share it in equal slices (raters who gave the same number)."""

    centre: QPointF
    radius: float
    colours: tuple[QColor, ...]
    ring: QColor
    ring_width: float

    def paint(self, painter: QPainter) -> None:
        r = self.radius
        rect = QRectF(self.centre.x() - r, self.centre.y() - r, 2 * r, 2 * r)
        painter.setPen(Qt.PenStyle.NoPen)
        if len(self.colours) == 1:
            painter.setBrush(self.colours[0])
            painter.drawEllipse(rect)
        else:
            sixteenths = 360 * 16 // len(self.colours)
            for index, colour in enumerate(self.colours):
                painter.setBrush(colour)
                painter.drawPie(rect, 90 * 16 - index * sixteenths, -sixteenths)
        painter.setPen(QPen(self.ring, self.ring_width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect)

    def texts(self) -> tuple[str, ...]:
        return ()

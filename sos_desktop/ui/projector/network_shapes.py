"""Shapes for the projector's network view: a person's marker, and a tie drawn in its kind's line style (bent round
the people in its way, as ``models.tie_routes`` routes it).

Like the other projector shapes they write no text of their own (names and the tick are ``TextShape`` and
``BadgeShape``), so a frame's ``texts()`` is still everything it draws.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF


@dataclass(frozen=True, eq=False)
class MarkerShape:
    """A person's outline (its shape tells the role, as its fill does), filled and ringed."""

    path: QPainterPath
    fill: QColor
    ring: QColor
    ring_width: float

    def paint(self, painter: QPainter) -> None:
        pen = QPen(self.ring, self.ring_width)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(self.fill)
        painter.drawPath(self.path)

    def texts(self) -> tuple[str, ...]:
        return ()


@dataclass(frozen=True, eq=False)
class TieShape:
    """A line between two people, solid, dashed or dotted by the kind of tie: straight, or through ``bends`` where
    it goes round somebody in the way.
    """

    start: QPointF
    end: QPointF
    colour: QColor
    width: float
    style: Qt.PenStyle
    bends: tuple[QPointF, ...] = ()

    def paint(self, painter: QPainter) -> None:
        pen = QPen(self.colour, self.width, self.style)
        # Flat ends keep a dotted line's dots apart; a round cap would run them into a solid line.
        pen.setCapStyle(Qt.PenCapStyle.FlatCap if self.style != Qt.PenStyle.SolidLine else Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.bends:
            painter.drawPolyline(QPolygonF([self.start, *self.bends, self.end]))
        else:
            painter.drawLine(self.start, self.end)

    def texts(self) -> tuple[str, ...]:
        return ()

"""What one frame of the projector paints: a background and a list of placed shapes and texts.

The layout builds a ``Scene`` when something changes; each paint only walks it. ``texts()`` lists every string the
frame draws, which is how the tests check that no full name reaches the room.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF

from sos_desktop.ui.projector.text import LaidText


class Shape(Protocol):
    def paint(self, painter: QPainter) -> None: ...

    def texts(self) -> tuple[str, ...]: ...


@dataclass(frozen=True, eq=False)
class TextShape:
    laid: LaidText
    origin: QPointF
    colour: QColor

    def paint(self, painter: QPainter) -> None:
        painter.setPen(self.colour)
        self.laid.draw(painter, self.origin)

    def texts(self) -> tuple[str, ...]:
        return (self.laid.text,)


@dataclass(frozen=True, eq=False)
class CardShape:
    """A rounded card with a bar of its column's colour down the left."""

    rect: QRectF
    fill: QColor
    border: QPen
    radius: float
    bar: QRectF
    bar_colour: QColor

    def paint(self, painter: QPainter) -> None:
        painter.setPen(self.border)
        painter.setBrush(self.fill)
        painter.drawRoundedRect(self.rect, self.radius, self.radius)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.bar_colour)
        painter.drawRoundedRect(self.bar, self.bar.width() / 2, self.bar.width() / 2)

    def texts(self) -> tuple[str, ...]:
        return ()


@dataclass(frozen=True, eq=False)
class RuleShape:
    rect: QRectF
    colour: QColor

    def paint(self, painter: QPainter) -> None:
        painter.fillRect(self.rect, self.colour)

    def texts(self) -> tuple[str, ...]:
        return ()


@dataclass(frozen=True, eq=False)
class BadgeShape:
    """The number a danger statement shares with its goal, in a disc."""

    rect: QRectF
    number: str
    fill: QColor
    colour: QColor
    font: QFont

    def paint(self, painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.fill)
        painter.drawEllipse(self.rect)
        painter.setPen(self.colour)
        painter.setFont(self.font)
        painter.drawText(self.rect, Qt.AlignmentFlag.AlignCenter, self.number)

    def texts(self) -> tuple[str, ...]:
        return (self.number,)


@dataclass(frozen=True, eq=False)
class FlagShape:
    """A small pennant: this danger statement or goal has no partner yet."""

    rect: QRectF
    colour: QColor

    def paint(self, painter: QPainter) -> None:
        r = self.rect
        pole = max(1.5, r.width() * 0.12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        painter.drawRect(QRectF(r.left(), r.top(), pole, r.height()))
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(r.left() + pole, r.top()),
                    r.topRight() + QPointF(0, r.height() * 0.3),
                    QPointF(r.left() + pole, r.top() + r.height() * 0.6),
                ]
            )
        )

    def texts(self) -> tuple[str, ...]:
        return ()


@dataclass(eq=False)
class Scene:
    """One frame: the background colour, the shapes in painting order, and the card text size used."""

    background: QColor
    shapes: list[Shape] = field(default_factory=list)
    card_pixel_size: int = 0
    hidden_cards: int = 0

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, self.background)
        if not self.shapes:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setClipRect(rect)
        for shape in self.shapes:
            shape.paint(painter)
        painter.restore()

    def texts(self) -> list[str]:
        return [text for shape in self.shapes for text in shape.texts()]

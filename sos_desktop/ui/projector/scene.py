"""What one frame of the projector paints: a background and a list of placed shapes and texts.

The layout builds a ``Scene`` when something changes; each paint only walks it. ``texts()`` lists every string the
frame draws, which is how the tests check that no full name reaches the room.

The map's shapes also say where they paint (``bounds``) and what decides their pixels (``key``), so that after an
edit ``changed_region`` finds the part of the frame that differs from the one on the wall (usually one card) and
only that part is painted again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF, QRegion

from sos_desktop.ui.projector.text import LaidText


class Shape(Protocol):
    def paint(self, painter: QPainter) -> None: ...

    def texts(self) -> tuple[str, ...]: ...


def _rect_key(rect: QRectF) -> tuple[float, float, float, float]:
    return rect.x(), rect.y(), rect.width(), rect.height()


def _grown(rect: QRectF, by: float) -> QRectF:
    """``rect`` with ``by`` pixels more on each side: room for antialiasing and strokes."""
    return rect.adjusted(-by, -by, by, by)


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

    def bounds(self) -> QRectF:
        # The lines' full wrapping width, and a quarter of the type size more for glyphs that overhang.
        rect = self.laid.layout.boundingRect().translated(self.origin)
        return _grown(rect, 2 + self.laid.layout.font().pixelSize() / 4)

    def key(self) -> tuple[object, ...]:
        # The laid text by identity: the cache hands out the same object for the same text, style and width.
        return id(self.laid), self.origin.x(), self.origin.y(), self.colour.rgba()


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

    def bounds(self) -> QRectF:
        return _grown(self.rect, 1 + self.border.widthF())

    def key(self) -> tuple[object, ...]:
        pen = self.border
        return (
            _rect_key(self.rect),
            self.fill.rgba(),
            pen.color().rgba(),
            pen.widthF(),
            self.radius,
            _rect_key(self.bar),
            self.bar_colour.rgba(),
        )


@dataclass(frozen=True, eq=False)
class RuleShape:
    rect: QRectF
    colour: QColor

    def paint(self, painter: QPainter) -> None:
        painter.fillRect(self.rect, self.colour)

    def texts(self) -> tuple[str, ...]:
        return ()

    def bounds(self) -> QRectF:
        return _grown(self.rect, 1)

    def key(self) -> tuple[object, ...]:
        return _rect_key(self.rect), self.colour.rgba()


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

    def bounds(self) -> QRectF:
        return _grown(self.rect, 1 + self.rect.width() / 2)  # a wide number is drawn beyond its disc

    def key(self) -> tuple[object, ...]:
        return _rect_key(self.rect), self.number, self.fill.rgba(), self.colour.rgba(), self.font.key()


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

    def bounds(self) -> QRectF:
        return _grown(self.rect, 1)

    def key(self) -> tuple[object, ...]:
        return _rect_key(self.rect), self.colour.rgba()


@dataclass(frozen=True, eq=False)
class TagShape:
    """A word in a filled, rounded box: "New", "Changed", "Dropped", an outcome, "Overdue". The word is drawn in
    ``ink`` on ``fill`` (dark on a bright fill, or the reverse) so that it reads from the back of the room;
    ``outline`` draws only the box's border in ``fill`` (for "Not reviewed yet", which is no outcome).
    """

    rect: QRectF
    laid: LaidText
    fill: QColor
    ink: QColor
    outline: bool = False

    def paint(self, painter: QPainter) -> None:
        radius = self.rect.height() / 2
        if self.outline:
            painter.setPen(QPen(self.fill, max(1.5, self.rect.height() / 14)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.fill)
        painter.drawRoundedRect(self.rect, radius, radius)
        painter.setPen(self.ink)
        origin = self.rect.center() - QPointF(self.laid.width / 2, self.laid.height / 2)
        self.laid.draw(painter, origin)

    def texts(self) -> tuple[str, ...]:
        return (self.laid.text,)

    def bounds(self) -> QRectF:
        return _grown(self.rect, 2 + self.laid.layout.font().pixelSize() / 4)

    def key(self) -> tuple[object, ...]:
        return _rect_key(self.rect), id(self.laid), self.fill.rgba(), self.ink.rgba(), self.outline


_COMPARABLE = (TextShape, CardShape, RuleShape, BadgeShape, FlagShape, TagShape)
"""The shapes that say where they paint (``bounds``: every pixel they may paint lies inside) and what decides their
pixels (``key``: equal for two shapes that paint the same); a frame holding any other is always painted whole."""


@dataclass(eq=False)
class Scene:
    """One frame: the background colour, the shapes in painting order, and the card text size used."""

    background: QColor
    shapes: list[Shape] = field(default_factory=list)
    card_pixel_size: int = 0
    hidden_cards: int = 0
    _measured: tuple[list[tuple[object, ...]], list[QRect]] | None = field(default=None, init=False, repr=False)

    def paint(self, painter: QPainter, rect: QRectF, region: QRegion | None = None) -> None:
        """Paint the frame in ``rect``; with a ``region`` (from ``changed_region``), only the shapes that reach into
        it (the painter must be clipped to it, as a widget's painter is for a partial repaint).
        """
        painter.fillRect(rect if region is None else QRectF(region.boundingRect()) & rect, self.background)
        if not self.shapes:
            return
        shapes = self.shapes
        measured = self.measured() if region is not None else None
        if region is not None and measured is not None:
            shapes = [shape for shape, bounds in zip(shapes, measured[1], strict=True) if region.intersects(bounds)]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)  # within any clip the caller set
        for shape in shapes:
            shape.paint(painter)
        painter.restore()

    def texts(self) -> list[str]:
        return [text for shape in self.shapes for text in shape.texts()]

    def measured(self) -> tuple[list[tuple[object, ...]], list[QRect]] | None:
        """Each shape's ``key`` and the pixels it may paint, worked out once (a frame is not changed once laid out);
        None if a shape cannot say.
        """
        if self._measured is None:
            keys: list[tuple[object, ...]] = []
            bounds: list[QRect] = []
            for shape in self.shapes:
                if not isinstance(shape, _COMPARABLE):
                    return None
                keys.append(shape.key())
                bounds.append(shape.bounds().toAlignedRect())
            self._measured = keys, bounds
        return self._measured

    def changed_region(self, shown: Scene) -> QRegion | None:
        """Where this frame differs from ``shown`` (the frame on the wall), or None if the whole frame must be painted.

        A shape counts as unchanged when a shape with the same ``key`` was in ``shown``; the region covers every
        shape that came or went. Should the unchanged shapes be painted in another order (an overlap could then
        differ), or should a shape not say where it paints, the answer is None.
        """
        old, new = shown.measured(), self.measured()
        if shown.background != self.background or old is None or new is None:
            return None
        (before, old_bounds), (after, new_bounds) = old, new
        kept = set(before) & set(after)
        if [key for key in before if key in kept] != [key for key in after if key in kept]:
            return None
        region = QRegion()
        for keys, bounds in ((before, old_bounds), (after, new_bounds)):
            for key, rect in zip(keys, bounds, strict=True):
                if key not in kept:
                    region = region.united(rect)
        return region

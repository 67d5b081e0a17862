"""The picture of a Words and Pictures panel, painted into a rectangle of any QPainter: the console's thumbnails and
editor, the wall and the screenshots all draw a panel with :func:`paint_panel_picture`.

A drawing fills the largest square that fits the rectangle, centred (its canvas is square, 0..1 both ways); an image
keeps its proportions. Who a stick figure is comes from ``name_of`` (the caller decides which names it may show: the
wall gives display names only); a figure of nobody and a text shape show their own label. Line widths and type
grow with the square, so a thumbnail and a wall-sized panel look alike.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPolygonF

from sos_desktop.models.control_characters import strip_controls
from sos_desktop.models.drawing import COLOUR_HEX, Drawing, Shape, ShapeKind
from sos_desktop.models.words_pictures import Panel

NameOf = Callable[[int], str | None]
"""The name a view may show for a network person's id (None: the figure shows its own label)."""
ImageOf = Callable[[int], QImage | None]
"""The image kept by a picture id (None: the store no longer has it, or it cannot be read)."""

PAPER = QColor("#ffffff")
MISSING = QColor("#757575")


def canvas_square(rect: QRectF) -> QRectF:
    """The largest square inside ``rect``, centred: where a drawing's 0..1 canvas goes."""
    side = min(rect.width(), rect.height())
    return QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)


def image_of_bytes(data: bytes) -> QImage | None:
    """The image the bytes hold, or None when Qt cannot read them."""
    image = QImage.fromData(data)
    return None if image.isNull() else image


def figure_label(shape: Shape, name_of: NameOf | None) -> str:
    """What a shape is labelled with: its person's name as the view may show it, else its own label."""
    if shape.person is not None and name_of is not None:
        name = name_of(shape.person)
        if name:
            return strip_controls(name)
    return shape.label


def paint_panel_picture(
    painter: QPainter,
    rect: QRectF,
    panel: Panel,
    *,
    image_of: ImageOf | None = None,
    name_of: NameOf | None = None,
) -> bool:
    """Paint the panel's picture into ``rect``; False (nothing painted) when the panel has none."""
    if panel.drawing is not None:
        paint_drawing(painter, rect, panel.drawing, name_of=name_of)
        return True
    if panel.image is not None:
        image = image_of(panel.image.picture) if image_of is not None else None
        paint_image(painter, rect, image, panel.image.caption)
        return True
    return False


def paint_image(painter: QPainter, rect: QRectF, image: QImage | None, caption: str = "") -> None:
    """An image kept in proportion and centred in ``rect``; a missing one says so, naming its caption."""
    painter.save()
    if image is None or image.isNull():
        painter.setPen(QPen(MISSING, max(1.0, rect.height() / 100), Qt.PenStyle.DashLine))
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
        font = QFont(painter.font())
        font.setPixelSize(max(8, int(rect.height() / 12)))
        painter.setFont(font)
        text = "The image is missing" + (f": {caption}" if caption else "")
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
    else:
        scale = min(rect.width() / image.width(), rect.height() / image.height())
        size = (image.width() * scale, image.height() * scale)
        target = QRectF(rect.center().x() - size[0] / 2, rect.center().y() - size[1] / 2, *size)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, image)
    painter.restore()


def paint_drawing(painter: QPainter, rect: QRectF, drawing: Drawing, *, name_of: NameOf | None = None) -> None:
    """The drawing's shapes, first underneath, on white paper in the square of ``rect``."""
    square = canvas_square(rect)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(square, PAPER)
    painter.setClipRect(square)
    for shape in drawing.shapes:
        paint_shape(painter, square, shape, name_of=name_of)
    painter.restore()


def shape_rect(square: QRectF, shape: Shape) -> QRectF:
    """The shape's box in the painter's coordinates (a line's from its start to its end, normalised)."""
    side = square.width()
    box = QRectF(square.left() + shape.x * side, square.top() + shape.y * side, shape.width * side, shape.height * side)
    return box.normalized()


def paint_shape(painter: QPainter, square: QRectF, shape: Shape, *, name_of: NameOf | None = None) -> None:
    side = square.width()
    colour = QColor(COLOUR_HEX[shape.colour])
    pen = QPen(colour, max(1.0, side * 0.012), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.save()
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    start = QPointF(square.left() + shape.x * side, square.top() + shape.y * side)
    end = QPointF(start.x() + shape.width * side, start.y() + shape.height * side)
    box = shape_rect(square, shape)
    kind = shape.kind
    if kind is ShapeKind.STICK_FIGURE:
        _stick_figure(painter, box)
        _label_under(painter, box, figure_label(shape, name_of), side, colour)
    elif kind is ShapeKind.CIRCLE:
        painter.drawEllipse(box)
    elif kind is ShapeKind.RECTANGLE:
        painter.drawRect(box)
    elif kind in (ShapeKind.LINE, ShapeKind.ARROW):
        painter.drawLine(start, end)
        if kind is ShapeKind.ARROW:
            _arrow_head(painter, start, end, side * 0.04, colour)
    elif kind is ShapeKind.HOUSE:
        _house(painter, box)
    elif kind is ShapeKind.HEART:
        painter.setBrush(colour)
        painter.drawPath(_heart(box))
    elif kind is ShapeKind.TEXT:
        font = QFont(painter.font())
        font.setPixelSize(max(6, int(box.height() * 0.7)))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, shape.label)
    painter.restore()


def _stick_figure(painter: QPainter, box: QRectF) -> None:
    head = min(box.width() * 0.7, box.height() * 0.28)
    centre_x = box.center().x()
    painter.drawEllipse(QRectF(centre_x - head / 2, box.top(), head, head))
    neck = box.top() + head
    hips = box.top() + box.height() * 0.66
    painter.drawLine(QPointF(centre_x, neck), QPointF(centre_x, hips))
    arms = neck + (hips - neck) * 0.3
    painter.drawLine(QPointF(box.left(), arms + box.height() * 0.06), QPointF(centre_x, arms))
    painter.drawLine(QPointF(box.right(), arms + box.height() * 0.06), QPointF(centre_x, arms))
    painter.drawLine(QPointF(centre_x, hips), QPointF(box.left() + box.width() * 0.12, box.bottom()))
    painter.drawLine(QPointF(centre_x, hips), QPointF(box.right() - box.width() * 0.12, box.bottom()))


def _label_under(painter: QPainter, box: QRectF, text: str, side: float, colour: QColor) -> None:
    if not text:
        return
    font = QFont(painter.font())
    font.setPixelSize(max(6, int(side * 0.05)))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(colour)
    width = max(box.width() * 2.2, side * 0.3)
    area = QRectF(box.center().x() - width / 2, box.bottom() + side * 0.005, width, side * 0.07)
    painter.drawText(area, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)


def _arrow_head(painter: QPainter, start: QPointF, end: QPointF, size: float, colour: QColor) -> None:
    angle = math.atan2(end.y() - start.y(), end.x() - start.x())
    left = QPointF(end.x() - size * math.cos(angle - 0.45), end.y() - size * math.sin(angle - 0.45))
    right = QPointF(end.x() - size * math.cos(angle + 0.45), end.y() - size * math.sin(angle + 0.45))
    painter.setBrush(colour)
    painter.drawPolygon(QPolygonF([end, left, right]))


def _house(painter: QPainter, box: QRectF) -> None:
    roof_bottom = box.top() + box.height() * 0.4
    walls = QRectF(box.left() + box.width() * 0.08, roof_bottom, box.width() * 0.84, box.bottom() - roof_bottom)
    painter.drawPolygon(
        QPolygonF(
            [QPointF(box.left(), roof_bottom), QPointF(box.center().x(), box.top()), QPointF(box.right(), roof_bottom)]
        )
    )
    painter.drawRect(walls)
    door_width = walls.width() * 0.24
    painter.drawRect(
        QRectF(
            walls.center().x() - door_width / 2,
            walls.bottom() - walls.height() * 0.55,
            door_width,
            walls.height() * 0.55,
        )
    )


def _heart(box: QRectF) -> QPainterPath:
    x, y, w, h = box.left(), box.top(), box.width(), box.height()
    path = QPainterPath()
    path.moveTo(x + w / 2, y + h)
    path.cubicTo(x - w * 0.1, y + h * 0.55, x + w * 0.05, y - h * 0.15, x + w / 2, y + h * 0.25)
    path.cubicTo(x + w * 0.95, y - h * 0.15, x + w * 1.1, y + h * 0.55, x + w / 2, y + h)
    return path

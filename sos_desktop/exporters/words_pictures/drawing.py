"""A Words and Pictures drawing on the PDF page: the same shapes the console draws (``models.drawing``), drawn with
reportlab's canvas in vectors, so they print sharp at any size.

The drawing is a square, its shapes placed by fractions of its side (the top left at 0, 0); the page's y runs up,
so every point is turned over once here. A stick figure's name stands under it (kept inside the square), a text
shape's words fill its box; both go through the minutes' line drawing, so a name in any script prints, and
nothing is drawn beyond the square.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable

from sos_desktop.exporters.minutes.fonts import BOLD, register_fonts
from sos_desktop.exporters.minutes.script_text import draw_line, line_width
from sos_desktop.exporters.minutes.styles import RULE
from sos_desktop.exporters.words_pictures.content import DrawnShape
from sos_desktop.models.drawing import COLOUR_HEX, ShapeKind

LABEL_SHARE = 0.045
"""A figure's name, as a share of the drawing's side: 8 points on a drawing 180 points wide, more on a larger one."""

_HEART = (
    ((0.5, 0.0), (0.0, 0.0), (0.0, 0.3)),
    ((0.0, 0.6), (0.35, 0.75), (0.5, 1.0)),
    ((0.65, 0.75), (1.0, 0.6), (1.0, 0.3)),
    ((1.0, 0.0), (0.5, 0.0), (0.5, 0.25)),
)
"""A heart as four curves in its box (0..1, y down), from the dip at the top round the left to the tip and back."""


class DrawingFlowable(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A drawing ``side`` points square, framed by a thin rule, centred in the width it is given."""

    def __init__(self, shapes: tuple[DrawnShape, ...], side: float) -> None:
        super().__init__()
        self.shapes = shapes
        self.side = side
        self._left = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        self.side = min(self.side, availWidth)
        self._left = max(0.0, (availWidth - self.side) / 2)
        return availWidth, self.side

    def draw(self) -> None:
        register_fonts()
        canvas = self.canv
        canvas.saveState()
        canvas.translate(self._left, 0)
        canvas.setStrokeColor(colors.HexColor(RULE))
        canvas.setLineWidth(0.8)
        canvas.rect(0, 0, self.side, self.side, stroke=1, fill=0)
        square = canvas.beginPath()
        square.rect(0, 0, self.side, self.side)
        canvas.clipPath(square, stroke=0, fill=0)  # nothing drawn beyond the paper, however long a label
        for drawn in self.shapes:
            draw_shape(canvas, drawn, self.side)
        canvas.restoreState()


def draw_shape(canvas: Any, drawn: DrawnShape, side: float) -> None:
    """One shape on ``canvas``, whose square drawing of ``side`` points has its bottom left at the origin."""
    shape = drawn.shape
    colour = colors.HexColor(COLOUR_HEX[shape.colour])

    def at(u: float, v: float) -> tuple[float, float]:
        """A point of the shape's box (0..1 each way, v down) on the page."""
        return (shape.x + u * shape.width) * side, side - (shape.y + v * shape.height) * side

    canvas.saveState()
    canvas.setStrokeColor(colour)
    canvas.setFillColor(colour)
    canvas.setLineWidth(max(1.0, side * 0.012))
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    kind = shape.kind
    if kind in (ShapeKind.LINE, ShapeKind.ARROW):
        _line(canvas, at(0, 0), at(1, 1), arrow=kind is ShapeKind.ARROW, head=side * 0.04)
    elif kind is ShapeKind.CIRCLE:
        (x1, y1), (x2, y2) = at(0, 0), at(1, 1)
        canvas.ellipse(x1, y2, x2, y1, stroke=1, fill=0)
    elif kind is ShapeKind.RECTANGLE:
        (x1, y1), (x2, y2) = at(0, 0), at(1, 1)
        canvas.rect(x1, y2, x2 - x1, y1 - y2, stroke=1, fill=0)
    elif kind is ShapeKind.HOUSE:
        _polygon(canvas, [at(0.1, 0.42), at(0.9, 0.42), at(0.9, 1), at(0.1, 1)])
        _polygon(canvas, [at(0, 0.45), at(0.5, 0), at(1, 0.45)])
        _polygon(canvas, [at(0.42, 0.68), at(0.58, 0.68), at(0.58, 1), at(0.42, 1)])
    elif kind is ShapeKind.HEART:
        path = canvas.beginPath()
        path.moveTo(*at(0.5, 0.25))
        for first, second, end in _HEART:
            path.curveTo(*at(*first), *at(*second), *at(*end))
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
    elif kind is ShapeKind.STICK_FIGURE:
        _stick_figure(canvas, at, shape.width * side, shape.height * side)
        if drawn.label:
            size = max(7.0, side * LABEL_SHARE)
            x, bottom = at(0.5, 1)
            y = max(size * 0.3, bottom - size * 1.15)
            _fitted_line(canvas, x, y, drawn.label, size, side)
    elif kind is ShapeKind.TEXT and drawn.label:
        (x1, y1), (x2, y2) = at(0, 0), at(1, 1)
        size = max(6.0, min((y1 - y2) * 0.7, side * 0.09))
        width = line_width(drawn.label, BOLD, size)
        if width > x2 - x1 > 0:
            size = max(6.0, size * (x2 - x1) / width)
        _fitted_line(canvas, (x1 + x2) / 2, (y1 + y2) / 2 - size * 0.35, drawn.label, size, side)
    canvas.restoreState()


def _fitted_line(canvas: Any, x: float, y: float, text: str, size: float, side: float) -> None:
    """``text`` centred on ``x``, moved in (and made smaller, down to 5 points) so that it stays inside the drawing."""
    width = line_width(text, BOLD, size)
    if width > side - 4:
        size = max(5.0, size * (side - 4) / width)
        width = line_width(text, BOLD, size)
    x = min(max(x, width / 2 + 2), side - width / 2 - 2) if width < side else side / 2
    draw_line(canvas, x, y, text, BOLD, size, align="centre")


def _line(canvas: Any, start: tuple[float, float], end: tuple[float, float], *, arrow: bool, head: float) -> None:
    canvas.line(*start, *end)
    if not arrow:
        return
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = max(1e-6, (dx * dx + dy * dy) ** 0.5)
    ux, uy = dx / length, dy / length
    back = (end[0] - ux * head, end[1] - uy * head)
    left = (back[0] - uy * head * 0.6, back[1] + ux * head * 0.6)
    right = (back[0] + uy * head * 0.6, back[1] - ux * head * 0.6)
    path = canvas.beginPath()
    path.moveTo(*end)
    path.lineTo(*left)
    path.lineTo(*right)
    path.close()
    canvas.drawPath(path, stroke=1, fill=1)


def _polygon(canvas: Any, points: list[tuple[float, float]]) -> None:
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    path.close()
    canvas.drawPath(path, stroke=1, fill=0)


def _stick_figure(canvas: Any, at: Any, width: float, height: float) -> None:
    """A head, a body, arms and legs in the figure's box."""
    head = min(0.14 * height, 0.3 * width)
    cx, top = at(0.5, 0)
    canvas.circle(cx, top - head, head, stroke=1, fill=0)
    neck = (cx, top - 2 * head)
    hips = at(0.5, 0.68)
    canvas.line(*neck, *hips)
    shoulders = (cx, neck[1] - 0.12 * height)
    canvas.line(*shoulders, *at(0.08, 0.52))
    canvas.line(*shoulders, *at(0.92, 0.52))
    canvas.line(*hips, *at(0.15, 1))
    canvas.line(*hips, *at(0.85, 1))

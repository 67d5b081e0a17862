"""A simple drawing made in the app for a Words and Pictures panel: a few shapes on a square canvas.

Positions and sizes are fractions of the canvas (0..1 both ways, the top left at 0, 0), so the console, the wall
and the PDF draw the same picture at any size. A shape's box is ``x``, ``y`` (its top left), ``width`` and
``height``; a line or an arrow runs from ``x``, ``y`` to ``x + width``, ``y + height`` (so its width and height may
be negative). A stick figure may stand for somebody of the network (``person``, their id): every view then labels it
with the name that view may show (the wall and pseudonymised copies only the display name); a figure of nobody and a
text label show their own ``label``. Each shape has one colour of a small fixed palette, which reads on a projector
and prints in grey.

Pure data: no Qt. Renderers live in the console (``ui/words_pictures/render.py``) and the PDF exporter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from sos_desktop.models.control_characters import strip_controls

MAX_SHAPES = 200
"""The most shapes one drawing keeps: a picture for a child, not a diagram."""
MAX_SHAPE_LABEL_LENGTH = 200
"""The longest label of a stick figure or text: a name or a few words."""
MIN_SIZE = 0.02
"""The smallest box a shape keeps (a fiftieth of the canvas), so that every shape can still be seen and picked."""


class ShapeKind(StrEnum):
    STICK_FIGURE = "stick_figure"
    CIRCLE = "circle"
    RECTANGLE = "rectangle"
    LINE = "line"
    ARROW = "arrow"
    HOUSE = "house"
    HEART = "heart"
    TEXT = "text"


SHAPE_LABELS: dict[ShapeKind, str] = {
    ShapeKind.STICK_FIGURE: "Person",
    ShapeKind.CIRCLE: "Circle",
    ShapeKind.RECTANGLE: "Rectangle",
    ShapeKind.LINE: "Line",
    ShapeKind.ARROW: "Arrow",
    ShapeKind.HOUSE: "House",
    ShapeKind.HEART: "Heart",
    ShapeKind.TEXT: "Words",
}
"""What the drawing editor's palette calls each shape."""

DEFAULT_SIZES: dict[ShapeKind, tuple[float, float]] = {
    ShapeKind.STICK_FIGURE: (0.16, 0.32),
    ShapeKind.CIRCLE: (0.2, 0.2),
    ShapeKind.RECTANGLE: (0.25, 0.18),
    ShapeKind.LINE: (0.25, 0.0),
    ShapeKind.ARROW: (0.25, 0.0),
    ShapeKind.HOUSE: (0.3, 0.3),
    ShapeKind.HEART: (0.16, 0.15),
    ShapeKind.TEXT: (0.3, 0.08),
}
"""The size a shape is placed at (fractions of the canvas)."""


class Colour(StrEnum):
    """The drawing palette: strong colours that read on a projector, each distinct in grey when printed."""

    BLACK = "black"
    RED = "red"
    BLUE = "blue"
    GREEN = "green"
    ORANGE = "orange"
    PURPLE = "purple"
    BROWN = "brown"


COLOUR_HEX: dict[Colour, str] = {
    Colour.BLACK: "#1a1a1a",
    Colour.RED: "#c62828",
    Colour.BLUE: "#1565c0",
    Colour.GREEN: "#2e7d32",
    Colour.ORANGE: "#e65100",
    Colour.PURPLE: "#6a1b9a",
    Colour.BROWN: "#5d4037",
}
COLOUR_LABELS: dict[Colour, str] = {colour: colour.value.capitalize() for colour in Colour}


def is_line(kind: ShapeKind) -> bool:
    """Whether the shape is drawn from one point to another (its width and height may be negative)."""
    return kind in (ShapeKind.LINE, ShapeKind.ARROW)


def clean_label(text: str) -> str:
    """A label as kept: control characters out, spaces tidied (ValueError when too long)."""
    text = " ".join(strip_controls(text).split())
    if len(text) > MAX_SHAPE_LABEL_LENGTH:
        raise ValueError(f"A label in a drawing can be at most {MAX_SHAPE_LABEL_LENGTH} characters long.")
    return text


def _fraction(value: float) -> float:
    return round(min(1.0, max(0.0, float(value))), 4)


@dataclass
class Shape:
    """One shape of a drawing (see the module docstring for the box and the line)."""

    kind: ShapeKind
    x: float
    y: float
    width: float = 0.0
    height: float = 0.0
    colour: Colour = Colour.BLACK
    label: str = ""
    person: int | None = None
    """The network person a stick figure stands for (their id), or None."""

    def __post_init__(self) -> None:
        self.kind = ShapeKind(self.kind)
        self.colour = Colour(self.colour)
        self.label = clean_label(self.label)
        if self.person is not None:
            self.person = int(self.person)
        if self.kind is not ShapeKind.STICK_FIGURE:
            self.person = None
        self.x, self.y = _fraction(self.x), _fraction(self.y)
        if is_line(self.kind):
            # The end stays on the canvas too.
            self.width = round(_fraction(self.x + float(self.width)) - self.x, 4)
            self.height = round(_fraction(self.y + float(self.height)) - self.y, 4)
            if abs(self.width) < MIN_SIZE and abs(self.height) < MIN_SIZE:
                self.width = min(MIN_SIZE, 1.0 - self.x) or -MIN_SIZE
        else:
            self.width = round(max(MIN_SIZE, min(float(self.width), 1.0)), 4)
            self.height = round(max(MIN_SIZE, min(float(self.height), 1.0)), 4)

    def moved_to(self, x: float, y: float) -> Shape:
        """The shape with its top left (a line: its start) at ``x``, ``y``, its size kept as far as the canvas lets."""
        if is_line(self.kind):
            return Shape(self.kind, x, y, self.width, self.height, self.colour, self.label, self.person)
        x = min(_fraction(x), 1.0 - self.width)
        y = min(_fraction(y), 1.0 - self.height)
        return Shape(self.kind, x, y, self.width, self.height, self.colour, self.label, self.person)


def placed_shape(kind: ShapeKind, x: float, y: float, **values: object) -> Shape:
    """A new shape of its default size centred on ``x``, ``y`` (a line starting there), kept on the canvas."""
    width, height = DEFAULT_SIZES[ShapeKind(kind)]
    shape = Shape(ShapeKind(kind), 0.0, 0.0, width, height, **values)  # type: ignore[arg-type]
    if is_line(shape.kind):
        return shape.moved_to(min(x, 1.0 - width), y)
    return shape.moved_to(x - shape.width / 2, y - shape.height / 2)


@dataclass
class Drawing:
    """A picture drawn in the app: its shapes, the first drawn underneath."""

    shapes: list[Shape] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.shapes) > MAX_SHAPES:
            raise ValueError(f"A drawing can have at most {MAX_SHAPES} shapes.")

    def people(self) -> list[int]:
        """The network people the drawing's figures stand for, each once, in drawing order."""
        return list(dict.fromkeys(shape.person for shape in self.shapes if shape.person is not None))

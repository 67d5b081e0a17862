"""The drawing editor: a small window to draw a panel's picture with a few shapes and stick figures.

Pick a shape on the palette and click the canvas to place it; click a shape to choose it, drag it to move it, and
Delete (or "Rub out") takes it off. A stick figure can stand for somebody of the network (their display name is
offered) or carry a label of its own. Every placing, move, change and rubbing out is one undo step of the meeting,
saved at once; the editor's Undo and Redo are the meeting's. The canvas is a thin view: it paints the document's
drawing with the same renderer as the wall.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models.drawing import (
    COLOUR_LABELS,
    MAX_SHAPE_LABEL_LENGTH,
    SHAPE_LABELS,
    Colour,
    Drawing,
    Shape,
    ShapeKind,
    is_line,
    placed_shape,
)
from sos_desktop.ui.common.actions import Key, pressed
from sos_desktop.ui.common.fields import console_name, limit_length
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.words_pictures.render import canvas_square, paint_drawing, shape_rect

PICK_DISTANCE = 0.03
"""How near a line a click must be to pick it (a fraction of the canvas)."""


def shape_at(drawing: Drawing, x: float, y: float) -> int | None:
    """The topmost shape under the canvas point ``x``, ``y`` (fractions), or None."""
    for index in range(len(drawing.shapes) - 1, -1, -1):
        shape = drawing.shapes[index]
        if is_line(shape.kind):
            if _distance_to_segment(x, y, shape) <= PICK_DISTANCE:
                return index
        elif shape.x <= x <= shape.x + shape.width and shape.y <= y <= shape.y + shape.height:
            return index
    return None


def _distance_to_segment(x: float, y: float, shape: Shape) -> float:
    dx, dy = shape.width, shape.height
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - shape.x) * dx + (y - shape.y) * dy) / length))
    return math.hypot(x - (shape.x + t * dx), y - (shape.y + t * dy))


class DrawingCanvas(QWidget):
    """The square canvas of one panel's drawing."""

    chosenChanged = Signal(int)  # the chosen shape's place in the drawing, -1 for none

    def __init__(self, document: MeetingDocument, story_key: str, panel_key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.document, self.story_key, self.panel_key = document, story_key, panel_key
        self.setAccessibleName("Drawing canvas")
        self.setMinimumSize(420, 420)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.kind: ShapeKind | None = ShapeKind.STICK_FIGURE
        """The shape a click places (None: clicks only choose and move)."""
        self.colour = Colour.BLACK
        self.person: int | None = None
        self.label = ""
        self.chosen: int | None = None
        self._drag: tuple[QPointF, Shape] | None = None
        self._offset = QPointF(0, 0)
        document.wordsPicturesChanged.connect(self.update)

    def panel_is_there(self) -> bool:
        """Whether the panel is still in its story (an undo may have taken it off while the editor is open)."""
        try:
            self.document.words_pictures_story(self.story_key).panel(self.panel_key)
        except StopIteration:
            return False
        return True

    def drawing(self) -> Drawing:
        if not self.panel_is_there():
            return Drawing()
        found = self.document.words_pictures_story(self.story_key).panel(self.panel_key).drawing
        return found if found is not None else Drawing()

    def square(self) -> QRectF:
        return canvas_square(QRectF(self.rect()).adjusted(4, 4, -4, -4))

    def to_canvas(self, point: QPointF) -> tuple[float, float]:
        square = self.square()
        return (point.x() - square.left()) / square.width(), (point.y() - square.top()) / square.height()

    def names(self) -> dict[int, str]:
        return {p.id: p.display_name or p.name for p in self.document.network.people if p.id is not None}

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#e0e0e0"))
        drawing = self.drawing()
        if self._drag is not None and self.chosen is not None and self.chosen < len(drawing.shapes):
            moved = list(drawing.shapes)
            moved[self.chosen] = self._moved(self._drag[1])
            drawing = Drawing(moved)
        paint_drawing(painter, self.rect().toRectF().adjusted(4, 4, -4, -4), drawing, name_of=self.names().get)
        if self.chosen is not None and self.chosen < len(drawing.shapes):
            box = shape_rect(self.square(), drawing.shapes[self.chosen]).adjusted(-5, -5, 5, 5)
            painter.setPen(QPen(QColor("#1565c0"), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box)
        painter.end()

    def _moved(self, shape: Shape) -> Shape:
        side = self.square().width()
        return shape.moved_to(shape.x + self._offset.x() / side, shape.y + self._offset.y() / side)

    def choose(self, index: int | None) -> None:
        self.chosen = index
        self.chosenChanged.emit(-1 if index is None else index)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.panel_is_there():
            return
        x, y = self.to_canvas(event.position())
        if not (0 <= x <= 1 and 0 <= y <= 1):
            return
        drawing = self.drawing()
        hit = shape_at(drawing, x, y)
        if hit is not None:
            self.choose(hit)
            self._drag = (event.position(), drawing.shapes[hit])
            self._offset = QPointF(0, 0)
            return
        if self.kind is None:
            self.choose(None)
            return
        label = self.label if self.kind in (ShapeKind.STICK_FIGURE, ShapeKind.TEXT) else ""
        if self.kind is ShapeKind.TEXT and not label:
            label = "Words"
        shape = placed_shape(self.kind, x, y, colour=self.colour, label=label, person=self.person)
        self.choose(self.document.add_shape(self.story_key, self.panel_key, shape))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            self._offset = event.position() - self._drag[0]
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None or self.chosen is None or not self.panel_is_there():
            self._drag = None
            return
        start, shape = self._drag
        self._offset = event.position() - start
        moved = self._moved(shape)
        self._drag = None
        if moved != shape:
            self.document.change_shape(self.story_key, self.panel_key, self.chosen, moved, "Move a shape")
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if pressed(event, Key.DELETE_SHAPE) and self.chosen is not None:
            self.rub_out()
            return
        super().keyPressEvent(event)

    def resize_chosen(self, factor: float) -> None:
        """Make the chosen shape bigger or smaller about its centre (a line from its start), one undo step."""
        shapes = self.drawing().shapes
        if self.chosen is None or self.chosen >= len(shapes):
            return
        shape = shapes[self.chosen]
        width, height = shape.width * factor, shape.height * factor
        x, y = shape.x, shape.y
        if not is_line(shape.kind):
            width, height = min(width, 1.0), min(height, 1.0)
            x, y = shape.x + (shape.width - width) / 2, shape.y + (shape.height - height) / 2
        resized = Shape(shape.kind, 0, 0, width, height, shape.colour, shape.label, shape.person).moved_to(x, y)
        if resized != shape:
            text = "Make a shape bigger" if factor > 1 else "Make a shape smaller"
            self.document.change_shape(self.story_key, self.panel_key, self.chosen, resized, text)

    def rub_out(self) -> None:
        if self.panel_is_there() and self.chosen is not None and self.chosen < len(self.drawing().shapes):
            self.document.remove_shape(self.story_key, self.panel_key, self.chosen)
        self.choose(None)


class DrawingEditor(QDialog):
    """The window around the canvas: the palette, the colour, who a figure is, its label, Undo, Redo, Rub out."""

    def __init__(self, document: MeetingDocument, story_key: str, panel_key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Draw the panel's picture")
        self.document = document
        self.canvas = DrawingCanvas(document, story_key, panel_key, self)
        self.palette_buttons: dict[ShapeKind, QToolButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        palette = QGridLayout()
        for at, kind in enumerate(ShapeKind):
            button = QToolButton()
            button.setText(SHAPE_LABELS[kind])
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumWidth(88)
            group.addButton(button)
            button.toggled.connect(lambda on, kind=kind: self._pick(kind) if on else None)
            palette.addWidget(button, at // 2, at % 2)
            self.palette_buttons[kind] = button
        self.palette_buttons[ShapeKind.STICK_FIGURE].setChecked(True)
        self.colour = QComboBox()
        self.colour.setAccessibleName("Colour")
        for colour in Colour:
            self.colour.addItem(COLOUR_LABELS[colour], colour.value)
        self.colour.currentIndexChanged.connect(self._colour_chosen)
        self.person = QComboBox()
        self.person.setAccessibleName("Who the figure is")
        self.person.addItem("Somebody else (type a label)", None)
        for person in document.network.people:
            if person.id is not None:
                self.person.addItem(console_name(person), person.id)
        self.person.currentIndexChanged.connect(self._person_chosen)
        self.label = QLineEdit()
        self.label.setAccessibleName("Label")
        self.label.setPlaceholderText("A label or words")
        limit_length(self.label, MAX_SHAPE_LABEL_LENGTH)
        self.label.editingFinished.connect(self._label_done)
        self.undo_button = QPushButton("&Undo")
        self.redo_button = QPushButton("&Redo")
        self.rub_out = QPushButton("Rub &out")
        self.bigger = QPushButton("&Bigger")
        self.smaller = QPushButton("S&maller")
        self.bigger.clicked.connect(lambda: self.canvas.resize_chosen(1.25))
        self.smaller.clicked.connect(lambda: self.canvas.resize_chosen(0.8))
        close = QPushButton("Close")
        self.undo_button.clicked.connect(document.undo_stack.undo)
        self.redo_button.clicked.connect(document.undo_stack.redo)
        self.rub_out.clicked.connect(self.canvas.rub_out)
        close.clicked.connect(self.accept)
        side = QVBoxLayout()
        side.addWidget(QLabel("Pick a shape, then click the picture:"))
        side.addLayout(palette)
        for text, widget in (("&Colour", self.colour), ("&Who is it?", self.person), ("&Label", self.label)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            side.addWidget(caption)
            side.addWidget(widget)
        sizes = QHBoxLayout()
        sizes.addWidget(self.bigger)
        sizes.addWidget(self.smaller)
        side.addLayout(sizes)
        side.addStretch(1)
        buttons = QHBoxLayout()
        for push in (self.undo_button, self.redo_button, self.rub_out):
            buttons.addWidget(push)
        side.addLayout(buttons)
        side.addWidget(close)
        layout = QHBoxLayout(self)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(side)
        self.canvas.chosenChanged.connect(self._shape_chosen)
        self.resize(760, 480)

    def _pick(self, kind: ShapeKind) -> None:
        self.canvas.kind = kind

    def _colour_chosen(self) -> None:
        self.canvas.colour = Colour(self.colour.currentData())
        self._change_chosen(colour=self.canvas.colour)

    def _person_chosen(self) -> None:
        person = self.person.currentData()
        self.canvas.person = None if person is None else int(person)
        if person is not None:
            # The label a figure keeps is the display name only: a view that cannot name the person (the wall,
            # a pseudonymised copy, a file without them) shows the label, which must never be a full name.
            shown = next((p.display_name for p in self.document.network.people if p.id == person), "")
            self.label.setText(shown)
            self.canvas.label = self.label.text()
        self._change_chosen(person=self.canvas.person, label=self.canvas.label)

    def _label_done(self) -> None:
        self.canvas.label = self.label.text()
        self._change_chosen(label=self.canvas.label)

    def _change_chosen(self, **values: object) -> None:
        """Give the chosen shape the colour, person or label just picked (one undo step)."""
        index = self.canvas.chosen
        shapes = self.canvas.drawing().shapes
        if index is None or index >= len(shapes):
            return
        shape = shapes[index]
        fields = {
            "kind": shape.kind,
            "x": shape.x,
            "y": shape.y,
            "width": shape.width,
            "height": shape.height,
            "colour": shape.colour,
            "label": shape.label,
            "person": shape.person,
        }
        fields.update(values)
        changed = Shape(**fields)  # type: ignore[arg-type]
        if changed != shape:
            self.canvas.document.change_shape(self.canvas.story_key, self.canvas.panel_key, index, changed)

    def _shape_chosen(self, index: int) -> None:
        shapes = self.canvas.drawing().shapes
        if not 0 <= index < len(shapes):
            return
        shape = shapes[index]
        for widget in (self.colour, self.person, self.label):
            widget.blockSignals(True)
        self.colour.setCurrentIndex(max(0, self.colour.findData(shape.colour.value)))
        self.person.setCurrentIndex(max(0, self.person.findData(shape.person)) if shape.person is not None else 0)
        self.label.setText(shape.label)
        for widget in (self.colour, self.person, self.label):
            widget.blockSignals(False)
        self.canvas.colour, self.canvas.person, self.canvas.label = shape.colour, shape.person, shape.label

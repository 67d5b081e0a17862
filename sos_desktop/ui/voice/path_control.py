"""The path to the door: a 0 to 10 control drawn as stepping stones up to the Safety House's door.

The child puts themselves on the path; the facilitator clicks or drags the child's marker to the stone they chose
(half points between stones), or uses the keys: Left and Right move half a point, Page Up and Page Down a whole one,
Home and End go to either end, Delete takes the child off the path (not placed yet). The control only reports the
gesture (``valueChosen``); what it shows is what the document holds, set with ``show_value``.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from sos_desktop.models.scaling import paged_rating
from sos_desktop.ui.common.actions import Key, pressed

PATH_COLOUR = QColor("#8d6e63")
STONE_COLOUR = QColor("#d7ccc8")
DOOR_COLOUR = QColor("#1565c0")
CHILD_COLOUR = QColor("#2e7d32")
FAR_END = "Far from the door"
NEAR_END = "At the door"


def path_words(value: float | None) -> str:
    """What the control says of ``value``: "6 of 10" (halves as ½), or that the child is not on the path yet."""
    if value is None:
        return "Not on the path yet"
    whole = int(value)
    return f"{whole}½ of 10" if value != whole else f"{whole} of 10"


class PathControl(QWidget):
    """Stepping stones 0 to 10 leading to a door; the child's marker on the chosen stone."""

    valueChosen = Signal(object)  # Qt signal naming; the value chosen (a float in half points, or None)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: float | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(120)
        self.setAccessibleName("The path to the door")
        self.setToolTip(
            "Where the child puts themselves on the path to the door, 0 to 10: click or drag the child, or use the "
            "arrow keys (Delete: not on the path yet)"
        )
        self._describe()

    def sizeHint(self) -> QSize:
        return QSize(520, 130)

    def value(self) -> float | None:
        return self._value

    def show_value(self, value: float | None) -> None:
        if value != self._value:
            self._value = value
            self._describe()
            self.update()

    def _describe(self) -> None:
        self.setAccessibleDescription(f"The child is at {path_words(self._value)}")

    # Geometry ----------------------------------------------------------------------------------------------------

    def _track(self) -> tuple[float, float, float]:
        """The x of stone 0, the x of stone 10, and the y of the path."""
        door = min(70.0, self.width() * 0.12)
        return 24.0, self.width() - door - 34.0, self.height() * 0.5

    def stone_x(self, value: float) -> float:
        left, right, _ = self._track()
        return left + (right - left) * value / 10.0

    def value_at(self, x: float) -> float:
        left, right, _ = self._track()
        raw = (x - left) / max(1.0, right - left) * 10.0
        return max(0.0, min(10.0, round(raw * 2) / 2))

    # Painting ----------------------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left, right, y = self._track()
        road = QPainterPath(QPointF(left, y))
        road.lineTo(QPointF(right + 30, y))
        painter.setPen(QPen(PATH_COLOUR, 18, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawPath(road)
        metrics = painter.fontMetrics()
        text_colour = self.palette().windowText().color()
        for stone in range(11):
            x = self.stone_x(stone)
            painter.setPen(QPen(PATH_COLOUR.darker(130), 1.5))
            painter.setBrush(STONE_COLOUR)
            painter.drawEllipse(QPointF(x, y), 9, 7)
            painter.setPen(text_colour)
            label = str(stone)
            painter.drawText(QPointF(x - metrics.horizontalAdvance(label) / 2, y + 28), label)
        door = QRectF(right + 30, y - 40, min(60.0, self.width() * 0.1), 64)
        painter.setPen(QPen(DOOR_COLOUR.darker(130), 2))
        painter.setBrush(DOOR_COLOUR)
        painter.drawRect(door)
        painter.setBrush(QColor("#ffd54f"))
        painter.drawEllipse(QPointF(door.left() + door.width() * 0.75, door.center().y()), 3.5, 3.5)
        painter.setPen(text_colour)
        painter.drawText(QPointF(left - 8, y - 34), FAR_END)
        painter.drawText(QPointF(door.right() - metrics.horizontalAdvance(NEAR_END), door.bottom() + 18), NEAR_END)
        if self._value is not None:
            x = self.stone_x(self._value)
            painter.setPen(QPen(CHILD_COLOUR.darker(140), 2))
            painter.setBrush(CHILD_COLOUR)
            painter.drawEllipse(QPointF(x, y - 24), 7, 7)  # the child: a head over a body
            painter.drawLine(QPointF(x, y - 17), QPointF(x, y - 4))
            painter.drawLine(QPointF(x - 7, y - 12), QPointF(x + 7, y - 12))
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    # Gestures ----------------------------------------------------------------------------------------------------

    def _choose(self, value: float | None) -> None:
        if value != self._value:
            self.valueChosen.emit(value)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus()
            self._choose(self.value_at(event.position().x()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._choose(self.value_at(event.position().x()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        value = self._value
        if pressed(event, Key.PATH_HALF_UP):
            self._choose(0.0 if value is None else min(10.0, value + 0.5))
        elif pressed(event, Key.PATH_HALF_DOWN):
            self._choose(None if value is None else max(0.0, value - 0.5))
        elif pressed(event, Key.PATH_POINT_UP):
            self._choose(paged_rating(value, up=True))
        elif pressed(event, Key.PATH_POINT_DOWN):
            self._choose(paged_rating(value, up=False))
        elif pressed(event, Key.PATH_TO_ZERO):
            self._choose(0.0)
        elif pressed(event, Key.PATH_TO_TEN):
            self._choose(10.0)
        elif pressed(event, Key.PATH_CLEAR):
            self._choose(None)
        else:
            super().keyPressEvent(event)

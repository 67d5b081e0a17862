"""The two-minute tour (Help › Tour of the screens): short, plain steps, each pointing at one part of the console.

Each step brings its part into view (opening the demo meeting's tab it is about, if a meeting is open) and outlines
it; the tour's small window sits beside it with Back, Next and Close, never over it (``placement``: the side of the
screen with the most room, the window narrowed to fit beside a page that fills the console). Not modal, so nothing
waits on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QCloseEvent, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from sos_desktop.ui.common.console import Console


@dataclass(frozen=True)
class TourStep:
    title: str
    text: str
    target: Callable[[Console], Target | None]
    """Brings its part of the console into view and returns it (None: the step points at nothing)."""


Target = tuple[QWidget, QRect]
"""A part of the console: a widget, and the rectangle of it (in its own coordinates) to outline."""


def _whole(widget: QWidget) -> Target:
    return widget, widget.rect()


def _tab(key: str) -> Callable[[Console], Target | None]:
    def show(console: Console) -> Target | None:
        return _whole(console.bring_page(key))

    return show


def _menu(title: str) -> Callable[[Console], Target | None]:
    """The title of the menu called ``title`` on the console's menu bar."""

    def show(window: Console) -> Target | None:
        bar = window.menuBar()
        for action in bar.actions():
            if action.text().replace("&", "") == title:
                return bar, bar.actionGeometry(action)
        return _whole(bar)

    return show


STEPS: tuple[TourStep, ...] = (
    TourStep(
        "Cases and meetings",
        "On the left: your team's cases, each with its meetings. Double-click a meeting to open it. "
        "File › New case starts a case; File › New meeting adds one to it.",
        lambda console: _whole(console.cases_view()),
    ),
    TourStep(
        "The map",
        "The Map tab is the three columns: worries, what's working well, what needs to happen. Type in a "
        "category's line and press Enter. Ctrl+1 … Ctrl+8 jump to the eight categories, in map order.",
        _tab("map"),
    ),
    TourStep(
        "Scaling",
        "Scaling: everyone gives their own number from 0 to 10, the worker first. A private round keeps the "
        "numbers off the wall until you reveal them.",
        _tab("scaling"),
    ),
    TourStep(
        "Agenda and clock",
        "Agenda: the phases of the meeting with their minutes. F6 starts the clock, F7 moves to the next phase; "
        "the clock can show in a corner of the projector.",
        _tab("agenda"),
    ),
    TourStep(
        "Safety network",
        "Network: the people around the child. Double-click empty space to add someone; Shift+drag between two "
        "people to connect them.",
        _tab("network"),
    ),
    TourStep(
        "Child's voice",
        "Child's voice: the Three Houses in the child's exact words. Only words the child agreed to share are "
        "shown on the projector.",
        _tab("voice"),
    ),
    TourStep(
        "Meeting details",
        "Meeting details: the focus question, who attended in which role, and the summary for the child's file.",
        _tab("details"),
    ),
    TourStep(
        "The projector",
        "Press F5 to show the meeting on the projector, in large type with initials instead of full names. "
        "B blanks the wall at once. The Projector menu chooses what the room sees.",
        _menu("Projector"),
    ),
    TourStep(
        "Minutes",
        "File › Export › Minutes as PDF (Ctrl+Shift+P) writes the minutes, with a protective marking on every page.",
        _menu("File"),
    ),
    TourStep(
        "The observer",
        "Meeting › Observer's window (Ctrl+Shift+O) is for an observer's feedback on the facilitation: notes, a "
        "rubric, what went well. F1 lists every key; Shift+F1 explains the page in front.",
        _menu("Meeting"),
    ),
)


GAP = 12
"""Pixels between the tour's window and the outline of the part it describes."""
PREFERRED_WIDTH = 420
LEAST_WIDTH = 240
"""The tour's window is narrowed down to this beside a part that leaves no more room (a page filling the console
leaves the list of cases' width on its left)."""


def placement(
    target: QRect, room: QRect, preferred: QSize, least_width: int, height_for: Callable[[int], int]
) -> QRect:
    """Where the tour's window goes: beside ``target`` (global coordinates), on the side of ``room`` (the screen's
    free area) with the most room for a window of ``preferred`` size, narrowed down to ``least_width`` on the left
    or the right if need be (``height_for`` gives its height at a width). With no side wide enough, it goes over
    the far corner of ``target``, the part a step's words are least likely to be about.
    """
    spaces = {
        "left": target.left() - room.left() - GAP,
        "right": room.right() - target.right() - GAP,
        "above": target.top() - room.top() - GAP,
        "below": room.bottom() - target.bottom() - GAP,
    }
    width = min(preferred.width(), room.width())
    best, most = "", 0.0
    for side, space in spaces.items():
        across = side in ("left", "right")
        if space < (least_width if across else height_for(width)):
            continue
        share = space / (preferred.width() if across else height_for(width))
        if share > most:
            best, most = side, share
    if best in ("left", "right"):
        width = min(width, spaces[best])
    height = min(height_for(width), room.height())
    if best == "left":
        corner = (target.left() - GAP - width, target.top())
    elif best == "right":
        corner = (target.right() + 1 + GAP, target.top())
    elif best == "above":
        corner = (target.left(), target.top() - GAP - height)
    elif best == "below":
        corner = (target.left(), target.bottom() + 1 + GAP)
    else:
        corner = (target.right() + 1 - width, target.bottom() + 1 - height)
    x = max(room.left(), min(corner[0], room.right() + 1 - width))
    y = max(room.top(), min(corner[1], room.bottom() + 1 - height))
    return QRect(x, y, width, height)


def _screen_room(console: QWidget) -> QRect:
    """The free area of the screen the console is on."""
    return console.screen().availableGeometry()


class Outline(QWidget):
    """A coloured frame drawn over the console around the part a step points at; it lets every click through."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.hide()

    def around(self, rect: QRect) -> None:
        self.setGeometry(rect.adjusted(-3, -3, 3, 3))
        self.show()
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(QPen(QColor("#d4351c"), 4))
        painter.drawRoundedRect(self.rect().adjusted(2, 2, -2, -2), 6, 6)


class TourDialog(QDialog):
    def __init__(self, window: Console, steps: tuple[TourStep, ...] = STEPS) -> None:
        super().__init__(window)
        self.console = window
        self.steps = steps
        self.index = 0
        self.target: Target | None = None
        self.setWindowTitle("Tour of the screens")
        self.setMinimumWidth(LEAST_WIDTH)
        self.resize(PREFERRED_WIDTH, self.height())
        self.outline = Outline(window)
        self.counter = QLabel()
        self.counter.setStyleSheet("color: palette(placeholder-text);")
        self.heading = QLabel()
        heading_font = self.heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setMinimumHeight(self.body.fontMetrics().lineSpacing() * 4)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.back = QPushButton("‹ &Back")
        self.back.setToolTip("The previous step")
        self.next = QPushButton("&Next ›")
        self.next.setToolTip("The next step")
        self.next.setDefault(True)
        self.close_button = QPushButton("&Close")
        self.close_button.setToolTip("End the tour (Help › Tour of the screens starts it again)")
        self.back.clicked.connect(lambda: self.go(self.index - 1))
        self.next.clicked.connect(self._next)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counter)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)
        self.go(0)

    def _next(self) -> None:
        if self.index + 1 < len(self.steps):
            self.go(self.index + 1)
        else:
            self.close()

    def go(self, index: int) -> None:
        self.index = max(0, min(index, len(self.steps) - 1))
        step = self.steps[self.index]
        self.counter.setText(f"Step {self.index + 1} of {len(self.steps)}")
        self.heading.setText(step.title)
        self.body.setText(step.text)
        self.back.setEnabled(self.index > 0)
        self.next.setText("&Finish" if self.index == len(self.steps) - 1 else "&Next ›")
        self.target = step.target(self.console)
        if self.target is not None and self.target[0].isVisible():
            widget, rect = self.target
            self.outline.around(QRect(widget.mapTo(self.console, rect.topLeft()), rect.size()))
            self._place_beside()
        else:
            self.outline.hide()

    def outlined(self) -> QRect:
        """The part the step points at with its outline, in global coordinates (empty when it points at nothing)."""
        if self.target is None or not self.target[0].isVisible():
            return QRect()
        widget, rect = self.target
        return QRect(widget.mapToGlobal(rect.topLeft()), rect.size()).adjusted(-3, -3, 3, 3)

    def _place_beside(self) -> None:
        """Put the tour's window beside the part it points at, frame and all (see ``placement``)."""
        if not self.isVisible():
            return
        frame = self.frameGeometry().size() - self.geometry().size()

        def height_for(width: int) -> int:
            inner = width - frame.width()
            return max(self.heightForWidth(inner), self.minimumSizeHint().height()) + frame.height()

        preferred = QSize(PREFERRED_WIDTH + frame.width(), height_for(PREFERRED_WIDTH + frame.width()))
        spot = placement(
            self.outlined(), _screen_room(self.console), preferred, LEAST_WIDTH + frame.width(), height_for
        )
        self.resize(spot.size() - frame)
        self.move(spot.topLeft())

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self.target is not None and self.target[0].isVisible():
            self._place_beside()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.outline.hide()
        self.outline.deleteLater()
        super().closeEvent(event)


def start_tour(window: Console) -> TourDialog:
    """Start the tour over the console (one at a time: a second asks the first to start again)."""
    found = window.findChild(TourDialog)
    if isinstance(found, TourDialog) and found.isVisible():
        found.go(0)
        found.raise_()
        return found
    tour = TourDialog(window)
    tour.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    tour.show()
    return tour

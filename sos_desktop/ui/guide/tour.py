"""The two-minute tour (Help › Tour of the screens): short, plain steps, each pointing at one part of the console.

Each step brings its part into view (opening the demo meeting's tab it is about, if a meeting is open) and outlines
it; the tour's small window sits beside it with Back, Next and Close. Not modal, so nothing waits on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
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
        self.setMinimumWidth(420)
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
            self._place_beside(self.target)
        else:
            self.outline.hide()

    def _place_beside(self, target: Target) -> None:
        """Put the tour's window where it covers the least of the part it points at."""
        if not self.isVisible():
            return
        widget, rect = target
        area = QRect(widget.mapToGlobal(rect.topLeft()), rect.size())
        console = self.console.frameGeometry()
        x = area.right() + 16 if area.width() < console.width() // 2 else console.right() - self.width() - 24
        y = max(console.top() + 80, area.top())
        self.move(x, y)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self.target is not None and self.target[0].isVisible():
            self._place_beside(self.target)

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

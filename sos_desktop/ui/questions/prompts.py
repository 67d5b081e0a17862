"""The prompts: a discreet dock beside the meeting's pages offering the team's best questions for the phase under
way and the category in hand (the practice's starter set until the team has its own), each with "Show on the wall".

The console is the facilitator's: nothing here reaches the wall unless a question's button asks for it
(``wallAsked``); "Take off the wall" (``wallCleared``) takes it down again. The library is read by the shell once per
meeting opened and after a capture or an import (:meth:`PromptsDock.set_library`), never on a repaint; following the
phase and the page only sorts what is already read.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import Category
from sos_desktop.models.best_questions import STARTER_QUESTIONS, BestQuestion, library_or_starter, prompts_for
from sos_desktop.ui.questions.tags import tag_label

DOCK_WIDTH = 230
"""Narrow enough to leave the map its three columns at 1280×800."""
SHOWN_AT_MOST = 8


class PromptsDock(QDockWidget):
    """The dock; ``wallAsked`` carries a question's words for the wall, ``wallCleared`` asks it be taken off."""

    wallAsked = Signal(str)
    wallCleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Best questions", parent)
        self.setObjectName("best-questions-dock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)  # View › Best questions shows and hides it
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self._library: Sequence[BestQuestion] = ()
        self._place: tuple[str | None, str | None] = (None, None)
        self.shown: list[BestQuestion] = []
        body = QWidget()
        body.setMinimumWidth(DOCK_WIDTH - 20)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        self.heading = QLabel()
        self.heading.setObjectName("prompts-heading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-style: italic;")
        layout.addWidget(self.heading)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(8)
        layout.addLayout(self.rows)
        layout.addStretch(1)
        self.off_wall = QPushButton("Take off the &wall")
        self.off_wall.setObjectName("prompts-off-wall")
        self.off_wall.setToolTip("The wall shows its view again (Esc on the projector does the same)")
        self.off_wall.clicked.connect(self.wallCleared)
        self.off_wall.setEnabled(False)
        layout.addWidget(self.off_wall)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.setWidget(scroll)
        self.resize(DOCK_WIDTH, self.height())

    def set_library(self, library: Sequence[BestQuestion]) -> None:
        """The team's library as just read (the starter set is offered while it is empty)."""
        self._library = library_or_starter(library)
        self._fill()

    def set_place(self, phase: str | None, category: str | None) -> None:
        """The phase under way and the category in hand: the prompts follow them."""
        if (phase, category) != self._place:
            self._place = (phase, category)
            self._fill()

    def set_on_wall(self, text: str | None) -> None:
        """What the wall shows of the questions now (None: none), so the button can take it off."""
        self.off_wall.setEnabled(text is not None)

    def texts(self) -> list[str]:
        """The questions offered now, in order."""
        return [question.text for question in self.shown]

    def _fill(self) -> None:
        phase, category = self._place
        wanted = Category(category) if category in {c.value for c in Category} else None
        where = [tag_label(tag) for tag in (phase, category) if tag]
        if where:
            self.shown = prompts_for(self._library, phase=phase, category=wanted)
            self.heading.setText(f"For {' · '.join(where)}")
            if not self.shown:  # the team has none for this place yet: the practice's own
                self.shown = prompts_for(STARTER_QUESTIONS, phase=phase, category=wanted)
                self.heading.setText(f"For {' · '.join(where)}: the practice's questions (the team has none yet)")
        else:  # nothing in hand yet (the clock not started, no category): the library's newest
            self.shown = list(self._library[:SHOWN_AT_MOST])
            self.heading.setText("The newest: start the meeting's clock, or work in a category, for its own")
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for number, question in enumerate(self.shown):
            self.rows.addWidget(self._row(number, question))

    def _row(self, number: int, question: BestQuestion) -> QWidget:
        row = QWidget()
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        words = QLabel(question.text)
        words.setWordWrap(True)
        words.setTextFormat(Qt.TextFormat.PlainText)
        words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(words)
        button = QToolButton()
        button.setObjectName(f"prompt-wall-{number}")
        button.setText("Show on the wall")
        button.setToolTip("Show on the wall: this question, in large type, over the projector's view")
        button.setAccessibleName(f"Show on the wall: {question.text}")
        button.clicked.connect(lambda _checked=False, text=question.text: self.wallAsked.emit(text))
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        return row

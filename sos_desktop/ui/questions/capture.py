"""The capture box: a best question kept in one keystroke during a meeting (Meeting › Capture a best question).

A small frameless box near the top of the console, not a form: one line for the question (the words selected where
the cursor was, if any), the running phase and the category in hand as tags to keep or untick, Enter to keep it in
the team's library and Esc to let it go. The question is saved at once (team-wide data, not the meeting's, so it has
no undo); if it cannot be kept the box says why and keeps the words typed.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from sos_desktop.models.best_questions import MAX_QUESTION_LENGTH, BestQuestion, QuestionError
from sos_desktop.store.errors import StoreError
from sos_desktop.store.store import Store
from sos_desktop.ui.questions.tags import tag_label


class Place(NamedTuple):
    """Where the meeting is when a question is captured or prompts are offered."""

    phase: str | None = None
    """The running agenda phase's key (None before the start)."""
    category: str | None = None
    """The map category in hand (its value), when the map page has one."""
    selected_text: str = ""
    facilitator: str = ""
    meeting_uid: str = ""

    def tags(self) -> tuple[str, ...]:
        return tuple(tag for tag in (self.phase, self.category) if tag)


class CaptureBox(QDialog):
    """The box; ``kept`` carries the question once it is in the library."""

    kept = Signal(object)

    def __init__(self, store: Store, place: Place, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("capture-question")
        self.setWindowTitle("Capture a best question")
        self.setAccessibleName("Capture a best question")
        self.store = store
        self.place = place
        frame = QFrame(self)
        frame.setObjectName("capture-frame")
        frame.setStyleSheet("#capture-frame { border: 2px solid #1f5f3a; border-radius: 6px; }")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        layout = QVBoxLayout(frame)
        heading = QLabel("<b>A best question for the team's library</b> — Enter keeps it, Esc lets it go")
        layout.addWidget(heading)
        self.line = QLineEdit(" ".join(place.selected_text.split()))
        self.line.setObjectName("capture-text")
        self.line.setAccessibleName("The question")
        self.line.setPlaceholderText("What did someone ask that helped?")
        self.line.setMaxLength(MAX_QUESTION_LENGTH)
        self.line.setMinimumWidth(520)
        self.line.returnPressed.connect(self.keep)
        layout.addWidget(self.line)
        chips = QHBoxLayout()
        self.tag_boxes: dict[str, QCheckBox] = {}
        for tag in place.tags():
            box = QCheckBox(tag_label(tag))
            box.setObjectName(f"capture-tag-{tag}")
            box.setChecked(True)
            box.setToolTip("Offered again in this phase or for this category; untick to leave it out")
            self.tag_boxes[tag] = box
            chips.addWidget(box)
        if not self.tag_boxes:
            chips.addWidget(QLabel("No phase running nor category in hand: offered in any phase."))
        chips.addStretch(1)
        layout.addLayout(chips)
        self.error = QLabel()
        self.error.setObjectName("capture-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B00020;")
        self.error.hide()
        layout.addWidget(self.error)
        self.line.setFocus(Qt.FocusReason.PopupFocusReason)

    def place_over(self, console: QWidget) -> None:
        """Near the top of ``console``, in the middle."""
        self.adjustSize()
        top = console.mapToGlobal(QPoint(0, 0))
        self.move(top.x() + (console.width() - self.width()) // 2, top.y() + 60)

    def chosen_tags(self) -> tuple[str, ...]:
        return tuple(tag for tag, box in self.tag_boxes.items() if box.isChecked())

    def keep(self) -> BestQuestion | None:
        """Save the question typed; None (the reason shown, the words kept) when it cannot be kept."""
        try:
            question = BestQuestion(
                self.line.text(),
                self.chosen_tags(),
                added_by=self.place.facilitator,
                meeting_uid=self.place.meeting_uid,
            )
            saved = self.store.add_best_question(question)
        except (QuestionError, StoreError) as error:
            self.error.setText(str(error))
            self.error.show()
            self.adjustSize()
            return None
        self.kept.emit(saved)
        self.accept()
        return saved

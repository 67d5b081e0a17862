"""Under the next steps: who does the selected step, by when, and whether it is an idea or agreed.

Agreeing needs a manager at the meeting; without one the choice is there but refused with the reason beside it, so
the facilitator sees why a step stays an idea. Each change is one undo step.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from sos_desktop.models import Category, NextStepStatus
from sos_desktop.models.supervision import IDEAS_ONLY, STATUS_WORDS, may_agree
from sos_desktop.ui.common.date_field import OptionalDateField
from sos_desktop.ui.document.meeting import MeetingDocument


class NextStepEditor(QWidget):
    """The owner, date and status of one next step (hidden while no next step is selected)."""

    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.item_id: int | None = None
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.setAccessibleName("Who does this next step")
        self.owner.setToolTip("Who will do it: an attendee, somebody from the network, or any name typed")
        self.due = OptionalDateField("By when")
        self.status = QComboBox()
        self.status.setAccessibleName("Idea or agreed")
        for status, words in STATUS_WORDS.items():
            self.status.addItem(words, status)
        self.reason = QLabel(IDEAS_ONLY)
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #8a5200;")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Who", self.owner)
        form.addRow("&By when", self.due)
        form.addRow("S&tatus", self.status)
        form.addRow(self.reason)
        line = self.owner.lineEdit()
        assert line is not None
        line.textEdited.connect(lambda _text: self._owner_edited())  # saved as it is typed, one undo step a burst
        self.owner.activated.connect(lambda _i: self._owner_edited())
        self.due.dateEdited.connect(self._due_edited)
        self.status.activated.connect(self._status_chosen)
        document.attendeesChanged.connect(self.refresh)
        document.itemTextChanged.connect(self._item_changed)
        self.hide()

    def _item_changed(self, item_id: int) -> None:
        if item_id == self.item_id:
            self.refresh()

    def show_item(self, item_id: int | None) -> None:
        self.item_id = item_id
        self.refresh()

    def refresh(self) -> None:
        item = None
        if self.item_id is not None:
            try:
                item = self.document.item(self.item_id)
            except (KeyError, StopIteration, ValueError):
                item = None
        if item is None or item.category is not Category.NEXT_STEP:
            self.hide()
            return
        names = [a.name for a in self.document.meeting.attendees] + [p.name for p in self.document.network.people]
        with QSignalBlocker(self.owner), QSignalBlocker(self.status):
            self.owner.clear()
            self.owner.addItems(list(dict.fromkeys(names)))
            typing = self.owner.hasFocus() and " ".join(self.owner.currentText().split()) == item.owner
            if not typing:  # the field is what the user is typing: leave its spaces and cursor alone
                self.owner.setEditText(item.owner)
            self.status.setCurrentIndex(self.status.findData(item.status or NextStepStatus.IDEA))
        self.due.set_value(item.due)  # reports only the user's own edits
        self.reason.setVisible(not may_agree(self.document.meeting))
        self.show()

    def _owner_edited(self) -> None:
        if self.item_id is not None:
            self.document.set_next_step(self.item_id, owner=self.owner.currentText())

    def _due_edited(self, due: date | None) -> None:
        if self.item_id is not None:
            self.document.set_next_step(self.item_id, due=due)

    def _status_chosen(self) -> None:
        if self.item_id is None:
            return
        try:
            self.document.set_next_step(self.item_id, status=self.status.currentData())
        except ValueError as refused:
            self.document.noticed.emit(str(refused))
            self.refresh()  # back to what it is

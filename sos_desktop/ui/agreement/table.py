"""The agreement table: each danger statement and safety goal a row, each person at the meeting who takes part a
column, and in each cell where that person stands (agrees, does not agree, not said). Under it, the words of the
person and statement chosen, kept exactly as typed.

Each choice is one document call (one undo step); a burst of typing in the words is one step. The table is built
afresh from the document's signals, so undo and redo show at once.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import AttendeeRole, Category, MapItem
from sos_desktop.models.agreement import VIEW_LABELS, View, statements
from sos_desktop.ui.common.colours import AMBER
from sos_desktop.ui.common.empty_state import hint_when_empty
from sos_desktop.ui.common.fields import PlainTextField
from sos_desktop.ui.document.meeting import MeetingDocument

VIEW_COLOURS = {View.AGREES: QColor("#1b5e20"), View.DISAGREES: QColor(AMBER)}
"""A view's colour in its cell: green for agrees, amber for does not agree (a disagreement to talk about)."""


class AgreementTable(QWidget):
    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.table = QTableWidget(0, 1)
        self.table.setAccessibleName("Who agrees with each statement")
        self.table.setToolTip("Choose where each person stands on each danger statement and safety goal")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # Rows follow their statement's wrapped words as the columns are sized.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(lambda *_: self._show_words())
        hint_when_empty(self.table, "No danger statements or safety goals on the map yet: write them on the Map page.")
        self.words_label = QLabel()
        self.words_label.setWordWrap(True)
        self.words = PlainTextField("Their words")
        self.words.setPlaceholderText("What they said, in their own words (optional).")
        self.words.setToolTip("Kept exactly as typed; the minutes give it beside their view")
        self.words.textChanged.connect(self._words_edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.words_label)
        layout.addWidget(self.words)
        self._statements: list[MapItem] = []
        self._people: list[str] = []
        self._shape: tuple[object, ...] | None = None
        """The statements and people the table was built for: built again only when they change."""
        document.familyMeetingChanged.connect(self.refresh)
        document.attendeesChanged.connect(self.refresh)
        document.itemsChanged.connect(self.refresh)
        document.itemTextChanged.connect(lambda _id: self.refresh())
        document.caseChanged.connect(self.refresh)
        self.refresh()

    def people(self) -> list[str]:
        """Who is asked: everyone at the meeting but observers, family and network members first."""
        attendees = [a for a in self.document.meeting.attendees if a.role is not AttendeeRole.OBSERVER]
        family = [a.name for a in attendees if a.role is AttendeeRole.FAMILY]
        return family + [a.name for a in attendees if a.role is not AttendeeRole.FAMILY]

    def _heading(self, person: str) -> str:
        """A column's heading: the attendee's name, and a family member's display name under it."""
        attendee = next((a for a in self.document.meeting.attendees if a.name == person), None)
        linked = None if attendee is None or attendee.person is None else attendee.person
        shown = next((p.display_name for p in self.document.network.people if p.id == linked), "")
        return f"{person}\n({shown})" if shown and shown != person else person

    def _label(self, item: MapItem, number: int) -> str:
        words = self.document.template.one(item.category)
        return f"{words[:1].upper()}{words[1:]} {number}\n{item.text}"

    def refresh(self) -> None:
        record = self.document.meeting.family_meeting
        shape = (tuple((i.key, i.text) for i in statements(self.document.meeting.items)), tuple(self.people()))
        if shape == self._shape:
            # The same statements and people (a view chosen, words typed): only the boxes change, nothing is rebuilt.
            for r, item in enumerate(self._statements):
                for person in self._people:
                    self._show_view(self.box(r, person), record.view(item.key, person).view)
            self._show_words()
            return
        self._shape = shape
        self._statements = statements(self.document.meeting.items)
        self._people = self.people()
        row, column = self.table.currentRow(), self.table.currentColumn()
        with QSignalBlocker(self.table):
            self.table.clear()
            self.table.setRowCount(len(self._statements))
            self.table.setColumnCount(1 + len(self._people))
            self.table.setHorizontalHeaderLabels(["Statement", *(self._heading(person) for person in self._people)])
            header = self.table.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            numbers = {Category.DANGER: 0, Category.GOAL: 0}
            for r, item in enumerate(self._statements):
                numbers[item.category] += 1
                cell = QTableWidgetItem(self._label(item, numbers[item.category]))
                cell.setToolTip(item.text)
                self.table.setItem(r, 0, cell)
                for c, person in enumerate(self._people, start=1):
                    self.table.setCellWidget(r, c, self._view_box(item, person, record.view(item.key, person).view))
            for c in range(1, 1 + len(self._people)):
                header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
            if 0 <= row < self.table.rowCount() and 0 < column < self.table.columnCount():
                self.table.setCurrentCell(row, column)
        self._show_words()

    def _view_box(self, item: MapItem, person: str, view: View) -> QComboBox:
        box = QComboBox()
        for value, label in VIEW_LABELS.items():
            box.addItem(label, value.value)
        box.setAccessibleName(f"{person}'s view of {item.text[:60]}")
        self._show_view(box, view)
        box.activated.connect(lambda _=0, b=box, k=item.key, p=person: self._chosen(k, p, View(b.currentData())))
        return box

    @staticmethod
    def _show_view(box: QComboBox, view: View) -> None:
        with QSignalBlocker(box):
            box.setCurrentIndex(box.findData(view.value))
        colour = VIEW_COLOURS.get(view)
        box.setStyleSheet(f"QComboBox {{ color: {colour.name()}; font-weight: bold; }}" if colour is not None else "")

    def _chosen(self, item_key: str, person: str, view: View) -> None:
        self.document.set_view(item_key, person, view)

    def box(self, row: int, person: str) -> QComboBox:
        """The view box of ``person`` (a column) on the ``row``-th statement."""
        widget = self.table.cellWidget(row, 1 + self._people.index(person))
        assert isinstance(widget, QComboBox)
        return widget

    def _chosen_cell(self) -> tuple[MapItem, str] | None:
        row, column = self.table.currentRow(), self.table.currentColumn()
        if not 0 <= row < len(self._statements) or not 1 <= column <= len(self._people):
            return None
        return self._statements[row], self._people[column - 1]

    def _show_words(self) -> None:
        chosen = self._chosen_cell()
        self.words.setEnabled(chosen is not None)
        if chosen is None:
            self.words_label.setText("Choose a person's view in the table to write what they said.")
            self.words.show_text("")
            return
        item, person = chosen
        quoted = item.text if len(item.text) <= 80 else item.text[:80].rstrip() + "…"
        self.words_label.setText(f"What {person} said about “{quoted}”:")
        self.words.show_text(self.document.meeting.family_meeting.view(item.key, person).words)

    def _words_edited(self) -> None:
        chosen = self._chosen_cell()
        if chosen is None:
            return
        item, person = chosen
        current = self.document.meeting.family_meeting.view(item.key, person)
        self.document.set_view(item.key, person, current.view, self.words.toPlainText())

    def choose(self, row: int, person: str) -> None:
        """Make ``person``'s view of the ``row``-th statement the one whose words are shown."""
        self.table.setCurrentCell(row, 1 + self._people.index(person))
        self._show_words()

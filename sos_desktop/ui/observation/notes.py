"""The observer's notes in their window: a line where Enter adds a note stamped with the minute and phase, and the
list of notes ("12′ · Mapping · Asked the group for the focus question"), each rewordable in place or deletable.
A note taken while no phase runs is "Before the start" or, once the meeting has had time, "After the end"
(``models.agenda.note_phase``, the rule the minutes use too).

The list is a thin Qt model over ``document.observations.notes``: it keeps no copy, and edits go to the document.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import ObservationNote
from sos_desktop.models.agenda import minute_text, note_phase
from sos_desktop.models.mapping import MAX_TEXT_LENGTH
from sos_desktop.ui.common.actions import Key, make_shortcuts
from sos_desktop.ui.common.fields import limit_length
from sos_desktop.ui.common.undo_keys import route_undo_keys
from sos_desktop.ui.document.meeting import MeetingDocument

AnyIndex = QModelIndex | QPersistentModelIndex


def note_label(document: MeetingDocument, note: ObservationNote) -> str:
    parts = [minute_text(note.at_minute), note_phase(document.meeting.agenda, note), note.text]
    return " · ".join(part for part in parts if part)


class NotesModel(QAbstractListModel):
    """The meeting's observation notes, in order; the edit role is the note's words alone."""

    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._rows = len(document.observations.notes)
        document.observationsChanged.connect(self.refresh)
        document.agendaChanged.connect(self.refresh)  # a phase renamed: the notes taken in it say so

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's name and default
        return 0 if parent.isValid() else self._rows

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        notes = self.document.observations.notes
        if not index.isValid() or index.row() >= len(notes):
            return None
        note = notes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return note_label(self.document, note)
        if role == Qt.ItemDataRole.EditRole:
            return note.text
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return note_label(self.document, note)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not str(value).strip():
            return False
        self.document.set_observation_note(index.row(), str(value))
        return True

    def refresh(self) -> None:
        count = len(self.document.observations.notes)
        if count == self._rows:
            if count:
                self.dataChanged.emit(self.index(0), self.index(count - 1))
            return
        self.beginResetModel()
        self._rows = count
        self.endResetModel()


class NotesPanel(QWidget):
    """Write a note, see them all, reword or delete one."""

    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.entry = QLineEdit()
        limit_length(self.entry, MAX_TEXT_LENGTH)
        self.entry.setPlaceholderText("Type a note and press Enter")
        self.entry.setAccessibleName("New note")
        self.entry.setToolTip("Type a note and press Enter: it is stamped with the minute and the phase")
        route_undo_keys(self.entry, only_when_empty=True)
        self.add_button = QPushButton("&Add note")
        self.add_button.setAccessibleName("Add note")
        self.add_button.setToolTip("Add the note, stamped with the minute into the meeting and the phase")
        self.model = NotesModel(document, self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(3)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setAccessibleName("Notes")
        self.view.setToolTip("Double-click a note (or press F2) to reword it; Delete removes it")
        self.delete_button = QPushButton("&Delete note")
        self.delete_button.setAccessibleName("Delete note")
        self.delete_button.setToolTip("Delete the selected note (Undo brings it back)")
        self.empty = QLabel("No notes yet. Notes are about the facilitation, not the family.")
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)

        line = QHBoxLayout()
        line.addWidget(self.entry, 1)
        line.addWidget(self.add_button)
        below = QHBoxLayout()
        below.addWidget(self.empty, 1)
        below.addStretch()
        below.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(line)
        layout.addWidget(self.view, 1)
        layout.addLayout(below)

        self.entry.returnPressed.connect(self.add_note)
        self.add_button.clicked.connect(self.add_note)
        self.delete_button.clicked.connect(self.delete_selected)
        make_shortcuts(Key.DELETE_NOTE, self.view, self.delete_selected)
        self.view.selectionModel().selectionChanged.connect(self._enable)
        self.model.modelReset.connect(self._enable)
        document.observationsChanged.connect(self._enable)
        self._enable()

    def add_note(self) -> None:
        if not self.entry.text().strip():
            return
        self.document.add_observation_note(self.entry.text())
        self.entry.clear()
        self.view.scrollToBottom()

    def selected_row(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is not None and row < len(self.document.observations.notes):
            self.document.delete_observation_note(row)

    def _enable(self) -> None:
        self.delete_button.setEnabled(self.selected_row() is not None)
        self.empty.setVisible(not self.document.observations.notes)

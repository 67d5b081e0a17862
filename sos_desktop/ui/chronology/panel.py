"""The Chronology page: the case's significant events in the child's life, in a table sorted by date (oldest or
newest first, or by any column), with a form to add one and the table's cells to change one.

The chronology is the case's, so every meeting of the case shows the same list; each addition, change and removal
is an undo step of the open meeting, saved at once. A harm card is put on it from the map (its context menu).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models.chronology import (
    MAX_SOURCE_LENGTH,
    MAX_WHAT_LENGTH,
    PRECISION_LABELS,
    ChronologyEvent,
    DatePrecision,
    date_label,
    sort_text,
)
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.date_field import OptionalDateField
from sos_desktop.ui.common.fields import limit_length
from sos_desktop.ui.common.undo_keys import route_undo_keys
from sos_desktop.ui.document.meeting import MeetingDocument

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("When", "What happened", "Source")
SortRole = Qt.ItemDataRole.UserRole + 1
EMPTY = "No events yet. Add the significant events of the child's life: what happened, when, and who says so."


class ChronologyModel(QAbstractTableModel):
    """The case's events as a table, in the document's date order; editing a cell changes the event."""

    def __init__(self, document: MeetingDocument) -> None:
        super().__init__(document)
        self.document = document
        self._events = document.events()
        document.chronologyChanged.connect(self.reset)

    def reset(self) -> None:
        self.beginResetModel()
        self._events = self.document.events()
        self.endResetModel()

    def event_at(self, row: int) -> ChronologyEvent:
        return self._events[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (date_label(event), event.what, event.source)[column]
        if role == Qt.ItemDataRole.EditRole:
            return (date_label(event), event.what, event.source)[column]
        if role == SortRole:
            return (sort_text(event), event.what.casefold(), event.source.casefold())[column]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() > 0:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == 0:
            return False
        event = self._events[index.row()]
        assert event.id is not None
        name = "what" if index.column() == 1 else "source"
        try:
            self.document.change_event(event.id, **{name: str(value)})
        except ValueError as error:
            self.document.noticed.emit(str(error))
            return False
        return True


class ChronologyPanel(QWidget):
    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("chronology-panel")
        self.model = ChronologyModel(document)
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.model)
        self.sorted.setSortRole(SortRole)
        self.table = QTableView()
        self.table.setObjectName("chronology-table")
        self.table.setAccessibleName("The case's chronology")
        self.table.setModel(self.sorted)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 200)
        self.table.setToolTip("Click a heading to sort; double-click what happened or the source to change it")
        self.empty = QLabel(EMPTY)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("chronology-empty")

        self.when = OptionalDateField("Date of the event", empty_text="Date")
        self.precision = QComboBox()
        self.precision.setAccessibleName("How much of the date is known")
        for precision, label in PRECISION_LABELS.items():
            self.precision.addItem(label, precision.value)
        self.what = QLineEdit()
        self.what.setAccessibleName("What happened")
        self.what.setPlaceholderText("What happened, in plain words")
        limit_length(self.what, MAX_WHAT_LENGTH)
        route_undo_keys(self.what, only_when_empty=True)
        self.source = QLineEdit()
        self.source.setAccessibleName("Source of the event")
        self.source.setPlaceholderText("Who says so, or which record (optional)")
        limit_length(self.source, MAX_SOURCE_LENGTH)
        self.add_button = QPushButton("&Add to the chronology")
        self.add_button.clicked.connect(self.add_from_form)
        self.what.returnPressed.connect(self.add_from_form)
        self.source.returnPressed.connect(self.add_from_form)
        self.remove_button = QPushButton("&Take off the chronology")
        self.remove_button.clicked.connect(self.remove_selected)
        self.newest_first = QPushButton("Newest &first")
        self.newest_first.setCheckable(True)
        self.newest_first.toggled.connect(self._order_toggled)

        when_row = QHBoxLayout()
        when_row.addWidget(self.when, 2)
        when_row.addWidget(self.precision, 1)
        form = QFormLayout()
        form.addRow("When", when_row)
        form.addRow("What happened", self.what)
        form.addRow("Source", self.source)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.newest_first)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h3>Chronology of significant events</h3>"))
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        document.chronologyChanged.connect(self._update_state)
        self.table.selectionModel().selectionChanged.connect(self._update_state)
        self._update_state()

    def _order_toggled(self, newest: bool) -> None:
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder if newest else Qt.SortOrder.AscendingOrder)

    def _update_state(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty.setVisible(empty)
        self.table.resizeRowsToContents()
        self.remove_button.setEnabled(self.selected_event() is not None)

    def selected_event(self) -> ChronologyEvent | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.event_at(self.sorted.mapToSource(rows[0]).row())

    def add_from_form(self) -> ChronologyEvent | None:
        """Add the form's event; a missing date or words are said, and nothing typed is lost."""
        when: date | None = self.when.value()
        if when is None or self.when.is_invalid():
            dialogs.tell(self, "The event needs a date", "Give the day it happened, or its month or year.")
            self.when.setFocus()
            return None
        precision = DatePrecision(self.precision.currentData())
        try:
            event = self.document.add_event(when, self.what.text(), self.source.text(), precision)
        except ValueError as error:
            dialogs.tell(self, "The event cannot be added", str(error))
            self.what.setFocus()
            return None
        self.what.clear()
        self.source.clear()
        self.what.setFocus()
        return event

    def remove_selected(self) -> None:
        event = self.selected_event()
        if event is not None and event.id is not None:
            self.document.remove_event(event.id)

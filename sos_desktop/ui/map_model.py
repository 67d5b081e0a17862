"""A Qt list model over the cards of one category of the open meeting's map.

A thin adaptor: it reads from the document every time and turns the user's edits into document calls (undo
commands); it keeps no copy of the cards.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from sos_desktop.models import Category, MapItem
from sos_desktop.ui.document import MeetingDocument

ItemIdRole = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


class CategoryItemsModel(QAbstractListModel):
    def __init__(self, document: MeetingDocument, category: Category) -> None:
        super().__init__(document)
        self.document = document
        self.category = category
        document.itemsChanged.connect(self._reset)
        document.itemTextChanged.connect(self._text_changed)

    def _items(self) -> list[MapItem]:
        return self.document.items(self.category)

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _text_changed(self, item_id: int) -> None:
        for row, item in enumerate(self._items()):
            if item.id == item_id:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._items())

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        items = self._items()
        if not index.isValid() or not 0 <= index.row() < len(items):
            return None
        item = items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return item.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.text
        if role == ItemIdRole:
            return item.id
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value)
        item = self._items()[index.row()]
        if not text.strip():
            return False  # an emptied card keeps its text; Delete removes a card
        assert item.id is not None
        self.document.set_item_text(item.id, text)  # exactly as typed: a card's words are kept as they are
        return True

    def item_at(self, row: int) -> MapItem:
        return self._items()[row]

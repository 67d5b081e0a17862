"""A Qt list model over the cards of one category of the open meeting's map.

A thin adaptor: it reads from the document every time and turns the user's edits and drags into document calls
(undo commands); it keeps no copy of the cards. Cards are dragged as their ids; a drop anywhere on the map moves
the card through the document, so a drag is one undo step like any other move.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from sos_desktop.models import Category, MapItem
from sos_desktop.models.jargon import jargon_hint
from sos_desktop.models.supervision import action_line
from sos_desktop.ui.document.meeting import MeetingDocument

ItemIdRole = Qt.ItemDataRole.UserRole + 1
PairNumberRole = Qt.ItemDataRole.UserRole + 2
HintsRole = Qt.ItemDataRole.UserRole + 3
ActionRole = Qt.ItemDataRole.UserRole + 4
UnsavedRole = Qt.ItemDataRole.UserRole + 5
"""True while a change to the card waits for the database (``MeetingDocument.pending``)."""
MarkedRole = Qt.ItemDataRole.UserRole + 6
"""True when the card's foot line carries a mark of the case over time (overdue, new or changed since last time)."""
NOT_SAVED = "Not saved yet: SoS Desktop keeps trying."
PROFESSIONALS_ONLY = "Professionals only"
"""The mark at the foot of a card kept from the family: never on the wall while the family is present."""
"""A next step's status, owner and date as one line (empty for other cards)."""
AnyIndex = QModelIndex | QPersistentModelIndex
CARD_MIME_TYPE = "application/x-sos-desktop-cards"


class CategoryItemsModel(QAbstractListModel):
    def __init__(self, document: MeetingDocument, category: Category) -> None:
        super().__init__(document)
        self.document = document
        self.category = category
        document.itemsChanged.connect(self._reset)
        document.pairsChanged.connect(self._all_changed)
        document.caseChanged.connect(self._all_changed)
        document.itemTextChanged.connect(self._text_changed)
        document.pending.changed.connect(lambda _count: self._all_changed())
        document.familyMeetingChanged.connect(self._all_changed)  # family-present flags jargon, marks cards

    def _items(self) -> list[MapItem]:
        return self.document.items(self.category)

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _all_changed(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def _text_changed(self, item_id: int) -> None:
        # Only this card's text and hints changed (pairing hints depend on pairs, which signal on their own).
        for row, item in enumerate(self._items()):
            if item.id == item_id:
                self.dataChanged.emit(self.index(row, 0), self.index(row, 0))
                return

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items())

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        items = self._items()
        if not index.isValid() or not 0 <= index.row() < len(items):
            return None
        item = items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return item.text
        if role == Qt.ItemDataRole.ToolTipRole:
            hints = self.hints(item)
            text = item.text if not hints else item.text + "\n\n" + "\n".join(f"⚠ {hint}" for hint in hints)
            return f"{NOT_SAVED}\n\n{text}" if self.unsaved(item) else text
        if role == UnsavedRole:
            return self.unsaved(item)
        if role == ItemIdRole:
            return item.id
        if role == PairNumberRole:
            return self.document.pair_number(item.id)
        if role == HintsRole:
            return self.hints(item)
        if role == ActionRole:
            return self.foot_line(item)
        if role == MarkedRole:
            return bool(self.document.card_marks(item))
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            said = [NOT_SAVED] if self.unsaved(item) else []
            said.extend(self.document.card_marks(item))
            said.extend(self.hints(item))
            return " ".join(said) if said else None
        return None

    def foot_line(self, item: MapItem) -> str:
        """The line at a card's foot: a next step's status, owner and date, the case-over-time marks, and whether
        the card is for the professionals only (never on the wall while the family is present).
        """
        private = PROFESSIONALS_ONLY if item.professional_only else ""
        return " · ".join(part for part in (action_line(item), *self.document.card_marks(item), private) if part)

    def unsaved(self, item: MapItem) -> bool:
        return bool(self.document.pending) and item.id in self.document.unsaved_ids()

    def hints(self, item: MapItem) -> list[str]:
        """The practice guidance for the card and, while the family is present, the team's jargon it uses."""
        found = self.document.card_jargon(item)
        return [*self.document.hints(item), jargon_hint(found)] if found else self.document.hints(item)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
        return base

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
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

    def card_texts(self, row: int) -> tuple[str, str]:
        """The card's text and its action line (``DisplayRole`` and ``ActionRole``), as the delegate measures them."""
        item = self._items()[row]
        return item.text, self.foot_line(item)

    # Drag and drop ---------------------------------------------------------------------------------------------

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [CARD_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = [self.item_at(index.row()).id for index in indexes if index.isValid()]
        data.setData(CARD_MIME_TYPE, json.dumps(ids).encode("ascii"))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(CARD_MIME_TYPE):
            return False
        try:
            ids = [int(i) for i in json.loads(bytes(data.data(CARD_MIME_TYPE).data()).decode("ascii"))]
        except (ValueError, TypeError):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else self.rowCount()
        for item_id in ids:
            self.document.move_item(item_id, self.category, self.target_index(item_id, row))
            row += 1
        return True

    def target_index(self, item_id: int, drop_row: int) -> int:
        """Where a card dropped above row ``drop_row`` of this list lands once it has left its old place."""
        current = [item.id for item in self._items()]
        if item_id in current and current.index(item_id) < drop_row:
            return drop_row - 1
        return drop_row

    def removeRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return False  # the drop already moved the card through the document; the view must not remove it again

"""Undo commands: every edit of a meeting is one of these, holding the old and the new value.

Commands only call the document's ``apply_*`` methods, which change the domain object, write it through to the
store and tell the views. A burst of typing in one field merges into one undo step.
"""

from __future__ import annotations

import copy
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from sos_desktop.models import Attendee, Category, MapItem

if TYPE_CHECKING:
    from sos_desktop.ui.document import MeetingDocument

MERGE_WINDOW_SECONDS = 2.0
"""Keystrokes closer together than this in one field are one undo step."""

_DETAIL_ID = 1
_ITEM_TEXT_ID = 2


class ValueChange(QUndoCommand):
    """A change from ``old`` to ``new`` of one thing (``target``); quick successive changes of it merge."""

    merge_id = -1  # Qt's "never merge"

    def __init__(self, text: str, target: object, old: Any, new: Any) -> None:
        super().__init__(text)
        self.target = target
        self.old = old
        self.new = new
        self.stamp = time.monotonic()

    def id(self) -> int:
        return self.merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if type(other) is not type(self) or not isinstance(other, ValueChange) or other.target != self.target:
            return False
        if other.stamp - self.stamp > MERGE_WINDOW_SECONDS:
            return False
        self.new = other.new
        self.stamp = other.stamp
        self.setObsolete(self.new == self.old)
        return True


class SetDetailCommand(ValueChange):
    """Change one field of the meeting's details (title, kind, date, focus question, ...)."""

    def __init__(self, document: MeetingDocument, name: str, new: Any, *, mergeable: bool, label: str) -> None:
        super().__init__(f"Change {label}", name, getattr(document.meeting, name), new)
        self.document = document
        self.name = name
        self.merge_id = _DETAIL_ID if mergeable else -1

    def redo(self) -> None:
        self.document.apply_detail(self.name, self.new)

    def undo(self) -> None:
        self.document.apply_detail(self.name, self.old)


class SetAttendeesCommand(QUndoCommand):
    def __init__(self, document: MeetingDocument, new: list[Attendee], label: str) -> None:
        super().__init__(label)
        self.document = document
        self.old = copy.deepcopy(document.meeting.attendees)
        self.new = copy.deepcopy(new)

    def redo(self) -> None:
        self.document.apply_attendees(copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.apply_attendees(copy.deepcopy(self.old))


class AddItemCommand(QUndoCommand):
    def __init__(self, document: MeetingDocument, item: MapItem, index: int | None, label: str) -> None:
        super().__init__(f"Add to {label}")
        self.document = document
        self.item = item
        self.index = index

    def redo(self) -> None:
        # The first redo gets an id from the store; a later redo puts the item back under that same id.
        self.document.apply_insert_item(copy.deepcopy(self.item), self.index)
        self.item.id = self.document.last_inserted_id

    def undo(self) -> None:
        assert self.item.id is not None
        self.document.apply_remove_item(self.item.id)


class EditItemTextCommand(ValueChange):
    merge_id = _ITEM_TEXT_ID

    def __init__(self, document: MeetingDocument, item: MapItem, new: str) -> None:
        assert item.id is not None
        super().__init__("Edit card", item.id, item.text, new)
        self.document = document
        self.item_id = item.id

    def redo(self) -> None:
        self.document.apply_item_text(self.item_id, self.new)

    def undo(self) -> None:
        self.document.apply_item_text(self.item_id, self.old)


class DeleteItemCommand(QUndoCommand):
    def __init__(self, document: MeetingDocument, item: MapItem) -> None:
        super().__init__("Delete card")
        self.document = document
        self.item = copy.deepcopy(item)
        self.index = document.index_of(item)
        assert item.id is not None
        self.links = document.links_of(item.id)

    def redo(self) -> None:
        assert self.item.id is not None
        self.document.apply_remove_item(self.item.id)

    def undo(self) -> None:
        # Re-inserting under its old id restores the pairing on both sides, and the links to scales and people.
        self.document.apply_insert_item(copy.deepcopy(self.item), self.index, self.links)


class MoveItemCommand(QUndoCommand):
    def __init__(self, document: MeetingDocument, item: MapItem, category: Category, index: int) -> None:
        super().__init__("Move card")
        assert item.id is not None
        self.document = document
        self.item_id = item.id
        self.old = (item.category, document.index_of(item))
        self.new = (category, index)
        # A danger statement that becomes, say, harm is no longer half of a pair: unpaired in the same step.
        self.partner = item.pairs_with if category not in (Category.DANGER, Category.GOAL) else None

    def redo(self) -> None:
        self.document.apply_move_item(self.item_id, *self.new)
        if self.partner is not None:
            self.document.apply_pairs({self.item_id: None})

    def undo(self) -> None:
        self.document.apply_move_item(self.item_id, *self.old)
        if self.partner is not None:
            self.document.apply_pairs({self.item_id: self.partner})


class PairCommand(QUndoCommand):
    """Pair a danger statement with a safety goal, or unpair a card (``partner_id`` None)."""

    def __init__(self, document: MeetingDocument, item_id: int, partner_id: int | None, text: str) -> None:
        super().__init__(text)
        self.document = document
        self.item_id = item_id
        self.partner_id = partner_id
        involved = {item_id} if partner_id is None else {item_id, partner_id}
        # Everything this pairing can touch: the two cards and whoever they were paired with.
        self.before = {
            item.id: item.pairs_with
            for item in document.meeting.items
            if item.id is not None and (item.id in involved or item.pairs_with in involved)
        }

    def redo(self) -> None:
        self.document.apply_pairs({self.item_id: self.partner_id})

    def undo(self) -> None:
        self.document.apply_pairs(self.before)

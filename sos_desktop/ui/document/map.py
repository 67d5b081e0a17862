"""The map as a part of the meeting document: the cards of each category, their pairs and the practice guidance on
them, and their edits (add, edit, delete, move, pair), each one undo step written through to the store.
"""

from __future__ import annotations

import copy
from uuid import uuid4

from PySide6.QtGui import QUndoCommand

from sos_desktop.models import (
    Category,
    MapItem,
    NextStepStatus,
    can_pair,
    find_item,
    index_in_category,
    pair_numbers,
    place_item,
    set_partner,
)
from sos_desktop.models.guidance import hints_for
from sos_desktop.models.mapping import MAX_TEXT_LENGTH
from sos_desktop.store.repo.items import ItemLinks
from sos_desktop.ui.document.base import DocumentPart, MergeId, ValueChange


class MapEditing(DocumentPart):
    """The cards of the meeting's map, for ``MeetingDocument``."""

    last_inserted_id: int | None
    _by_category: dict[Category, list[MapItem]] | None
    _pair_numbers: dict[int, int] | None
    _hints: dict[int, list[str]]

    # Reading ---------------------------------------------------------------------------------------------------

    def _forget_derived(self) -> None:
        self._by_category = None
        self._pair_numbers = None
        self._hints.clear()

    def items(self, category: Category) -> list[MapItem]:
        """The cards of one category in map order (a shared list: read it, do not change it)."""
        if self._by_category is None:
            self._by_category = {c: [] for c in Category}
            for item in self.meeting.items:
                self._by_category[item.category].append(item)
        return self._by_category[category]

    def pair_number(self, item_id: int | None) -> int | None:
        """The number a paired danger statement and its goal both show, or None."""
        if self._pair_numbers is None:
            self._pair_numbers = pair_numbers(self.meeting.items)
        return None if item_id is None else self._pair_numbers.get(item_id)

    def hints(self, item: MapItem) -> list[str]:
        """The practice guidance for a card, in the case's framework words (never a block)."""
        if item.id is None:
            return []
        if item.id not in self._hints:
            template = self.template
            found = hints_for(
                item,
                self.meeting.items,
                danger_label=template.one(Category.DANGER),
                goal_label=template.one(Category.GOAL),
            )
            self._hints[item.id] = [hint.message for hint in found]
        return self._hints[item.id]

    def item(self, item_id: int) -> MapItem:
        return find_item(self.meeting.items, self.real_id(item_id))

    def index_of(self, item: MapItem) -> int:
        return index_in_category(self.meeting.items, item)

    # Edits: each pushes one undo command ------------------------------------------------------------------------

    def add_item(self, category: Category, text: str, index: int | None = None) -> MapItem:
        """Add a card and return it (with its id)."""
        status = NextStepStatus.IDEA if category is Category.NEXT_STEP else None  # an idea until agreed
        # The card's key (its identity across the case's meetings) is given here, so the views know it at once.
        item = MapItem(category=category, text=self._bounded(text, MAX_TEXT_LENGTH), status=status, key=str(uuid4()))
        command = AddItemCommand(self, item, index, self.template.label(category))
        self.undo_stack.push(command)
        return self.item(command.item.id) if command.item.id is not None else item

    def add_carried_card(self, card: MapItem) -> None:
        """Add a next step carried forward from last time (its key, words, owner and date kept), at the end."""
        self.undo_stack.push(AddItemCommand(self, card, None, self.template.label(card.category)))

    def set_item_text(self, item_id: int, text: str) -> None:
        item = self.item(item_id)
        text = self._bounded(text, MAX_TEXT_LENGTH)
        if item.text != text:
            self.undo_stack.push(EditItemTextCommand(self, item, text))

    def delete_item(self, item_id: int) -> None:
        self.undo_stack.push(DeleteItemCommand(self, self.item(item_id)))

    def pair_items(self, item_id: int, partner_id: int) -> None:
        """Pair a danger statement with a safety goal (either way round); anything else is refused."""
        item, partner = self.item(item_id), self.item(partner_id)
        if not can_pair(item, partner):
            raise ValueError("Only a danger statement and a safety goal can be paired.")
        if item.pairs_with != partner_id:
            self.undo_stack.push(PairCommand(self, item_id, partner_id, "Pair cards"))

    def unpair_item(self, item_id: int) -> None:
        if self.item(item_id).pairs_with is not None:
            self.undo_stack.push(PairCommand(self, item_id, None, "Unpair cards"))

    def move_item(self, item_id: int, category: Category, index: int) -> None:
        item = self.item(item_id)
        if item.category == category and self.index_of(item) == index:
            return
        self.undo_stack.push(MoveItemCommand(self, item, category, index))

    # Applying, called by the commands ---------------------------------------------------------------------------

    def links_of(self, item_id: int) -> ItemLinks:
        """The scales and people pointing at a card, to give back if its delete is undone."""
        return self._read(lambda: self.store.item_links(self.real_id(item_id)), ItemLinks())

    def apply_insert_item(self, item: MapItem, index: int | None, links: ItemLinks | None = None) -> None:
        siblings = self.items(item.category)
        position = len(siblings) if index is None else index
        saved = self._write(
            lambda: self.store.add_item(self.meeting_id, self._for_store(item), position, links),
            adopt=lambda stored: self._adopted(item, stored.id, self.itemsChanged),
            touches=lambda: item.id,
        )
        if saved is not None:
            item.id = saved.id
        elif item.id is None:
            item.id = next(self._provisional_ids)
        place_item(self.meeting.items, item, item.category, position)
        if item.pairs_with is not None:
            for other in self.meeting.items:
                if other.id == item.pairs_with:
                    other.pairs_with = item.id
        for scale in self.meeting.scales:
            if links is not None and scale.id in links.scales:
                scale.about = item.id
        if links is not None and links.people and item.id is not None:
            self.apply_agreement(item.id, links.people)
        self.last_inserted_id = item.id
        self.itemsChanged.emit()

    def apply_remove_item(self, item_id: int) -> None:
        item = self.item(item_id)
        self._write(lambda: self.store.delete_item(self.real_id(item_id)))
        self.meeting.items.remove(item)
        for other in self.meeting.items:
            if other.pairs_with == item_id:
                other.pairs_with = None
        for scale in self.meeting.scales:
            if scale.about == item_id:
                scale.about = None
        self.apply_agreement(item_id, None)
        self.itemsChanged.emit()

    def apply_item_text(self, item_id: int, text: str) -> None:
        item = self.item(item_id)
        item.text = text
        self._write(lambda: self.store.update_item(item), touches=lambda: item.id)
        self.itemTextChanged.emit(item_id)

    def apply_pairs(self, assignments: dict[int, int | None]) -> None:
        """Set each card's partner (None: unpaired), keeping pairs symmetric, and save each card."""
        for item_id, partner_id in assignments.items():
            set_partner(self.meeting.items, item_id, partner_id)
            item = self.item(item_id)
            self._write(lambda item=item: self.store.update_item(item), touches=lambda item=item: item.id)  # type: ignore[misc]
        self.pairsChanged.emit()

    def apply_move_item(self, item_id: int, category: Category, index: int) -> None:
        item = self.item(item_id)
        self._write(lambda: self.store.move_item(self.real_id(item_id), category, index), touches=lambda: item.id)
        place_item(self.meeting.items, item, category, index)
        self.itemsChanged.emit()


class AddItemCommand(QUndoCommand):
    def __init__(self, document: MapEditing, item: MapItem, index: int | None, label: str) -> None:
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
    merge_id = MergeId.ITEM_TEXT

    def __init__(self, document: MapEditing, item: MapItem, new: str) -> None:
        assert item.id is not None
        super().__init__("Edit card", item.id, item.text, new)
        self.document = document
        self.item_id = item.id

    def redo(self) -> None:
        self.document.apply_item_text(self.item_id, self.new)

    def undo(self) -> None:
        self.document.apply_item_text(self.item_id, self.old)


class DeleteItemCommand(QUndoCommand):
    def __init__(self, document: MapEditing, item: MapItem) -> None:
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
    def __init__(self, document: MapEditing, item: MapItem, category: Category, index: int) -> None:
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

    def __init__(self, document: MapEditing, item_id: int, partner_id: int | None, text: str) -> None:
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

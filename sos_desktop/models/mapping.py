"""Map items: the cards of the assessment and planning map, and pure functions over their order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sos_desktop.models.enums import Category, NextStepStatus

MAX_TEXT_LENGTH = 100_000
"""Longest card text we accept; a card is a sentence or a paragraph, not a document."""


@dataclass
class MapItem:
    """One card on the map.

    ``pairs_with`` links a danger statement to its safety goal (and back); ``owner``, ``due`` and ``status`` are
    used by next steps. Ids are the store's; negative ids are provisional, local to one unsaved bundle.
    """

    category: Category
    text: str
    id: int | None = None
    said_by: str = ""
    pairs_with: int | None = None
    owner: str = ""
    due: date | None = None
    status: NextStepStatus | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    key: str = field(default="", compare=False)
    """The card's identity across the case's meetings (a UUID): the store gives one to a card without, continuing a
    meeting keeps it, the meeting file writes it. "" until the store has given it one."""
    professional_only: bool = False
    """A note for the professionals: never on the wall while the family is present (nor in a family's copy)."""

    def __post_init__(self) -> None:
        self.category = Category(self.category)
        if self.status is not None:
            self.status = NextStepStatus(self.status)
        if len(self.text) > MAX_TEXT_LENGTH:
            raise ValueError(f"A card's text can be at most {MAX_TEXT_LENGTH:,} characters long.")


def items_in(items: list[MapItem], category: Category) -> list[MapItem]:
    """The items of one category, in their order on the map."""
    return [item for item in items if item.category == category]


def index_in_category(items: list[MapItem], item: MapItem) -> int:
    """Where ``item`` stands among the items of its own category."""
    return [i.id for i in items_in(items, item.category)].index(item.id)


def find_item(items: list[MapItem], item_id: int) -> MapItem:
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(item_id)


def place_item(items: list[MapItem], item: MapItem, category: Category, index: int) -> None:
    """Put ``item`` (already in ``items`` or not) into ``category`` at ``index`` of that category, in place.

    An index past the end appends; a negative index counts as 0. Items of other categories keep their order.
    """
    if item in items:
        items.remove(item)
    item.category = category
    siblings = items_in(items, category)
    index = max(0, min(index, len(siblings)))
    if index < len(siblings):
        items.insert(items.index(siblings[index]), item)
    elif siblings:
        items.insert(items.index(siblings[-1]) + 1, item)
    else:
        items.append(item)


def unpaired(items: list[MapItem]) -> list[MapItem]:
    """Danger statements and goals without a partner of the other kind, which practice says each should have."""
    categories = {item.id: item.category for item in items}
    wanted = {Category.DANGER: Category.GOAL, Category.GOAL: Category.DANGER}
    return [
        item for item in items if item.category in wanted and categories.get(item.pairs_with) != wanted[item.category]
    ]


def set_partner(items: list[MapItem], item_id: int, partner_id: int | None) -> None:
    """Pair ``item_id`` with ``partner_id`` (or unpair it when None), in place and on both sides.

    Any card either of them was paired with before is let go, so pairing stays one-to-one and symmetric.
    """
    involved = {item_id} if partner_id is None else {item_id, partner_id}
    for item in items:
        if item.id in involved or item.pairs_with in involved:
            item.pairs_with = None
    if partner_id is not None:
        find_item(items, item_id).pairs_with = partner_id
        find_item(items, partner_id).pairs_with = item_id


def pair_numbers(items: list[MapItem]) -> dict[int, int]:
    """A number for each pair, shown on both its cards: the danger statements' order on the map, from 1."""
    goals = {item.id for item in items if item.category == Category.GOAL}
    numbers: dict[int, int] = {}
    for item in items_in(items, Category.DANGER):
        if item.id is not None and item.pairs_with is not None and item.pairs_with in goals:
            number = len(numbers) // 2 + 1
            numbers[item.id] = number
            numbers[item.pairs_with] = number
    return numbers


def can_pair(first: MapItem, second: MapItem) -> bool:
    """Only a danger statement and a safety goal pair with each other."""
    return {first.category, second.category} == {Category.DANGER, Category.GOAL}

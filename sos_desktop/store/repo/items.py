"""Map items (cards): their order within each category, moving them, and the danger/goal pairing.

Positions within a (meeting, category) are always 0..n-1 after any change. Pairing is symmetric: when a card is
paired with another, the other points back, and any card either of them was paired with before is let go.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, bindparam, delete, insert, or_, select, update
from sqlalchemy.engine import Connection

from sos_desktop.models import Category, MapItem
from sos_desktop.store.convert import item_from_row, item_values, map_order, new_key
from sos_desktop.store.errors import NotFoundError
from sos_desktop.store.repo.common import insert_row, map_reference, touch_meeting
from sos_desktop.store.tables import map_items, meetings, people, person_agreements, scales


def get_items(conn: Connection, meeting_id: int) -> list[MapItem]:
    """The meeting's cards in map order: by category as the map shows them, then position."""
    rows = conn.execute(select(map_items).where(map_items.c.meeting_id == meeting_id)).all()
    return [item_from_row(row) for row in sorted(rows, key=map_order)]


def _row(conn: Connection, item_id: int | None) -> Row[Any]:
    row = conn.execute(select(map_items).where(map_items.c.id == item_id)).first() if item_id is not None else None
    if row is None:
        raise NotFoundError.missing("card")
    return row


def _sibling_ids(conn: Connection, meeting_id: int, category: str, leaving_out: int | None = None) -> list[int]:
    query = (
        select(map_items.c.id)
        .where(map_items.c.meeting_id == meeting_id, map_items.c.category == category)
        .order_by(map_items.c.position, map_items.c.id)
    )
    return [item_id for item_id in conn.scalars(query) if item_id != leaving_out]


def _renumber(conn: Connection, ordered_ids: list[int], category: str) -> None:
    if not ordered_ids:
        return
    conn.execute(
        update(map_items)
        .where(map_items.c.id == bindparam("item_id"))
        .values(position=bindparam("new_position"), category=category),
        [{"item_id": item_id, "new_position": position} for position, item_id in enumerate(ordered_ids)],
    )


def _insert_at(ids: list[int], item_id: int, index: int | None) -> list[int]:
    at = len(ids) if index is None else max(0, min(index, len(ids)))
    return [*ids[:at], item_id, *ids[at:]]


def unpair(conn: Connection, item_id: int) -> None:
    """Let the card go from its partner, and the partner from it."""
    conn.execute(
        update(map_items)
        .where(or_(map_items.c.id == item_id, map_items.c.pairs_with == item_id))
        .values(pairs_with=None)
    )


def pair(conn: Connection, first: int, second: int) -> None:
    """Pair two cards with each other, letting go of any partner either had before."""
    both = (first, second)
    conn.execute(
        update(map_items)
        .where(or_(map_items.c.pairs_with.in_(both), map_items.c.id.in_(both)), map_items.c.id.not_in(both))
        .values(pairs_with=None)
    )
    conn.execute(update(map_items).where(map_items.c.id == first).values(pairs_with=second))
    conn.execute(update(map_items).where(map_items.c.id == second).values(pairs_with=first))


def _set_partner(conn: Connection, item_id: int, meeting_id: int, partner: int | None) -> None:
    """Pair with ``partner`` if it is another card of the same meeting; otherwise leave the card unpaired."""
    if partner is not None and partner != item_id:
        found = conn.execute(
            select(map_items.c.id).where(map_items.c.id == partner, map_items.c.meeting_id == meeting_id)
        ).first()
        if found is not None:
            pair(conn, item_id, partner)
            return
    unpair(conn, item_id)


@dataclass(frozen=True)
class ItemLinks:
    """What else points at a card: the scales about it and the people who agree with it.

    Deleting the card lets these go; undoing the delete hands them back to ``add_item`` to restore.
    """

    scales: tuple[int, ...] = ()
    people: tuple[int, ...] = ()


def item_links(conn: Connection, item_id: int) -> ItemLinks:
    about = conn.scalars(select(scales.c.id).where(scales.c.about == item_id).order_by(scales.c.id))
    agreeing = conn.scalars(
        select(person_agreements.c.person_id)
        .where(person_agreements.c.map_item_id == item_id)
        .order_by(person_agreements.c.person_id)
    )
    return ItemLinks(scales=tuple(about), people=tuple(agreeing))


def _restore_links(conn: Connection, meeting_id: int, item_id: int, links: ItemLinks) -> None:
    """Point the scales and people of ``links`` back at the card, where they still exist in its meeting and case."""
    if links.scales:
        conn.execute(
            update(scales).where(scales.c.id.in_(links.scales), scales.c.meeting_id == meeting_id).values(about=item_id)
        )
    if links.people:
        case_id = select(meetings.c.case_id).where(meetings.c.id == meeting_id).scalar_subquery()
        present = conn.scalars(select(people.c.id).where(people.c.id.in_(links.people), people.c.case_id == case_id))
        rows = [{"person_id": person_id, "map_item_id": item_id} for person_id in present]
        if rows:
            conn.execute(insert(person_agreements), rows)


def add_item(
    conn: Connection, meeting_id: int, item: MapItem, index: int | None = None, links: ItemLinks | None = None
) -> MapItem:
    """Insert ``item`` at ``index`` of its category (None: at the end); reuse ``item.id`` if it has one.

    ``links`` (from :func:`item_links` before a delete) are restored with it, in the same transaction.
    """
    touch_meeting(conn, meeting_id)
    category = item.category.value
    siblings = _sibling_ids(conn, meeting_id, category)
    values = item_values(item) | {"meeting_id": meeting_id, "category": category, "position": len(siblings)}
    values["key"] = new_key(item.key)
    new_id = insert_row(conn, map_items, values, reuse_id=item.id)
    _renumber(conn, _insert_at(siblings, new_id, index), category)
    _set_partner(conn, new_id, meeting_id, item.pairs_with)
    if links is not None:
        _restore_links(conn, meeting_id, new_id, links)
    return item_from_row(_row(conn, new_id))


def update_item(conn: Connection, item: MapItem) -> None:
    """Save a card's text, said_by, owner, due, status, extra and pairing (not its place: see move_item)."""
    row = _row(conn, item.id)
    conn.execute(update(map_items).where(map_items.c.id == row.id).values(item_values(item)))
    if item.pairs_with != row.pairs_with:
        _set_partner(conn, row.id, row.meeting_id, item.pairs_with)
    touch_meeting(conn, row.meeting_id)


def delete_item(conn: Connection, item_id: int) -> None:
    """Delete a card; later cards of its category close up and its partner is left unpaired."""
    row = _row(conn, item_id)
    unpair(conn, item_id)
    conn.execute(delete(map_items).where(map_items.c.id == item_id))
    _renumber(conn, _sibling_ids(conn, row.meeting_id, row.category), row.category)
    touch_meeting(conn, row.meeting_id)


def move_item(conn: Connection, item_id: int, category: Category | str, index: int) -> None:
    """Move a card to ``index`` of ``category`` (its own or another); both categories are renumbered."""
    row = _row(conn, item_id)
    target = Category(category).value
    if target != row.category:
        _renumber(conn, _sibling_ids(conn, row.meeting_id, row.category, leaving_out=item_id), row.category)
    siblings = _sibling_ids(conn, row.meeting_id, target, leaving_out=item_id)
    _renumber(conn, _insert_at(siblings, item_id, index), target)
    touch_meeting(conn, row.meeting_id)


def insert_items(conn: Connection, meeting_id: int, items: Iterable[MapItem]) -> dict[int, int]:
    """Insert a new meeting's cards in the order given; return {the cards' own ids: database ids}.

    The cards' ids and ``pairs_with`` are local to the caller (provisional); a pairing with a card that is not
    among ``items`` is refused.
    """
    items = list(items)
    next_position: dict[str, int] = {}
    new_ids: dict[int, int] = {}
    inserted: list[tuple[MapItem, int]] = []
    for item in items:
        category = item.category.value
        position = next_position.get(category, 0)
        next_position[category] = position + 1
        values = item_values(item) | {"meeting_id": meeting_id, "category": category, "position": position}
        values["key"] = new_key(item.key)
        new_id = insert_row(conn, map_items, values)
        inserted.append((item, new_id))
        if item.id is not None:
            new_ids[item.id] = new_id
    for item, new_id in inserted:
        if item.pairs_with is not None:
            partner = map_reference(new_ids, item.pairs_with, "card")
            if partner != new_id:
                pair(conn, new_id, partner)
    return new_ids

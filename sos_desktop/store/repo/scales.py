"""Scales and their ratings: the 0 to 10 judgements of a meeting, each optionally about one danger statement."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Row, bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from sos_desktop.models import Scale, ScaleRating
from sos_desktop.store.convert import new_key, rating_from_row, rating_values, scale_from_row, scale_values
from sos_desktop.store.errors import DanglingReferenceError, NotFoundError
from sos_desktop.store.repo.common import insert_row, map_reference, touch_meeting
from sos_desktop.store.tables import map_items, ratings, scales


def get_scales(conn: Connection, meeting_id: int) -> list[Scale]:
    """The meeting's scales in order, each with its ratings in the order they were given."""
    scale_rows = conn.execute(
        select(scales).where(scales.c.meeting_id == meeting_id).order_by(scales.c.position, scales.c.id)
    ).all()
    rating_rows = conn.execute(
        select(ratings)
        .join(scales, scales.c.id == ratings.c.scale_id)
        .where(scales.c.meeting_id == meeting_id)
        .order_by(ratings.c.scale_id, ratings.c.position)
    ).all()
    by_scale: dict[int, list[ScaleRating]] = {}
    for row in rating_rows:
        by_scale.setdefault(row.scale_id, []).append(rating_from_row(row))
    return [scale_from_row(row, by_scale.get(row.id, [])) for row in scale_rows]


def _row(conn: Connection, scale_id: int | None) -> Row[Any]:
    row = conn.execute(select(scales).where(scales.c.id == scale_id)).first() if scale_id is not None else None
    if row is None:
        raise NotFoundError.missing("scale")
    return row


def _set_ratings(conn: Connection, scale_id: int, scale_ratings: list[ScaleRating]) -> None:
    conn.execute(delete(ratings).where(ratings.c.scale_id == scale_id))
    if scale_ratings:
        conn.execute(
            insert(ratings),
            [rating_values(r) | {"scale_id": scale_id, "position": i} for i, r in enumerate(scale_ratings)],
        )


def _check_about(conn: Connection, meeting_id: int, about: int | None) -> int | None:
    """``about`` if it is a card of the meeting; a scale about some other meeting's card is refused."""
    if about is None:
        return None
    found = conn.execute(
        select(map_items.c.id).where(map_items.c.id == about, map_items.c.meeting_id == meeting_id)
    ).first()
    if found is None:
        raise DanglingReferenceError(
            "The scale is about a card that is not in this meeting, so it was not saved. "
            "The database file was left untouched."
        )
    return about


def _renumber(conn: Connection, meeting_id: int, ordered_ids: list[int]) -> None:
    if ordered_ids:
        conn.execute(
            update(scales).where(scales.c.id == bindparam("scale_id")).values(position=bindparam("new_position")),
            [{"scale_id": scale_id, "new_position": i} for i, scale_id in enumerate(ordered_ids)],
        )


def _scale_ids(conn: Connection, meeting_id: int, leaving_out: int | None = None) -> list[int]:
    query = select(scales.c.id).where(scales.c.meeting_id == meeting_id).order_by(scales.c.position, scales.c.id)
    return [scale_id for scale_id in conn.scalars(query) if scale_id != leaving_out]


def insert_scale(
    conn: Connection, meeting_id: int, scale: Scale, position: int, about: int | None, reuse_id: int | None = None
) -> int:
    """Insert a scale at ``position`` with its ratings and return its id (``reuse_id`` for an undone delete)."""
    values = scale_values(scale) | {"meeting_id": meeting_id, "position": position, "about": about}
    values["key"] = new_key(scale.key)
    new_id = insert_row(conn, scales, values, reuse_id)
    _set_ratings(conn, new_id, scale.ratings)
    return new_id


def insert_scales(conn: Connection, meeting_id: int, new_scales: list[Scale], item_ids: Mapping[int, int]) -> None:
    """Insert a new meeting's scales; ``about`` is a card id local to the caller, mapped through ``item_ids``."""
    for position, scale in enumerate(new_scales):
        about = map_reference(item_ids, scale.about, "card") if scale.about is not None else None
        insert_scale(conn, meeting_id, scale, position, about)


def add_scale(conn: Connection, meeting_id: int, scale: Scale, index: int | None = None) -> Scale:
    """Insert ``scale`` at ``index`` (None: at the end), reusing ``scale.id`` if it has one (an undone delete)."""
    touch_meeting(conn, meeting_id)
    about = _check_about(conn, meeting_id, scale.about)
    siblings = _scale_ids(conn, meeting_id)
    new_id = insert_scale(conn, meeting_id, scale, len(siblings), about, reuse_id=scale.id)
    at = len(siblings) if index is None else max(0, min(index, len(siblings)))
    _renumber(conn, meeting_id, [*siblings[:at], new_id, *siblings[at:]])
    return next(s for s in get_scales(conn, meeting_id) if s.id == new_id)


def update_scale(conn: Connection, scale: Scale) -> None:
    """Save a scale's wording, ``about``, extra and all its ratings."""
    row = _row(conn, scale.id)
    about = _check_about(conn, row.meeting_id, scale.about)
    conn.execute(update(scales).where(scales.c.id == row.id).values(scale_values(scale) | {"about": about}))
    _set_ratings(conn, row.id, scale.ratings)
    touch_meeting(conn, row.meeting_id)


def delete_scale(conn: Connection, scale_id: int) -> None:
    row = _row(conn, scale_id)
    conn.execute(delete(scales).where(scales.c.id == scale_id))
    _renumber(conn, row.meeting_id, _scale_ids(conn, row.meeting_id))
    touch_meeting(conn, row.meeting_id)


def move_scale(conn: Connection, scale_id: int, index: int) -> None:
    """Move a scale to ``index`` among its meeting's scales (after leaving its old place)."""
    row = _row(conn, scale_id)
    others = _scale_ids(conn, row.meeting_id, leaving_out=scale_id)
    at = max(0, min(index, len(others)))
    _renumber(conn, row.meeting_id, [*others[:at], scale_id, *others[at:]])
    touch_meeting(conn, row.meeting_id)

"""Small helpers the repositories share: the clock, marking a meeting as changed, and mapping provisional ids."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, insert, update
from sqlalchemy.engine import Connection

from sos_desktop.store.errors import DanglingReferenceError, NotFoundError
from sos_desktop.store.tables import meetings


def now() -> datetime:
    return datetime.now(UTC)


def insert_row(conn: Connection, table: Table, values: dict[str, Any], reuse_id: int | None = None) -> int:
    """Insert one row and return its id; ``reuse_id`` puts a deleted row back under its old id (undo)."""
    if reuse_id is not None:
        values = values | {"id": reuse_id}
    new_id: int = conn.execute(insert(table).values(values)).inserted_primary_key[0]  # type: ignore[index]
    return new_id


def touch_meeting(conn: Connection, meeting_id: int) -> None:
    """Record that the meeting changed just now; NotFoundError if there is no such meeting."""
    result = conn.execute(update(meetings).where(meetings.c.id == meeting_id).values(updated_at=now()))
    if result.rowcount == 0:
        raise NotFoundError.missing("meeting")


def map_reference(new_ids: Mapping[int, int], old_id: int, what: str) -> int:
    """The database id standing for ``old_id``; a reference to something not being saved is refused."""
    try:
        return new_ids[old_id]
    except KeyError:
        raise DanglingReferenceError(
            f"The meeting refers to a {what} that is not in it, so it was not saved. "
            "The database file was left untouched."
        ) from None

"""Small helpers the repositories share: the clock, marking a meeting as changed, and mapping provisional ids.

Every save touching a meeting goes through :func:`touch_meeting`, which raises the meeting's ``version``. When the
Store knows which version of the meeting its user is looking at (it read the meeting, or saved it, since), the
save only goes ahead if the meeting is still at that version; otherwise somebody else changed it in between and
StaleWriteError is raised, so the whole transaction is rolled back and nobody's change is silently lost. The
versions travel on the connection as an execution option (:data:`VERSIONS_OPTION`), so the repositories' own
signatures do not change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, insert, select, update
from sqlalchemy.engine import Connection

from sos_desktop.store.errors import DanglingReferenceError, NotFoundError, StaleWriteError
from sos_desktop.store.tables import meetings


def now() -> datetime:
    return datetime.now(UTC)


def insert_row(conn: Connection, table: Table, values: dict[str, Any], reuse_id: int | None = None) -> int:
    """Insert one row and return its id; ``reuse_id`` puts a deleted row back under its old id (undo)."""
    if reuse_id is not None:
        values = values | {"id": reuse_id}
    new_id: int = conn.execute(insert(table).values(values)).inserted_primary_key[0]  # type: ignore[index]
    return new_id


VERSIONS_OPTION = "sos_meeting_versions"
"""Execution option carrying the :class:`MeetingVersions` of the transaction under way."""


@dataclass
class MeetingVersions:
    """The meeting versions one Store has seen, and those its current transaction will leave once committed."""

    seen: dict[int, int]
    raised: dict[int, int] = field(default_factory=dict)

    def expected(self, meeting_id: int) -> int | None:
        """The version a save to the meeting must find, or None when this Store never read the meeting."""
        return self.raised.get(meeting_id, self.seen.get(meeting_id))


def _versions(conn: Connection) -> MeetingVersions | None:
    versions = conn.get_execution_options().get(VERSIONS_OPTION)
    return versions if isinstance(versions, MeetingVersions) else None


def meeting_version(conn: Connection, meeting_id: int) -> int | None:
    """The meeting's version as stored now (None if there is no such meeting)."""
    return conn.scalar(select(meetings.c.version).where(meetings.c.id == meeting_id))


def remember_version(conn: Connection, meeting_id: int) -> None:
    """Note the version of the meeting just read: later saves to it must find it unchanged by anybody else."""
    versions = _versions(conn)
    version = meeting_version(conn, meeting_id)
    if versions is not None and version is not None:
        versions.raised[meeting_id] = version


def touch_meeting(conn: Connection, meeting_id: int) -> None:
    """Record that the meeting changed just now and raise its version.

    NotFoundError if there is no such meeting; StaleWriteError if somebody else saved it since this Store last
    read or saved it (see the module docstring).
    """
    versions = _versions(conn)
    expected = versions.expected(meeting_id) if versions is not None else None
    query = update(meetings).where(meetings.c.id == meeting_id)
    if expected is not None:
        query = query.where(meetings.c.version == expected)
    result = conn.execute(query.values(updated_at=now(), version=meetings.c.version + 1))
    if result.rowcount == 0:
        if expected is not None and meeting_version(conn, meeting_id) is not None:
            raise StaleWriteError()
        raise NotFoundError.missing("meeting")
    if versions is not None and expected is not None:
        versions.raised[meeting_id] = expected + 1


def map_reference(new_ids: Mapping[int, int], old_id: int, what: str) -> int:
    """The database id standing for ``old_id``; a reference to something not being saved is refused."""
    try:
        return new_ids[old_id]
    except KeyError:
        raise DanglingReferenceError(
            f"The meeting refers to a {what} that is not in it, so it was not saved. "
            "The database file was left untouched."
        ) from None

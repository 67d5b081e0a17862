"""Each meeting's own documents kept whole as JSON, one row per part ("safety_houses", "words_pictures",
"family_meeting"), and the pictures a case's documents show, kept inside the database.

A part is written whole as each change of the console applies; an empty part is no row. People in a part are named
by their database ids; the feature's model module turns the plain data into its dataclasses and back. A picture is
stored once per case by its SHA-256, so adding the same image twice gives the same id.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from sos_desktop.store.convert import dump_json, load_dict
from sos_desktop.store.errors import StoreError
from sos_desktop.store.repo.common import touch_meeting
from sos_desktop.store.tables import meeting_parts, pictures

MAX_PICTURE_BYTES = 20 * 1024 * 1024
"""The largest image a case keeps (a photo from a phone is a few MB; a document's page scan less)."""


def get_part(conn: Connection, meeting_id: int, part: str) -> dict[str, Any]:
    """The meeting's part as plain data ({} when it has none)."""
    row = conn.execute(
        select(meeting_parts.c.data).where(meeting_parts.c.meeting_id == meeting_id, meeting_parts.c.part == part)
    ).first()
    return {} if row is None else load_dict(row.data)


def write_part(conn: Connection, meeting_id: int, part: str, data: dict[str, Any]) -> None:
    """Replace the meeting's part (without raising the meeting's version: for a meeting being saved whole)."""
    conn.execute(delete(meeting_parts).where(meeting_parts.c.meeting_id == meeting_id, meeting_parts.c.part == part))
    if data:
        conn.execute(insert(meeting_parts).values(meeting_id=meeting_id, part=part, data=dump_json(data)))


def set_part(conn: Connection, meeting_id: int, part: str, data: dict[str, Any]) -> None:
    """Save the meeting's part whole, as one change of the meeting."""
    touch_meeting(conn, meeting_id)
    write_part(conn, meeting_id, part, data)


def add_picture(conn: Connection, case_id: int, data: bytes, media_type: str) -> int:
    """Keep an image for the case; return its id (the same image already kept gives its id again)."""
    if not data:
        raise StoreError("The picture is empty.")
    if len(data) > MAX_PICTURE_BYTES:
        raise StoreError(f"The picture is {len(data) / 1024 / 1024:.1f} MB; a case keeps pictures of up to 20 MB.")
    digest = hashlib.sha256(data).hexdigest()
    found = conn.execute(
        select(pictures.c.id).where(pictures.c.case_id == case_id, pictures.c.sha256 == digest)
    ).first()
    if found is not None:
        return int(found.id)
    result = conn.execute(
        insert(pictures).values(case_id=case_id, sha256=digest, media_type=media_type, data=bytes(data))
    )
    assert result.inserted_primary_key is not None
    return int(result.inserted_primary_key[0])


def get_picture(conn: Connection, picture_id: int) -> tuple[str, bytes] | None:
    """The picture's media type and bytes, or None when the case no longer has it."""
    row = conn.execute(select(pictures.c.media_type, pictures.c.data).where(pictures.c.id == picture_id)).first()
    return None if row is None else (str(row.media_type), bytes(row.data))

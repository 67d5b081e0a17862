"""A meeting's family record (who agrees with which statement, a conference's decision, whether the family is in
the room), kept whole as the meeting's part "family_meeting" (``store/repo/parts.py``).

The record names statements by card key and people by their name at the meeting, so it needs no mapping of ids
when a meeting is saved whole. A part the store cannot read (written by a later version, say) reads as empty rather
than keeping the meeting from opening.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from sos_desktop.models.agreement import FamilyMeeting, family_meeting_data, family_meeting_from
from sos_desktop.store.repo.parts import get_part, set_part, write_part

FAMILY_MEETING_PART = "family_meeting"


def get_family_meeting(conn: Connection, meeting_id: int) -> FamilyMeeting:
    try:
        return family_meeting_from(get_part(conn, meeting_id, FAMILY_MEETING_PART))
    except ValueError:
        return FamilyMeeting()


def write_family_meeting(conn: Connection, meeting_id: int, record: FamilyMeeting) -> None:
    """Keep ``record`` with a meeting being saved whole."""
    write_part(conn, meeting_id, FAMILY_MEETING_PART, family_meeting_data(record))


def set_family_meeting(conn: Connection, meeting_id: int, record: FamilyMeeting) -> None:
    """Save ``record`` as one change of the meeting."""
    set_part(conn, meeting_id, FAMILY_MEETING_PART, family_meeting_data(record))

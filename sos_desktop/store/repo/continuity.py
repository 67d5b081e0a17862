"""The case over time in the store: which meeting came before another, and the next meeting continued from one.

The meeting before another is the one it was continued from (its ``follows`` uid), else the case's latest
meeting before it in time order (dates first, then ids, as ``models.trajectory.in_time_order`` orders them), so
meetings imported in any order still find the one before them.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Connection

from sos_desktop.models import AgendaPhase, Attendee, Meeting
from sos_desktop.models.continuity import continue_meeting
from sos_desktop.models.safety_house import carried
from sos_desktop.models.trajectory import in_time_order
from sos_desktop.store.errors import NotFoundError
from sos_desktop.store.repo import network as network_repo
from sos_desktop.store.repo.meetings import add_meeting, get_meeting, list_meetings
from sos_desktop.store.tables import meetings


def previous_meeting_id(conn: Connection, meeting_id: int) -> int | None:
    """The id of the meeting before ``meeting_id`` in its case (see the module docstring), or None."""
    row = conn.execute(select(meetings.c.case_id, meetings.c.follows).where(meetings.c.id == meeting_id)).first()
    if row is None:
        raise NotFoundError.missing("meeting")
    if row.follows:
        followed = conn.scalar(
            select(meetings.c.id).where(meetings.c.uid == row.follows, meetings.c.case_id == row.case_id)
        )
        if followed is not None and followed != meeting_id:
            return int(followed)
    ordered = [m.id for m in in_time_order(list_meetings(conn, row.case_id))]
    at = ordered.index(meeting_id)
    return ordered[at - 1] if at > 0 else None


def previous_meeting(conn: Connection, meeting_id: int) -> Meeting | None:
    found = previous_meeting_id(conn, meeting_id)
    return None if found is None else get_meeting(conn, found)


def latest_meeting_id(conn: Connection, case_id: int) -> int | None:
    """The case's latest meeting in time order, the one the next meeting continues from."""
    ordered = in_time_order(list_meetings(conn, case_id))
    return ordered[-1].id if ordered else None


def continue_from(
    conn: Connection,
    meeting_id: int,
    *,
    title: str,
    held_on: datetime | None,
    agenda: Sequence[AgendaPhase],
    attendees: Sequence[Attendee] | None = None,
) -> Meeting:
    """Save the case's next meeting, carried forward from ``meeting_id``, and return it as stored."""
    previous = get_meeting(conn, meeting_id)
    assert previous.case_id is not None
    network = network_repo.get_network(conn, previous.case_id)
    following = continue_meeting(previous, network, title=title, held_on=held_on, agenda=agenda, attendees=attendees)
    # The child's tools go on: the same Safety Houses, the path not placed yet and consent asked again; the same
    # choice of Three Houses, Fairy or Wizard.
    following.safety_houses = carried(previous.safety_houses)
    following.child_tools = dict(previous.child_tools)
    # The Words and Pictures stories go on as they stood (the same keys, state and pictures), to be told again.
    following.words_pictures = copy.deepcopy(previous.words_pictures)
    return add_meeting(conn, following)

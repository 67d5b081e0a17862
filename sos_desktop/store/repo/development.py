"""A practice leader's development: who has facilitated, the meetings each ran with their observers' feedback, and
the rubric a meeting's observer rates against.

Reads are bulk queries (one per table, not one per meeting), since a practice leader looks across many meetings.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Table, select, update
from sqlalchemy.engine import Connection

from sos_desktop.models import AttendeeRole, Meeting, Observations
from sos_desktop.store import convert
from sos_desktop.store.errors import NotFoundError
from sos_desktop.store.repo.meetings import RUBRIC_EXTRA_KEY, set_observations
from sos_desktop.store.tables import attendees, meetings, observation_notes, observation_ratings, observations


def facilitators(conn: Connection) -> list[str]:
    """Everyone who has been a facilitator at any meeting, by name (as written, each once)."""
    query = select(attendees.c.name).where(attendees.c.role == AttendeeRole.FACILITATOR.value).distinct()
    names = {name.strip() for name in conn.scalars(query) if name.strip()}
    return sorted(names, key=lambda name: (name.casefold(), name))


def _by_meeting(conn: Connection, table: Table, meeting_ids: list[int]) -> dict[int, list[Any]]:
    rows: dict[int, list[Any]] = defaultdict(list)
    query = select(table).where(table.c.meeting_id.in_(meeting_ids)).order_by(table.c.meeting_id, table.c.position)
    for row in conn.execute(query):
        rows[row.meeting_id].append(row)
    return rows


def facilitated(conn: Connection, name: str) -> list[tuple[Meeting, Observations]]:
    """The meetings ``name`` facilitated, earliest first (undated last), each with its attendees and observations.

    The meetings carry their details and attendees only (no map, scales or network): what a development view needs.
    """
    ran = (
        select(attendees.c.meeting_id)
        .where(attendees.c.role == AttendeeRole.FACILITATOR.value, attendees.c.name == name.strip())
        .scalar_subquery()
    )
    query = (
        select(meetings)
        .where(meetings.c.id.in_(ran))
        .order_by(meetings.c.held_on.is_(None), meetings.c.held_on, meetings.c.id)
    )
    found = [convert.meeting_from_row(row) for row in conn.execute(query)]
    ids = [meeting.id for meeting in found if meeting.id is not None]
    if not ids:
        return []
    people = _by_meeting(conn, attendees, ids)
    notes = _by_meeting(conn, observation_notes, ids)
    ratings = _by_meeting(conn, observation_ratings, ids)
    found_heads = conn.execute(select(observations).where(observations.c.meeting_id.in_(ids)))
    heads = {row.meeting_id: row for row in found_heads}
    result = []
    for meeting in found:
        assert meeting.id is not None
        meeting.attendees = [convert.attendee_from_row(row) for row in people[meeting.id]]
        head = heads.get(meeting.id)
        meeting.observations = Observations(
            observer=head.observer if head is not None else "",
            notes=[convert.note_from_row(row) for row in notes[meeting.id]],
            ratings=[convert.rubric_from_row(row) for row in ratings[meeting.id]],
            went_well=head.went_well if head is not None else "",
            even_better_if=head.even_better_if if head is not None else "",
        )
        result.append((meeting, meeting.observations))
    return result


def set_rubric(
    conn: Connection,
    meeting_id: int,
    criteria: list[str] | None,
    given: Observations,
    base: Observations | None = None,
) -> Observations:
    """Save a meeting's own rubric criteria (None: it follows the team's default) with its observations, so a
    renamed or removed criterion and the ratings that go with it change together.
    """
    extra = convert.load_dict(conn.scalar(select(meetings.c.extra).where(meetings.c.id == meeting_id)))
    if criteria is None:
        extra.pop(RUBRIC_EXTRA_KEY, None)
    else:
        extra[RUBRIC_EXTRA_KEY] = list(criteria)
    result = conn.execute(update(meetings).where(meetings.c.id == meeting_id).values(extra=convert.dump_json(extra)))
    if result.rowcount == 0:
        raise NotFoundError.missing("meeting")
    return set_observations(conn, meeting_id, given, base)

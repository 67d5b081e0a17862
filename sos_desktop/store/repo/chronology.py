"""The case chronology in the store: a case's events, added, changed and taken off one at a time (each an undo
step on the console), or replaced whole when a meeting file brings the case's chronology.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Connection

from sos_desktop.models.chronology import ChronologyEvent, in_date_order
from sos_desktop.store.convert import event_from_row, event_values
from sos_desktop.store.errors import NotFoundError
from sos_desktop.store.repo.common import insert_row
from sos_desktop.store.tables import cases, chronology_events


def get_chronology(conn: Connection, case_id: int) -> list[ChronologyEvent]:
    """The case's events in date order (those of one date in the order they were added)."""
    rows = conn.execute(
        select(chronology_events).where(chronology_events.c.case_id == case_id).order_by(chronology_events.c.id)
    ).all()
    return in_date_order(event_from_row(row) for row in rows)


def add_event(conn: Connection, case_id: int, event: ChronologyEvent, reuse_id: int | None = None) -> ChronologyEvent:
    """Put an event on the case's chronology; ``reuse_id`` puts a removed one back under its old id (undo)."""
    if conn.scalar(select(cases.c.id).where(cases.c.id == case_id)) is None:
        raise NotFoundError.missing("case")
    new_id = insert_row(conn, chronology_events, event_values(event) | {"case_id": case_id}, reuse_id)
    return replace(event, id=new_id, extra=dict(event.extra))


def update_event(conn: Connection, event: ChronologyEvent) -> None:
    found = conn.execute(
        update(chronology_events).where(chronology_events.c.id == event.id).values(event_values(event))
    )
    if found.rowcount == 0:
        raise NotFoundError.missing("chronology event")


def delete_event(conn: Connection, event_id: int) -> None:
    conn.execute(delete(chronology_events).where(chronology_events.c.id == event_id))


def add_missing_events(conn: Connection, case_id: int, events: Iterable[ChronologyEvent]) -> None:
    """Add a file's events the case does not have yet (same date, precision and words), so importing the case's
    meetings one after another does not repeat its chronology.
    """
    have = {(e.happened_on, e.precision, e.what, e.source) for e in get_chronology(conn, case_id)}
    for event in events:
        identity = (event.happened_on, event.precision, event.what, event.source)
        if identity not in have:
            have.add(identity)
            insert_row(conn, chronology_events, event_values(event) | {"case_id": case_id})

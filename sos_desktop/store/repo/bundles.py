"""Meeting bundles (what one interchange file carries): saving one whole, loading one, finding a meeting.

A bundle's ids are its own (provisional): they are mapped to database ids as the bundle is saved. A bundle whose
case reference is already in the database joins that case: a person is matched to the case's person of the same
name when that name is unique on both sides (two different people who share a name are never merged), and the
stored person is brought up to date with what the file states (``models.network.updated_with``); ties already
recorded are not repeated. The caller runs :func:`save_bundle` in one transaction, so a
bundle is saved whole or not at all.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Connection

from sos_desktop.models import MeetingBundle, NetworkPerson
from sos_desktop.models.network import updated_with
from sos_desktop.store.convert import dump_held_on
from sos_desktop.store.repo import cases as case_repo
from sos_desktop.store.repo import network as network_repo
from sos_desktop.store.repo.common import map_reference
from sos_desktop.store.repo.meetings import get_meeting, insert_meeting
from sos_desktop.store.tables import cases, meetings, ties


def save_bundle(conn: Connection, bundle: MeetingBundle) -> MeetingBundle:
    """Save the bundle's case (or join the case with its reference), meeting and network; return it as stored."""
    case = case_repo.find_case_by_reference(conn, bundle.case.reference)
    if case is None:
        case = case_repo.add_case(conn, bundle.case)
    case_id = case.id
    assert case_id is not None

    stored_by_name = _unique_by_name(network_repo.get_network(conn, case_id).people)
    incoming_names = Counter(person.name.strip() for person in bundle.network.people)
    person_ids: dict[int, int] = {}
    for person in bundle.network.people:
        stored = stored_by_name.get(person.name.strip()) if incoming_names[person.name.strip()] == 1 else None
        if stored is None:
            db_id = network_repo.insert_person(conn, case_id, person, keep_id=False)
        else:
            assert stored.id is not None
            network_repo.update_person(conn, updated_with(stored, person))
            db_id = stored.id
        if person.id is not None:
            person_ids[person.id] = db_id

    meeting_id, item_ids = insert_meeting(conn, case_id, bundle.meeting, person_ids)
    for person in bundle.network.people:
        if person.id is not None and person.agrees_with:
            agreed = [map_reference(item_ids, item_id, "card") for item_id in person.agrees_with]
            network_repo.add_agreements(conn, case_id, person_ids[person.id], agreed)

    recorded = {
        (row.source, row.target, row.kind)
        for row in conn.execute(select(ties.c.source, ties.c.target, ties.c.kind).where(ties.c.case_id == case_id))
    }
    for tie in bundle.network.ties:
        source = map_reference(person_ids, tie.source, "person")
        target = map_reference(person_ids, tie.target, "person")
        if (source, target, tie.kind.value) not in recorded:
            network_repo.insert_tie(conn, case_id, tie, source, target, keep_id=False)
            recorded.add((source, target, tie.kind.value))
    return load_bundle(conn, meeting_id)


def _unique_by_name(stored: list[NetworkPerson]) -> dict[str, NetworkPerson]:
    """The case's people by name, leaving out empty names and names more than one person has."""
    counts = Counter(person.name.strip() for person in stored)
    return {
        person.name.strip(): person for person in stored if person.name.strip() and counts[person.name.strip()] == 1
    }


def load_bundle(conn: Connection, meeting_id: int) -> MeetingBundle:
    """The meeting in full with its case and the case's network (agreements limited to this meeting's cards)."""
    meeting = get_meeting(conn, meeting_id)
    assert meeting.case_id is not None
    case = case_repo.get_case(conn, meeting.case_id)
    item_ids = {item.id for item in meeting.items if item.id is not None}
    network = network_repo.get_network(conn, meeting.case_id, only_items=item_ids)
    return MeetingBundle(case=case, meeting=meeting, network=network)


def find_meeting(conn: Connection, case_reference: str, title: str, held_on: datetime | None) -> int | None:
    """The id of the meeting of the case with this reference, title and time (to the second and offset), if any."""
    reference = case_reference.strip()
    if not reference:
        return None
    held = meetings.c.held_on.is_(None) if held_on is None else meetings.c.held_on == dump_held_on(held_on)
    query = (
        select(meetings.c.id)
        .join(cases, cases.c.id == meetings.c.case_id)
        .where(cases.c.reference == reference, meetings.c.title == title.strip(), held)
        .order_by(meetings.c.id)
        .limit(1)
    )
    return conn.scalar(query)

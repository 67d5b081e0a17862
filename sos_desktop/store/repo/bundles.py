"""Meeting bundles (what one interchange file carries): saving one whole, loading one, finding a meeting.

A bundle's ids are its own (provisional): they are mapped to database ids as the bundle is saved. A bundle whose
case reference is already in the database joins that case: a person is matched to the case's person of the same
name when that name is unique on both sides (two different people who share a name are never merged), and the
stored person is brought up to date with what the file states (``models.network.updated_with``); ties already
recorded are not repeated. The caller runs :func:`save_bundle` in one transaction, so a
bundle is saved whole or not at all. The existing case is never changed by a file: a label or framework that
differs from the file's is reported as a warning.

A meeting is one meeting wherever it is stored: its ``uid`` travels in its file. :func:`import_bundle` refuses a
meeting already in the database (the same uid; or, whatever the uid, the same case reference, title and time,
as observer merging matches), unless it is to be added as a copy (a new uid) or to replace the one there (same
id and uid). A file without a uid is given one derived from its case reference (or label), time and title, so
the same file imported twice, even at once, is still recognised; the unique index on ``uid`` makes the second of
two racing imports fail, which :func:`is_uid_clash` recognises.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum
from pathlib import Path
from uuid import NAMESPACE_URL, uuid4, uuid5

from sqlalchemy import select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from sos_desktop.models import Case, MeetingBundle, NetworkPerson
from sos_desktop.models.network import updated_with
from sos_desktop.models.templates import template
from sos_desktop.store.convert import dump_held_on, load_held_on
from sos_desktop.store.errors import StoreError
from sos_desktop.store.repo import cases as case_repo
from sos_desktop.store.repo import chronology as chronology_repo
from sos_desktop.store.repo import continuity
from sos_desktop.store.repo import network as network_repo
from sos_desktop.store.repo.common import map_reference
from sos_desktop.store.repo.meetings import delete_meeting, get_meeting, insert_meeting
from sos_desktop.store.repo.words_pictures import add_bundle_pictures, stories_pictures
from sos_desktop.store.tables import cases, meetings, people, ties

_IDENTITY_NAMESPACE = uuid5(NAMESPACE_URL, "urn:sos-desktop:meeting")


class ImportMode(Enum):
    """What an import does with a meeting that is already in the database."""

    REFUSE = "refuse"
    AS_COPY = "as_copy"
    REPLACE = "replace"


@dataclass(frozen=True)
class StoredMeeting:
    """The meeting already in the database that a file holds again, as a message names it."""

    id: int
    title: str
    held_on: datetime | None
    case_reference: str
    case_label: str

    def describe(self) -> str:
        """``'Review' held on 2026-03-05 in case DEMO-0001 (meeting 3)``."""
        when = f"held on {self.held_on.date().isoformat()}" if self.held_on is not None else "with no date"
        case = self.case_reference or f"'{self.case_label}'"
        return f"'{self.title}' {when} in case {case} (meeting {self.id})"


@dataclass(frozen=True)
class Imported:
    """What an import did: the meeting as stored, the one it replaced (if any) and the backup made first."""

    bundle: MeetingBundle
    replaced: StoredMeeting | None = None
    backup: Path | None = None


class DuplicateMeetingError(StoreError):
    """The meeting of a file is already in the database; nothing was added.

    ``headline`` names the meeting there, for a message that goes on to say what the user can do instead.
    """

    def __init__(self, existing: StoredMeeting | None = None) -> None:
        self.existing = existing
        self.headline = "This meeting is already in the database" + (
            f": {existing.describe()}." if existing is not None else "."
        )
        super().__init__(f"{self.headline} Nothing was changed.")


def meeting_identity(bundle: MeetingBundle) -> str:
    """The bundle's meeting uid: its own, or one derived from what identifies it when it has none."""
    if bundle.meeting.uid:
        return bundle.meeting.uid.lower()
    reference = bundle.case.reference.strip()
    key = "\x1f".join(
        (
            reference,
            "" if reference else bundle.case.label,
            dump_held_on(bundle.meeting.held_on) or "",
            bundle.meeting.title,
        )
    )
    return str(uuid5(_IDENTITY_NAMESPACE, key))


def is_uid_clash(error: BaseException) -> bool:
    """Whether ``error`` (or what caused it) is the unique index on meeting uids refusing a second meeting."""
    cause = error.__cause__ if isinstance(error, StoreError) else error
    return isinstance(cause, IntegrityError) and "uid" in str(cause.orig).lower()


def find_duplicate(conn: Connection, bundle: MeetingBundle, uid: str) -> StoredMeeting | None:
    """The stored meeting that ``bundle`` holds again: the one with ``uid``, else the same case, title and time."""
    meeting_id = conn.scalar(select(meetings.c.id).where(meetings.c.uid == uid))
    if meeting_id is None:
        meeting_id = find_meeting(conn, bundle.case.reference, bundle.meeting.title, bundle.meeting.held_on)
    if meeting_id is None:
        return None
    query = (
        select(meetings.c.title, meetings.c.held_on, cases.c.reference, cases.c.label)
        .join(cases, cases.c.id == meetings.c.case_id)
        .where(meetings.c.id == meeting_id)
    )
    row = conn.execute(query).one()
    return StoredMeeting(meeting_id, row.title, load_held_on(row.held_on), row.reference or "", row.label)


def import_bundle(
    conn: Connection, bundle: MeetingBundle, mode: ImportMode, warnings: list[str] | None = None
) -> tuple[MeetingBundle, StoredMeeting | None]:
    """Save a bundle read from a file, minding a meeting already there (see the module docstring).

    Returns the meeting as stored and the meeting it replaced (None unless it replaced one). Raises
    DuplicateMeetingError when ``mode`` is REFUSE and the meeting is already in the database.
    """
    uid = meeting_identity(bundle)
    existing = find_duplicate(conn, bundle, uid)
    if existing is None:
        return save_bundle(conn, bundle, uid=uid, warnings=warnings), None
    if mode is ImportMode.REFUSE:
        raise DuplicateMeetingError(existing)
    if mode is ImportMode.AS_COPY:
        return save_bundle(conn, bundle, uid=str(uuid4()), warnings=warnings), None
    kept_uid, version = conn.execute(
        select(meetings.c.uid, meetings.c.version).where(meetings.c.id == existing.id)
    ).one()
    delete_meeting(conn, existing.id)
    stored = save_bundle(conn, bundle, uid=kept_uid, reuse_id=existing.id, warnings=warnings)
    # A console that has the old meeting open must not write over the new one: its next save is refused as stale.
    conn.execute(update(meetings).where(meetings.c.id == existing.id).values(version=version + 1))
    return stored, existing


def save_bundle(
    conn: Connection,
    bundle: MeetingBundle,
    *,
    uid: str | None = None,
    reuse_id: int | None = None,
    warnings: list[str] | None = None,
) -> MeetingBundle:
    """Save the bundle's case (or join the case with its reference), meeting and network; return it as stored.

    ``uid``: the meeting's uid (by default its own if no stored meeting has it, else a new one); ``reuse_id``: the
    id it takes (of a meeting it replaces). A difference between the stored case and the file's is described in
    ``warnings``.
    """
    case = case_repo.find_case_by_reference(conn, bundle.case.reference)
    if case is None:
        case = case_repo.add_case(conn, bundle.case)
    elif warnings is not None and (case.label, case.framework) != (bundle.case.label, bundle.case.framework):
        warnings.append(_case_differs(case, bundle.case))
    case_id = case.id
    assert case_id is not None
    if uid is None and bundle.meeting.uid:
        taken = conn.scalar(select(meetings.c.id).where(meetings.c.uid == bundle.meeting.uid.lower()))
        uid = None if taken is not None else bundle.meeting.uid.lower()

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
    chosen = [person_ids[p.id] for p in bundle.network.people if p.index_child and p.id in person_ids]
    if chosen:  # one index child a case: the file's, and nobody else of the case any more
        conn.execute(
            update(people)
            .where(people.c.case_id == case_id, people.c.index_child.is_(True), people.c.id != chosen[0])
            .values(index_child=False)
        )

    meeting = bundle.meeting
    if meeting.words_pictures:
        # The images the bundle brings are kept for the case first; its stories then name them by the case's ids.
        meeting = replace(
            meeting, words_pictures=add_bundle_pictures(conn, case_id, meeting.words_pictures, bundle.pictures)
        )
    meeting_id, item_ids = insert_meeting(conn, case_id, meeting, person_ids, uid=uid, reuse_id=reuse_id)
    for person in bundle.network.people:
        if person.id is not None and person.agrees_with:
            agreed = [map_reference(item_ids, item_id, "card") for item_id in person.agrees_with]
            network_repo.add_agreements(conn, case_id, person_ids[person.id], agreed)

    recorded = {
        (row.source, row.target, row.kind): (row.id, row.bond)
        for row in conn.execute(
            select(ties.c.id, ties.c.source, ties.c.target, ties.c.kind, ties.c.bond).where(ties.c.case_id == case_id)
        )
    }
    for tie in bundle.network.ties:
        source = map_reference(person_ids, tie.source, "person")
        target = map_reference(person_ids, tie.target, "person")
        known = recorded.get((source, target, tie.kind.value))
        if known is None:
            tie_id = network_repo.insert_tie(conn, case_id, tie, source, target, keep_id=False)
            recorded[(source, target, tie.kind.value)] = (tie_id, tie.bond.value)
        elif tie.bond.value and tie.bond.value != known[1]:
            # The file's bond wins (a couple since divorced); a file that gives none keeps the case's.
            conn.execute(update(ties).where(ties.c.id == known[0]).values(bond=tie.bond.value))
            recorded[(source, target, tie.kind.value)] = (known[0], tie.bond.value)
    chronology_repo.add_missing_events(conn, case_id, bundle.chronology)
    return load_bundle(conn, meeting_id)


def _case_differs(stored: Case, given: Case) -> str:
    return (
        f"Case {stored.reference} is '{stored.label}' ({template(stored.framework).name}) here; the file says "
        f"'{given.label}' ({template(given.framework).name}). The meeting was filed under the existing case, "
        "unchanged."
    )


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
    return MeetingBundle(
        case=case,
        meeting=meeting,
        network=network,
        chronology=chronology_repo.get_chronology(conn, meeting.case_id),
        previous=continuity.previous_meeting(conn, meeting_id),
        pictures=stories_pictures(conn, meeting.words_pictures),
    )


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

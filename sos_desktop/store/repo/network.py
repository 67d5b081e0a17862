"""The case's safety network: people (with the worries they agree with) and the ties between them."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row, bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from sos_desktop.models import Network, NetworkPerson, Tie
from sos_desktop.store.convert import person_from_row, person_values, tie_from_row, tie_values
from sos_desktop.store.errors import DanglingReferenceError, NotFoundError
from sos_desktop.store.repo.common import insert_row
from sos_desktop.store.tables import cases, child_voice, map_items, meetings, people, person_agreements, ties


def _check_case(conn: Connection, case_id: int) -> None:
    if conn.scalar(select(cases.c.id).where(cases.c.id == case_id)) is None:
        raise NotFoundError.missing("case")


def get_network(conn: Connection, case_id: int, only_items: Collection[int] | None = None) -> Network:
    """The case's people (in the order they were added) and ties.

    ``agrees_with`` lists card ids in id order; with ``only_items`` it keeps only those cards (one meeting's).
    """
    _check_case(conn, case_id)
    person_rows = conn.execute(select(people).where(people.c.case_id == case_id).order_by(people.c.id)).all()
    agreement_rows = conn.execute(
        select(person_agreements)
        .join(people, people.c.id == person_agreements.c.person_id)
        .where(people.c.case_id == case_id)
        .order_by(person_agreements.c.person_id, person_agreements.c.map_item_id)
    ).all()
    agrees: dict[int, list[int]] = {}
    for row in agreement_rows:
        if only_items is None or row.map_item_id in only_items:
            agrees.setdefault(row.person_id, []).append(row.map_item_id)
    tie_rows = conn.execute(select(ties).where(ties.c.case_id == case_id).order_by(ties.c.id)).all()
    return Network(
        people=[person_from_row(row, agrees.get(row.id, [])) for row in person_rows],
        ties=[tie_from_row(row) for row in tie_rows],
    )


def _person_row(conn: Connection, person_id: int | None) -> Row[Any]:
    row = conn.execute(select(people).where(people.c.id == person_id)).first() if person_id is not None else None
    if row is None:
        raise NotFoundError.missing("person")
    return row


def _get_person(conn: Connection, person_id: int) -> NetworkPerson:
    row = _person_row(conn, person_id)
    item_ids = conn.scalars(
        select(person_agreements.c.map_item_id)
        .where(person_agreements.c.person_id == person_id)
        .order_by(person_agreements.c.map_item_id)
    )
    return person_from_row(row, list(item_ids))


def add_agreements(conn: Connection, case_id: int, person_id: int, item_ids: Iterable[int]) -> None:
    """Record that the person agrees with these cards, which must belong to a meeting of the same case."""
    wanted = set(item_ids)
    if not wanted:
        return
    of_case = set(
        conn.scalars(
            select(map_items.c.id)
            .join(meetings, meetings.c.id == map_items.c.meeting_id)
            .where(meetings.c.case_id == case_id, map_items.c.id.in_(wanted))
        )
    )
    if of_case != wanted:
        raise DanglingReferenceError(
            "A person is said to agree with a card that is not in this case, so nothing was saved. "
            "The database file was left untouched."
        )
    existing = set(
        conn.scalars(select(person_agreements.c.map_item_id).where(person_agreements.c.person_id == person_id))
    )
    new = sorted(wanted - existing)
    if new:
        conn.execute(insert(person_agreements), [{"person_id": person_id, "map_item_id": i} for i in new])


def insert_person(conn: Connection, case_id: int, person: NetworkPerson, keep_id: bool) -> int:
    """Insert the person's details (not ``agrees_with``) and return the id."""
    values = person_values(person) | {"case_id": case_id}
    return insert_row(conn, people, values, reuse_id=person.id if keep_id else None)


def add_person(conn: Connection, case_id: int, person: NetworkPerson) -> NetworkPerson:
    """Add somebody to the case's network (reusing ``person.id`` if given, as an undone delete does)."""
    _check_case(conn, case_id)
    person_id = insert_person(conn, case_id, person, keep_id=True)
    add_agreements(conn, case_id, person_id, person.agrees_with)
    return _get_person(conn, person_id)


def update_person(conn: Connection, person: NetworkPerson) -> None:
    """Save all of a person's details, including which cards they agree with."""
    row = _person_row(conn, person.id)
    conn.execute(update(people).where(people.c.id == row.id).values(person_values(person)))
    conn.execute(delete(person_agreements).where(person_agreements.c.person_id == row.id))
    add_agreements(conn, row.case_id, row.id, person.agrees_with)


def delete_person(conn: Connection, person_id: int) -> None:
    """Remove a person, their ties and agreements; child's-voice entries keep their words but lose the name."""
    _person_row(conn, person_id)
    conn.execute(delete(people).where(people.c.id == person_id))


def _check_ends(conn: Connection, case_id: int, tie: Tie) -> None:
    ends = {tie.source, tie.target}
    found = set(conn.scalars(select(people.c.id).where(people.c.case_id == case_id, people.c.id.in_(ends))))
    if found != ends:
        raise DanglingReferenceError(
            "The tie joins somebody who is not in this case's network, so it was not saved. "
            "The database file was left untouched."
        )


def insert_tie(conn: Connection, case_id: int, tie: Tie, source: int, target: int, keep_id: bool) -> int:
    values = tie_values(tie) | {"case_id": case_id, "source": source, "target": target}
    return insert_row(conn, ties, values, reuse_id=tie.id if keep_id else None)


def add_tie(conn: Connection, case_id: int, tie: Tie) -> Tie:
    """Add a tie between two people of the case (reusing ``tie.id`` if given)."""
    _check_case(conn, case_id)
    _check_ends(conn, case_id, tie)
    tie_id = insert_tie(conn, case_id, tie, tie.source, tie.target, keep_id=True)
    return tie_from_row(conn.execute(select(ties).where(ties.c.id == tie_id)).one())


def update_tie(conn: Connection, tie: Tie) -> None:
    """Save a tie's ends, kind and extra."""
    row = conn.execute(select(ties).where(ties.c.id == tie.id)).first() if tie.id is not None else None
    if row is None:
        raise NotFoundError.missing("tie")
    _check_ends(conn, row.case_id, tie)
    values = tie_values(tie) | {"source": tie.source, "target": tie.target}
    conn.execute(update(ties).where(ties.c.id == row.id).values(values))


def delete_tie(conn: Connection, tie_id: int) -> None:
    if conn.execute(delete(ties).where(ties.c.id == tie_id)).rowcount == 0:
        raise NotFoundError.missing("tie")


@dataclass(frozen=True)
class PersonRemoval:
    """Everything deleting a person takes away with them, so that undoing the delete can give it all back."""

    person: NetworkPerson
    ties: list[Tie] = field(default_factory=list)
    voice_entries: tuple[int, ...] = ()
    """Child's-voice entries (of any meeting of the case) that named this person as the child."""


def remove_person(conn: Connection, person_id: int) -> PersonRemoval:
    """Delete a person with their ties and agreements, returning what was removed."""
    person = _get_person(conn, person_id)
    tie_rows = conn.execute(
        select(ties).where((ties.c.source == person_id) | (ties.c.target == person_id)).order_by(ties.c.id)
    ).all()
    voice = tuple(conn.scalars(select(child_voice.c.id).where(child_voice.c.child == person_id)))
    conn.execute(delete(people).where(people.c.id == person_id))
    return PersonRemoval(person, [tie_from_row(row) for row in tie_rows], voice)


def restore_person(conn: Connection, case_id: int, removal: PersonRemoval) -> None:
    """Put back a removed person under their old id, with the ties and child's-voice links that still can be."""
    add_person(conn, case_id, removal.person)
    present = set(conn.scalars(select(people.c.id).where(people.c.case_id == case_id)))
    for tie in removal.ties:
        if tie.source in present and tie.target in present:
            insert_tie(conn, case_id, tie, tie.source, tie.target, keep_id=True)
    if removal.voice_entries:
        conn.execute(
            update(child_voice)
            .where(child_voice.c.id.in_(removal.voice_entries), child_voice.c.child.is_(None))
            .values(child=removal.person.id)
        )


def set_positions(conn: Connection, case_id: int, positions: Mapping[int, tuple[float | None, float | None]]) -> None:
    """Place several people of the case at once (a drag of a selection, or a layout), in one statement."""
    if not positions:
        return
    statement = (
        update(people)
        .where(people.c.id == bindparam("person_id"), people.c.case_id == case_id)
        .values(x=bindparam("new_x"), y=bindparam("new_y"))
    )
    rows = [{"person_id": person_id, "new_x": x, "new_y": y} for person_id, (x, y) in positions.items()]
    done = conn.execute(statement, rows)
    if done.rowcount != len(rows):
        raise NotFoundError.missing("person")

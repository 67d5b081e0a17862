"""Cases: list, find, add, change and delete (for good, with everything that belongs to them)."""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Connection

from sos_desktop.models import Case
from sos_desktop.store.convert import case_from_row, case_values
from sos_desktop.store.errors import NotFoundError
from sos_desktop.store.repo.common import insert_row, now
from sos_desktop.store.tables import cases


def list_cases(conn: Connection) -> list[Case]:
    """All cases, by label as people read it (ignoring upper and lower case)."""
    found = [case_from_row(row) for row in conn.execute(select(cases))]
    return sorted(found, key=lambda case: (case.label.casefold(), case.label, case.id or 0))


def any_case(conn: Connection) -> bool:
    """Whether the database holds a case at all (one row read, however many there are)."""
    return conn.execute(select(cases.c.id).limit(1)).first() is not None


def get_case(conn: Connection, case_id: int) -> Case:
    row = conn.execute(select(cases).where(cases.c.id == case_id)).first()
    if row is None:
        raise NotFoundError.missing("case")
    return case_from_row(row)


def find_case_by_reference(conn: Connection, reference: str) -> Case | None:
    """The case with this reference, or None; an empty reference matches nothing."""
    reference = reference.strip()
    if not reference:
        return None
    row = conn.execute(select(cases).where(cases.c.reference == reference)).first()
    return case_from_row(row) if row is not None else None


def add_case(conn: Connection, case: Case) -> Case:
    values = case_values(case) | {"created_at": now()}
    new_id = insert_row(conn, cases, values, reuse_id=case.id)
    return get_case(conn, new_id)


def known_teams(conn: Connection) -> list[str]:
    """The teams the database's cases belong to, sorted without regard to case (none for "")."""
    found = conn.scalars(select(cases.c.team).where(cases.c.team != "").distinct())
    return sorted(set(found), key=lambda team: (team.casefold(), team))


def update_case(conn: Connection, case: Case) -> None:
    """Save the case's label, reference, framework, team and extra."""
    result = conn.execute(update(cases).where(cases.c.id == case.id).values(case_values(case)))
    if case.id is None or result.rowcount == 0:
        raise NotFoundError.missing("case")


def delete_case(conn: Connection, case_id: int) -> None:
    """Delete the case and, through the foreign keys' cascades, its meetings, people and everything in them."""
    result = conn.execute(delete(cases).where(cases.c.id == case_id))
    if result.rowcount == 0:
        raise NotFoundError.missing("case")

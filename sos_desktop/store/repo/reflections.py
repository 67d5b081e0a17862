"""Learning journals in the store: an author's row (the key recipe and a sealed check token) and their entries,
each sealed (see ``store/sealing.py``). Only the author's name and each entry's day are kept in the clear.

Every write first confirms that the key opens the journal's check token, so a wrong key can never add an entry
its author could not read. A forgotten passphrase cannot be recovered; :func:`delete_journal` lets its author
start again.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from sos_desktop.models.meeting import Meeting
from sos_desktop.models.reflections import (
    MeetingLink,
    Reflection,
    check_author,
    check_reflection,
    reflection_data,
    reflection_from_data,
)
from sos_desktop.store import sealing
from sos_desktop.store.errors import NotFoundError, StoreError
from sos_desktop.store.repo.common import now
from sos_desktop.store.sealing import JournalKey, KeyRecipe
from sos_desktop.store.tables import journal_authors, journal_entries


class JournalExistsError(StoreError):
    default_message = (
        "That name already has a journal. Open it with its passphrase, or choose another name. Nothing was changed."
    )


def journal_authors_of(conn: Connection) -> list[str]:
    """The names that have a journal, in order."""
    return list(conn.scalars(select(journal_authors.c.author).order_by(journal_authors.c.author)))


def _check_passphrase(passphrase: str) -> None:
    if len(passphrase) < sealing.PASSPHRASE_MIN:
        raise StoreError(f"A journal's passphrase must be at least {sealing.PASSPHRASE_MIN} characters long.")


def start_journal(conn: Connection, author: str, passphrase: str, cost: int | None = None) -> JournalKey:
    """Start ``author``'s journal, sealed with ``passphrase``; return its key (the journal open)."""
    problem = check_author(author)
    if problem is not None:
        raise StoreError(problem)
    _check_passphrase(passphrase)
    if conn.scalar(select(journal_authors.c.author).where(journal_authors.c.author == author)) is not None:
        raise JournalExistsError()
    recipe = KeyRecipe.fresh(sealing.COST if cost is None else cost)
    key = sealing.derive(author, passphrase, recipe)
    values = {"author": author, "salt": recipe.to_bytes(), "check_token": sealing.check_token(key), "created_at": now()}
    conn.execute(insert(journal_authors).values(values))
    return key


def unlock_journal(conn: Connection, author: str, passphrase: str) -> JournalKey:
    """The key of ``author``'s journal; WrongJournalPassphraseError when ``passphrase`` is not its own."""
    row = conn.execute(select(journal_authors).where(journal_authors.c.author == author)).first()
    if row is None:
        raise NotFoundError.missing("journal")
    key = sealing.derive(author, passphrase, KeyRecipe.from_bytes(bytes(row.salt)))
    sealing.confirm(key, bytes(row.check_token))
    return key


def _confirmed(conn: Connection, key: JournalKey) -> None:
    token = conn.scalar(select(journal_authors.c.check_token).where(journal_authors.c.author == key.author))
    if token is None:
        raise NotFoundError.missing("journal")
    sealing.confirm(key, bytes(token))


def read_journal(conn: Connection, key: JournalKey) -> tuple[list[Reflection], int]:
    """The journal's entries, newest first, and how many could not be opened (changed or damaged)."""
    query = (
        select(journal_entries.c.id, journal_entries.c.written_on, journal_entries.c.sealed)
        .where(journal_entries.c.author == key.author)
        .order_by(journal_entries.c.written_on.desc(), journal_entries.c.id.desc())
    )
    entries: list[Reflection] = []
    unreadable = 0
    for row in conn.execute(query):
        try:
            data = sealing.open_sealed(key, bytes(row.sealed))
        except sealing.SealBrokenError:
            unreadable += 1
            continue
        entries.append(reflection_from_data(row.written_on, data, row.id))
    return entries, unreadable


def _checked(reflection: Reflection) -> Reflection:
    problem = check_reflection(reflection)
    if problem is not None:
        raise StoreError(problem)
    return reflection


def add_reflection(conn: Connection, key: JournalKey, reflection: Reflection) -> Reflection:
    """Seal and keep a new entry; return it with its id."""
    _confirmed(conn, key)
    sealed = sealing.seal(key, reflection_data(_checked(reflection)))
    stamp = now()
    values = {
        "author": key.author,
        "written_on": reflection.written_on,
        "sealed": sealed,
        "created_at": stamp,
        "updated_at": stamp,
    }
    new_id: int = conn.execute(insert(journal_entries).values(values)).inserted_primary_key[0]  # type: ignore[index]
    return Reflection(reflection.written_on, reflection.text, reflection.title, reflection.meeting, id=new_id)


def _write(conn: Connection, key: JournalKey, entry_id: int | None, written_on: date, sealed: bytes) -> None:
    found = conn.execute(
        update(journal_entries)
        .where(journal_entries.c.id == entry_id, journal_entries.c.author == key.author)
        .values(written_on=written_on, sealed=sealed, updated_at=now())
    )
    if found.rowcount == 0:
        raise NotFoundError.missing("journal entry")


def update_reflection(conn: Connection, key: JournalKey, reflection: Reflection) -> None:
    """Seal ``reflection`` afresh over the entry of its id."""
    _confirmed(conn, key)
    _write(conn, key, reflection.id, reflection.written_on, sealing.seal(key, reflection_data(_checked(reflection))))


def delete_reflection(conn: Connection, key: JournalKey, entry_id: int) -> None:
    _confirmed(conn, key)
    conn.execute(
        delete(journal_entries).where(journal_entries.c.id == entry_id, journal_entries.c.author == key.author)
    )


def change_passphrase(conn: Connection, author: str, old: str, new: str, cost: int | None = None) -> JournalKey:
    """Seal ``author``'s journal with ``new`` instead of ``old`` (a fresh salt); every entry re-sealed.

    One transaction (the caller's), so the journal is under one passphrase or the other, never half of each. An
    entry that no longer opens (changed or damaged) cannot be re-sealed and is left as it is.
    """
    old_key = unlock_journal(conn, author, old)
    _check_passphrase(new)
    recipe = KeyRecipe.fresh(sealing.COST if cost is None else cost)
    key = sealing.derive(author, new, recipe)
    entries, _unreadable = read_journal(conn, old_key)
    for entry in entries:
        _write(conn, key, entry.id, entry.written_on, sealing.seal(key, reflection_data(entry)))
    conn.execute(
        update(journal_authors)
        .where(journal_authors.c.author == author)
        .values(salt=recipe.to_bytes(), check_token=sealing.check_token(key))
    )
    return key


def delete_journal(conn: Connection, author: str) -> None:
    """Delete ``author``'s journal and every entry of it (for a forgotten passphrase: they cannot be read anyway)."""
    conn.execute(delete(journal_entries).where(journal_entries.c.author == author))
    conn.execute(delete(journal_authors).where(journal_authors.c.author == author))


DEMO_AUTHOR = "Alex Morgan"
DEMO_PASSPHRASE = "demo journal passphrase"
"""The demo journal's passphrase, written in the README's demo section (an invented journal, for trying it)."""


def save_demo_journal(conn: Connection, first: Meeting) -> None:
    """The demo facilitator's journal: two reflections, one on the demo's first meeting (a cheap scrypt cost).

    A database that already has their journal (the demo made again) keeps it as it is: it is theirs.
    """
    if DEMO_AUTHOR in journal_authors_of(conn):
        return
    key = start_journal(conn, DEMO_AUTHOR, DEMO_PASSPHRASE, cost=sealing.DEMO_COST)
    held = first.held_on.date() if first.held_on is not None else date(2026, 12, 1)
    link = MeetingLink(first.uid, first.title, held)
    add_reflection(
        conn,
        key,
        Reflection(
            held,
            "Asking Mum what a good day looks like for Lily opened the room up: the group stopped listing worries "
            "and started describing what was already working.\n\nNext time I would bring Nan's voice in earlier; "
            "she waited a long time before anyone asked her.",
            "Starting with what works",
            link,
        ),
    )
    add_reflection(
        conn,
        key,
        Reflection(
            held + timedelta(days=3),
            "I notice I fill silences too quickly. Letting a scaling question sit for a few seconds gave the "
            "nursery worker room to give a number and a reason.",
            "Silence after a question",
        ),
    )

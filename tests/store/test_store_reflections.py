"""Learning journals in the store, on SQLite and PostgreSQL: started, unlocked, written, re-sealed and deleted;
nothing of a reflection is in the database in the clear.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from sos_desktop.models.reflections import MeetingLink, Reflection
from sos_desktop.store import NotFoundError, Store, StoreError, sealing
from sos_desktop.store.repo.reflections import DEMO_PASSPHRASE
from sos_desktop.store.sealing import KeyRecipe, WrongJournalPassphraseError
from sos_desktop.store.tables import journal_authors, journal_entries, metadata

PASS = "a long passphrase"


@pytest.fixture(autouse=True)
def _cheap_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sealing, "COST", sealing.DEMO_COST)


def test_a_journal_is_written_and_read_back_with_its_passphrase(store: Store) -> None:
    key = store.start_journal("Sam Patel", PASS)
    link = MeetingLink("uid-1", "Group supervision", date(2026, 11, 21))
    first = store.add_reflection(key, Reflection(date(2026, 11, 21), "I waited for Nan. 👍", "Silence", link))
    second = store.add_reflection(key, Reflection(date(2026, 12, 2), "Second"))
    again = store.unlock_journal("Sam Patel", PASS)
    assert store.reflections(again) == [second, first]
    assert store.reflections(again)[1].meeting == link
    assert store.journal_authors() == ["Sam Patel"]


def test_a_wrong_passphrase_and_a_missing_journal_are_refused(store: Store) -> None:
    store.start_journal("Sam Patel", PASS)
    with pytest.raises(WrongJournalPassphraseError):
        store.unlock_journal("Sam Patel", "a long passphrasE")
    with pytest.raises(NotFoundError):
        store.unlock_journal("Nobody", PASS)
    with pytest.raises(StoreError, match="already has a journal"):
        store.start_journal("Sam Patel", PASS)
    with pytest.raises(StoreError, match="at least 8"):
        store.start_journal("Ruth Mensah", "short")


def test_the_database_holds_none_of_the_words(store: Store) -> None:
    key = store.start_journal("Sam Patel", PASS)
    entry = Reflection(date(2026, 11, 21), "Quokka reflection", "Zebra title", MeetingLink("u", "Yak"))
    store.add_reflection(key, entry)
    with store.engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in conn.execute(select(table)):
                for value in row:
                    blob = bytes(value) if isinstance(value, bytes | memoryview) else str(value).encode()
                    for word in (b"Quokka", b"Zebra", b"Yak", PASS.encode()):
                        assert word not in blob, (table.name, word)


def test_an_entry_of_another_author_moved_into_a_journal_does_not_open(store: Store) -> None:
    mine = store.start_journal("Sam Patel", PASS)
    theirs = store.start_journal("Ruth Mensah", PASS)
    entry = store.add_reflection(theirs, Reflection(date(2026, 1, 1), "Ruth's"))
    with store.engine.begin() as conn:
        conn.execute(journal_entries.update().where(journal_entries.c.id == entry.id).values(author="Sam Patel"))
    assert store.reflections(mine) == []
    assert store.unreadable_reflections(mine) == 1


def test_editing_and_deleting_keep_to_the_author_s_own_entries(store: Store) -> None:
    key = store.start_journal("Sam Patel", PASS)
    entry = store.add_reflection(key, Reflection(date(2026, 1, 1), "draft"))
    entry.text, entry.written_on = "final", date(2026, 1, 3)
    store.update_reflection(key, entry)
    assert store.reflections(key) == [entry]
    other = store.start_journal("Ruth Mensah", PASS)
    with pytest.raises(NotFoundError):
        store.update_reflection(other, entry)
    store.delete_reflection(other, entry.id or 0)
    assert store.reflections(key) == [entry]
    store.delete_reflection(key, entry.id or 0)
    assert store.reflections(key) == []


def test_a_key_that_is_not_the_journal_s_cannot_write(store: Store) -> None:
    key = store.start_journal("Sam Patel", PASS)
    forged = sealing.JournalKey("Sam Patel", bytes(32))
    with pytest.raises(WrongJournalPassphraseError):
        store.add_reflection(forged, Reflection(date(2026, 1, 1), "x"))
    with pytest.raises(StoreError, match="control character"):
        store.add_reflection(key, Reflection(date(2026, 1, 1), "x\x1b"))


def test_changing_the_passphrase_re_seals_every_entry(store: Store) -> None:
    key = store.start_journal("Sam Patel", PASS)
    entries = [store.add_reflection(key, Reflection(date(2026, 1, day), f"entry {day}")) for day in (1, 2)]
    with pytest.raises(WrongJournalPassphraseError):
        store.change_journal_passphrase("Sam Patel", "not the passphrase", "a newer passphrase")
    new = store.change_journal_passphrase("Sam Patel", PASS, "a newer passphrase")
    assert store.reflections(new) == entries[::-1]
    with pytest.raises(WrongJournalPassphraseError):
        store.unlock_journal("Sam Patel", PASS)
    assert store.reflections(store.unlock_journal("Sam Patel", "a newer passphrase")) == entries[::-1]


def test_a_forgotten_passphrase_s_journal_can_be_deleted_to_start_again(store: Store) -> None:
    key = store.start_journal("Sam Patel", PASS)
    store.add_reflection(key, Reflection(date(2026, 1, 1), "x"))
    store.delete_journal("Sam Patel")
    assert store.journal_authors() == []
    with store.engine.connect() as conn:
        assert conn.execute(select(journal_entries)).first() is None
    store.start_journal("Sam Patel", "another passphrase")


def test_the_cost_is_kept_with_the_salt(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sealing, "COST", 11)
    store.start_journal("Sam Patel", PASS)
    with store.engine.connect() as conn:
        salt = conn.scalar(select(journal_authors.c.salt))
    assert KeyRecipe.from_bytes(bytes(salt)).cost == 11
    monkeypatch.setattr(sealing, "COST", 12)  # a later version's cost still opens the older journal
    store.unlock_journal("Sam Patel", PASS)


def test_the_demo_has_alex_morgan_s_journal_linked_to_its_first_meeting(store: Store) -> None:
    demo = store.save_demo()
    entries = store.reflections(store.unlock_journal("Alex Morgan", DEMO_PASSPHRASE))
    assert len(entries) == 2
    linked = [entry for entry in entries if entry.meeting is not None]
    assert [entry.meeting.uid for entry in linked if entry.meeting] == [store.get_meeting(demo.first).uid]


def test_a_backup_holds_the_journal_still_sealed(sqlite_url: str, tmp_path: Path) -> None:
    with Store.open(sqlite_url) as store:
        key = store.start_journal("Sam Patel", PASS)
        store.add_reflection(key, Reflection(date(2026, 1, 1), "Platypus moment", "Wombat"))
        copy = store.backup(tmp_path / "backup.sqlite3")
    held = copy.read_bytes()
    assert b"Sam Patel" in held  # the author's name is in the clear, as documented
    assert b"Platypus" not in held and b"Wombat" not in held
    with Store.open(f"sqlite:///{copy}") as restored:
        assert restored.reflections(restored.unlock_journal("Sam Patel", PASS))[0].title == "Wombat"


def test_the_demo_made_twice_keeps_the_one_demo_journal(store: Store) -> None:
    store.save_demo()
    store.save_demo()
    assert store.journal_authors() == ["Alex Morgan"]
    assert len(store.best_questions()) == 4

"""Encryption at rest: no case text in the file, a missing or wrong passphrase refused untouched, passphrase changes.

Someone will search an encrypted file for case text; these tests do the same, in the database file and in its
write-ahead log, while it is open and after it is closed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3", reason="SQLCipher (the 'encryption' extra) is not installed")

from sos_desktop.models import Case, Category, MapItem, Meeting
from sos_desktop.store import NotADatabaseError, Store
from sos_desktop.store.encryption import change_passphrase, encrypt_database, looks_encrypted
from sos_desktop.store.errors import PassphraseNeededError, StoreError, WrongPassphraseError

SECRET = "Kayden-Thistlewood said the bruise came from his stepfather"
PASSPHRASE = "correct horse battery staple"


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def _fill(store: Store) -> int:
    case = store.add_case(Case(label="Family Thistlewood", reference="CP-SECRET-77"))
    assert case.id is not None
    meeting = store.add_meeting(
        Meeting(title="Mapping", case_id=case.id, items=[MapItem(category=Category.HARM, text=SECRET)])
    )
    assert meeting.id is not None
    return meeting.id


def _readable(path: Path) -> list[str]:
    """The files of the database (itself, its log) in which any of the case's words can be read."""
    found = []
    for candidate in (path, path.with_name(path.name + "-wal")):
        if not candidate.exists():
            continue
        data = candidate.read_bytes()
        for word in ("Kayden", "Thistlewood", "stepfather", "CP-SECRET-77"):
            if word.encode() in data or word.encode("utf-16-le") in data:
                found.append(f"{candidate.name}: {word}")
    return found


def _snapshot(path: Path) -> dict[str, bytes]:
    folder = path.parent
    return {child.name: child.read_bytes() for child in sorted(folder.iterdir()) if child.is_file()}


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "data" / "sos-desktop.sqlite3"


@pytest.fixture
def encrypted(database: Path) -> Path:
    """An encrypted database holding a case whose text must never be readable in the file."""
    with Store.open(_url(database), PASSPHRASE) as store:
        _fill(store)
    return database


def test_no_case_text_is_readable_in_the_file_or_its_log_even_while_open(database: Path) -> None:
    with Store.open(_url(database), PASSPHRASE) as store:
        meeting_id = _fill(store)
        store.update_item(MapItem(id=store.get_meeting(meeting_id).items[0].id, category=Category.HARM, text=SECRET))
        assert database.with_name(database.name + "-wal").exists()
        assert _readable(database) == []
    assert looks_encrypted(database)
    assert _readable(database) == []
    assert not database.read_bytes().startswith(b"SQLite format 3")


def test_the_passphrase_opens_it_again_with_everything_in_it(encrypted: Path) -> None:
    with Store.open(_url(encrypted), PASSPHRASE) as store:
        assert store.passphrase == PASSPHRASE
        (case,) = store.list_cases()
        (meeting,) = store.list_meetings(case.id)
        assert meeting.id is not None
        assert [item.text for item in store.get_meeting(meeting.id).items] == [SECRET]


def test_without_a_passphrase_it_is_called_encrypted_not_damaged_and_left_untouched(encrypted: Path) -> None:
    before = _snapshot(encrypted)
    with pytest.raises(PassphraseNeededError, match="This database is encrypted; give its passphrase"):
        Store.open(_url(encrypted))
    assert _snapshot(encrypted) == before


def test_a_wrong_passphrase_is_refused_in_plain_words_and_the_file_left_byte_identical(encrypted: Path) -> None:
    before = _snapshot(encrypted)
    with pytest.raises(WrongPassphraseError, match="The passphrase does not open this database") as raised:
        Store.open(_url(encrypted), "wrong horse")
    assert isinstance(raised.value, StoreError)
    assert _snapshot(encrypted) == before


def test_garbage_is_still_called_damaged(database: Path) -> None:
    database.parent.mkdir(parents=True)
    database.write_bytes(b"not a database at all, and not a whole page either")
    with pytest.raises(NotADatabaseError):
        Store.open(_url(database), PASSPHRASE)


def test_a_plain_database_stays_plain_when_a_passphrase_is_given(database: Path) -> None:
    with Store.open(_url(database)) as store:
        _fill(store)
    with Store.open(_url(database), PASSPHRASE) as store:
        assert store.passphrase is None
        assert len(store.list_cases()) == 1
    assert not looks_encrypted(database)


def test_encrypting_a_plain_database_leaves_no_plain_copy_and_keeps_everything(database: Path) -> None:
    with Store.open(_url(database)) as store:
        _fill(store)
        store.add_case(Case(label="Second family"))
    assert _readable(database) != []

    encrypt_database(database, PASSPHRASE)

    assert looks_encrypted(database)
    assert _readable(database) == []
    assert sorted(child.name for child in database.parent.iterdir()) == [database.name]
    with pytest.raises(PassphraseNeededError):
        Store.open(_url(database))
    with Store.open(_url(database), PASSPHRASE) as store:
        assert sorted(case.label for case in store.list_cases()) == ["Family Thistlewood", "Second family"]
        (meeting,) = store.list_meetings()
        assert meeting.id is not None
        assert [item.text for item in store.get_meeting(meeting.id).items] == [SECRET]


def test_encrypting_twice_is_refused(encrypted: Path) -> None:
    before = _snapshot(encrypted)
    with pytest.raises(StoreError, match="already encrypted"):
        encrypt_database(encrypted, "another")
    assert _snapshot(encrypted) == before


def test_changing_the_passphrase_old_one_fails_new_one_opens(encrypted: Path) -> None:
    change_passphrase(encrypted, PASSPHRASE, "a new passphrase")
    with pytest.raises(WrongPassphraseError):
        Store.open(_url(encrypted), PASSPHRASE)
    with Store.open(_url(encrypted), "a new passphrase") as store:
        assert [case.label for case in store.list_cases()] == ["Family Thistlewood"]
    assert _readable(encrypted) == []


def test_changing_the_passphrase_needs_the_old_one(encrypted: Path) -> None:
    before = _snapshot(encrypted)
    with pytest.raises(WrongPassphraseError):
        change_passphrase(encrypted, "wrong horse", "a new passphrase")
    assert _snapshot(encrypted) == before


def test_a_backup_of_an_encrypted_database_is_encrypted_with_its_passphrase(encrypted: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "backup.sqlite3"
    with Store.open(_url(encrypted), PASSPHRASE) as store:
        store.backup(target)
    assert looks_encrypted(target)
    assert _readable(target) == []
    with pytest.raises(PassphraseNeededError):
        Store.open(_url(target))
    with Store.open(_url(target), PASSPHRASE) as store:
        assert [case.label for case in store.list_cases()] == ["Family Thistlewood"]


def test_an_encrypted_backup_is_restored_with_the_passphrase_and_refused_without(
    encrypted: Path, tmp_path: Path
) -> None:
    from sos_desktop.store import backup

    saved = tmp_path / "backups" / "backup.sqlite3"
    with Store.open(_url(encrypted), PASSPHRASE) as store:
        store.backup(saved)
    with pytest.raises(backup.InvalidBackupError):
        backup.restore(saved, encrypted)  # no passphrase: it cannot be checked, so nothing is touched
    before = encrypted.read_bytes()
    aside = backup.restore(saved, encrypted, passphrase=PASSPHRASE)
    assert aside is not None and aside.read_bytes() == before  # the current file kept aside, untouched
    with Store.open(_url(encrypted), PASSPHRASE) as store:
        assert [case.label for case in store.list_cases()] == ["Family Thistlewood"]


def test_an_empty_passphrase_is_refused_in_a_sentence_not_a_driver_error(encrypted: Path) -> None:
    before = _snapshot(encrypted)
    with pytest.raises(WrongPassphraseError, match="No passphrase was typed"):
        Store.open(_url(encrypted), "")
    with pytest.raises(WrongPassphraseError, match="No passphrase was typed"):
        change_passphrase(encrypted, "", "a new passphrase")
    assert _snapshot(encrypted) == before


def test_a_passphrase_of_only_spaces_cannot_encrypt(database: Path) -> None:
    with Store.open(_url(database)) as store:
        _fill(store)
    with pytest.raises(StoreError, match="cannot be empty or only spaces"):
        encrypt_database(database, "   ")
    assert not looks_encrypted(database)

"""What the user is told when the database cannot be used: one plain sentence, and nothing changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sos_desktop.models import Case
from sos_desktop.store import (
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DuplicateReferenceError,
    NotFoundError,
    Store,
    StoreError,
    errors,
)
from sos_desktop.store import engine as engine_module
from sos_desktop.store.errors import UnsupportedDatabaseError


def _all_error_classes() -> list[type[StoreError]]:
    found = [StoreError]
    for cls in found:
        found.extend(cls.__subclasses__())
    return found


@pytest.mark.parametrize("error_class", _all_error_classes(), ids=lambda cls: cls.__name__)
def test_every_message_is_one_plain_paragraph_saying_nothing_was_harmed(
    error_class: type[StoreError],
) -> None:
    message = str(error_class())
    assert "left untouched" in message or message.endswith("Nothing was changed.")
    assert "\n" not in message and "Traceback" not in message
    if error_class is not UnsupportedDatabaseError:  # that one shows the two address forms that do work
        assert "sqlite" not in message.lower()
    assert message[0].isupper() and message.endswith(".")


def test_not_found_names_what_is_missing() -> None:
    assert str(NotFoundError.missing("meeting")).startswith("That meeting is no longer in the database")


def test_a_driver_message_is_never_passed_on() -> None:
    error = sqlite3.OperationalError("no such column: 'Lily Example'")
    assert "Lily" not in str(errors.translate(error))


def test_a_locked_database_is_reported_and_reading_goes_on(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    with Store.open(sqlite_url) as store:
        store.add_case(Case(label="Family S"))
        other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(DatabaseLockedError):
                store.add_case(Case(label="Family T"))
            assert [case.label for case in store.list_cases()] == ["Family S"]
        finally:
            other.execute("ROLLBACK")
            other.close()
        store.add_case(Case(label="Family T"))
        assert [case.label for case in store.list_cases()] == ["Family S", "Family T"]


def test_a_database_kept_busy_by_another_program_is_reported_on_opening(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    Store.open(sqlite_url).close()
    other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseLockedError):
            Store.open(sqlite_url)
    finally:
        other.execute("ROLLBACK")
        other.close()
    Store.open(sqlite_url).close()


def test_a_folder_with_spaces_hashes_and_accents_works(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'Case files #1 Zoë & Łukasz' / 'db.sqlite3'}"
    with Store.open(url) as store:
        store.add_case(Case(label="Family Z"))
    with Store.open(url) as store:  # the second opening looks at the existing file first
        assert [case.label for case in store.list_cases()] == ["Family Z"]


def test_a_read_only_database_is_reported_on_opening(sqlite_url: str) -> None:
    Store.open(sqlite_url).close()
    path = sqlite_url.removeprefix("sqlite:///")
    with pytest.raises(DatabaseReadOnlyError):
        Store.open(f"sqlite:///file:{path}?mode=ro&uri=true")


def test_a_folder_that_cannot_be_made_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DatabaseReadOnlyError):
        Store.open(f"sqlite:///{blocker / 'sub' / 'db.sqlite3'}")
    assert blocker.read_text() == "not a folder"


def test_a_duplicate_reference_is_refused_and_changes_nothing(store: Store) -> None:
    store.add_case(Case(label="Family S", reference="CP-1"))
    second = store.add_case(Case(label="Family T", reference="CP-2"))
    with pytest.raises(DuplicateReferenceError):
        store.add_case(Case(label="Family U", reference="CP-1"))
    second.reference = "CP-1"
    with pytest.raises(DuplicateReferenceError):
        store.update_case(second)
    assert [(c.label, c.reference) for c in store.list_cases()] == [("Family S", "CP-1"), ("Family T", "CP-2")]

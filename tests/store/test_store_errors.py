"""What the user is told when the database cannot be used: one plain sentence, and nothing changed."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import socket
import sqlite3
import subprocess
import threading
from collections.abc import Callable, Iterator
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
from sos_desktop.store.errors import (
    DiskFullError,
    ServerNotAnsweringError,
    ServerUnreachableError,
    UnsupportedDatabaseError,
)

CliRun = Callable[..., tuple[int, str, str]]


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


def _driver_error(message: str, code: int) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code  # as the driver sets it
    return error


def test_sqlite_running_out_of_disk_is_said_to_be_a_full_disk(tmp_path: Path) -> None:
    # SQLITE_FULL, and the shared-memory index that could not grow (what a full disk gives in WAL mode)
    assert isinstance(errors.translate(_driver_error("database or disk is full", 13)), DiskFullError)
    assert isinstance(errors.translate(_driver_error("disk I/O error", 4874)), DiskFullError)
    assert isinstance(errors.translate(OSError(errno.ENOSPC, "No space left on device")), DiskFullError)
    # A bare I/O error is a full disk only where the disk is full.
    assert type(errors.translate(_driver_error("disk I/O error", 10), tmp_path)) is StoreError


def _small_disk(tmp_path: Path) -> Path:
    """A 1 MB file system of its own (a tmpfs), or the test is skipped where one cannot be mounted."""
    mount = shutil.which("mount")
    folder = tmp_path / "small-disk"
    folder.mkdir()
    if os.name != "posix" or os.geteuid() != 0 or mount is None:
        pytest.skip("mounting a small file system needs root")
    done = subprocess.run([mount, "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("tmpfs cannot be mounted here")
    return folder


def _fill(folder: Path) -> None:
    # The disk may be full already (the demo's database takes most of 1 MB): then there is nothing to fill.
    with contextlib.suppress(OSError), (folder / "filler").open("wb") as filler:
        while True:
            filler.write(b"\0" * 65536)
            filler.flush()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = _small_disk(tmp_path)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_at_opening_says_the_disk_is_full(small_disk: Path, run_cli: CliRun) -> None:
    data = small_disk / "data"
    status, _, err = run_cli(data, "demo")
    assert (status, err) == (0, "")
    _fill(small_disk)
    status, _, err = run_cli(data, "list")
    assert status == 1 and "The disk is full" in err and "could not do that" not in err
    with pytest.raises(DiskFullError):
        Store.open(f"sqlite:///{data / 'sos-desktop.sqlite3'}")


def test_a_new_database_on_a_full_disk_leaves_no_empty_file_behind(small_disk: Path, run_cli: CliRun) -> None:
    _fill(small_disk)
    data = small_disk / "data"
    status, _, err = run_cli(data, "list")
    assert status == 1 and "The disk is full" in err
    assert not (data / "sos-desktop.sqlite3").exists()  # an empty one would now be refused as damaged


def test_a_server_that_refuses_or_drops_the_connection_is_said_not_to_answer_naming_it() -> None:
    with pytest.raises(ServerNotAnsweringError) as refused:
        Store.open("postgresql+psycopg://sos@127.0.0.1:1/nowhere")
    assert "server at 127.0.0.1:1 did not answer" in str(refused.value) and "check the address" not in str(
        refused.value
    )
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def hang_up() -> None:  # a server going down: takes the connection, then drops it
        with contextlib.suppress(OSError):
            while True:
                connection, _ = listener.accept()
                connection.recv(1024)
                connection.close()

    threading.Thread(target=hang_up, daemon=True).start()
    try:
        with pytest.raises(ServerNotAnsweringError) as dropped:
            Store.open(f"postgresql+psycopg://sos@127.0.0.1:{port}/sos")
    finally:
        listener.close()
    assert f"server at 127.0.0.1:{port} did not answer" in str(dropped.value)
    assert "try again in a moment" in str(dropped.value)


def test_a_server_that_restarts_under_an_open_connection_is_said_not_to_answer() -> None:
    class AdminShutdownError(Exception):
        sqlstate = "57P01"

    translated = errors.translate(AdminShutdownError("terminating connection due to administrator command"))
    assert isinstance(translated, ServerNotAnsweringError) and "check the address" not in str(translated)


def test_a_wrong_server_address_still_says_to_check_the_address() -> None:
    with pytest.raises(ServerUnreachableError) as raised:
        Store.open("postgresql+psycopg://sos@no-such-host.invalid/nowhere")
    assert not isinstance(raised.value, ServerNotAnsweringError)
    assert "check the address given with --db" in str(raised.value)

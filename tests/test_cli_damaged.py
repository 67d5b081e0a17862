"""Damaged, locked and full databases on the command line: said in plain words, the file never overwritten or
deleted, the newest backup offered, and ``sos-desktop restore`` bringing it back. SQLite only.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import event

from sos_desktop.models import Case
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store import DiskFullError, Store
from sos_desktop.store.backup import backups_of, lock_file

CliRun = Callable[..., tuple[int, str, str]]


def _database_with_a_backup(data_dir: Path) -> Path:
    database = data_dir / "sos-desktop.sqlite3"
    with Store.open(f"sqlite:///{database}") as store:
        for number in range(20):
            if number % 5 == 0:
                store.save_bundle(demo_bundle())
            store.add_case(Case(label=f"Family {number}"))
        store.automatic_backup(force=True)
    return database


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = b"\xa5" * 8192
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])


def _not_a_database(path: Path) -> None:
    path.write_text("Minutes of the meeting, saved over the database by mistake.", "utf-8")


def _from_a_newer_version(path: Path) -> None:
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    raw.close()


def _emptied(path: Path) -> None:
    path.write_bytes(b"")  # what a crash or a full disk can leave


@pytest.mark.parametrize(
    ("damage", "said", "exit_status"),
    [
        (_corrupt, "damaged", 2),
        (_truncate, "damaged", 2),
        (_not_a_database, "not an SoS Desktop database", 2),
        (_emptied, "is empty (0 bytes)", 2),
        (_from_a_newer_version, "newer version of SoS Desktop", 1),
    ],
    ids=["corrupt", "truncated", "not-a-database", "zero-bytes", "newer-version"],
)
def test_a_damaged_database_is_refused_untouched_with_the_newest_backup_offered_and_restored(
    tmp_path: Path, run_cli: CliRun, damage: Callable[[Path], None], said: str, exit_status: int
) -> None:
    database = _database_with_a_backup(tmp_path)
    [newest] = backups_of(database)
    damage(database)
    damaged = database.read_bytes()

    status, out, err = run_cli(tmp_path, "list")
    assert status == exit_status and out == ""  # not 'No cases yet': an empty file is no new database
    assert said in err and "left untouched" in err and "Traceback" not in err
    if exit_status == 2:  # a bad file: named
        assert err.startswith(f"sos-desktop: {database}: ")
    assert f'sos-desktop restore "{newest.path}"' in err
    assert database.read_bytes() == damaged

    status, out, err = run_cli(tmp_path, "restore", str(newest.path))
    assert (status, err) == (0, "")
    [aside] = tmp_path.glob("sos-desktop.sqlite3.before-restore-*Z")
    assert aside.read_bytes() == damaged  # the damaged file is kept, for whoever wants to look at it
    assert str(aside) in out
    status, out, _ = run_cli(tmp_path, "list")
    assert status == 0 and "Family 19" in out


def test_restoring_a_file_that_is_not_a_backup_exits_2_and_touches_nothing(tmp_path: Path, run_cli: CliRun) -> None:
    database = _database_with_a_backup(tmp_path)
    before = database.read_bytes()
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("not a backup", "utf-8")
    status, _, err = run_cli(tmp_path, "restore", str(notes))
    assert status == 2 and "not an intact SoS Desktop backup" in err
    assert database.read_bytes() == before
    assert not list(tmp_path.glob("*before-restore*"))


def test_backup_then_restore_on_the_command_line(tmp_path: Path, run_cli: CliRun) -> None:
    status, out, _ = run_cli(tmp_path, "demo")
    assert status == 0
    copy = tmp_path / "elsewhere" / "copy.sqlite3"
    status, out, err = run_cli(tmp_path, "backup", str(copy))
    assert (status, err) == (0, "") and str(copy) in out
    with Store.open(f"sqlite:///{tmp_path / 'sos-desktop.sqlite3'}") as store:
        store.add_case(Case(label="Added after the backup"))
    status, out, err = run_cli(tmp_path, "restore", str(copy))
    assert (status, err) == (0, "")
    status, out, _ = run_cli(tmp_path, "list")
    assert "Family Demo" in out and "Added after the backup" not in out


def test_restore_waits_for_an_open_window_to_close(tmp_path: Path, run_cli: CliRun) -> None:
    database = _database_with_a_backup(tmp_path)
    [newest] = backups_of(database)
    before = database.read_bytes()
    window = subprocess.Popen(["sleep", "30"])  # stands in for a running app holding the lock
    try:
        lock_file(database).write_text(f"{window.pid}\nsos-desktop\nthis-machine\n", "utf-8")
        status, _, err = run_cli(tmp_path, "restore", str(newest.path))
        assert status == 1 and "close it, then restore" in err
        assert database.read_bytes() == before
    finally:
        window.kill()
        window.wait()
    status, _, err = run_cli(tmp_path, "restore", str(newest.path))  # the lock is stale now
    assert (status, err) == (0, "")


def test_a_full_disk_is_said_plainly_and_nothing_is_half_saved(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}") as store:
        store.add_case(Case(label="Family S"))

        def disk_full(conn: object, cursor: object, statement: str, *args: object) -> None:
            if statement.lstrip().upper().startswith(("INSERT", "UPDATE")):
                raise sqlite3.OperationalError("database or disk is full")

        event.listen(store.engine, "before_cursor_execute", disk_full)
        with pytest.raises(DiskFullError) as raised:
            store.save_bundle(demo_bundle())
        assert str(raised.value).startswith("The disk is full")
        event.remove(store.engine, "before_cursor_execute", disk_full)
        assert [case.label for case in store.list_cases()] == ["Family S"]


def test_a_full_disk_on_the_command_line_exits_1_in_plain_words(
    tmp_path: Path, run_cli: CliRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sos_desktop.store import store as store_module

    def full(*args: object, **kwargs: object) -> object:
        raise DiskFullError()

    run_cli(tmp_path, "demo")
    monkeypatch.setattr(store_module.Store, "save_demo", full)
    status, _, err = run_cli(tmp_path, "demo")
    assert status == 1 and "disk is full" in err and "Traceback" not in err


needs_permissions = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="file permissions bind neither Windows' nor root's hand"
)


@needs_permissions
def test_a_read_only_database_file_is_said_plainly_and_left_alone(tmp_path: Path, run_cli: CliRun) -> None:
    database = _database_with_a_backup(tmp_path)
    before = database.read_bytes()
    database.chmod(0o444)
    try:
        status, _, err = run_cli(tmp_path, "demo")
        assert status == 1 and "read-only" in err
        assert database.read_bytes() == before
    finally:
        database.chmod(0o644)


@needs_permissions
def test_a_read_only_folder_is_said_plainly_and_left_alone(tmp_path: Path, run_cli: CliRun) -> None:
    database = _database_with_a_backup(tmp_path)
    before = database.read_bytes()
    tmp_path.chmod(0o555)
    try:
        status, _, err = run_cli(tmp_path, "demo")
        assert status == 1 and "read-only" in err
        assert database.read_bytes() == before
    finally:
        tmp_path.chmod(0o755)

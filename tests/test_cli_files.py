"""The command line and the files and databases it meets: special files given to ``import``, names that hold
control characters, a database that can only be read, and a data folder kept private.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sos_desktop.models import Case
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store import Store
from sos_desktop.store import engine as engine_module
from sos_desktop.store.errors import DatabaseReadOnlyError

CliRun = Callable[..., tuple[int, str, str]]


def _sos_desktop(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sos_desktop", *arguments],
        capture_output=True,
        text=True,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
        check=False,
        timeout=60,  # reading a pipe would wait for ever: the test fails instead
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_importing_a_pipe_is_refused_at_once_naming_it(tmp_path: Path) -> None:
    pipe = tmp_path / "meeting.json"
    os.mkfifo(pipe)
    result = _sos_desktop("--data-dir", str(tmp_path / "data"), "import", str(pipe))
    assert result.returncode == 2 and result.stdout == ""
    assert f"{pipe} is a pipe (FIFO), not a meeting file" in result.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert not (tmp_path / "data" / "sos-desktop.sqlite3").exists()  # refused before the database was opened


@pytest.mark.parametrize(("make", "kind"), [("folder", "a folder"), ("device", "a device")])
def test_importing_a_folder_or_a_device_is_refused_naming_it(
    tmp_path: Path, run_cli: CliRun, make: str, kind: str
) -> None:
    if make == "folder":
        given = tmp_path / "meetings.json"
        given.mkdir()
    else:
        given = Path(os.devnull)
        if not given.exists() or not stat.S_ISCHR(given.stat().st_mode):
            pytest.skip("no character device to give")
    status, out, err = run_cli(tmp_path / "data", "import", str(given))
    assert (status, out) == (2, "")
    assert err == f"sos-desktop: {given} is {kind}, not a meeting file; nothing was read or imported.\n"


def test_list_shows_control_characters_and_bidi_overrides_in_names_as_escapes(tmp_path: Path, run_cli: CliRun) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'sos-desktop.sqlite3'}") as store:
        case = store.add_case(Case(label="Family\x1b[2J\x1b[H Clear", reference="R\u202e-1"))
        bundle = demo_bundle()
        bundle.case = case
        bundle.meeting.title = "\u202eNoor Haddad\u202c review\x07"
        store.save_bundle(bundle)
    status, out, err = run_cli(tmp_path, "list")
    assert (status, err) == (0, "")
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "Family\\x1b[2J\\x1b[H Clear [R\\u202e-1]" in out
    assert "\\u202eNoor Haddad\\u202c review\\x07" in out
    assert len(out.splitlines()) == 2  # one line a case, one a meeting: no line broken or overwritten


def test_a_data_folder_is_made_private_and_one_left_open_is_tightened(tmp_path: Path, run_cli: CliRun) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    data = tmp_path / "data"
    assert run_cli(data, "list")[0] == 0
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    data.chmod(0o755)
    (data / "sos-desktop.sqlite3").chmod(0o644)
    assert run_cli(data, "list")[0] == 0
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "sos-desktop.sqlite3").stat().st_mode) == 0o600


def _database_with_a_meeting(data: Path) -> tuple[Path, int]:
    database = data / "sos-desktop.sqlite3"
    with Store.open(f"sqlite:///{database}") as store:
        meeting_id = store.save_bundle(demo_bundle()).meeting.id
    assert meeting_id is not None
    return database, meeting_id


def test_a_database_that_cannot_be_written_to_is_read_read_only_by_list_export_and_backup(
    tmp_path: Path, run_cli: CliRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root may write anywhere, so the folder is made read-only in the eyes of the access check, which is what the
    # command line asks (chmod alone binds no root; this suite runs as root).
    data = tmp_path / "data"
    database, meeting_id = _database_with_a_meeting(data)
    before = database.read_bytes()
    real_access = os.access

    def read_only_folder(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if mode & os.W_OK and Path(str(path)).resolve() in (data.resolve(), database.resolve()):
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", read_only_folder)
    status, out, err = run_cli(data, "list")
    assert status == 0 and "Family Demo" in out
    assert f"note: {database} was opened read-only because it or its folder cannot be written to" in err
    status, out, err = run_cli(data, "export", str(meeting_id), "--json", str(tmp_path / "out.json"))
    assert status == 0 and (tmp_path / "out.json").exists() and "read-only" in err
    status, out, err = run_cli(data, "backup", str(tmp_path / "copy.sqlite3"))
    assert status == 0 and "read-only" in err
    with Store.open(f"sqlite:///{tmp_path / 'copy.sqlite3'}") as copy:
        assert [case.label for case in copy.list_cases()] == ["Family Demo (invented)"]
    assert database.read_bytes() == before
    assert not database.with_name(database.name + "-shm").exists()  # immutable: nothing made in the folder


def test_a_read_only_store_saves_nothing(tmp_path: Path) -> None:
    database, _ = _database_with_a_meeting(tmp_path)
    with Store.open_read_only(f"sqlite:///{database}") as store:
        assert store.read_only and [case.label for case in store.list_cases()] == ["Family Demo (invented)"]
        with pytest.raises(DatabaseReadOnlyError):
            store.add_case(Case(label="Family T"))


def test_list_reads_at_once_while_another_program_writes_to_the_database(tmp_path: Path, run_cli: CliRun) -> None:
    database, _ = _database_with_a_meeting(tmp_path)
    other = sqlite3.connect(database, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program in the middle of a write
    other.execute("INSERT INTO cases (label, framework, extra, created_at) VALUES ('Uncommitted', 'safety', '{}', '')")
    try:
        status, out, err = run_cli(tmp_path, "list")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert (status, err) == (0, "") and "Family Demo" in out and "Uncommitted" not in out


def test_a_database_another_program_keeps_locked_is_read_read_only(
    tmp_path: Path, run_cli: CliRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    database, _ = _database_with_a_meeting(tmp_path)
    other = sqlite3.connect(database, isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")  # holds the file's lock, keeping even readers out
    other.execute("BEGIN EXCLUSIVE")
    try:
        status, out, err = run_cli(tmp_path, "list")
        assert status == 0 and "Family Demo" in out
        assert "was opened read-only because another program is holding it" in err
        status, _, err = run_cli(tmp_path, "demo")  # a write still says the database is busy
        assert status == 1 and "busy" in err
    finally:
        other.execute("ROLLBACK")
        other.close()

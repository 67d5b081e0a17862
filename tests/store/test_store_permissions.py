"""The database, its -wal and -shm files, its backups and the data folder are the user's alone on POSIX (0600 and
0700), made so when new and tightened (never loosened) when an earlier version left them readable by all.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from sos_desktop.models import Case
from sos_desktop.store import Store, backup
from sos_desktop.store.paths import tighten

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _usual_umask() -> object:
    before = os.umask(0o022)  # what most desktops use: files 0644, folders 0755 unless made otherwise
    yield
    os.umask(before)


def test_a_new_database_its_log_files_and_folder_are_private(tmp_path: Path) -> None:
    database = tmp_path / "new folder" / "sos-desktop.sqlite3"
    with Store.open(f"sqlite:///{database}") as store:
        store.add_case(Case(label="Family S"))
        with store.engine.connect():  # a connection open, so the -wal and -shm files are there
            wal, shm = (database.with_name(database.name + suffix) for suffix in ("-wal", "-shm"))
            assert wal.exists() and shm.exists()
            assert (_mode(database), _mode(wal), _mode(shm)) == (0o600, 0o600, 0o600)
    assert _mode(database.parent) == 0o700


def test_an_existing_database_left_readable_by_all_is_tightened_when_opened(tmp_path: Path) -> None:
    database = tmp_path / "sos-desktop.sqlite3"
    Store.open(f"sqlite:///{database}").close()
    database.chmod(0o664)
    folder_before = _mode(tmp_path)
    with Store.open(f"sqlite:///{database}") as store:
        store.add_case(Case(label="Family S"))
        with store.engine.connect():
            assert _mode(database.with_name(database.name + "-wal")) == 0o600
    assert _mode(database) == 0o600
    assert _mode(tmp_path) == folder_before  # a folder --db points into is not ours to change


def test_tightening_never_loosens(tmp_path: Path) -> None:
    locked = tmp_path / "locked.sqlite3"
    locked.write_bytes(b"")
    locked.chmod(0o400)
    tighten(locked)
    assert _mode(locked) == 0o400
    locked.chmod(0o644)
    tighten(locked)
    assert _mode(locked) == 0o600


def test_backups_and_their_folder_are_private_and_old_ones_are_tightened(tmp_path: Path) -> None:
    database = tmp_path / "sos-desktop.sqlite3"
    with Store.open(f"sqlite:///{database}") as store:
        store.add_case(Case(label="Family S"))
        made = store.automatic_backup(force=True)
        assert made is not None
        assert _mode(made.path) == 0o600 and _mode(made.path.parent) == 0o700
        chosen = tmp_path / "usb stick" / "copy.sqlite3"
        store.backup(chosen)
        assert _mode(chosen) == 0o600 and _mode(chosen.parent) == 0o700
    made.path.chmod(0o644)
    made.path.parent.chmod(0o755)
    backup.keep_backups_private(database)
    assert _mode(made.path) == 0o600 and _mode(made.path.parent) == 0o700


def test_a_restored_database_is_private_whatever_the_backup_s_permissions(tmp_path: Path) -> None:
    database = tmp_path / "sos-desktop.sqlite3"
    with Store.open(f"sqlite:///{database}") as store:
        store.add_case(Case(label="Family S"))
        copy = tmp_path / "copy.sqlite3"
        store.backup(copy)
    copy.chmod(0o644)
    backup.restore(copy, database)
    assert _mode(database) == 0o600

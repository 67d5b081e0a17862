"""One console per SQLite database: an advisory lock file beside the database, and a warning for a second window.

Two windows on one file would not lose each other's edits (the store saves each edit in its own transaction), but
neither would show what the other saved until a meeting is reopened, so a second window is opened only after the
user has been warned. The lock is a ``QLockFile``: a lock left behind by a crashed or killed app is recognised by
its process id and taken over without asking.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QMessageBox, QWidget

from sos_desktop import APP_NAME
from sos_desktop.store.backup import lock_file
from sos_desktop.store.engine import resolve_database_url, sqlite_file
from sos_desktop.store.errors import StoreError


def claim(database: Path | None) -> tuple[QLockFile | None, int | None]:
    """Lock ``database`` for this window: (the lock, None), or (None, the other window's process id) if it is held.

    Nothing to lock (PostgreSQL, a folder that cannot be written) gives (None, None): the store reports those.
    """
    if database is None:
        return None, None
    try:
        database.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None, None
    lock = QLockFile(str(lock_file(database)))
    lock.setStaleLockTime(0)  # stale only when its process has gone, however long it ran
    if lock.tryLock(0):
        return lock, None
    if lock.error() != QLockFile.LockError.LockFailedError:
        return None, None  # the folder is read-only or similar: opening the store will say so
    pid, _host, _app = lock.getLockInfo()
    return None, int(pid or 0)


def claim_for(args: argparse.Namespace) -> tuple[QLockFile | None, int | None]:
    """:func:`claim` for the database the command line names (a bad address is left for the store to report)."""
    try:
        return claim(sqlite_file(resolve_database_url(args.db, args.data_dir)))
    except StoreError:
        return None, None


def second_window_warning(pid: int) -> str:
    """What a second window on the same database tells the user."""
    holder = f" (process {pid})" if pid else ""
    return (
        f"{APP_NAME} is already open on this database in another window{holder}. Edits made in both windows are "
        "saved, but neither window shows what the other saved until the meeting is opened again, so you may be "
        "working from an out-of-date copy. Open it here as well?"
    )


def confirm_second_window(pid: int, parent: QWidget | None = None) -> bool:
    """Ask whether to open the database again although another window has it; True to go on."""
    answer = QMessageBox.warning(
        parent,
        APP_NAME,
        second_window_warning(pid),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Open

"""Where SoS Desktop keeps its data on this machine, and keeping it private: light enough to import before the
window first paints.

Nothing here imports SQLAlchemy, so the console can find its settings (beside the database) and show its window
while the store is still being opened.

On POSIX the data folder and the backups folder are the user's alone (``0700``), and the database, its ``-wal`` and
``-shm`` files and every backup are ``0600``, as exports are: case content is no other local user's to read. New
ones are made so; existing ones are tightened when the app or a command opens them, never loosened. (SQLite makes
a database's ``-wal`` and ``-shm`` with the database file's own permissions, so a private database keeps them
private too.) On Windows the data folder lives in the user's profile (``%LOCALAPPDATA%``), which only they can
read; permissions are left to the system there.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

import platformdirs

DATABASE_FILE_NAME = "sos-desktop.sqlite3"
PRIVATE_FOLDER_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")
"""The files SQLite keeps beside a database while it works on it."""


def default_data_dir() -> Path:
    """The folder where SoS Desktop keeps its data for this user on this machine."""
    return Path(platformdirs.user_data_dir("sos-desktop", appauthor=False))


def tighten(path: Path) -> None:
    """Take group's and others' access to ``path`` away (POSIX), adding none; best effort, never raising.

    Only regular files and folders are changed: a device or a pipe at that place is not ours to change.
    """
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        mode = path.stat().st_mode
        if (stat.S_ISREG(mode) or stat.S_ISDIR(mode)) and stat.S_IMODE(mode) & 0o077:
            path.chmod(stat.S_IMODE(mode) & ~0o077)


def private_folder(folder: Path) -> Path:
    """``folder``, made (with any missing parents) if it is not there yet, and private to the user."""
    folder.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
    tighten(folder)
    return folder


def new_private_folder(folder: Path) -> Path:
    """``folder``, made private if it is not there yet; a folder that already exists is left as it is (the user
    chose it, and it may be shared on purpose).
    """
    if not folder.is_dir():
        folder.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
    return folder


def tighten_database(path: Path) -> None:
    """Make a SQLite database file and the files SQLite keeps beside it private to the user."""
    tighten(path)
    for suffix in SIDE_FILE_SUFFIXES:
        tighten(path.with_name(path.name + suffix))


def create_private_file(path: Path) -> Path:
    """Create ``path`` empty and private to the user (``0600`` whatever the umask); FileExistsError if it exists."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE)
    os.close(descriptor)
    tighten(path)  # the umask can only take bits away, but a file system may have added some
    return path

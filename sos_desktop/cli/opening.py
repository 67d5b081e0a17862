"""How the command line opens the database and the files it is given, and what it says when it cannot.

- The data folder is the user's alone (see ``store/paths.py``): tightened when a command uses the database in it.
- The commands that only read (``list``, ``export``, ``backup``, ``snapshot``) still work on a database that cannot
  be written to (a read-only file or folder) or that another program holds: they open it read-only (SQLite's
  ``mode=ro``; ``immutable=1`` when the folder is read-only, so no ``-shm`` file is needed, or when the other
  program keeps even readers out) and say so on stderr. They never take the write lock, so a database that another
  copy of SoS Desktop is writing to is read at once, not after a wait.
- A file given to ``import`` must be a regular file: a folder, a pipe (FIFO), a socket or a device is refused at
  once, by looking at it (``stat``) without ever opening it, since reading a pipe waits for a writer forever.
- A damaged or empty database is a bad file given to the command: its path is named, with the newest backup and
  how to restore it, and the command exits with status 2; a database this version cannot bring up to date is
  offered its backup too (status 1).
"""

from __future__ import annotations

import argparse
import os
import stat
from pathlib import Path
from typing import TextIO

from sos_desktop.cli import encryption as cli_encryption
from sos_desktop.models.control_characters import escape_controls
from sos_desktop.store.backup import told_with_advice
from sos_desktop.store.engine import PASSPHRASE_ENV_VAR, resolve_database_url, sqlite_file
from sos_desktop.store.errors import (
    DatabaseLockedError,
    DatabaseReadOnlyError,
    NotADatabaseError,
    PassphraseNeededError,
    StoreError,
    WrongPassphraseError,
)
from sos_desktop.store.paths import SIDE_FILE_SUFFIXES, default_data_dir, private_folder
from sos_desktop.store.store import Store

READING_COMMANDS = frozenset({"list", "export", "backup", "snapshot"})
"""The commands that only read the database, and so can work on one opened read-only."""
EXIT_ERROR = 1
EXIT_INVALID = 2


def say(stream: TextIO, message: str) -> None:
    """One line for the user on ``stream``, any control characters in it (from a name) written visibly."""
    print(f"sos-desktop: {escape_controls(message)}", file=stream)


def keep_data_folder_private(args: argparse.Namespace, url: str) -> None:
    """Make the data folder the user's alone when the database is the one in it (never a folder --db points into,
    which may be anybody's, such as /tmp).
    """
    database = sqlite_file(url)
    folder = Path(args.data_dir).expanduser().absolute() if args.data_dir is not None else default_data_dir()
    if database is not None and database.parent == folder:
        private_folder(folder)


def _writable(database: Path) -> bool:
    """Whether the database, the files SQLite keeps beside it, and its folder may all be written to."""
    beside = [database.with_name(database.name + suffix) for suffix in SIDE_FILE_SUFFIXES]
    return all(os.access(path, os.W_OK) for path in (database, database.parent, *beside) if path.exists())


def open_store(args: argparse.Namespace, err: TextIO) -> Store:
    """The store for the command ``args`` names: read-only, saying so, where only that can be had and will do."""
    url = resolve_database_url(args.db, args.data_dir)
    keep_data_folder_private(args, url)
    database = sqlite_file(url)
    if args.command not in READING_COMMANDS or database is None or not database.exists():
        return cli_encryption.open_store(url)
    passphrase = os.environ.get(PASSPHRASE_ENV_VAR) or None
    if not _writable(database):
        return _read_only(database, passphrase, err, locked=False)
    try:
        return Store.open(url, passphrase, check_writable=False)
    except (PassphraseNeededError, WrongPassphraseError):
        return cli_encryption.open_store(url)  # asks for it on the terminal
    except DatabaseReadOnlyError:
        return _read_only(database, passphrase, err, locked=False)
    except DatabaseLockedError:
        return _read_only(database, passphrase, err, locked=True)


def _read_only(database: Path, passphrase: str | None, err: TextIO, *, locked: bool) -> Store:
    # Locked, although nothing here asked to write: the other program keeps even readers out, so the file is read
    # as it is, without its lock or its log; so too in a folder where no -shm file can be made.
    immutable = locked or not os.access(database.parent, os.W_OK)
    store = Store.open_read_only(f"sqlite:///{database}", passphrase, immutable=immutable)
    why = "another program is holding it" if locked else "it or its folder cannot be written to"
    missing = (
        " Changes still only in its write-ahead log (-wal file) are not shown."
        if immutable and _has_log(database)
        else ""
    )
    say(err, f"note: {database} was opened read-only because {why}; nothing can be changed this way.{missing}")
    return store


def _has_log(database: Path) -> bool:
    log = database.with_name(database.name + "-wal")
    try:
        return log.stat().st_size > 0
    except OSError:
        return False


def special_file_refusal(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file to import (a folder, a pipe, a socket, a device), or None.

    Looked at with ``stat`` only: a pipe is never opened, since reading one waits for a writer for ever. A path that
    is not there is left for the reader to report.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        kind = "a folder"
    elif stat.S_ISFIFO(mode):
        kind = "a pipe (FIFO)"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    else:
        kind = "not a regular file"
    return f"{path} is {kind}, not a meeting file; nothing was read or imported."


def store_failure(error: StoreError, args: argparse.Namespace) -> tuple[str, int]:
    """What to say, and the exit status, when the store could not do what ``args`` asked."""
    try:
        database = sqlite_file(resolve_database_url(args.db, args.data_dir))
    except StoreError:
        return str(error), EXIT_ERROR
    bad_file = isinstance(error, NotADatabaseError) and database is not None
    return told_with_advice(error, database), EXIT_INVALID if bad_file else EXIT_ERROR

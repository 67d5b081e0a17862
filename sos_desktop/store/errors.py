"""The store's errors: each carries one plain-English sentence a user can read, and nothing that identifies a family.

The driver's own exception is kept as ``__cause__`` for the developer; the message never holds traceback text,
file paths, SQL or case content (a database server's host and port, which the user typed, may be named), so the
user interface can show ``str(error)`` as it is. Importing this module does not import SQLAlchemy.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path
from typing import ClassVar


class StoreError(Exception):
    """Something the store could not do, with a message fit to show the user."""

    default_message = "The database could not do that. Nothing was changed and the file was left untouched."
    opening: ClassVar[str] = ""
    """How every message of this kind begins (the default message, or its first words when a message is made to
    measure), so that a sentence already shown can still be told apart by kind."""

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class NotADatabaseError(StoreError):
    """The file is damaged, truncated, not a database at all, or some other program's database."""

    default_message = (
        "This file is not an SoS Desktop database, or it is damaged. It was left untouched; "
        "choose another file or restore a backup."
    )
    opening = default_message


class EmptyDatabaseError(NotADatabaseError):
    """The database file exists but holds nothing: what a crash or a full disk can leave of a database.

    It is never taken for a new database: the data it held may well be in a backup.
    """

    default_message = (
        "The database file is empty (0 bytes), as a crash or a full disk can leave it; it was left untouched. "
        "Restore a backup, or move the empty file away to start with a new database."
    )
    opening = "The database file is empty (0 bytes)"


class PassphraseNeededError(StoreError):
    """The file is an encrypted SoS Desktop database (SQLCipher) and no passphrase was given."""

    default_message = (
        "This database is encrypted; give its passphrase to open it (or set SOS_DESKTOP_PASSPHRASE). "
        "It was left untouched."
    )


class WrongPassphraseError(StoreError):
    """The passphrase given does not open the encrypted database (or the encrypted file is damaged)."""

    default_message = "The passphrase does not open this database. Check it and try again; the file was left untouched."


class DatabaseTooNewError(StoreError):
    """The database was written by a newer version of SoS Desktop than this one."""

    default_message = (
        "This database was saved by a newer version of SoS Desktop. It was left untouched; "
        "please update SoS Desktop to open it."
    )
    opening = "This database was saved by a newer version of SoS Desktop"


class DatabaseTooOldError(StoreError):
    """The database is at a revision older than the first one this version can bring up to date."""

    default_message = (
        "This database is older than this version of SoS Desktop can bring up to date. It was left untouched; "
        "open it once with an earlier version of SoS Desktop (which brings it up to date), then here."
    )
    opening = "This database is older than this version of SoS Desktop can bring up to date"


class DatabaseLockedError(StoreError):
    """Another program (or another copy of SoS Desktop) is writing to the database and did not let go in time."""

    default_message = (
        "The database is busy: another program or another copy of SoS Desktop is using it. Nothing was changed "
        "and the file was left untouched; try again in a moment."
    )


class DatabaseReadOnlyError(StoreError):
    """The database, or the folder it lives in, cannot be written to (or cannot be opened at all)."""

    default_message = (
        "The database cannot be opened for saving: the file or its folder is read-only or out of reach. "
        "Nothing was changed and the file was left untouched."
    )


class DiskFullError(StoreError):
    """The disk (or the user's quota) is full."""

    default_message = (
        "The disk is full, so the change could not be saved. Nothing was changed and the file was left "
        "untouched; free some space and try again."
    )


class NotFoundError(StoreError):
    """A case, meeting, card, scale, person or tie asked for by id is not in the database."""

    default_message = (
        "That is no longer in the database; it may have been deleted. Nothing was changed and the file was "
        "left untouched."
    )

    @classmethod
    def missing(cls, what: str) -> NotFoundError:
        """The error for a missing case, meeting, card, scale, person or tie (``what`` names which)."""
        return cls(
            f"That {what} is no longer in the database; it may have been deleted. Nothing was changed and the "
            "file was left untouched."
        )


class StaleWriteError(StoreError):
    """Somebody else saved the meeting after this copy of it was read, so saving this change would undo theirs."""

    default_message = (
        "Someone else changed this meeting since you opened it; your last change was not saved and theirs was "
        "left untouched. Reload the meeting to see theirs."
    )


class DuplicateReferenceError(StoreError):
    """Another case already has the case reference given."""

    default_message = (
        "Another case already has that case reference. Nothing was changed and the file was left untouched."
    )


class DanglingReferenceError(StoreError):
    """Something to be saved points at a card, person or scale that is not part of it (a broken file, usually)."""

    default_message = (
        "The meeting refers to a card or a person that is not in it, so it was not saved. "
        "The database file was left untouched."
    )


class MigrationError(StoreError):
    """Bringing an older database up to date would have broken links between its records."""

    default_message = (
        "This database could not be brought up to date without damaging it. It was left untouched; "
        "please keep a copy and contact your support team."
    )
    opening = "This database could not be brought up to date"


class ServerUnreachableError(StoreError):
    """A database server (PostgreSQL) could not be reached, or refused the login."""

    default_message = (
        "The database server could not be reached: check the address given with --db or SOS_DESKTOP_DB, and "
        "that the server is running and lets you in. Nothing was changed."
    )


class ServerNotAnsweringError(ServerUnreachableError):
    """A database server whose address is right did not answer: stopped, restarting, or the connection was lost."""

    default_message = (
        "The database server did not answer (it may be stopped or restarting, or the connection was lost); "
        "try again in a moment. Nothing was changed."
    )


class UnsupportedDatabaseError(StoreError):
    """The database URL names a kind of database SoS Desktop does not work with, or its driver is missing."""

    default_message = (
        "SoS Desktop works with a SQLite file (sqlite:///path) or a PostgreSQL server "
        "(postgresql+psycopg://user@host/name); the database address given is neither. Nothing was changed."
    )


_NOT_A_DATABASE = ("file is not a database", "database disk image is malformed", "file is encrypted")
_LOCKED = ("database is locked", "database table is locked", "database schema is locked")
_READ_ONLY = ("readonly", "read-only", "unable to open database file")
_DISK_FULL = ("database or disk is full", "no space left on device")
_UNREACHABLE = (
    "could not connect",
    "failed to resolve host",
    "name or service not known",
    "connection failed",
    "could not translate host name",
    "authentication failed",
    "no password supplied",
    "does not exist",
)
_NOT_ANSWERING = (
    "connection refused",
    "timeout expired",
    "server closed the connection",
    "terminating connection",
    "connection is lost",
    "connection already closed",
    "the connection is closed",
    "ssl connection has been closed",
    "connection timed out",
    "consuming input failed",
)
"""A server that is there (or was a moment ago) but does not answer now: the address given is not the problem."""
_BAD_ADDRESS = (
    "could not translate host name",
    "failed to resolve host",
    "name or service not known",
    "authentication failed",
    "no password supplied",
    "does not exist",
)
_SERVER_AT = re.compile(r'server at "([^"]+)"(?: \([^)]*\))?, port (\d+)')
_SQLITE_FULL = 13
_SQLITE_IOERR = 10
_SQLITE_CANTOPEN = 14
_SQLITE_IOERR_SHMSIZE = 4874
"""The shared-memory index could not grow: on a full disk, the first thing a write in WAL mode runs into."""
NEARLY_FULL_BYTES = 64 * 1024
"""Less free space than this beside the database makes SQLite's unspecific 'disk I/O error' a full disk."""


def disk_is_full(folder: Path | None) -> bool:
    """Whether the disk holding ``folder`` has (next to) no free space left; False when that cannot be told."""
    import shutil

    if folder is None:
        return False
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def _server_at(text: str) -> str:
    """Which server (host:port) a driver's message names, or "" when it names none."""
    found = _SERVER_AT.search(text)
    return f"{found.group(1)}:{found.group(2)}" if found else ""


def _sqlite_disk_full(original: BaseException, folder: Path | None) -> bool:
    code = getattr(original, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return False
    if code & 0xFF == _SQLITE_FULL or code == _SQLITE_IOERR_SHMSIZE:
        return True
    # A bare I/O error, or a -shm that could not be made: a full disk if the disk beside the database is full.
    return code & 0xFF in (_SQLITE_IOERR, _SQLITE_CANTOPEN) and disk_is_full(folder)


def translate(error: BaseException, folder: Path | None = None) -> StoreError:
    """The StoreError that tells the user what ``error`` (from SQLAlchemy or the driver) means for them.

    ``folder``: where the SQLite file is, if known, so that a bare 'disk I/O error' on a full disk is said to be one.
    """
    if isinstance(error, StoreError):
        return error
    if isinstance(error, OSError) and getattr(error, "errno", None) == errno.ENOSPC:
        return DiskFullError()
    # Imported here, where SQLAlchemy is already loaded: the error classes above stay light for the start-up path.
    import sqlite3

    from sqlalchemy.exc import DBAPIError, IntegrityError

    original = error.orig if isinstance(error, DBAPIError) else error
    text = str(original).lower()
    if any(phrase in text for phrase in _NOT_A_DATABASE):
        return NotADatabaseError()
    if any(phrase in text for phrase in _DISK_FULL) or _sqlite_disk_full(original or error, folder):
        return DiskFullError()
    if any(phrase in text for phrase in _LOCKED):
        return DatabaseLockedError()
    if any(phrase in text for phrase in _READ_ONLY):
        return DatabaseReadOnlyError()
    if isinstance(error, IntegrityError | sqlite3.IntegrityError) and "reference" in text:
        return DuplicateReferenceError()
    sqlstate = getattr(original, "sqlstate", None)
    if sqlstate is None and not isinstance(original, sqlite3.Error):
        if any(p in text for p in _NOT_ANSWERING) and not any(p in text for p in _BAD_ADDRESS):
            where = _server_at(str(original))
            if not where:
                return ServerNotAnsweringError()
            return ServerNotAnsweringError(
                f"The database server at {where} did not answer (it may be stopped or restarting, or the "
                "connection was lost); try again in a moment. Nothing was changed."
            )
        if any(p in text for p in _UNREACHABLE):
            return ServerUnreachableError()
    if sqlstate in ("57P01", "57P02", "57P03"):  # PostgreSQL admin_shutdown, crash_shutdown, cannot_connect_now
        return ServerNotAnsweringError()
    if sqlstate == "55P03":  # PostgreSQL lock_not_available
        return DatabaseLockedError()
    if sqlstate == "25006":  # PostgreSQL read_only_sql_transaction
        return DatabaseReadOnlyError()
    if sqlstate == "53100":  # PostgreSQL disk_full
        return DiskFullError()
    return StoreError()

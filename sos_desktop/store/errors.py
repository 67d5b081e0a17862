"""The store's errors: each carries one plain-English sentence a user can read, and nothing that identifies a family.

The driver's own exception is kept as ``__cause__`` for the developer; the message never holds traceback text,
file paths, SQL or case content, so the user interface can show ``str(error)`` as it is. Importing this module
does not import SQLAlchemy.
"""

from __future__ import annotations


class StoreError(Exception):
    """Something the store could not do, with a message fit to show the user."""

    default_message = "The database could not do that. Nothing was changed and the file was left untouched."

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


class ServerUnreachableError(StoreError):
    """A database server (PostgreSQL) could not be reached, or refused the login."""

    default_message = (
        "The database server could not be reached: check the address given with --db or SOS_DESKTOP_DB, and "
        "that the server is running and lets you in. Nothing was changed."
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
    "connection refused",
    "could not connect",
    "connection failed",
    "could not translate host name",
    "timeout expired",
    "authentication failed",
    "no password supplied",
    "does not exist",
    "server closed the connection",
)


def translate(error: BaseException) -> StoreError:
    """The StoreError that tells the user what ``error`` (from SQLAlchemy or the driver) means for them."""
    if isinstance(error, StoreError):
        return error
    # Imported here, where SQLAlchemy is already loaded: the error classes above stay light for the start-up path.
    import sqlite3

    from sqlalchemy.exc import DBAPIError, IntegrityError

    original = error.orig if isinstance(error, DBAPIError) else error
    text = str(original).lower()
    if any(phrase in text for phrase in _NOT_A_DATABASE):
        return NotADatabaseError()
    if any(phrase in text for phrase in _LOCKED):
        return DatabaseLockedError()
    if any(phrase in text for phrase in _READ_ONLY):
        return DatabaseReadOnlyError()
    if any(phrase in text for phrase in _DISK_FULL):
        return DiskFullError()
    if isinstance(error, IntegrityError | sqlite3.IntegrityError) and "reference" in text:
        return DuplicateReferenceError()
    sqlstate = getattr(original, "sqlstate", None)
    if sqlstate is None and not isinstance(original, sqlite3.Error) and any(p in text for p in _UNREACHABLE):
        return ServerUnreachableError()
    if sqlstate == "55P03":  # PostgreSQL lock_not_available
        return DatabaseLockedError()
    if sqlstate == "25006":  # PostgreSQL read_only_sql_transaction
        return DatabaseReadOnlyError()
    if sqlstate == "53100":  # PostgreSQL disk_full
        return DiskFullError()
    return StoreError()

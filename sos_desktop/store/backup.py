"""Backups of a SQLite database: made with SQLite's online backup API, rotated, verified, and restored safely.

Automatic backups go to a ``backups`` folder beside the database (the data folder, for the usual file), one file
per backup named after the database and the UTC time it was made, e.g.
``backups/sos-desktop-20261122T101500Z.sqlite3``; only the newest :data:`KEEP` are kept. The app makes one when
it opens a database, at most once an :data:`AUTOMATIC_INTERVAL`; the user can make one at any time.

Rotation never lets a run of newer, emptier backups push out the last one that holds the cases: when the backups
rotation would remove hold more cases than every one it keeps (a database emptied, or started afresh with the
demo, after a crash), the one of them with the most cases (the newest, among equals) is kept as well, one more
than :data:`KEEP`. Once a newer backup holds as many cases, it goes the usual way. A backup whose cases cannot be
counted (damaged, or encrypted with another passphrase) counts as holding none.

Backups are private to the user, as the database is (``0600`` files in a ``0700`` folder, on POSIX; see
``store/paths.py``).

The online backup API copies a consistent snapshot of a live database, committed edits in the write-ahead log
included, while others go on reading and writing it; copying the file itself could catch it half written.

A restore never loses anything: the backup is checked first (an intact SoS Desktop database this version can
read), the current file and its write-ahead log are kept aside as ``<file>.before-restore-<stamp>``, and the
backup's copy then takes the database's place with one atomic rename.

PostgreSQL databases are the council's to back up (``pg_dump``); every function here refuses them in plain words.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from sos_desktop.durable import sync_file, sync_folder
from sos_desktop.store.engine import raw_connection, read_only_uri
from sos_desktop.store.errors import (
    DatabaseTooNewError,
    DatabaseTooOldError,
    MigrationError,
    NotADatabaseError,
    StoreError,
)
from sos_desktop.store.paths import create_private_file, new_private_folder, private_folder, tighten

BACKUP_FOLDER = "backups"
KEEP = 10
"""How many automatic backups of one database are kept; older ones are removed when a new one is made."""
AUTOMATIC_INTERVAL = timedelta(hours=1)
"""The least time between two automatic backups of one database."""
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
_SQLITE_HEADER = b"SQLite format 3\x00"
_WAL_SUFFIXES = ("-wal", "-shm")
LOCK_SUFFIX = ".lock"

POSTGRES_MESSAGE = (
    "SoS Desktop backs up SQLite database files only. A PostgreSQL database is backed up by the team that runs "
    "the server (for example with pg_dump); ask your council's database team. Nothing was changed."
)
RESTORE_COMMAND = "sos-desktop restore"


class BackupError(StoreError):
    """A backup could not be made, checked or restored."""

    default_message = "The backup could not be made. Nothing was changed and the database was left untouched."


class InvalidBackupError(BackupError):
    """The file given as a backup is damaged, not a database, or not an SoS Desktop database this app can read."""

    default_message = (
        "That file is not an intact SoS Desktop backup (it is damaged, not a database, or from a newer version). "
        "Nothing was restored and the database was left untouched."
    )


@dataclass(frozen=True)
class Backup:
    """One backup file and the moment (UTC) it was made."""

    path: Path
    made_at: datetime

    def describe(self) -> str:
        """The backup for people: its file and when it was made."""
        return f"{self.path} (made {self.made_at:%d %b %Y at %H:%M} UTC)"


def utc_now() -> datetime:
    """Now, in UTC, to the second (the precision of a backup's name)."""
    return datetime.now(UTC).replace(microsecond=0)


def backup_os_error(error: OSError) -> BackupError:
    """The plain sentence for a backup the operating system would not let us write."""
    if error.errno == errno.ENOSPC:
        return BackupError(
            "The disk is full, so the backup could not be written. Nothing was changed and the database was left "
            "untouched; free some space and try again."
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return BackupError(
            "The backup could not be written there: the folder is read-only or out of reach. Nothing was changed "
            "and the database was left untouched; choose another place."
        )
    return BackupError(
        f"The backup could not be written ({error.strerror or 'the system refused'}). Nothing was changed and the "
        "database was left untouched."
    )


def backup_folder(database: Path, folder: Path | None = None) -> Path:
    """Where the automatic backups of ``database`` go: ``folder`` if the user chose one (Settings), else a
    ``backups`` folder beside the database.
    """
    return folder if folder is not None else database.parent / BACKUP_FOLDER


def prepare_backup_folder(database: Path, folder: Path | None = None) -> Path:
    """The folder of :func:`backup_folder`, there and private: the usual one is tightened if need be, one the user
    chose is made private only when it is made here.
    """
    chosen = backup_folder(database, folder)
    return private_folder(chosen) if folder is None else new_private_folder(chosen)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(STAMP_FORMAT)


def backups_of(database: Path, folder: Path | None = None) -> list[Backup]:
    """The automatic backups of ``database`` (in ``folder``, else the usual place), newest first."""
    folder = backup_folder(database, folder)
    prefix = f"{database.stem}-"
    found: list[Backup] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        name = path.name
        if not (name.startswith(prefix) and name.endswith(database.suffix or ".sqlite3")) or not path.is_file():
            continue
        stamp = name[len(prefix) :].removesuffix(database.suffix or ".sqlite3")
        try:
            made_at = datetime.strptime(stamp, STAMP_FORMAT).replace(tzinfo=UTC)
        except ValueError:
            continue  # not one of ours: leave it alone
        found.append(Backup(path, made_at))
    return sorted(found, key=lambda backup: backup.made_at, reverse=True)


def keep_backups_private(database: Path, folder: Path | None = None) -> None:
    """Make the usual backups folder of ``database`` and every backup in it (or in ``folder``) the user's alone."""
    chosen = backup_folder(database, folder)
    if folder is None and chosen.is_dir():
        tighten(chosen)
    for made in backups_of(database, folder):
        tighten(made.path)


def newest_backup(database: Path, folder: Path | None = None) -> Backup | None:
    """The newest automatic backup of ``database``, or None if there is none."""
    backups = backups_of(database, folder)
    return backups[0] if backups else None


def restore_advice(database: Path | None) -> str:
    """A sentence offering the newest backup of ``database`` and saying how to restore it ("" if there is none)."""
    if database is None:
        return ""
    try:
        newest = newest_backup(database)
    except OSError:
        return ""
    if newest is None:
        return ""
    return (
        f'The newest backup is {newest.describe()}; to go back to it, run: {RESTORE_COMMAND} "{newest.path}" '
        "(the current file is kept aside, not deleted)."
    )


RESTORABLE = (NotADatabaseError, DatabaseTooNewError, DatabaseTooOldError, MigrationError)
"""The troubles a backup can mend: a damaged or empty file, or one this version cannot bring up to date."""


def with_restore_advice(error: StoreError, database: Path | None) -> StoreError:
    """``error``, with the newest backup offered when the database is damaged or too new to open.

    A locked, read-only or full database is not helped by a restore, so those messages are left as they are.
    """
    if not isinstance(error, RESTORABLE):
        return error
    advice = restore_advice(database)
    if not advice:
        return error
    offered = type(error)(f"{error} {advice}")
    offered.__cause__ = error.__cause__
    return offered


def told_with_advice(error: StoreError, database: Path | None) -> str:
    """What to tell a user of the command line, or a script, when ``database`` cannot be opened: a damaged or empty
    file named by its path, and, where a backup would help, the newest one with the command that restores it.
    """
    offered = str(with_restore_advice(error, database))
    return f"{database}: {offered}" if isinstance(error, NotADatabaseError) and database is not None else offered


def copy_database(source: sqlite3.Connection, target: Path, passphrase: str | None = None) -> None:
    """Copy the database open on ``source`` to ``target`` (replaced atomically) with SQLite's online backup API.

    The backup of an encrypted database (``passphrase``: its passphrase) is encrypted with the same passphrase.
    """
    new_private_folder(target.parent)
    partial = target.with_name(f"{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        create_private_file(partial)  # a copy of the database is as private as the database
        destination = raw_connection(partial, passphrase)
        try:
            source.backup(destination)
            # A backup is one self-contained file: no write-ahead log to lose when it is copied or mailed.
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        sync_file(partial)
        os.replace(partial, target)
        sync_folder(target.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def rotate(database: Path, keep: int = KEEP, folder: Path | None = None, passphrase: str | None = None) -> list[Path]:
    """Remove all but the newest ``keep`` automatic backups of ``database``; returns what was removed.

    The last backup holding more cases than any kept one stays too (see the module docstring); ``passphrase``
    (the database's) is needed to count the cases in the backups of an encrypted database.
    """
    removed = []
    try:
        backups = backups_of(database, folder)
        kept, old = backups[: max(1, keep)], backups[max(1, keep) :]
        if old:
            most_kept = max(case_count(backup.path, passphrase) for backup in kept)
            counted = [(case_count(backup.path, passphrase), backup) for backup in old]
            fullest, best = max(counted, key=lambda pair: pair[0])  # the first (newest) of equals
            if fullest > most_kept:
                old = [backup for backup in old if backup is not best]
        for backup in old:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    except OSError:
        pass  # one that cannot be removed now is removed next time
    return removed


def case_count(path: Path, passphrase: str | None = None) -> int:
    """How many cases the backup at ``path`` holds; 0 when it cannot be read (damaged, or another passphrase)."""
    try:
        with path.open("rb") as file:
            plain = file.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
        if not plain and passphrase is None:
            return 0
        connection = raw_connection(read_only_uri(path), None if plain else passphrase, uri=True)
        try:
            count = connection.execute("SELECT count(*) FROM cases").fetchone()[0]
        finally:
            connection.close()
    except Exception:  # sqlite3's and SQLCipher's errors alike (not one family): an unreadable one holds none
        return 0
    return int(count)


def automatic_backup_path(database: Path, now: datetime | None = None, folder: Path | None = None) -> Path:
    """The file a backup of ``database`` made at ``now`` goes to."""
    moment = now or datetime.now(UTC)
    suffix = database.suffix or ".sqlite3"
    return backup_folder(database, folder) / f"{database.stem}-{_stamp(moment)}{suffix}"


def backup_due(
    database: Path, now: datetime | None = None, interval: timedelta = AUTOMATIC_INTERVAL, folder: Path | None = None
) -> bool:
    """Whether an automatic backup of ``database`` is due: it has data and none was made within ``interval``."""
    if not database.is_file() or database.stat().st_size == 0:
        return False
    newest = newest_backup(database, folder)
    moment = now or datetime.now(UTC)
    return newest is None or moment - newest.made_at >= interval


def verify_backup(path: Path, passphrase: str | None = None) -> None:
    """Make sure ``path`` is an intact SoS Desktop database this version can read; InvalidBackupError if not.

    A backup of an encrypted database is encrypted too: it is read with ``passphrase`` (the database's).
    """
    from sos_desktop.store.migrate import check_database

    try:
        if not path.is_file():
            raise InvalidBackupError("There is no backup file at that place. Nothing was restored.")
        with path.open("rb") as file:
            plain = file.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
        if not plain and passphrase is None:
            raise InvalidBackupError()
        uri = read_only_uri(path)
        key = None if plain else passphrase
        probe = create_engine("sqlite://", creator=lambda: raw_connection(uri, key, uri=True), poolclass=NullPool)
        try:
            with probe.connect() as conn:
                if conn.exec_driver_sql("PRAGMA integrity_check(1)").scalar() != "ok":
                    raise InvalidBackupError()
                if not check_database(conn):
                    raise InvalidBackupError()  # an empty database, or no revision: not one of ours
        finally:
            probe.dispose()
    except InvalidBackupError:
        raise
    except (StoreError, sqlite3.Error) as error:
        raise InvalidBackupError() from error
    except Exception as error:  # SQLAlchemy wraps the driver's errors
        if "sqlite" in type(error).__module__ or "sqlalchemy" in type(error).__module__:
            raise InvalidBackupError() from error
        raise


def kept_aside_path(database: Path, now: datetime | None = None) -> Path:
    """Where the current database is kept when a backup is restored over it."""
    return database.with_name(f"{database.name}.before-restore-{_stamp(now or datetime.now(UTC))}")


def restore(backup: Path, database: Path, now: datetime | None = None, passphrase: str | None = None) -> Path | None:
    """Put the backup at ``backup`` in the place of ``database``, keeping the current file aside first.

    The database must not be open (close the Store first). Returns where the current file was kept, or None
    when there was no current file. InvalidBackupError, touching nothing, if the backup is not intact.
    """
    backup = Path(backup).absolute()
    database = Path(database).absolute()
    verify_backup(backup, passphrase)
    if backup == database:
        raise InvalidBackupError("That backup is the database itself. Nothing was restored.")
    database.parent.mkdir(parents=True, exist_ok=True)
    incoming = database.with_name(f"{database.name}.restoring")
    incoming.unlink(missing_ok=True)
    try:
        create_private_file(incoming)  # the database is the user's alone, whatever the backup's permissions
        shutil.copyfile(backup, incoming)
        verify_backup(
            incoming, passphrase
        )  # the copy, not only the original, must be sound before it replaces anything
        sync_file(incoming)
        aside: Path | None = None
        if database.exists():
            aside = kept_aside_path(database, now)
            os.replace(database, aside)
            for suffix in _WAL_SUFFIXES:  # the log travels with its file, so the kept copy has every edit
                log = database.with_name(database.name + suffix)
                if log.exists():
                    os.replace(log, aside.with_name(aside.name + suffix))
        os.replace(incoming, database)
        sync_folder(database.parent)
    except BaseException:
        incoming.unlink(missing_ok=True)
        raise
    return aside


def lock_file(database: Path) -> Path:
    """The advisory lock file an open SoS Desktop window keeps beside its database (a ``QLockFile``)."""
    return database.with_name(database.name + LOCK_SUFFIX)


def lock_holder(database: Path) -> int | None:
    """The process id of a running SoS Desktop window holding ``database``'s lock file, or None.

    The lock file's first line is the holder's process id (``QLockFile``'s format). A lock left by a process that
    has ended is stale and ignored; on Windows, where that cannot be checked as simply, any lock counts.
    """
    try:
        lines = lock_file(database).read_text("utf-8", errors="replace").splitlines()
        pid = int(lines[0])
    except (OSError, ValueError, IndexError):
        return None
    if pid <= 0 or pid == os.getpid():
        return None
    if os.name == "posix":
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            return pid  # alive, but someone else's
    return pid


def postgres_refusal() -> BackupError:
    """The error for a backup or restore asked of a PostgreSQL database."""
    return BackupError(POSTGRES_MESSAGE)

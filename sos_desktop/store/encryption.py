"""Encryption at rest (opt-in): a SQLite database encrypted with a passphrase by SQLCipher.

An encrypted file has no readable header: SQLCipher encrypts every page, the first 16 bytes being a random salt.
:func:`looks_encrypted` tells such a file from a damaged one by its shape (not the SQLite header, a whole
number of pages, bytes that look random), and :func:`check_encrypted` then tries the passphrase through a
read-only connection, so a missing or wrong passphrase is reported in plain words and the file is never touched.

:func:`encrypt_database` turns a plain database into an encrypted one, and leaves no plain copy behind:

1. the write-ahead log is folded into the file, then SQLCipher's ``sqlcipher_export`` writes an encrypted copy
   beside it (``<file>.encrypting``);
2. the copy is checked: it opens with the passphrase, passes ``quick_check``, and every table holds as many rows
   as in the plain file; if not, the copy is removed and the plain database is left as it was. The copy is then
   synced to the disk, so it is complete before the plain file is touched;
3. a hard link (``<file>.plain-removing``) keeps hold of the plain file's bytes, and the copy takes the
   database's place with one atomic rename (where the file system has no hard links, the plain file is renamed
   to that name first);
4. the plain bytes are overwritten with zeros, synced, and the file removed.

A kill or a power cut can stop this at any point. :func:`finish_interrupted` looks at what is left and puts it
right; the console and the command line run it before they open a database, and ``encrypt`` before it starts:

- ``<file>.encrypting`` was never put in place (it is ciphertext anyway): it is removed;
- ``<file>.plain-removing`` beside an encrypted database is the plain copy that was being removed: it is
  overwritten and removed (with a note saying so);
- ``<file>.plain-removing`` that is the plain database itself (the link made in step 3, the rename not yet
  done) is only unlinked: the database stays plain, and ``encrypt`` can be run again;
- ``<file>.plain-removing`` with no database beside it (the rename of step 3 without hard links) is put back.

Overwriting cannot reach copies the operating system made on its own (a solid-state disk's spare blocks, file
system snapshots, earlier backups of the plain database): encrypt a database before case content goes into it
where that matters, and delete the backups made before encrypting.

:func:`change_passphrase` re-encrypts the file in place with SQLCipher's ``PRAGMA rekey``.
"""

from __future__ import annotations

import os
import shutil
import zlib
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from sos_desktop.durable import sync_file, sync_folder
from sos_desktop.store.engine import BUSY_TIMEOUT_MS, quote_passphrase, raw_connection, sqlcipher_module
from sos_desktop.store.errors import (
    DatabaseLockedError,
    NotADatabaseError,
    PassphraseNeededError,
    StoreError,
    WrongPassphraseError,
    translate,
)
from sos_desktop.store.migrate import check_database

SQLITE_HEADER = b"SQLite format 3\x00"
_SMALLEST_PAGE = 512
_FIRST_PAGE = 1024
"""How much of the file is looked at: SQLCipher's smallest page (SQLCipher 4 uses 4,096 bytes by default)."""
_WAL_SUFFIXES = ("-wal", "-shm")
EMPTY_PASSPHRASE = "No passphrase was typed. Type the passphrase that opens this database; the file was left untouched."


def looks_encrypted(path: Path) -> bool:
    """Whether ``path`` is shaped like an encrypted database: no SQLite header, whole pages, and a first page
    that looks random (ciphertext does not compress; text, zeros and most damage do).
    """
    try:
        if not path.is_file():
            return False
        size = path.stat().st_size
        with path.open("rb") as file:
            first_page = file.read(_FIRST_PAGE)
    except OSError:
        return False
    if size < _SMALLEST_PAGE or size % _SMALLEST_PAGE or first_page.startswith(SQLITE_HEADER):
        return False
    return len(zlib.compress(first_page)) >= len(first_page) * 0.95


def _key_opens(connection: Any) -> bool:
    """Whether the passphrase the connection was keyed with decrypts its database."""
    sqlcipher = sqlcipher_module()
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        return False
    return True


def check_encrypted(path: Path, passphrase: str | None, read_only_uri: str) -> None:
    """Refuse the encrypted database at ``path`` unless ``passphrase`` opens it and this app may work on it.

    PassphraseNeededError without a passphrase, WrongPassphraseError if it does not open the file, then the
    checks every database gets (damaged, another program's, a newer version's). Reads only, through
    ``read_only_uri``.
    """
    if passphrase is None:
        raise PassphraseNeededError()
    if not passphrase:
        raise WrongPassphraseError(EMPTY_PASSPHRASE)  # SQLCipher itself fails on an empty key with an OperationalError
    sqlcipher = sqlcipher_module()
    try:
        connection = raw_connection(read_only_uri, passphrase, uri=True)
    except sqlcipher.Error as error:  # the file cannot be opened at all: said in words, never a traceback
        raise translate(error) from error
    try:
        if not _key_opens(connection):
            raise WrongPassphraseError()
        try:
            intact = connection.execute("PRAGMA quick_check(1)").fetchone()
        except sqlcipher.DatabaseError:
            intact = None
        if intact is None or intact[0] != "ok":
            raise NotADatabaseError()
    finally:
        connection.close()
    # The dialect sends the key first on each connection (the creator only opens the file, read-only).
    probe = create_engine(
        URL.create("sqlite+pysqlcipher", password=passphrase),
        creator=lambda: sqlcipher.connect(read_only_uri, uri=True, check_same_thread=False),
        poolclass=NullPool,
    )
    try:
        with probe.connect() as conn:
            check_database(conn)
    finally:
        probe.dispose()


def shred(path: Path) -> None:
    """Overwrite the file's bytes with zeros, make sure they reached the disk, then remove it (if it exists)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with path.open("r+b") as file:
        zeros = bytes(1 << 20)
        left = size
        while left > 0:
            left -= file.write(zeros[: min(left, len(zeros))])
        file.flush()
        os.fsync(file.fileno())
    path.unlink()


def partial_copy(path: Path) -> Path:
    """Where the encrypted copy of the database at ``path`` is written and checked before it takes its place."""
    return path.with_name(f"{path.name}.encrypting")


def plain_aside(path: Path) -> Path:
    """The name that keeps hold of the plain database's bytes until they are overwritten."""
    return path.with_name(f"{path.name}.plain-removing")


def blank(passphrase: str) -> bool:
    """Whether ``passphrase`` is empty or only spaces: nothing a database can be encrypted with."""
    return not passphrase.strip()


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def finish_interrupted(path: Path) -> list[str]:
    """Put right what an encryption cut short (a kill, a power cut) left beside the database at ``path``.

    The steps are in the module docstring. Returns a sentence for each thing the user should know of (a plain copy
    overwritten and removed, the plain database put back), to be shown or printed; [] when nothing was left.
    Best effort: what cannot be removed now is said, and tried again next time.
    """
    notes: list[str] = []
    partial = partial_copy(path)
    aside = plain_aside(path)
    try:
        for unused in (partial, partial.with_name(partial.name + "-journal")):
            shred(unused)  # never put in place; encrypted pages only, but not worth keeping
        if not aside.exists():
            return notes
        if not path.exists():
            os.replace(aside, path)
            sync_folder(path.parent)
            notes.append(
                f"Encrypting {path.name} was cut short before it finished, so the database was put back as it "
                "was, unencrypted; encrypt it again."
            )
        elif _same_file(aside, path):
            aside.unlink()  # the plain database itself, under a second name: it was never replaced
            sync_folder(path.parent)
        elif looks_encrypted(path):
            shred(aside)
            sync_folder(path.parent)
            notes.append(
                f"Encrypting {path.name} was cut short after the encrypted database was in place; the unencrypted "
                f"copy it left ({aside.name}) has now been overwritten with zeros and removed."
            )
        else:
            notes.append(
                f"{aside} may hold an unencrypted copy of the database, but the database beside it is not "
                "encrypted, so it was left as it is. Check which one holds your cases before deleting either."
            )
    except OSError as error:
        notes.append(
            f"An unencrypted copy of the database left by an encryption cut short ({aside}) could not be removed "
            f"({error.strerror or 'the system refused'}); it will be tried again next time."
        )
    return notes


def _row_counts(connection: Any) -> dict[str, int]:
    query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    names = [row[0] for row in connection.execute(query)]
    return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _replace_plain_file(plain: Path, encrypted: Path) -> None:
    """Put the checked, synced ``encrypted`` copy in ``plain``'s place atomically, then overwrite and remove the
    plain file's bytes. Every state a kill can leave is one :func:`finish_interrupted` puts right.
    """
    aside = plain_aside(plain)
    try:
        os.link(plain, aside)  # keeps the plain bytes reachable after the rename, to overwrite them
        linked = True
    except OSError:
        linked = False  # a file system without hard links: the plain file is moved aside instead
    for suffix in _WAL_SUFFIXES:  # emptied by the checkpoint: nothing of the plain database is left in them
        shred(plain.with_name(plain.name + suffix))
    try:
        if not linked:
            os.replace(plain, aside)
        os.replace(encrypted, plain)
        sync_folder(plain.parent)
    except BaseException:
        finish_interrupted(plain)  # the plain database back in its place, the copy removed
        raise
    try:
        shred(aside)
        sync_folder(plain.parent)
    except OSError as error:
        raise StoreError(
            f"The database is now encrypted, but the unencrypted copy ({aside.name}) could not be overwritten "
            f"({error.strerror or 'the system refused'}); it is tried again the next time the database is opened."
        ) from error


def encrypt_database(path: Path, passphrase: str) -> None:
    """Encrypt the plain SoS Desktop database at ``path`` with ``passphrase``, leaving no plain copy behind.

    The database must be closed by everyone else. Nothing is changed unless the encrypted copy checks out. What an
    earlier attempt cut short left behind is put right first (see :func:`finish_interrupted`).
    """
    if blank(passphrase):
        raise StoreError("A passphrase cannot be empty or only spaces. Nothing was changed.")
    finish_interrupted(path)
    if looks_encrypted(path):
        raise StoreError(
            "This database is already encrypted; use 'sos-desktop encrypt --change' to change its passphrase. "
            "Nothing was changed."
        )
    sqlcipher = sqlcipher_module()
    partial = partial_copy(path)
    plain = sqlcipher.connect(str(path), check_same_thread=False)
    plain.isolation_level = None
    try:
        plain.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
        busy = plain.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy is not None and busy[0]:
            raise DatabaseLockedError()
        plain.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(partial), passphrase))
        plain.execute("SELECT sqlcipher_export('encrypted')")
        expected = _row_counts(plain)
        plain.execute("DETACH DATABASE encrypted")
    except BaseException:
        plain.close()
        shred(partial)
        raise
    plain.close()
    try:
        copy = raw_connection(partial, passphrase)
        try:
            intact = _key_opens(copy) and copy.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
            if not intact or _row_counts(copy) != expected or not looks_encrypted(partial):
                raise StoreError(
                    "The encrypted copy of the database did not check out, so it was removed; the database was "
                    "left as it was, unencrypted."
                )
        finally:
            copy.close()
        shutil.copymode(path, partial)  # as private as the file it replaces (SQLCipher creates it 0644)
        sync_file(partial)  # complete on the disk before the plain file is touched
    except BaseException:
        shred(partial)
        raise
    _replace_plain_file(path, partial)


def change_passphrase(path: Path, old: str, new: str) -> None:
    """Re-encrypt the database at ``path`` with ``new``; WrongPassphraseError if ``old`` does not open it."""
    if blank(new):
        raise StoreError("A passphrase cannot be empty or only spaces. Nothing was changed.")
    if not old:
        raise WrongPassphraseError(EMPTY_PASSPHRASE)
    finish_interrupted(path)
    if not looks_encrypted(path):
        raise StoreError("This database is not encrypted; use 'sos-desktop encrypt' first. Nothing was changed.")
    connection = raw_connection(path, old)
    connection.isolation_level = None
    try:
        if not _key_opens(connection):
            raise WrongPassphraseError()
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
        connection.execute(f"PRAGMA rekey = {quote_passphrase(new)}")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    check = raw_connection(path, new)
    try:
        if not _key_opens(check):
            raise StoreError("The passphrase could not be changed; the database still opens with the old one.")
    finally:
        check.close()

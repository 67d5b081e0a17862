"""Encryption at rest (opt-in): a SQLite database encrypted with a passphrase by SQLCipher.

An encrypted file has no readable header: SQLCipher encrypts every page, the first 16 bytes being a random salt.
:func:`looks_encrypted` tells such a file from a damaged one by its shape (not the SQLite header, a whole
number of pages, bytes that look random), and :func:`check_encrypted` then tries the passphrase through a
read-only connection, so a missing or wrong passphrase is reported in plain words and the file is never touched.

:func:`encrypt_database` turns a plain database into an encrypted one, and leaves no plain copy behind:

1. the write-ahead log is folded into the file, then SQLCipher's ``sqlcipher_export`` writes an encrypted copy
   beside it (``<file>.encrypting``);
2. the copy is checked: it opens with the passphrase, passes ``quick_check``, and every table holds as many rows
   as in the plain file; if not, the copy is removed and the plain database is left as it was;
3. the copy takes the database's place with one atomic rename, while a hard link keeps hold of the plain file's
   bytes, which are then overwritten with zeros and removed (as are the emptied ``-wal``/``-shm`` files).

Overwriting cannot reach copies the operating system made on its own (a solid-state disk's spare blocks, file
system snapshots, earlier backups of the plain database): encrypt a database before case content goes into it
where that matters, and delete the backups made before encrypting.

:func:`change_passphrase` re-encrypts the file in place with SQLCipher's ``PRAGMA rekey``.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from sos_desktop.durable import sync_folder
from sos_desktop.store.engine import BUSY_TIMEOUT_MS, quote_passphrase, raw_connection, sqlcipher_module
from sos_desktop.store.errors import (
    DatabaseLockedError,
    NotADatabaseError,
    PassphraseNeededError,
    StoreError,
    WrongPassphraseError,
)
from sos_desktop.store.migrate import check_database

SQLITE_HEADER = b"SQLite format 3\x00"
_SMALLEST_PAGE = 512
_FIRST_PAGE = 1024
"""How much of the file is looked at: SQLCipher's smallest page (SQLCipher 4 uses 4,096 bytes by default)."""
_WAL_SUFFIXES = ("-wal", "-shm")


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
    sqlcipher = sqlcipher_module()
    connection = raw_connection(read_only_uri, passphrase, uri=True)
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


def _row_counts(connection: Any) -> dict[str, int]:
    query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    names = [row[0] for row in connection.execute(query)]
    return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _replace_plain_file(plain: Path, encrypted: Path) -> None:
    """Put ``encrypted`` in ``plain``'s place atomically, then overwrite and remove the plain file's bytes."""
    aside = plain.with_name(f"{plain.name}.plain-removing")
    shred(aside)  # left by an earlier attempt that was cut short
    try:
        os.link(plain, aside)  # keeps the plain bytes reachable after the rename, to overwrite them
        linked = True
    except OSError:
        linked = False  # a file system without hard links: overwrite in place first (the copy stays beside it)
    for suffix in _WAL_SUFFIXES:
        shred(plain.with_name(plain.name + suffix))
    if not linked:
        shred(plain)
    os.replace(encrypted, plain)
    sync_folder(plain.parent)
    if linked:
        shred(aside)


def encrypt_database(path: Path, passphrase: str) -> None:
    """Encrypt the plain SoS Desktop database at ``path`` with ``passphrase``, leaving no plain copy behind.

    The database must be closed by everyone else. Nothing is changed unless the encrypted copy checks out.
    """
    if not passphrase:
        raise StoreError("An empty passphrase cannot encrypt the database. Nothing was changed.")
    if looks_encrypted(path):
        raise StoreError(
            "This database is already encrypted; use 'sos-desktop encrypt --change' to change its passphrase. "
            "Nothing was changed."
        )
    sqlcipher = sqlcipher_module()
    partial = path.with_name(f"{path.name}.encrypting")
    shred(partial)
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
        _replace_plain_file(path, partial)
    except BaseException:
        shred(partial)
        raise


def change_passphrase(path: Path, old: str, new: str) -> None:
    """Re-encrypt the database at ``path`` with ``new``; WrongPassphraseError if ``old`` does not open it."""
    if not new:
        raise StoreError("An empty passphrase cannot encrypt the database. Nothing was changed.")
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

"""The command line's side of encryption at rest: passphrases, and ``sos-desktop encrypt [--change]``.

A passphrase comes from ``SOS_DESKTOP_PASSPHRASE`` when it is set, else it is asked for on the terminal (never
echoed) when there is one; with neither, the command stops with a plain sentence. Nothing typed (just Enter) is
refused with a sentence and asked again. A new passphrase is asked twice and may not be empty or only spaces;
``encrypt --change`` reads the new one from ``SOS_DESKTOP_NEW_PASSPHRASE`` when that is set (for scripts).

Before a database is opened or encrypted, what an encryption cut short left beside it is put right
(:func:`sos_desktop.store.encryption.finish_interrupted`), with a note on stderr.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TextIO

from sos_desktop.store import encryption
from sos_desktop.store.engine import PASSPHRASE_ENV_VAR, resolve_database_url, sqlite_file
from sos_desktop.store.errors import PassphraseNeededError, StoreError, WrongPassphraseError
from sos_desktop.store.store import Store

NEW_PASSPHRASE_ENV_VAR = "SOS_DESKTOP_NEW_PASSPHRASE"
TRIES = 3

POSTGRES_MESSAGE = (
    "Only a SQLite database file can be encrypted by SoS Desktop. A PostgreSQL server keeps its data encrypted "
    "(or not) as its administrators set it up; ask your council's database team. Nothing was changed."
)


class PassphraseUnavailableError(StoreError):
    """A passphrase is needed but neither the environment nor a terminal can give one."""


def _terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _ask(prompt: str) -> str:
    if not _terminal():
        raise PassphraseUnavailableError(
            f"A passphrase is needed: set {PASSPHRASE_ENV_VAR}, or run the command in a terminal to type it. "
            "Nothing was changed."
        )
    return getpass.getpass(prompt)


def ask_new_passphrase(variable: str = PASSPHRASE_ENV_VAR) -> str:
    """A new passphrase: from ``variable`` if set, else typed twice on the terminal (the same both times)."""
    given = os.environ.get(variable)
    if given and encryption.blank(given):
        raise PassphraseUnavailableError(
            f"{variable} holds only spaces, and a passphrase needs something else in it. Nothing was changed."
        )
    if given:
        return given
    for _ in range(TRIES):
        first = _ask("New passphrase: ")
        if encryption.blank(first):
            print("The passphrase cannot be empty or only spaces; type another.", file=sys.stderr)
            continue
        if _ask("The same passphrase again: ") == first:
            return first
        print("The two passphrases differ; try again.", file=sys.stderr)
    raise PassphraseUnavailableError("No passphrase was agreed, so nothing was changed.")


def finish_interrupted(database: Path | None) -> None:
    """Put right what an encryption cut short left beside ``database`` (a SQLite file), saying so on stderr."""
    if database is None:
        return
    for note in encryption.finish_interrupted(database):
        print(f"sos-desktop: note: {note}", file=sys.stderr)


def _typed_passphrase() -> str:
    """A passphrase typed on the terminal; just Enter is refused with a sentence (SQLCipher cannot take it)."""
    typed = _ask("Passphrase: ")
    if not typed:
        raise WrongPassphraseError(encryption.EMPTY_PASSPHRASE)
    return typed


def open_store(url: str) -> Store:
    """Open the database, with ``SOS_DESKTOP_PASSPHRASE`` or, for an encrypted file, a passphrase typed in."""
    finish_interrupted(sqlite_file(url))
    passphrase = os.environ.get(PASSPHRASE_ENV_VAR) or None
    try:
        return Store.open(url, passphrase)
    except (PassphraseNeededError, WrongPassphraseError) as error:
        if not _terminal():
            raise
        print(error, file=sys.stderr)
    for attempt in range(TRIES):
        try:
            return Store.open(url, _typed_passphrase())
        except WrongPassphraseError as error:
            if attempt == TRIES - 1:
                raise
            print(error, file=sys.stderr)
    raise WrongPassphraseError()  # not reached: the last try returns or raises


def _database(args: argparse.Namespace) -> Path:
    database = sqlite_file(resolve_database_url(args.db, args.data_dir))
    if database is None:
        raise StoreError(POSTGRES_MESSAGE)
    return database


def _not_in_use(database: Path) -> None:
    from sos_desktop.store import backup

    holder = backup.lock_holder(database)
    if holder is not None:
        raise StoreError(
            f"SoS Desktop is open on this database (process {holder}); close it, then try again. Nothing was changed."
        )


def run_encrypt(args: argparse.Namespace, out: TextIO) -> None:
    """``sos-desktop encrypt``: encrypt the plain database; with ``--change``, change an encrypted one's passphrase."""
    database = _database(args)
    _not_in_use(database)
    finish_interrupted(database)
    if not database.is_file():
        raise StoreError(f"There is no database at {database} to encrypt yet. Nothing was changed.")
    if args.change:
        old = os.environ.get(PASSPHRASE_ENV_VAR) or _ask("Current passphrase: ")
        encryption.change_passphrase(database, old, ask_new_passphrase(NEW_PASSPHRASE_ENV_VAR))
        print(f"Changed the passphrase of {database}. It now opens only with the new passphrase.", file=out)
        return
    if encryption.looks_encrypted(database):
        raise StoreError(
            "This database is already encrypted; use 'sos-desktop encrypt --change' to change its passphrase. "
            "Nothing was changed."
        )
    Store.open(resolve_database_url(args.db, args.data_dir)).close()  # intact, ours, and up to date
    encryption.encrypt_database(database, ask_new_passphrase())
    print(
        f"Encrypted {database}. It now opens only with its passphrase (set {PASSPHRASE_ENV_VAR}, or type it when "
        "asked); keep the passphrase safe, as nobody can open the database without it. Backups made before now "
        "are not encrypted: delete them once you have made a new one.",
        file=out,
    )

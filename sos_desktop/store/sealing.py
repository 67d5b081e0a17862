"""Sealing learning journal entries so that only their author can read them, whoever else opens the database.

A journal's key is derived from its author's passphrase with scrypt (a fresh random salt per journal); each entry
is sealed with AES-GCM under that key, a fresh 12-byte nonce per seal, and the author's name as associated data,
so an entry moved to another author's journal does not open, and a changed byte is refused rather than misread.

The cost of scrypt is stored with the salt (:class:`KeyRecipe`), so it can change without making old journals
unreadable: new journals take :data:`COST` (about 0.15 s on a modest laptop); the demo's journal is sealed with a
cheaper cost, recorded the same way, so building the demo stays fast. A sealed *check token* beside the salt tells
a right passphrase from a wrong one without any entry being needed.

The passphrase and the key are never logged nor stored; a :class:`JournalKey` lives only in memory, for as long as
the journal window is open. No Qt.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from sos_desktop.store.errors import StoreError

COST = 16
"""log2 of scrypt's n for a new journal (n = 65,536, r = 8, p = 1: measured at about 0.15 s here)."""

DEMO_COST = 10
"""log2 of scrypt's n for the demo's journal (about 2 ms), so the many tests that build the demo stay fast."""

PASSPHRASE_MIN = 8
"""The shortest passphrase a new journal takes."""

_RECIPE_VERSION = 1
_SALT_BYTES = 16
_NONCE_BYTES = 12
_CHECK = b"SoS Desktop learning journal"
_ENTRY = b"entry\x00"
_TOKEN = b"check\x00"


class WrongJournalPassphraseError(StoreError):
    """The passphrase given is not the one the journal was started with."""

    default_message = (
        "That passphrase does not open this journal. Check it (capitals count) and try again. Nobody, not even "
        "the app, can open a journal without its passphrase. Nothing was changed."
    )


class SealBrokenError(StoreError):
    """A sealed entry does not open with its author's key: it was changed, damaged or moved from another journal."""

    default_message = (
        "One journal entry could not be opened: it has been changed or damaged in the database, or belongs to "
        "another journal. The others are shown. Nothing was changed."
    )


@dataclass(frozen=True)
class KeyRecipe:
    """How a journal's key is derived: scrypt's cost (log2 n), r, p and the salt. Stored, so it can change."""

    salt: bytes
    cost: int = COST
    r: int = 8
    p: int = 1

    @classmethod
    def fresh(cls, cost: int = COST) -> KeyRecipe:
        return cls(os.urandom(_SALT_BYTES), cost)

    def to_bytes(self) -> bytes:
        """What the ``salt`` column keeps: a version byte, the cost, r and p, then the salt."""
        return bytes((_RECIPE_VERSION, self.cost, self.r, self.p)) + self.salt

    @classmethod
    def from_bytes(cls, stored: bytes) -> KeyRecipe:
        if len(stored) < 4 + _SALT_BYTES or stored[0] != _RECIPE_VERSION or not 1 <= stored[1] <= 22:
            raise SealBrokenError("This journal's key settings are damaged in the database; it cannot be opened.")
        return cls(bytes(stored[4:]), stored[1], stored[2], stored[3])


@dataclass(frozen=True)
class JournalKey:
    """An open journal: its author and the key its passphrase gave. Kept in memory only; never printed."""

    author: str
    key: bytes = field(repr=False)


def derive(author: str, passphrase: str, recipe: KeyRecipe) -> JournalKey:
    """The key ``passphrase`` gives under ``recipe`` (slow on purpose, as scrypt's cost says)."""
    kdf = Scrypt(salt=recipe.salt, length=32, n=2**recipe.cost, r=recipe.r, p=recipe.p)
    return JournalKey(author, kdf.derive(passphrase.encode("utf-8")))


def _seal(key: JournalKey, purpose: bytes, plain: bytes) -> bytes:
    nonce = os.urandom(_NONCE_BYTES)
    return nonce + AESGCM(key.key).encrypt(nonce, plain, purpose + key.author.encode("utf-8"))


def _open(key: JournalKey, purpose: bytes, sealed: bytes) -> bytes:
    nonce, body = sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:]
    return AESGCM(key.key).decrypt(nonce, body, purpose + key.author.encode("utf-8"))


def check_token(key: JournalKey) -> bytes:
    """The sealed token kept with a journal's salt, telling a right passphrase from a wrong one."""
    return _seal(key, _TOKEN, _CHECK)


def confirm(key: JournalKey, token: bytes) -> None:
    """Raise WrongJournalPassphraseError unless ``key`` opens the journal's ``token``."""
    try:
        if _open(key, _TOKEN, token) == _CHECK:
            return
    except (InvalidTag, ValueError):
        pass
    raise WrongJournalPassphraseError()


def seal(key: JournalKey, data: dict[str, Any]) -> bytes:
    """``data`` as JSON, sealed for ``key``'s author (a fresh nonce each time, so equal entries look unlike)."""
    return _seal(key, _ENTRY, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def open_sealed(key: JournalKey, sealed: bytes) -> dict[str, Any]:
    """The data ``sealed`` holds; SealBrokenError if it was changed, damaged or sealed for someone else."""
    try:
        data = json.loads(_open(key, _ENTRY, bytes(sealed)).decode("utf-8"))
    except (InvalidTag, ValueError) as error:
        raise SealBrokenError() from error
    if not isinstance(data, dict):
        raise SealBrokenError()
    return data

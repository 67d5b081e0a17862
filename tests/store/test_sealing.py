"""Sealing journal entries: a round trip, and a wrong passphrase, a changed byte or another author refused."""

from __future__ import annotations

import pytest

from sos_desktop.store import sealing
from sos_desktop.store.sealing import KeyRecipe, SealBrokenError, WrongJournalPassphraseError

RECIPE = KeyRecipe(b"s" * 16, cost=sealing.DEMO_COST)


def test_an_entry_opens_with_its_author_s_key_only() -> None:
    key = sealing.derive("Sam Patel", "correct horse battery", RECIPE)
    sealed = sealing.seal(key, {"text": "Ich habe gelernt 👍"})
    assert b"gelernt" not in sealed
    assert sealing.open_sealed(key, sealed) == {"text": "Ich habe gelernt 👍"}
    assert sealing.seal(key, {"text": "same"}) != sealing.seal(key, {"text": "same"})  # a fresh nonce each time


def test_a_wrong_passphrase_is_told_apart_by_the_check_token() -> None:
    key = sealing.derive("Sam Patel", "correct horse battery", RECIPE)
    token = sealing.check_token(key)
    sealing.confirm(key, token)
    with pytest.raises(WrongJournalPassphraseError, match="does not open this journal"):
        sealing.confirm(sealing.derive("Sam Patel", "Correct horse battery", RECIPE), token)


def test_a_changed_byte_is_refused() -> None:
    key = sealing.derive("Sam Patel", "correct horse battery", RECIPE)
    sealed = bytearray(sealing.seal(key, {"text": "a reflection"}))
    sealed[-1] ^= 1
    with pytest.raises(SealBrokenError):
        sealing.open_sealed(key, bytes(sealed))


def test_another_author_s_entry_does_not_open_even_with_the_same_key_bytes() -> None:
    mine = sealing.derive("Sam Patel", "correct horse battery", RECIPE)
    theirs = sealing.JournalKey("Alex Morgan", mine.key)
    with pytest.raises(SealBrokenError):
        sealing.open_sealed(theirs, sealing.seal(mine, {"text": "mine"}))
    with pytest.raises(WrongJournalPassphraseError):  # a check token is not an entry, nor the other way round
        sealing.confirm(mine, sealing.seal(mine, {"text": "x"}))


def test_the_recipe_is_kept_with_its_cost_and_damage_is_refused() -> None:
    recipe = KeyRecipe.fresh(12)
    assert KeyRecipe.from_bytes(recipe.to_bytes()) == recipe
    with pytest.raises(SealBrokenError):
        KeyRecipe.from_bytes(b"\x09" + recipe.to_bytes()[1:])
    assert "key=" not in repr(sealing.derive("A", "passphrase", RECIPE))

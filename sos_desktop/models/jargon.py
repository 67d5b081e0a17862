"""Plain-language checks for a meeting with the family in the room: the words professionals use that a family may
not (the team keeps its own list), found in a card as whole words whatever their case.

"LAC" is found in "LAC review" but not in "lack"; "CP plan" in "a cp  plan" (spaces tidied) but not in "CP planning".
A listed word may be a phrase; a phrase's words may be split by any run of spaces or a line break. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from sos_desktop.models.control_characters import strip_controls

DEFAULT_JARGON: tuple[str, ...] = (
    "risk factors",
    "section 47",
    "s47",
    "section 17",
    "LAC",
    "CP plan",
    "CIN",
    "disguised compliance",
    "threshold",
    "safeguarding",
    "strategy discussion",
    "strategy meeting",
    "ICPC",
    "RCPC",
    "PLO",
    "pre-proceedings",
    "core group",
    "protective factors",
    "multi-agency",
    "MASH",
    "escalate",
    "non-engagement",
)
"""The practice's starting list of jargon: words to say plainly when the family is in the room."""

MAX_JARGON_WORDS = 500
MAX_JARGON_LENGTH = 80
"""The most words a team's list keeps, and the longest word or phrase in it."""


def clean_jargon(words: Iterable[object]) -> list[str]:
    """The team's list as kept: each entry trimmed (spaces tidied, control characters removed), empty and repeated
    entries (whatever their case) dropped, at most ``MAX_JARGON_WORDS`` of at most ``MAX_JARGON_LENGTH`` characters.
    Raises ValueError for an entry that is too long, so the team is told rather than have it cut.
    """
    kept: list[str] = []
    seen: set[str] = set()
    for word in words:
        if not isinstance(word, str):
            continue
        tidy = " ".join(strip_controls(word).split())
        if not tidy or tidy.casefold() in seen:
            continue
        if len(tidy) > MAX_JARGON_LENGTH:
            raise ValueError(f"A jargon word or phrase can be at most {MAX_JARGON_LENGTH} characters long.")
        seen.add(tidy.casefold())
        kept.append(tidy)
    if len(kept) > MAX_JARGON_WORDS:
        raise ValueError(f"The jargon list can hold at most {MAX_JARGON_WORDS} words or phrases.")
    return kept


@lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for the whole list, longest first (so "CP plan" wins over a listed "CP")."""
    phrases = sorted({" ".join(word.split()) for word in words if word.strip()}, key=len, reverse=True)
    if not phrases:
        return None
    # Whole words: no letter or digit may touch either end (\b fails on a phrase ending in punctuation).
    parts = [r"\s+".join(re.escape(part) for part in phrase.split(" ")) for phrase in phrases]
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


def jargon_in(text: str, words: Sequence[str]) -> list[str]:
    """The listed words ``text`` uses, as the list spells them, each once, in the order they first appear."""
    pattern = _pattern(tuple(words))
    if pattern is None or not text:
        return []
    by_key = {" ".join(word.split()).casefold(): " ".join(word.split()) for word in words}
    found: list[str] = []
    for match in pattern.finditer(text):
        listed = by_key.get(" ".join(match.group(0).split()).casefold(), match.group(0))
        if listed not in found:
            found.append(listed)
    return found


def jargon_hint(found: Sequence[str]) -> str:
    """What the console says of a card that uses jargon while the family is present."""
    quoted = ", ".join(f"“{word}”" for word in found)
    return f"Jargon with the family present: {quoted}. Can it be said in plain words?"

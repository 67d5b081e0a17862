"""Text folded for comparing names, with a map back to the text as written.

A reader sees "Zoë", "zoe", "ZOË", "Zo\u200bë" (a zero-width space inside) and "\u202eZoë\u202c" (wrapped in bidi
controls) as one name, so names are compared in one folded form: compatibility-decomposed (NFKD, so full-width and
ligature letters become plain ones), case-folded, without accents (combining marks dropped, and the few Latin
letters that do not decompose, such as "ł" and "ø", written plainly), without format characters (Unicode category
Cf: zero-width spaces and joiners, the word joiner, the byte-order mark, the soft hyphen and every bidi control),
with each run of white space as one space and every apostrophe and hyphen look-alike as "'" and "-".

:func:`fold` also says, for each folded character, which characters of the original it came from, so that a match
found in the folded text replaces exactly the original characters a reader sees as the name (invisible characters
inside it go with it). Pure functions, no Qt.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

APOSTROPHES = "'’ʼ‘"
HYPHENS = "-‐‑‒–"
_PLAIN_LETTERS = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "þ": "th", "æ": "ae", "œ": "oe"}
_MARKS = {ord(c): "'" for c in APOSTROPHES} | {ord(c): "-" for c in HYPHENS}


def is_invisible(character: str) -> bool:
    """Whether ``character`` is a format character (Cf): drawn as nothing, or as a change of direction."""
    return unicodedata.category(character) == "Cf"


def _is_mark(character: str) -> bool:
    return unicodedata.category(character).startswith("M")


@lru_cache(maxsize=4096)
def _fold_cluster(cluster: str) -> str:
    """One letter and its accents, folded (may be several letters: "ß" gives "ss", "ﬁ" gives "fi")."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", cluster).casefold())
    plain = "".join(c for c in decomposed if not _is_mark(c) and not is_invisible(c))
    return "".join(_PLAIN_LETTERS.get(c, c) for c in plain).translate(_MARKS)


@dataclass(frozen=True)
class Folded:
    """A text folded (``text``), with ``starts[i]`` and ``ends[i]`` the original span of folded character ``i``."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded ``text[start:end]``, widened over invisible characters either side."""
        first, last = self.starts[start], self.ends[end - 1]
        while first > 0 and is_invisible(self.original[first - 1]):
            first -= 1
        while last < len(self.original) and is_invisible(self.original[last]):
            last += 1
        return first, last


def fold(text: str) -> Folded:
    """``text`` folded for comparing names, with the map back to ``text``."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char < "\x80" and not char.isspace() and (i + 1 == n or text[i + 1] < "\x80"):  # the common case
            out.append(char.lower())
            starts.append(i)
            ends.append(i + 1)
            i += 1
            continue
        if is_invisible(char):
            i += 1
            continue
        j, end = i + 1, i + 1
        if char.isspace():
            while j < n and (text[j].isspace() or is_invisible(text[j])):
                j += 1
                if text[j - 1].isspace():
                    end = j
            piece = " "
        else:
            cluster = [char]
            while j < n and (_is_mark(text[j]) or is_invisible(text[j])):
                if _is_mark(text[j]):
                    cluster.append(text[j])
                    end = j + 1
                j += 1
            piece = _fold_cluster("".join(cluster))
        for folded in piece:
            out.append(folded)
            starts.append(i)
            ends.append(end)
        i = j
    return Folded(text, "".join(out), tuple(starts), tuple(ends))


def folded(text: str) -> str:
    """Just the folded form of ``text``, trimmed: for comparing two names."""
    return fold(text).text.strip()

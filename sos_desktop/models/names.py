"""Names on the projector: every mention of a network person becomes their display name.

The room reads the projector, so it shows people's display names (initials or pseudonyms); full names appear only
on the facilitator's console. :class:`NameMasker` turns a card's text into its projector form. It is a pure
function of its input: the stored text is never changed.

What is matched, longest first, whole words only (Unicode letters and combining accents count as word characters;
a name never matches inside "Mary-Jane" or "O'Neill" unless it is that name):

* a person's full name, case-insensitively ("mia spencer", "MIA SPENCER"), with any run of white space between its
  parts; for a name of three or more parts also its shorter runs that keep the first or the last part
  ("Mary Smith", "Ann Smith" and "Mary Ann" of "Mary Ann Smith");
* the first and the last part of the name on their own, case-sensitively as written capitalised, so the name
  "Will" does not replace the verb "will" nor "Rose" the flower "rose"; written all in capitals ("LILY") it is
  masked too, and a name typed all in capitals also matches capitalised ("MIA" matches "Mia"). A name written
  all in lower case ("lily") is left alone: it cannot be told from the word. A single-word name is both a first
  and a last name. A part of fewer than two letters (an initial such as "J.") is not matched on its own.

Possessives keep their ending ("Mia's" gives "M's"). Straight and curly apostrophes, and the hyphen and its
Unicode look-alikes, are interchangeable; names are matched in composed and decomposed (NFC and NFD) form.

A first or last name shared by people with different display names is ambiguous: it becomes ``[name]``, which
leaks neither person. Joining the display names ("M/L") was rejected: a shared surname is the usual case ("the
Example family" would read "the L/Mum/Nan family"), and a sentence about what one person did would name the other
on the wall as well, which is wrong and, in a child-protection meeting, harmful.

Names in ``keep`` (the attendees, professionals who keep their names) are left alone when written in full
(compared case-insensitively), and so are their parts on their own: "Sam" stays "Sam" when "Sam Patel" attends,
even if the network holds a "Sam Spencer" too, since the room cannot tell which Sam is meant. The network person's
full name, and any part not shared with a kept name, still masks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from sos_desktop.models.network import NetworkPerson, initials

AMBIGUOUS_NAME = "[name]"
"""What a name shared by two people with different display names becomes."""

_APOSTROPHES = "'’ʼ"
_HYPHENS = "-‐‑"
_APOSTROPHE_CLASS = f"[{_APOSTROPHES}]"
_HYPHEN_CLASS = "[\\-‐‑]"
_MIN_PART_LETTERS = 2


@cache
def _word_characters() -> str:
    """A character class (without brackets) of what counts as part of a word: letters, digits, combining marks."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "\\w" + "".join(f"\\u{low:04x}-\\u{high:04x}" if low != high else f"\\u{low:04x}" for low, high in ranges)


def _canonical(text: str) -> str:
    """``text`` in one spelling: NFC, single spaces, one apostrophe and one hyphen."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    return text.translate({ord(c): "'" for c in _APOSTROPHES} | {ord(c): "-" for c in _HYPHENS})


def _pattern(name: str) -> str:
    """A regular expression matching ``name`` in NFC or NFD, with any apostrophe, hyphen and white space."""

    def one(form: str) -> str:
        out = []
        for char in form:
            if char in _APOSTROPHES:
                out.append(_APOSTROPHE_CLASS)
            elif char in _HYPHENS:
                out.append(r"(?:[\-‐‑]|\s+)")  # "Anne-Marie" is often typed "Anne Marie"
            elif char == " ":
                out.append(r"\s+")
            else:
                out.append(re.escape(char))
        return "".join(out)

    forms = dict.fromkeys(unicodedata.normalize(form, name) for form in ("NFC", "NFD"))
    return "|".join(one(form) for form in forms)


def _unaccented(text: str) -> str:
    """``text`` without its accents, as it is often typed on a UK keyboard: "Zoë" gives "Zoe"."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.category(c).startswith("M"))
    return unicodedata.normalize("NFC", stripped)


def _spellings(text: str) -> list[str]:
    """``text`` as written and without accents."""
    return list(dict.fromkeys([text, _unaccented(text)]))


def _capitalised(part: str, *, surname: bool = False) -> list[str]:
    """The spellings in which a lone first or last name is matched: capitalised, and shouted in capitals.

    A surname is matched in the plural as well ("the Spencers", "the Spencers' house").
    """
    forms: list[str] = []
    for spelling in _spellings(part):
        forms.append(spelling[:1].upper() + spelling[1:])
        if spelling.isupper() and len(spelling) > 1:
            forms.append(spelling[:1] + spelling[1:].lower())
        if len(spelling) > 1:
            forms.append(spelling.upper())  # "shouted at LILY": capitals are a name as surely as a capital letter
    if surname:
        forms += [f"{form}es" if form.endswith(("s", "x", "z", "sh", "ch")) else f"{form}s" for form in forms]
    return list(dict.fromkeys(forms))


def _letters(text: str) -> int:
    return sum(char.isalpha() for char in text)


def _runs(parts: list[str]) -> list[list[str]]:
    """The full name and, for three or more parts, the shorter runs that keep its first or last part."""
    runs = [parts]
    if len(parts) >= 3:
        runs.append([parts[0], parts[-1]])
        runs.extend(parts[:end] for end in range(2, len(parts)))
        runs.extend(parts[start:] for start in range(1, len(parts) - 1))
    return runs


@dataclass
class _Entry:
    text: str
    case_sensitive: bool
    display_names: set[str] = field(default_factory=set)
    owners: set[str] = field(default_factory=set)  # the full names (case-folded) of the people it stands for
    kept: bool = False

    def replacement(self) -> str | None:
        """The text to put in place of a match; None keeps the match as written."""
        if self.kept:
            return None
        if len(self.display_names) == 1:
            return next(iter(self.display_names))
        return AMBIGUOUS_NAME


class NameMasker:
    """Replaces every mention of a network person in a text by their display name, for the projector.

    Build it once per network and attendee list, then call :meth:`mask` for each text; all names are compiled into
    one regular expression, so long texts and large networks stay fast.
    """

    def __init__(self, people: Iterable[NetworkPerson], keep: Iterable[str] = ()) -> None:
        entries: dict[tuple[bool, str], _Entry] = {}

        def add(text: str, case_sensitive: bool, display_name: str, owner: str) -> None:
            key = (case_sensitive, text if case_sensitive else text.casefold())
            entry = entries.setdefault(key, _Entry(text, case_sensitive))
            entry.display_names.add(display_name)
            entry.owners.add(owner)

        for person in people:
            parts = _canonical(person.name).split()
            if not parts:
                continue
            display_name = person.display_name.strip() or initials(person.name)
            owner = " ".join(parts).casefold()
            if len(parts) > 1:
                for run in _runs(parts):
                    for spelling in _spellings(" ".join(run)):
                        add(spelling, False, display_name, owner)
            last = parts[-1]
            singles = [(parts[0], False), (last, True)]
            # Each half of a double name stands for the person too: "Jones" of "Smith-Jones".
            singles += [(half, True) for part in parts for half in part.split("-") if "-" in part]
            for part, surname in dict.fromkeys(singles):
                if _letters(part) >= _MIN_PART_LETTERS:
                    for form in _capitalised(part, surname=surname and len(parts) > 1):
                        add(form, True, display_name, owner)

        # An attendee's full name stays as written, and so do its parts when they stand for nobody else (a
        # professional of the network who attends). A part that a network person shares (the family's surname,
        # say) is masked: privacy wins over a professional's surname.
        kept_names: set[str] = set()
        for name in keep:
            parts = _canonical(name).split()
            kept_names.add(" ".join(parts).casefold())
            if len(parts) > 1:
                text = " ".join(parts)
                entries.setdefault((False, text.casefold()), _Entry(text, False)).kept = True
        for key in [key for key, entry in entries.items() if entry.case_sensitive]:
            if entries[key].owners <= kept_names:
                del entries[key]

        ordered = sorted(entries.values(), key=lambda entry: (-len(entry.text), entry.text))
        self._replacements = [entry.replacement() for entry in ordered]
        self._regex: re.Pattern[str] | None = None
        if ordered:
            word = f"[{_word_characters()}]"
            joiners = f"[{_APOSTROPHES}\\-‐‑]"
            alternatives = "|".join(
                f"({_pattern(entry.text)})" if entry.case_sensitive else f"((?i:{_pattern(entry.text)}))"
                for entry in ordered
            )
            self._regex = re.compile(
                f"(?<!{word})(?<!{word}{joiners})(?:{alternatives})(?!{word})(?!{_HYPHEN_CLASS}{word})"
            )

    def mask(self, text: str) -> str:
        """``text`` with each network person's name replaced by their display name; ``text`` itself is unchanged."""
        if self._regex is None or not text:
            return text
        replacements = self._replacements

        def replace(match: re.Match[str]) -> str:
            assert match.lastindex is not None
            replacement = replacements[match.lastindex - 1]
            return match.group(0) if replacement is None else replacement

        return self._regex.sub(replace, text)


def mask_text(text: str, people: Iterable[NetworkPerson], keep: Iterable[str] = ()) -> str:
    """``text`` as the projector shows it; build a :class:`NameMasker` instead when masking many texts."""
    return NameMasker(people, keep).mask(text)

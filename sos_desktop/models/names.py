"""Names on the projector: every mention of a network person becomes their display name.

The room reads the projector, so it shows people's display names (initials or pseudonyms); full names appear only
on the facilitator's console. :class:`NameMasker` turns a card's text into its projector form (and the
pseudonymised minutes' form). It is a pure function of its input: the stored text is never changed.

Names and text are compared folded (:mod:`sos_desktop.models.name_folding`): case, accents, compatibility forms,
apostrophe and hyphen look-alikes and runs of white space do not count, and invisible characters (zero-width
spaces and joiners, soft hyphens, bidi controls) are not there, so "zoë's", "ZOE", "Zo\u200bë" and
"\u202eZoë\u202c" are all Zoë. A match replaces the original characters a reader sees as the name, the invisible
characters inside it and round it included.

What is matched, longest first, whole words only (a name never matches inside "Mary-Jane" or "O'Neill" unless it
is that name):

* a person's full name, with a hyphen or a space between its parts; for a name of three or more parts also its
  shorter runs that keep the first or the last part ("Mary Smith", "Ann Smith" and "Mary Ann" of "Mary Ann Smith");
* each of the person's "also known as" names (``NetworkPerson.also_known_as``: "Zosia", "Daz", "Big Pat");
* the first and the last part of the name on their own, and each half of a double name; a surname in the plural
  too ("the Spencers"). A part that is also an everyday word (:data:`~sos_desktop.models.name_words.COMMON_WORDS`:
  "Will", "Rose", "Mark") is matched only capitalised or in capitals, so the verb "will" and the flower "rose"
  stay; any other part in any case ("zoë's"). A part of fewer than two letters (an initial such as "J.") is not
  matched on its own.

Possessives keep their ending ("Mia's" gives "M's", "Zoës'" gives "Z's").

A name shared by people with different display names is ambiguous: it becomes ``[name]``, which leaks neither
person. Joining the display names ("M/L") was rejected: a shared surname is the usual case ("the Example family"
would read "the L/Mum/Nan family"), and a sentence about what one person did would name the other on the wall as
well, which is wrong and, in a child-protection meeting, harmful.

Names in ``keep`` (the attendees, professionals who keep their names) are left alone when written in full, and so
are their parts on their own: "Sam" stays "Sam" when "Sam Patel" attends, even if the network holds a "Sam
Spencer" too, since the room cannot tell which Sam is meant. The network person's full name, and any part not
shared with a kept name, still masks. A kept name that is itself a network person's name (a family member or a
network professional who attends) is not kept: that person goes by their display name wherever the room or a
pseudonymised file sees them (:meth:`NameMasker.name`, :func:`display_for`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sos_desktop.models.name_folding import fold, folded
from sos_desktop.models.name_words import COMMON_WORDS
from sos_desktop.models.network import NetworkPerson, initials

AMBIGUOUS_NAME = "[name]"
"""What a name shared by two people with different display names becomes."""

_MIN_PART_LETTERS = 2
_BOUNDARY_BEFORE = r"(?<!\w)(?<!\w[\-'])"
_BOUNDARY_AFTER = r"(?!\w)(?!-\w)"


def _key(text: str) -> str:
    """A folded name as entries are keyed: a hyphen between parts counts as a space ("Anne Marie", "Anne-Marie")."""
    return text.replace("-", " ")


def _pattern(key: str) -> str:
    return "(?:-| )".join(re.escape(part) for part in key.split(" "))


def _letters(text: str) -> int:
    return sum(char.isalpha() for char in text)


def _plural(part: str) -> str:
    return f"{part}es" if part.endswith(("s", "x", "z", "sh", "ch")) else f"{part}s"


def _runs(parts: list[str]) -> list[list[str]]:
    """The full name and, for three or more parts, the shorter runs that keep its first or last part."""
    runs = [parts]
    if len(parts) >= 3:
        runs.append([parts[0], parts[-1]])
        runs.extend(parts[:end] for end in range(2, len(parts)))
        runs.extend(parts[start:] for start in range(1, len(parts) - 1))
    return runs


def shown_name(person: NetworkPerson) -> str:
    """The name the room sees for ``person``: their display name, or their initials when it is blank."""
    return person.display_name.strip() or initials(person.name)


@dataclass
class _Entry:
    display_names: set[str] = field(default_factory=set)
    owners: set[str] = field(default_factory=set)  # the folded full names of the people it stands for
    word_like: bool = True  # every source is a lone part that is also an everyday word
    whole: bool = False  # a full name, one of its runs or an "also known as" name (not only a part on its own)
    kept: bool = False

    def replacement(self) -> str | None:
        """The text to put in place of a match; None keeps the match as written."""
        if self.kept:
            return None
        if len(self.display_names) == 1:
            return next(iter(self.display_names))
        return AMBIGUOUS_NAME


def _compile(keys: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted(keys, key=lambda key: (-len(key), key))
    if not ordered:
        return None
    alternatives = "|".join(_pattern(key) for key in ordered)
    return re.compile(f"{_BOUNDARY_BEFORE}(?:{alternatives})(s'(?!\\w))?{_BOUNDARY_AFTER}")


class NameMasker:
    """Replaces every mention of a network person in a text by their display name, for the projector.

    Build it once per network and attendee list, then call :meth:`mask` for each text; all names are compiled into
    one regular expression, so long texts and large networks stay fast.
    """

    def __init__(self, people: Iterable[NetworkPerson], keep: Iterable[str] = ()) -> None:
        entries: dict[str, _Entry] = {}
        self._full_names: dict[str, str] = {}  # folded full name: the name as written

        def add(text: str, display_name: str, owner: str, *, whole: bool, word: str = "") -> None:
            entry = entries.setdefault(_key(text), _Entry())
            entry.display_names.add(display_name)
            entry.owners.add(owner)
            entry.whole = entry.whole or whole
            entry.word_like = entry.word_like and not whole and (word or text) in COMMON_WORDS

        for person in people:
            parts = folded(person.name).split()
            if not parts:
                continue
            display_name = shown_name(person)
            owner = " ".join(parts)
            self._full_names.setdefault(_key(owner), " ".join(person.name.split()))
            if len(parts) > 1:
                for run in _runs(parts):
                    add(" ".join(run), display_name, owner, whole=True)
            for other in person.also_known_as:
                if _letters(folded(other)) >= _MIN_PART_LETTERS:
                    add(folded(other), display_name, owner, whole=True)
            singles = [(parts[0], False), (parts[-1], len(parts) > 1)]
            # Each half of a double name stands for the person too: "Jones" of "Smith-Jones".
            singles += [(half, True) for part in parts for half in part.split("-") if "-" in part]
            for part, surname in dict.fromkeys(singles):
                if _letters(part) >= _MIN_PART_LETTERS:
                    add(part, display_name, owner, whole=len(parts) == 1 and "-" not in part)
                    if surname:
                        add(_plural(part), display_name, owner, whole=False, word=part)

        # An attendee's full name stays as written, and so do its parts when they stand for nobody else (a
        # professional who attends). A part that a network person shares (the family's surname, say) is masked:
        # privacy wins over a professional's surname. An attendee who is a network person is not kept at all.
        kept_names: set[str] = set()
        for name in keep:
            key = _key(folded(name))
            if not key or (key in entries and entries[key].whole):
                continue
            kept_names.add(key)
            if " " in key:
                entries.setdefault(key, _Entry(word_like=False, whole=True)).kept = True
        for key in [key for key, entry in entries.items() if not entry.whole]:
            if {_key(owner) for owner in entries[key].owners} <= kept_names:
                del entries[key]

        self._entries = entries
        self._regex = _compile(entries)
        self._full_regex = _compile(_key(name) for name in self._full_names)

    def mask(self, text: str) -> str:
        """``text`` with each network person's name replaced by their display name; ``text`` itself is unchanged."""
        if self._regex is None or not text:
            return text
        found = fold(text)
        out: list[str] = []
        done = 0
        for match in self._regex.finditer(found.text):
            name_end = match.start(1) if match.group(1) is not None else match.end()
            entry = self._entries[_key(match.group(0)[: name_end - match.start()])]
            first, last = found.span(match.start(), match.end())
            replacement = entry.replacement()
            if replacement is None or (entry.word_like and not _capitalised(text[first:last])):
                continue
            if match.group(1) is not None:  # "Zoës'" is Zoë's: the display name takes the usual "'s"
                replacement += text[found.starts[match.end() - 1]] + "s"
            out += [text[done:first], replacement]
            done = last
        return "".join(out) + text[done:] if out else text

    def display_for(self, name: str) -> str | None:
        """The display name of the network person ``name`` is (by full name, a run of it, an "also known as" name,
        or a first or last name alone, in any of the forms :meth:`mask` knows); None when it is nobody's, is kept,
        or is shared by people with different display names.
        """
        entry = self._entries.get(_key(folded(name)))
        if entry is None or entry.kept or len(entry.display_names) != 1:
            return None
        return next(iter(entry.display_names))

    def name(self, name: str) -> str:
        """A rater's, attendee's or author's name as the room sees it: a network person's display name, else the
        name with any network name inside it masked.
        """
        return self.display_for(name) or self.mask(name.strip())

    def full_names_in(self, text: str) -> list[str]:
        """The full names of network people that ``text`` holds, in any form a reader sees as the name, once each
        in the order they first appear (for warning about what masking could not hide).
        """
        if self._full_regex is None or not text:
            return []
        names = []
        for match in self._full_regex.finditer(fold(text).text):
            end = match.start(1) if match.group(1) is not None else match.end()
            names.append(self._full_names[_key(match.string[match.start() : end])])
        return list(dict.fromkeys(names))


def _capitalised(span: str) -> bool:
    """Whether the first letter of ``span`` is a capital ("Will", "WILL"), not the word ("will")."""
    return next((char.isupper() for char in span if char.isalpha()), False)


def mask_text(text: str, people: Iterable[NetworkPerson], keep: Iterable[str] = ()) -> str:
    """``text`` as the projector shows it; build a :class:`NameMasker` instead when masking many texts."""
    return NameMasker(people, keep).mask(text)


def display_for(name: str, people: Sequence[NetworkPerson], keep: Iterable[str] = ()) -> str:
    """``name`` (a rater, attendee or author) as the room or a pseudonymised file sees it: the display name of the
    network person it names, else ``name`` with network names in it masked; build a :class:`NameMasker` for many.
    """
    return NameMasker(people, keep).name(name)

"""A practitioner's learning journal entry: a dated reflection, with an optional title and a link to a meeting.

Pure (no Qt, no SQLAlchemy). The store seals the whole of :func:`reflection_data` with a key only its author's
passphrase gives (see ``store/sealing.py``); nothing of it but the day is kept in the clear. :func:`check_reflection`
says, in words fit for the user, what is wrong with one before it is sealed; :func:`reflection_from_data` reads one
back leniently (an unknown or damaged field becomes empty, never an error), keeping its text byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sos_desktop.models.control_characters import is_control

TEXT_LIMIT = 100_000
"""The longest reflection kept, in characters (some forty pages: far beyond any real entry)."""

TITLE_LIMIT = 200
"""The longest title kept, in characters."""

AUTHOR_LIMIT = 120
"""The longest author's name, in characters."""

PROMPTS = (
    "What did I do that helped the group think?",
    "What would I do differently next time?",
    "What did I learn about my practice?",
    "Whose voice was missing, and how could I bring it in?",
    "What question worked well, and why?",
)
"""Questions a practitioner may reflect on, offered in the journal window."""


@dataclass(frozen=True)
class MeetingLink:
    """The meeting a reflection is about: its uid, and its title and day kept for showing (sealed with it)."""

    uid: str
    title: str = ""
    held_on: date | None = None

    def label(self) -> str:
        """How the link reads: "Family Demo — first meeting, 1 December 2026"."""
        day = f"{self.held_on.day} {self.held_on:%B %Y}" if self.held_on is not None else ""
        return ", ".join(part for part in (self.title or "A meeting", day) if part)


@dataclass
class Reflection:
    """One entry of a learning journal; ``id`` is the store's (None until saved)."""

    written_on: date
    text: str = ""
    title: str = ""
    meeting: MeetingLink | None = None
    id: int | None = field(default=None, compare=False)

    def heading(self) -> str:
        """The line a list of entries shows: the day, then the title (or the reflection's first words)."""
        words = self.title or self.text.strip().split("\n", 1)[0][:60] or "(nothing written yet)"
        return f"{self.written_on.day} {self.written_on:%b %Y} — {words}"


def _control_in(text: str, *, lines: bool) -> bool:
    allowed = "\n\t" if lines else ""
    return any(is_control(character) and character not in allowed for character in text)


def check_author(author: str) -> str | None:
    """What is wrong with ``author`` as a journal's name, or None."""
    if not author.strip():
        return "Give the name whose journal this is."
    if len(author) > AUTHOR_LIMIT:
        return f"A name can be at most {AUTHOR_LIMIT} characters long."
    if _control_in(author, lines=False):
        return "The name holds a control character (an invisible one that moves or reverses text); remove it."
    return None


def check_reflection(reflection: Reflection) -> str | None:
    """What is wrong with ``reflection``, in words for the user, or None when it can be kept."""
    if len(reflection.text) > TEXT_LIMIT:
        return f"A reflection can be at most {TEXT_LIMIT:,} characters long; this one is {len(reflection.text):,}."
    if len(reflection.title) > TITLE_LIMIT:
        return f"A title can be at most {TITLE_LIMIT} characters long."
    if _control_in(reflection.title, lines=False):
        return "The title holds a control character (an invisible one that moves or reverses text); remove it."
    if _control_in(reflection.text, lines=True):
        return "The reflection holds a control character (an invisible one that moves or reverses text); remove it."
    return None


def reflection_data(reflection: Reflection) -> dict[str, Any]:
    """What of ``reflection`` is sealed: everything but its id and its day (the day is a column of its own)."""
    data: dict[str, Any] = {"text": reflection.text, "title": reflection.title}
    if reflection.meeting is not None:
        link = reflection.meeting
        data["meeting"] = {
            "uid": link.uid,
            "title": link.title,
            "held_on": link.held_on.isoformat() if link.held_on is not None else None,
        }
    return data


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def reflection_from_data(written_on: date, data: dict[str, Any], reflection_id: int | None = None) -> Reflection:
    """The reflection ``data`` (as :func:`reflection_data` made it) holds, written on ``written_on``."""
    meeting = data.get("meeting")
    link = None
    if isinstance(meeting, dict) and _text(meeting.get("uid")):
        link = MeetingLink(_text(meeting.get("uid")), _text(meeting.get("title")), _day(meeting.get("held_on")))
    return Reflection(written_on, _text(data.get("text")), _text(data.get("title")), link, id=reflection_id)

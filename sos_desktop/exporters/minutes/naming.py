"""Who is called what in an exported PDF, and how dates and times read in it.

Pseudonymised minutes follow the projector: every person of the family's network goes by their display name, and
their names inside free text are replaced by :class:`~sos_desktop.models.names.NameMasker`. Attendees are the
professionals at the meeting and keep their names, as on the projector, with one exception: an attendee who is
also a person of the network (a family member at a network meeting, say) goes by their display name, since the
promise of pseudonymised minutes is that no network person's full name is anywhere in the file.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

from sos_desktop.models import MeetingBundle, NetworkPerson
from sos_desktop.models.names import NameMasker
from sos_desktop.models.network import initials


def _folded(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


class Namer:
    """Names for one bundle: full names, or (``pseudonymise``) display names with names in text masked."""

    def __init__(self, bundle: MeetingBundle, *, pseudonymise: bool) -> None:
        self.pseudonymise = pseudonymise
        self._masker: NameMasker | None = None
        self._display: dict[str, str] = {}
        if pseudonymise:
            people = bundle.network.people
            self._display = {_folded(person.name): display_name(person) for person in people if person.name.strip()}
            keep = [a.name for a in bundle.meeting.attendees if _folded(a.name) not in self._display]
            self._masker = NameMasker(people, keep=keep)

    def person(self, person: NetworkPerson) -> str:
        """A network person as the minutes name them."""
        return display_name(person) if self.pseudonymise else person.name.strip() or display_name(person)

    def attendee(self, name: str) -> str:
        """An attendee's name: as written, unless pseudonymised and the attendee is a person of the network."""
        return self._display.get(_folded(name), name) if self.pseudonymise else name

    def text(self, text: str) -> str:
        """Free text (a card, a reason, a rater's name) with network people's names masked when pseudonymised."""
        if self._masker is None or not text:
            return text
        return self._masker.mask(text)


def display_name(person: NetworkPerson) -> str:
    return person.display_name.strip() or initials(person.name)


def long_date(when: datetime | date | None) -> str:
    """The date as the minutes give it, "Saturday 21 November 2026, 10:00" (no time at midnight); "" for none."""
    if when is None:
        return ""
    text = f"{when:%A} {when.day} {when:%B %Y}"
    if isinstance(when, datetime) and (when.hour, when.minute) != (0, 0):
        text += f", {when:%H:%M}"
    return text


def short_date(when: datetime | date | None) -> str:
    """A date in short, "5 Dec 2026"; "no date" for none."""
    return f"{when.day} {when:%b %Y}" if when is not None else "no date"

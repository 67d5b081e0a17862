"""Who is called what in an exported PDF, and how dates and times read in it.

Pseudonymised minutes follow the projector: every person of the family's network goes by their display name, and
their names inside free text are replaced by :class:`~sos_desktop.models.names.NameMasker`. Attendees are the
professionals at the meeting and keep their names, as on the projector, with one exception: an attendee, rater,
next step's owner or observer who is also a person of the network (a family member at a network meeting, say)
goes by their display name (:meth:`Namer.name`, the projector's rule), since the promise of pseudonymised minutes
is that no network person's full name is anywhere in the file. People who were in the network when a continued
meeting began and have left it since are hidden too, by the display name they had (last time's cards, the review
and what changed may name them), as the wall hides them.
"""

from __future__ import annotations

from datetime import date, datetime

from sos_desktop.models import MeetingBundle, NetworkPerson
from sos_desktop.models.names import NameMasker, shown_name


class Namer:
    """Names for one bundle: full names, or (``pseudonymise``) display names with names in text masked."""

    def __init__(self, bundle: MeetingBundle, *, pseudonymise: bool) -> None:
        self.pseudonymise = pseudonymise
        self._masker: NameMasker | None = None
        if pseudonymise:
            keep = [attendee.name for attendee in bundle.meeting.attendees]
            self._masker = NameMasker(_people_to_hide(bundle), keep=keep)

    def person(self, person: NetworkPerson) -> str:
        """A network person as the minutes name them."""
        return shown_name(person) if self.pseudonymise else person.name.strip() or shown_name(person)

    def name(self, name: str) -> str:
        """An attendee's, rater's, owner's or author's name: as written, unless pseudonymised, when a network
        person goes by their display name (whichever form of their name is written) and any network name in it
        is masked, as on the projector.
        """
        return self._masker.name(name) if self._masker is not None and name.strip() else name

    def text(self, text: str) -> str:
        """Free text (a card, a reason) with network people's names masked when pseudonymised."""
        if self._masker is None or not text:
            return text
        return self._masker.mask(text)


def _people_to_hide(bundle: MeetingBundle) -> list[NetworkPerson]:
    """The network's people, and those the meeting began with who are no longer in it."""
    people = list(bundle.network.people)
    present = {person.id for person in people if person.id is not None}
    for then in bundle.meeting.network_at_start:
        if then.person is None or then.person not in present:
            people.append(NetworkPerson(then.name, display_name=then.display_name))
    return people


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

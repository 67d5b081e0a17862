"""Names read from a meeting file lose the characters a reader cannot see (``models.control_characters``): control
characters and bidirectional controls, which could clear a terminal, turn "Noor" round or slip past name hiding.

Only names and labels are cleaned (the case's label and reference, the meeting's title, people's names, display
names and other names, attendees, raters, the observer and who does a next step); the words of cards, answers and
notes are kept exactly as written. Each cleaned name is told in the import's warnings by where it is in the file,
never by the name itself.
"""

from __future__ import annotations

from sos_desktop.models import MeetingBundle
from sos_desktop.models.control_characters import has_controls, strip_controls


def without_controls(bundle: MeetingBundle, warnings: list[str] | None = None) -> MeetingBundle:
    """``bundle`` with the control characters taken out of its names, in place; each place told in ``warnings``."""
    cleaned: list[str] = []

    def clean(text: str, where: str) -> str:
        if not has_controls(text):
            return text
        cleaned.append(where)
        return strip_controls(text)

    case, meeting = bundle.case, bundle.meeting
    case.label = clean(case.label, "case.label")
    case.reference = clean(case.reference, "case.reference")
    meeting.title = clean(meeting.title, "meeting.title")
    meeting.observations.observer = clean(meeting.observations.observer, "observations.observer")
    for index, person in enumerate(bundle.network.people):
        where = f"people[{index}]"
        person.name = clean(person.name, f"{where}.name")
        person.display_name = clean(person.display_name, f"{where}.display_name")
        person.also_known_as = [
            clean(other, f"{where}.also_known_as[{number}]") for number, other in enumerate(person.also_known_as)
        ]
        person.household = clean(person.household, f"{where}.household")
    for index, attendee in enumerate(meeting.attendees):
        attendee.name = clean(attendee.name, f"meeting.attendees[{index}].name")
    for index, scale in enumerate(meeting.scales):
        for number, rating in enumerate(scale.ratings):
            rating.rater = clean(rating.rater, f"scales[{index}].ratings[{number}].rater")
    for index, item in enumerate(meeting.items):
        item.owner = clean(item.owner, f"map[{index}].owner")
    if cleaned and warnings is not None:
        places = ", ".join(cleaned)
        these = "this name" if len(cleaned) == 1 else "these names"
        warnings.append(
            f"{places}: control characters (invisible characters that can reverse or hide text) were taken out of "
            f"{these}; the words of cards and notes are kept as written."
        )
    return bundle

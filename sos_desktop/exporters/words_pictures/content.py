"""What the family's copy of Words and Pictures says, as plain data: each story's title page and its panels in order,
every name chosen and every text masked as the copy needs.

It is the family's copy, so the words are printed as the family and the worker wrote them and the child goes by
their real name; a stick figure standing for somebody is labelled with the name the child knows them by (their
display name, or their first name when the display name is only initials), as a picture for a child would be.
Asked to pseudonymise, it follows the minutes: display names only and names in the words, titles and captions
masked. A story without panels has nothing to print and is left out; a meeting with no story to print is refused
(:class:`NoStoryError`). No reportlab here, so what the copy says is testable alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sos_desktop.exporters.minutes.naming import Namer, long_date
from sos_desktop.models import MeetingBundle, NetworkPerson
from sos_desktop.models.drawing import Shape, ShapeKind
from sos_desktop.models.names import shown_name
from sos_desktop.models.words_pictures import STATE_LABELS, Story, StoryState
from sos_desktop.models.words_pictures_images import Picture

DEFAULT_TITLE = "Words and Pictures"
"""A story's title when the worker gave it none."""


class NoStoryError(ValueError):
    """The meeting has no Words and Pictures story with panels to print."""


@dataclass(frozen=True)
class DrawnShape:
    """A shape of a drawing and the words it shows (a figure's name as this copy gives it, a text's words)."""

    shape: Shape
    label: str


@dataclass(frozen=True)
class PanelCopy:
    number: int
    count: int
    words: str
    image: Picture | None = None
    caption: str = ""
    drawing: tuple[DrawnShape, ...] | None = None

    @property
    def heading(self) -> str:
        """'Panel 3 of 6'."""
        return f"Panel {self.number} of {self.count}"


@dataclass(frozen=True)
class StoryCopy:
    title: str
    for_whom: str
    """'For Noah Example' or 'For the family'."""
    state: str
    """'Shared with the parents on 12 December 2026', 'Draft'."""
    made_on: str
    """'Made for the meeting on Saturday 12 December 2026'; '' when the meeting has no date."""
    panels: tuple[PanelCopy, ...]


@dataclass(frozen=True)
class WordsPicturesCopy:
    case_label: str
    page_date: str
    """'12 December 2026' for the page header; '' when the meeting has no date."""
    stories: tuple[StoryCopy, ...]
    pseudonymised: bool


def day_text(day: date) -> str:
    """'12 December 2026'."""
    return f"{day.day} {day:%B %Y}"


def state_line(story: Story) -> str:
    """The story's state, with the day it was shared when that is known."""
    label = STATE_LABELS[story.state]
    day = {
        StoryState.SHARED_WITH_PARENTS: story.shared_with_parents_on,
        StoryState.SHARED_WITH_CHILD: story.shared_with_child_on,
    }.get(story.state)
    return f"{label} on {day_text(day)}" if day is not None else label


def figure_name(person: NetworkPerson, pseudonymise: bool) -> str:
    """How a stick figure standing for ``person`` is labelled: the name the child knows them by.

    That is their display name ("Mum", "Nan", "Aunt K"), unless it only hides them (initials such as "L" or "RN",
    no small letter in it): the family's copy then gives their first name, as the child would say it.
    """
    called = person.display_name.strip()
    if pseudonymise:
        return shown_name(person)
    hides = not called or not any(letter.islower() for letter in called)
    first = person.name.split()[0] if person.name.split() else ""
    return (first or called or shown_name(person)) if hides else called


def _drawn(shape: Shape, people: dict[int, NetworkPerson], namer: Namer) -> DrawnShape:
    person = people.get(shape.person) if shape.person is not None else None
    if shape.kind is ShapeKind.STICK_FIGURE and person is not None:
        return DrawnShape(shape, figure_name(person, namer.pseudonymise))
    return DrawnShape(shape, namer.text(shape.label))


def story_copy(story: Story, bundle: MeetingBundle, namer: Namer) -> StoryCopy:
    """One story as the copy prints it (its panels numbered in order)."""
    people = {person.id: person for person in bundle.network.people if person.id is not None}
    child = people.get(story.child) if story.child is not None else None
    if story.child is None:
        for_whom = "For the family"
    else:
        for_whom = f"For {namer.person(child)}" if child is not None else "For the child"
    count = len(story.panels)
    panels = []
    for number, panel in enumerate(story.panels, start=1):
        image, caption = None, ""
        if panel.image is not None:
            image = bundle.pictures.get(panel.image.picture)
            caption = namer.text(panel.image.caption)
        drawing = None
        if panel.drawing is not None:
            drawing = tuple(_drawn(shape, people, namer) for shape in panel.drawing.shapes)
        panels.append(PanelCopy(number, count, namer.text(panel.words), image, caption, drawing))
    held_on = bundle.meeting.held_on
    made_on = f"Made for the meeting on {long_date(held_on.date())}" if held_on is not None else ""
    title = namer.text(story.title) or DEFAULT_TITLE
    return StoryCopy(title, for_whom, state_line(story), made_on, tuple(panels))


def words_pictures_copy(bundle: MeetingBundle, *, pseudonymise: bool = False) -> WordsPicturesCopy:
    """The family's copy of the meeting's stories; NoStoryError when none has a panel."""
    stories = [story for story in bundle.meeting.words_pictures if story.panels]
    if not stories:
        raise NoStoryError("This meeting has no Words and Pictures story with panels yet.")
    namer = Namer(bundle, pseudonymise=pseudonymise)
    held_on = bundle.meeting.held_on
    return WordsPicturesCopy(
        case_label=namer.text(bundle.case.label),
        page_date=day_text(held_on.date()) if held_on is not None else "",
        stories=tuple(story_copy(story, bundle, namer) for story in stories),
        pseudonymised=pseudonymise,
    )


def has_story(bundle: MeetingBundle) -> bool:
    """Whether the meeting has a story the copy can print."""
    return any(story.panels for story in bundle.meeting.words_pictures)

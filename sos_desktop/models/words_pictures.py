"""Words and Pictures: a storyboard in plain words and simple pictures that tells a child why the professionals are
involved, what the worries are and what is going well; shared first with the parents, then with the child.

A meeting holds one **story** per child (``child``: the child's network person id) and at most one for the family
as a whole (``child`` None). A story is **panels** in order; each has its words (kept exactly as written, only
control characters taken out), what it tells (a worry, what is going well, what happens next, or something else)
and at most one picture: an **image** the worker added (kept in the store, named by its picture id, with a caption
that says what it shows for anyone who cannot see it) or a **drawing** made in the app (``models.drawing``). A
story is a draft until it is shared with the parents, and then with the child; the day of each share is kept.

Pure data: no Qt, no storage. The gentle check is :func:`story_hints`; the plain data form is
``models.words_pictures_data``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any
from uuid import uuid4

from sos_desktop.models.control_characters import is_control
from sos_desktop.models.drawing import Drawing
from sos_desktop.models.mapping import MAX_TEXT_LENGTH

MAX_PANELS = 60
"""The most panels a story has: a child's story fits in an afternoon, not a file."""
MAX_STORIES = 50
MAX_TITLE_LENGTH = 200
MAX_CAPTION_LENGTH = 500
LONG_SENTENCE_WORDS = 25
"""A sentence longer than this is hard for a child to follow; the check says so."""


class StoryState(StrEnum):
    DRAFT = "draft"
    SHARED_WITH_PARENTS = "shared_with_parents"
    SHARED_WITH_CHILD = "shared_with_child"


STATE_LABELS: dict[StoryState, str] = {
    StoryState.DRAFT: "Draft",
    StoryState.SHARED_WITH_PARENTS: "Shared with the parents",
    StoryState.SHARED_WITH_CHILD: "Shared with the child",
}


class PanelTells(StrEnum):
    """What a panel tells the child."""

    WORRY = "worry"
    GOING_WELL = "going_well"
    NEXT = "what_happens_next"
    OTHER = "other"


TELLS_LABELS: dict[PanelTells, str] = {
    PanelTells.WORRY: "A worry",
    PanelTells.GOING_WELL: "What is going well",
    PanelTells.NEXT: "What happens next",
    PanelTells.OTHER: "Something else",
}


def new_key() -> str:
    return str(uuid4())


def clean_words(text: str) -> str:
    """Words as a panel keeps them: exactly as written, but for control characters (line breaks and tabs stay)."""
    return "".join(c for c in text if c in "\n\t" or not is_control(c))


def _line(text: str, what: str, longest: int) -> str:
    """A one-line text (a title, a caption): control characters out, trimmed, at most ``longest`` characters."""
    text = " ".join(clean_words(text).split())
    if len(text) > longest:
        raise ValueError(f"{what} can be at most {longest:,} characters long.")
    return text


@dataclass
class PanelImage:
    """An image the worker added to a panel: the store's picture id and what it shows, in words."""

    picture: int
    caption: str = ""

    def __post_init__(self) -> None:
        self.picture = int(self.picture)
        self.caption = _line(self.caption, "An image's caption", MAX_CAPTION_LENGTH)


@dataclass
class Panel:
    """One panel of the storyboard: its words, what it tells, and at most one picture."""

    words: str = ""
    tells: PanelTells = PanelTells.OTHER
    key: str = field(default_factory=new_key)
    image: PanelImage | None = None
    drawing: Drawing | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.tells = PanelTells(self.tells)
        self.words = clean_words(self.words)
        if len(self.words) > MAX_TEXT_LENGTH:
            raise ValueError(f"A panel's words can be at most {MAX_TEXT_LENGTH:,} characters long.")
        if self.image is not None and self.drawing is not None:
            raise ValueError("A panel has one picture: an image or a drawing, not both.")
        if not self.key:
            self.key = new_key()

    def has_picture(self) -> bool:
        return self.image is not None or self.drawing is not None


@dataclass
class Story:
    """A Words and Pictures story for one child (``child``: their person id) or for the family (None)."""

    child: int | None = None
    title: str = ""
    state: StoryState = StoryState.DRAFT
    panels: list[Panel] = field(default_factory=list)
    shared_with_parents_on: date | None = None
    shared_with_child_on: date | None = None
    key: str = field(default_factory=new_key)
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.state = StoryState(self.state)
        if self.child is not None:
            self.child = int(self.child)
        self.title = _line(self.title, "A story's title", MAX_TITLE_LENGTH)
        if len(self.panels) > MAX_PANELS:
            raise ValueError(f"A story can have at most {MAX_PANELS} panels.")
        _refuse_repeated((panel.key for panel in self.panels), "panel")
        if not self.key:
            self.key = new_key()

    def panel(self, key: str) -> Panel:
        return next(panel for panel in self.panels if panel.key == key)

    def pictures(self) -> list[int]:
        """The store's picture ids the story's images name, each once, in panel order."""
        return list(dict.fromkeys(p.image.picture for p in self.panels if p.image is not None))


def _refuse_repeated(keys: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise ValueError(f"Two {what}s have the same key {key!r}; each needs its own.")
        seen.add(key)


def check_stories(stories: Sequence[Story]) -> list[Story]:
    """``stories`` as a meeting keeps them (ValueError if too many, two for one child, or two with one key)."""
    if len(stories) > MAX_STORIES:
        raise ValueError(f"A meeting can have at most {MAX_STORIES} Words and Pictures stories.")
    _refuse_repeated((story.key for story in stories), "stor")
    seen: set[int | None] = set()
    for story in stories:
        if story.child in seen:
            whose = "the family" if story.child is None else "one child"
            raise ValueError(
                f"There are two Words and Pictures stories for {whose}; each child has one, and so can the family."
            )
        seen.add(story.child)
    return list(stories)


def story_of(stories: Sequence[Story], child: int | None) -> Story | None:
    return next((story for story in stories if story.child == child), None)


def pictures_of(stories: Iterable[Story]) -> list[int]:
    """Every picture id the stories' images name, each once."""
    return list(dict.fromkeys(picture for story in stories for picture in story.pictures()))


def with_pictures(stories: Iterable[Story], picture_ids: dict[int, int]) -> list[Story]:
    """Copies of ``stories`` whose images name the pictures ``picture_ids`` maps them to; an image whose picture is
    not in the map is left out (its panel keeps its words), so no panel names a picture that is not there.
    """
    copied = deepcopy(list(stories))
    for story in copied:
        for panel in story.panels:
            if panel.image is not None:
                mapped = picture_ids.get(panel.image.picture)
                panel.image = None if mapped is None else PanelImage(mapped, panel.image.caption)
    return copied


# The check


@dataclass(frozen=True)
class StoryHint:
    """One thing the facilitator may want to look at again; ``panel`` is the panel's key when it is about one."""

    text: str
    panel: str | None = None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _long_sentence(words: str) -> bool:
    return any(len(sentence.split()) > LONG_SENTENCE_WORDS for sentence in _SENTENCE_END.split(words))


def story_hints(story: Story, jargon_in: Callable[[str], Sequence[str]] | None = None) -> list[StoryHint]:
    """Gentle hints: a story tells what is going well as well as the worries; each panel has words, in plain
    language (``jargon_in`` finds the team's jargon words in a text, when given; long sentences are named too).
    """
    if not story.panels:
        return [StoryHint("The story has no panels yet: add what the worries are and what is going well.")]
    hints: list[StoryHint] = []
    tells = {panel.tells for panel in story.panels}
    if PanelTells.WORRY in tells and PanelTells.GOING_WELL not in tells:
        hints.append(StoryHint("The story tells the worries but not what is going well: add a panel about it."))
    elif PanelTells.GOING_WELL in tells and PanelTells.WORRY not in tells:
        hints.append(
            StoryHint("The story tells what is going well but not the worries: the child needs to know them too.")
        )
    elif PanelTells.WORRY not in tells:
        hints.append(StoryHint("No panel tells the worries or what is going well yet."))
    for number, panel in enumerate(story.panels, start=1):
        if not panel.words.strip():
            hints.append(StoryHint(f"Panel {number} has no words yet.", panel.key))
            continue
        found = list(jargon_in(panel.words)) if jargon_in is not None else []
        if found:
            quoted = ", ".join(f"“{word}”" for word in found)
            hints.append(StoryHint(f"Panel {number} uses {quoted}: can it be said in plain words?", panel.key))
        if _long_sentence(panel.words):
            hints.append(
                StoryHint(f"Panel {number} has a long sentence: shorter ones are easier for a child.", panel.key)
            )
    return hints

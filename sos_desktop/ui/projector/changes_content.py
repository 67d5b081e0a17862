"""What the projector shows of what changed since last time, already masked: a plain snapshot of
``models.changes.Changes``.

This is the view's privacy boundary. Every card's words (now, or as they were for a dropped card) go through the
projection's masker, as the map's do; every rater through its ``name``; people of the network reach it only as
their display names (``PersonChange.display_name``, else their initials), never their full names.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime

from sos_desktop.models import COLUMN_OF, COLUMN_ORDER, Category, Column
from sos_desktop.models.changes import CHANGE_LABELS, CardChange, CardChangeKind, Changes, PersonChange, ScaleMovement
from sos_desktop.models.chronology import MONTHS
from sos_desktop.models.network import initials
from sos_desktop.models.scaling import number_text
from sos_desktop.models.templates import FrameworkTemplate

Mask = Callable[[str], str]

HEADING = "What changed since last time"
FIRST_MEETING = "This is the case's first meeting: nothing to compare with yet."
NOTHING_CHANGED = "Nothing has changed since last time."
NO_CARD_CHANGES = "No cards new, changed or dropped."
ARROW = "→"
NOT_RATED = "not rated"
NOT_REVEALED = "not revealed yet"


@dataclass(frozen=True)
class CardLine:
    """One card that is new, changed or dropped: its words (a dropped card's as they were), and for a changed card
    what it said before or where it was.
    """

    kind: CardChangeKind
    text: str
    note: str = ""

    @property
    def tag(self) -> str:
        return CHANGE_LABELS[self.kind]


@dataclass(frozen=True)
class CategoryLines:
    """A category of the map, by the case's framework label, with its cards that changed."""

    category: Category
    label: str
    lines: tuple[CardLine, ...]

    @property
    def column(self) -> Column:
        return COLUMN_OF[self.category]


@dataclass(frozen=True)
class RaterLine:
    """Someone who rated both times, by the name the scales view gives them, with their numbers then and now."""

    name: str
    then: str
    now: str

    @property
    def words(self) -> str:
        return f"{self.name} {self.then} {ARROW} {self.now}"


@dataclass(frozen=True)
class ScaleLine:
    """One scale's movement: its question, the medians then and now ("4 → 6"), in words ("up 2"), and the raters."""

    question: str
    medians: str
    movement: str
    raters: tuple[RaterLine, ...] = ()


@dataclass(frozen=True)
class NetworkLines:
    """Display names only: who joined the network, who now knows the worries, who is no longer in it."""

    joined: tuple[str, ...] = ()
    now_know: tuple[str, ...] = ()
    left: tuple[str, ...] = ()

    def rows(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        found = (("Joined", self.joined), ("Now know the worries", self.now_know), ("No longer in it", self.left))
        return tuple((label, names) for label, names in found if names)


@dataclass(frozen=True)
class ChangesContent:
    """The view's snapshot; ``first_meeting`` when there is no meeting before to compare with."""

    title: str
    since: str
    first_meeting: bool
    categories: tuple[CategoryLines, ...] = ()
    scales: tuple[ScaleLine, ...] = ()
    network: NetworkLines = NetworkLines()

    def count(self, kind: CardChangeKind) -> int:
        return sum(1 for category in self.categories for line in category.lines if line.kind is kind)

    @property
    def counts(self) -> str:
        """'3 new · 2 changed · 1 dropped', or '' when no card changed."""
        parts = [f"{self.count(kind)} {CHANGE_LABELS[kind].lower()}" for kind in CardChangeKind if self.count(kind)]
        return " · ".join(parts)

    def is_empty(self) -> bool:
        return not (self.categories or self.scales or self.network.rows())


def day_text(held_on: datetime) -> str:
    return f"{held_on.day} {MONTHS[held_on.month - 1]} {held_on.year}"


def since_line(changes: Changes, mask: Mask) -> str:
    """'Since Group supervision, 21 November 2026'."""
    when = f", {day_text(changes.previous_held_on)}" if changes.previous_held_on is not None else ""
    return mask(f"Since {changes.previous_title.strip() or 'the meeting before'}{when}")


def _card_line(change: CardChange, template: FrameworkTemplate, mask: Mask) -> CardLine:
    note = ""
    if change.kind is CardChangeKind.CHANGED:
        if change.moved_from is not None:
            note = f"Moved from {template.label(change.moved_from)}"
        elif " ".join(change.before.split()) != " ".join(change.text.split()):
            note = "Was: " + mask(" ".join(change.before.split()))
    return CardLine(change.kind, mask(change.text.strip()), note)


def _medians(then: float | None, now: float | None, new: bool, private: bool) -> tuple[str, str]:
    """The medians as the room reads them, and the movement in words."""
    now_text = NOT_REVEALED if private else (number_text(now) if now is not None else NOT_RATED)
    if new:
        return now_text, "New scale"
    then_text = number_text(then) if then is not None else NOT_RATED
    if then is None or now is None or private:
        return f"{then_text} {ARROW} {now_text}", ""
    moved = now - then
    words = "no change" if moved == 0 else f"{'up' if moved > 0 else 'down'} {number_text(abs(moved))}"
    return f"{then_text} {ARROW} {now_text}", words


def _scale_line(movement: ScaleMovement, private: bool, mask: Mask, name: Mask) -> ScaleLine:
    medians, words = _medians(movement.median_then, movement.median_now, movement.new, private)
    raters = tuple(
        RaterLine(name(rater.rater.strip()), number_text(rater.then), number_text(rater.now))
        for rater in movement.raters
    )
    return ScaleLine(mask(movement.question.strip()), medians, words, () if private else raters)


def shown_as(person: PersonChange) -> str:
    """A person of the network as the wall names them: their display name, else their initials."""
    return person.display_name.strip() or initials(person.name)


def changes_content(
    changes: Changes | None,
    title: str,
    template: FrameworkTemplate,
    mask: Mask,
    name: Mask | None = None,
    private: Collection[str] = (),
) -> ChangesContent:
    """The projector's snapshot of ``changes`` (None: a first meeting); ``title`` is masked, ``name`` (by default
    ``mask``) gives each rater as the room sees them, ``private`` holds the keys of scales in a private round now.
    """
    if changes is None:
        return ChangesContent(mask(title), "", True)
    named = name or mask
    categories = tuple(
        CategoryLines(
            category, template.label(category), tuple(_card_line(c, template, mask) for c in changes.cards[category])
        )
        for categories in COLUMN_ORDER.values()
        for category in categories
        if changes.cards.get(category)
    )
    scales = tuple(_scale_line(m, m.key in private, mask, named) for m in changes.scales)
    network = changes.network
    return ChangesContent(
        title=mask(title),
        since=since_line(changes, mask),
        first_meeting=False,
        categories=categories,
        scales=scales,
        network=NetworkLines(
            tuple(shown_as(p) for p in network.joined),
            tuple(shown_as(p) for p in network.now_know),
            tuple(shown_as(p) for p in network.left),
        ),
    )

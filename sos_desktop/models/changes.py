"""What changed since last time: the cards new, changed and dropped per category, the scales' movement, and the
network's changes, between a meeting and the one before it.

Pure and quick: cards and scales are matched by ``key`` (their identity across the case's meetings), raters by
name as the Scaling page matches them, people by their id in the network. Console, wall and minutes all read
these figures from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sos_desktop.models.enums import Category
from sos_desktop.models.mapping import MapItem
from sos_desktop.models.meeting import Meeting
from sos_desktop.models.network import Network
from sos_desktop.models.raters import same_person
from sos_desktop.models.scaling import Scale, spread


class CardChangeKind(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    DROPPED = "dropped"


CHANGE_LABELS: dict[CardChangeKind, str] = {
    CardChangeKind.NEW: "New",
    CardChangeKind.CHANGED: "Changed",
    CardChangeKind.DROPPED: "Dropped",
}


@dataclass(frozen=True)
class CardChange:
    """A card new since last time, changed (``before``: its words then; ``moved_from``: its category then, when it
    moved) or dropped (``text``: its words then).
    """

    kind: CardChangeKind
    category: Category
    text: str
    key: str
    before: str = ""
    moved_from: Category | None = None


@dataclass(frozen=True)
class RaterMovement:
    rater: str
    then: float
    now: float


@dataclass(frozen=True)
class ScaleMovement:
    """One scale then and now: the medians (None where nobody rated, or the numbers are not shown yet) and each
    person who rated both times.
    """

    key: str
    question: str
    median_then: float | None
    median_now: float | None
    raters: tuple[RaterMovement, ...] = ()
    new: bool = False
    """The scale was not asked last time."""

    @property
    def moved(self) -> float | None:
        if self.median_then is None or self.median_now is None:
            return None
        return self.median_now - self.median_then


@dataclass(frozen=True)
class PersonChange:
    """Somebody of the network, named as the wall names them (``display_name``) and in full (``name``)."""

    name: str
    display_name: str
    person: int | None


@dataclass(frozen=True)
class NetworkChanges:
    joined: tuple[PersonChange, ...] = ()
    left: tuple[PersonChange, ...] = ()
    now_know: tuple[PersonChange, ...] = ()
    """People who know the worries now and did not when the meeting began."""

    def is_empty(self) -> bool:
        return not (self.joined or self.left or self.now_know)


@dataclass(frozen=True)
class Changes:
    """Everything that changed between ``previous`` (title and date given) and the meeting."""

    previous_title: str
    previous_held_on: datetime | None
    cards: dict[Category, tuple[CardChange, ...]] = field(default_factory=dict)
    scales: tuple[ScaleMovement, ...] = ()
    network: NetworkChanges = field(default_factory=NetworkChanges)

    def card_count(self, kind: CardChangeKind) -> int:
        return sum(1 for changes in self.cards.values() for change in changes if change.kind == kind)

    def is_empty(self) -> bool:
        return not any(self.cards.values()) and not self.scales and self.network.is_empty()


def _words(text: str) -> str:
    return " ".join(text.split())


def _card_changes(before: list[MapItem], now: list[MapItem]) -> dict[Category, tuple[CardChange, ...]]:
    then_by_key = {item.key: item for item in before if item.key}
    now_keys = {item.key for item in now if item.key}
    found: dict[Category, list[CardChange]] = {category: [] for category in Category}
    for item in now:
        old = then_by_key.get(item.key) if item.key else None
        if old is None:
            found[item.category].append(CardChange(CardChangeKind.NEW, item.category, item.text, item.key))
        elif _words(old.text) != _words(item.text) or old.category != item.category:
            moved = old.category if old.category != item.category else None
            change = CardChange(CardChangeKind.CHANGED, item.category, item.text, item.key, old.text, moved)
            found[item.category].append(change)
    for item in before:
        if item.key and item.key not in now_keys and item.category != Category.NEXT_STEP:
            # Last time's next steps are not dropped cards: the review says what became of each.
            found[item.category].append(CardChange(CardChangeKind.DROPPED, item.category, item.text, item.key))
    return {category: tuple(changes) for category, changes in found.items() if changes}


def _median(scale: Scale) -> float | None:
    found = spread(scale.ratings) if not scale.private_round else None
    return None if found is None else found.median


def _scale_movements(before: list[Scale], now: list[Scale]) -> tuple[ScaleMovement, ...]:
    then_by_key = {scale.key: scale for scale in before if scale.key}
    movements = []
    for scale in now:
        old = then_by_key.get(scale.key) if scale.key else None
        if old is None:
            movements.append(ScaleMovement(scale.key, scale.question, None, _median(scale), new=True))
            continue
        raters: list[RaterMovement] = []
        if not old.private_round and not scale.private_round:
            then = {same_person(rating.rater): rating.value for rating in old.ratings}
            for rating in scale.ratings:
                earlier = then.get(same_person(rating.rater))
                if earlier is not None:
                    raters.append(RaterMovement(rating.rater, earlier, rating.value))
        movements.append(ScaleMovement(scale.key, scale.question, _median(old), _median(scale), tuple(raters)))
    return tuple(movements)


def _network_changes(meeting: Meeting, network: Network) -> NetworkChanges:
    if not meeting.network_at_start:
        return NetworkChanges()
    then = {person.person: person for person in meeting.network_at_start if person.person is not None}
    current = {person.id for person in network.people}
    joined, now_know = [], []
    for person in network.people:
        change = PersonChange(person.name, person.display_name, person.id)
        earlier = then.get(person.id) if person.id is not None else None
        if earlier is None:
            joined.append(change)
        if person.knows_worries and (earlier is None or not earlier.knows_worries):
            now_know.append(change)
    left = [
        PersonChange(person.name, person.display_name, person.person)
        for person in meeting.network_at_start
        if person.person is None or person.person not in current
    ]
    return NetworkChanges(tuple(joined), tuple(left), tuple(now_know))


def changes_since(previous: Meeting | None, meeting: Meeting, network: Network) -> Changes | None:
    """What changed between ``previous`` and ``meeting`` (``network``: the case's network now); None for a first
    meeting, which has nothing to compare with.
    """
    if previous is None:
        return None
    return Changes(
        previous_title=previous.title,
        previous_held_on=previous.held_on,
        cards=_card_changes(previous.items, meeting.items),
        scales=_scale_movements(previous.scales, meeting.scales),
        network=_network_changes(meeting, network),
    )


def changed_keys(previous: Meeting | None, meeting: Meeting) -> dict[str, CardChangeKind]:
    """The cards of ``meeting`` that are new or changed since ``previous``, by key (for a mark on each card); empty
    for a first meeting.
    """
    if previous is None:
        return {}
    return {
        change.key: change.kind
        for changes in _card_changes(previous.items, meeting.items).values()
        for change in changes
        if change.kind != CardChangeKind.DROPPED and change.key
    }

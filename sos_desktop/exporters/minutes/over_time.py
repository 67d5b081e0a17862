"""The minutes' sections on the case over time: the review of last time's next steps, what changed since last
time, and the case chronology; each as plain data (named and masked like the rest of the snapshot), then as
flowables (:mod:`.story_over_time`). Plain data here, without reportlab, as the rest of the snapshot.

The figures come from ``models.continuity`` (outcomes, overdue), ``models.changes`` (what changed) and
``models.chronology`` (dates as written, order), as the console and the wall have them. A case's first meeting has
neither a review nor changes. The chronology is the case's, so a meeting's minutes hold the events that happened up
to the meeting's day (its date, else today): the minutes of an earlier meeting, printed again later, do not tell of
what happened after it. Without such events there is no chronology section.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sos_desktop.exporters.minutes.naming import Namer, short_date
from sos_desktop.models import COLUMN_ORDER, MeetingBundle, NetworkPerson
from sos_desktop.models.changes import CHANGE_LABELS, CardChange, Changes, PersonChange, ScaleMovement, changes_since
from sos_desktop.models.chronology import date_label, in_date_order
from sos_desktop.models.continuity import outcome_label, reference_day, review_is_overdue
from sos_desktop.models.scaling import number_text
from sos_desktop.models.templates import FrameworkTemplate, template

NEW_SCALE = "new scale"
NOT_RATED = "not rated"
NOT_RATED_YET = "not rated yet"
NOT_REVEALED = "not revealed yet"


@dataclass(frozen=True)
class ReviewRow:
    what: str
    who: str
    due: str
    outcome: str
    note: str
    overdue: bool


@dataclass(frozen=True)
class ReviewView:
    previous: str
    """The meeting the steps were agreed at: 'Group supervision (demo), 21 Nov 2026'."""
    rows: tuple[ReviewRow, ...]

    @property
    def overdue_count(self) -> int:
        return sum(1 for row in self.rows if row.overdue)


@dataclass(frozen=True)
class CardLine:
    kind: str
    text: str
    before: str = ""
    moved_from: str = ""


@dataclass(frozen=True)
class ScaleLine:
    question: str
    then: str
    now: str
    movement: str
    """'up 2', 'down 0.5', 'no change', or '' where either median is missing."""
    raters: tuple[str, ...]
    """Each person who rated both times: 'Sam Patel: 4 → 5'."""


@dataclass(frozen=True)
class ChangesView:
    previous: str
    categories: tuple[tuple[str, tuple[CardLine, ...]], ...]
    scales: tuple[ScaleLine, ...]
    network: tuple[tuple[str, str], ...]
    """(what, who): 'Joined the network', 'Aunt, Dad'."""
    counts: tuple[tuple[str, int], ...] = ()
    """How many cards are new, changed and dropped: ('New', 3), ... (kinds with none left out)."""

    def is_empty(self) -> bool:
        return not (self.categories or self.scales or self.network)


@dataclass(frozen=True)
class EventRow:
    when: str
    what: str
    source: str


@dataclass(frozen=True)
class OverTimeView:
    review: ReviewView | None
    changes: ChangesView | None
    chronology: tuple[EventRow, ...]
    chronology_until: str = ""
    """The day the chronology runs to, as its dates are written: '12 December 2026'."""


def _previous_line(title: str, held_on: datetime | None, namer: Namer) -> str:
    when = f", {short_date(held_on)}" if held_on is not None else ""
    return f"{namer.text(title)}{when}"


def _review_view(bundle: MeetingBundle, namer: Namer, on: date) -> ReviewView:
    rows = tuple(
        ReviewRow(
            what=namer.text(r.text),
            who=namer.name(r.owner),
            due=short_date(r.due) if r.due is not None else "",
            outcome=outcome_label(r.outcome),
            note=namer.text(r.note),
            overdue=review_is_overdue(r, on),
        )
        for r in bundle.meeting.reviews
    )
    previous = bundle.previous
    return ReviewView(_previous_line(previous.title, previous.held_on, namer) if previous is not None else "", rows)


def _movement(moved: float | None) -> str:
    if moved is None:
        return ""
    if moved == 0:
        return "no change"
    return f"{'up' if moved > 0 else 'down'} {number_text(abs(moved))}"


def _scale_line(movement: ScaleMovement, private: bool, namer: Namer) -> ScaleLine:
    """A scale's medians as the wall gives them: a round still private now is 'not revealed yet', with no raters."""
    now = (
        NOT_REVEALED if private else NOT_RATED_YET if movement.median_now is None else number_text(movement.median_now)
    )
    then = (
        NEW_SCALE if movement.new else NOT_RATED if movement.median_then is None else number_text(movement.median_then)
    )
    raters = tuple(f"{namer.name(r.rater)}: {number_text(r.then)} → {number_text(r.now)}" for r in movement.raters)
    moved = "" if private else _movement(movement.moved)
    return ScaleLine(namer.text(movement.question), then, now, moved, () if private else raters)


def _card_line(change: CardChange, words: FrameworkTemplate, namer: Namer) -> CardLine:
    reworded = bool(change.before) and " ".join(change.before.split()) != " ".join(change.text.split())
    return CardLine(
        CHANGE_LABELS[change.kind],
        namer.text(change.text),
        namer.text(change.before) if reworded else "",
        words.label(change.moved_from) if change.moved_from is not None else "",
    )


def _changes_view(changes: Changes, bundle: MeetingBundle, namer: Namer) -> ChangesView:
    words = template(bundle.case.framework)
    categories = tuple(
        (words.label(category), tuple(_card_line(c, words, namer) for c in changes.cards[category]))
        for column in COLUMN_ORDER.values()
        for category in column  # in the order the map lays them out
        if changes.cards.get(category)
    )
    private = {scale.key for scale in bundle.meeting.scales if scale.private_round and scale.key}
    scales = tuple(_scale_line(m, m.key in private, namer) for m in changes.scales)

    def who(people: tuple[PersonChange, ...]) -> str:
        # Named as the network section names them: display names when pseudonymised, else in full.
        return ", ".join(namer.person(NetworkPerson(p.name, display_name=p.display_name)) for p in people)

    network = tuple(
        (what, who(people))
        for what, people in (
            ("Joined the network", changes.network.joined),
            ("Left the network", changes.network.left),
            ("Now know the worries", changes.network.now_know),
        )
        if people
    )
    counts = tuple(
        (label, changes.card_count(kind)) for kind, label in CHANGE_LABELS.items() if changes.card_count(kind)
    )
    since = _previous_line(changes.previous_title, changes.previous_held_on, namer)
    return ChangesView(since, categories, scales, network, counts)


def over_time_view(bundle: MeetingBundle, namer: Namer, today: date) -> OverTimeView:
    """The three sections of ``bundle``'s minutes (``today``: the day of a meeting without a date)."""
    on = reference_day(bundle.meeting, today)
    review = _review_view(bundle, namer, on) if bundle.meeting.reviews else None
    changes = changes_since(bundle.previous, bundle.meeting, bundle.network)
    chronology = tuple(
        EventRow(date_label(event), namer.text(event.what), namer.text(event.source))
        for event in in_date_order(bundle.chronology)
        if event.happened_on <= on
    )
    return OverTimeView(
        review,
        _changes_view(changes, bundle, namer) if changes is not None else None,
        chronology,
        f"{on.day} {on:%B %Y}",
    )

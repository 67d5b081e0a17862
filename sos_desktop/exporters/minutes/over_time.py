"""The minutes' sections on the case over time: the review of last time's next steps, what changed since last
time, and the case chronology; each as plain data (named and masked like the rest of the snapshot), then as
flowables (:mod:`.story_over_time`). Plain data here, without reportlab, as the rest of the snapshot.

The figures come from ``models.continuity`` (outcomes, overdue), ``models.changes`` (what changed) and
``models.chronology`` (dates as written, order), as the console and the wall have them. A case's first meeting has
neither a review nor changes; a case without a chronology has no chronology section.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sos_desktop.exporters.minutes.naming import Namer, short_date
from sos_desktop.models import Category, MeetingBundle
from sos_desktop.models.changes import CHANGE_LABELS, changes_since
from sos_desktop.models.chronology import date_label, in_date_order
from sos_desktop.models.continuity import outcome_label, reference_day, review_is_overdue
from sos_desktop.models.scaling import number_text
from sos_desktop.models.templates import template


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
    raters: str


@dataclass(frozen=True)
class ChangesView:
    previous: str
    categories: tuple[tuple[str, tuple[CardLine, ...]], ...]
    scales: tuple[ScaleLine, ...]
    network: tuple[tuple[str, str], ...]
    """(what, who): 'Joined the network', 'Aunt, Dad'."""

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


def _previous_line(title: str, held_on: object, namer: Namer) -> str:
    when = f", {short_date(held_on)}" if held_on is not None else ""  # type: ignore[arg-type]
    return f"{namer.text(title)}{when}"


def over_time_view(bundle: MeetingBundle, namer: Namer, today: date) -> OverTimeView:
    """The three sections of ``bundle``'s minutes (``today``: for a meeting without a date)."""
    meeting, previous = bundle.meeting, bundle.previous
    review = None
    if meeting.reviews:
        on = reference_day(meeting, today)
        rows = tuple(
            ReviewRow(
                what=namer.text(r.text),
                who=namer.name(r.owner),
                due=short_date(r.due) if r.due is not None else "",
                outcome=outcome_label(r.outcome),
                note=namer.text(r.note),
                overdue=review_is_overdue(r, on),
            )
            for r in meeting.reviews
        )
        agreed_at = _previous_line(previous.title, previous.held_on, namer) if previous is not None else ""
        review = ReviewView(agreed_at, rows)
    changes_view = None
    changes = changes_since(previous, meeting, bundle.network)
    if changes is not None and previous is not None:
        words = template(bundle.case.framework)
        categories = tuple(
            (
                words.label(category),
                tuple(
                    CardLine(
                        CHANGE_LABELS[c.kind],
                        namer.text(c.text),
                        namer.text(c.before) if c.before and c.before != c.text else "",
                        words.label(c.moved_from) if c.moved_from is not None else "",
                    )
                    for c in changes.cards[category]
                ),
            )
            for category in Category
            if changes.cards.get(category)
        )

        def rating(value: float | None, missing: str) -> str:
            return missing if value is None else number_text(value)

        scales = tuple(
            ScaleLine(
                namer.text(m.question),
                "new scale" if m.new else rating(m.median_then, "not rated"),
                rating(m.median_now, "not rated yet"),
                ", ".join(f"{namer.name(r.rater)} {number_text(r.then)} → {number_text(r.now)}" for r in m.raters),
            )
            for m in changes.scales
        )

        def who(people: tuple[object, ...]) -> str:
            return ", ".join(
                p.display_name if namer.pseudonymise else (p.name or p.display_name)  # type: ignore[attr-defined]
                for p in people
            )

        network = tuple(
            (what, who(people))
            for what, people in (
                ("Joined the network", changes.network.joined),
                ("Left the network", changes.network.left),
                ("Now know the worries", changes.network.now_know),
            )
            if people
        )
        changes_view = ChangesView(
            _previous_line(changes.previous_title, changes.previous_held_on, namer), categories, scales, network
        )
    chronology = tuple(
        EventRow(date_label(event), namer.text(event.what), namer.text(event.source))
        for event in in_date_order(bundle.chronology)
    )
    return OverTimeView(review, changes_view, chronology)

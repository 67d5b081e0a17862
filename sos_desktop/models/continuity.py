"""A case over time: the next meeting continued from the last one, the review of last time's next steps, and which
next steps are overdue.

Pure functions. :func:`continue_meeting` carries the map forward: every card but the next steps keeps its ``key``
(its identity across the case's meetings), its words and its pair; last time's next steps become the new meeting's
``reviews``, the first thing it does; scales come with their questions, anchors and keys but no ratings (the group
rates again); the safety plan and the trajectory plan come as they stood (the next meeting refines them); the
child's voice and the observer's notes are that day's and stay with it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sos_desktop.models.enums import Category, NextStepStatus, ReviewOutcome
from sos_desktop.models.labels import MEETING_KIND_LABELS
from sos_desktop.models.mapping import MapItem
from sos_desktop.models.meeting import MAX_LABEL_LENGTH, AgendaPhase, Attendee, Meeting
from sos_desktop.models.network import Network
from sos_desktop.models.review import PersonThen, StepReview
from sos_desktop.models.scaling import Scale

REVIEW_PHASE = "review"
"""The agenda phase of a continued meeting in which last time's next steps are reviewed."""
REVIEW_PHASE_TITLE = "Review of last time's next steps"
REVIEW_PHASE_MINUTES = 10.0
FOLLOW_UP_PREFIX = "Follow-up: "

OUTCOME_LABELS: dict[ReviewOutcome, str] = {
    ReviewOutcome.DONE: "Done",
    ReviewOutcome.PARTLY_DONE: "Partly done",
    ReviewOutcome.NOT_DONE: "Not done",
    ReviewOutcome.CARRIED_FORWARD: "Carried forward",
    ReviewOutcome.DROPPED: "Dropped",
}
"""How each outcome is written on the console, the wall and in the minutes."""
NOT_REVIEWED = "Not reviewed yet"

_SETTLED = (ReviewOutcome.DONE, ReviewOutcome.DROPPED)
"""Outcomes after which a next step is no longer expected, so never overdue."""


def outcome_label(outcome: ReviewOutcome | None) -> str:
    return NOT_REVIEWED if outcome is None else OUTCOME_LABELS[outcome]


def reference_day(meeting: Meeting, today: date) -> date:
    """The day a meeting's next steps are judged on: the day it is held, else ``today``."""
    return meeting.held_on.date() if meeting.held_on is not None else today


def is_overdue(due: date | None, on: date, *, done: bool) -> bool:
    """A next step is overdue on ``on`` when its date has passed and it is not done (nor dropped)."""
    return due is not None and due < on and not done


def review_is_overdue(review: StepReview, on: date) -> bool:
    """Whether one of last time's next steps was past its date on ``on`` and neither done nor dropped."""
    return is_overdue(review.due, on, done=review.outcome in _SETTLED)


def step_is_overdue(item: MapItem, on: date) -> bool:
    """Whether a next-step card is past its date on ``on`` and not done."""
    return item.category == Category.NEXT_STEP and is_overdue(item.due, on, done=item.status == NextStepStatus.DONE)


def overdue_reviews(meeting: Meeting, today: date) -> list[StepReview]:
    """The meeting's reviewed next steps that were overdue on its day, in review order."""
    on = reference_day(meeting, today)
    return [review for review in meeting.reviews if review_is_overdue(review, on)]


def overdue_steps(meeting: Meeting, today: date) -> list[MapItem]:
    """The meeting's own next-step cards that are overdue on its day, in map order."""
    on = reference_day(meeting, today)
    return [item for item in meeting.items if step_is_overdue(item, on)]


def review_agenda(agenda: Sequence[AgendaPhase]) -> list[AgendaPhase]:
    """``agenda`` (fresh copies, clocks unstarted) with the review of last time's next steps as its first phase."""
    phases = [
        AgendaPhase(phase=phase.phase, title=phase.title, planned_minutes=phase.planned_minutes) for phase in agenda
    ]
    if not any(phase.phase == REVIEW_PHASE for phase in phases):
        phases.insert(0, AgendaPhase(REVIEW_PHASE, REVIEW_PHASE_TITLE, REVIEW_PHASE_MINUTES))
    return phases


def network_now(network: Network) -> list[PersonThen]:
    """The network as it stands, as a continued meeting keeps it."""
    return [
        PersonThen(
            name=person.name, display_name=person.display_name, person=person.id, knows_worries=person.knows_worries
        )
        for person in network.people
    ]


def _carried_items(items: Iterable[MapItem]) -> list[MapItem]:
    """Copies of every card but the next steps, with local (negative) ids and their pairs between them."""
    carried = [copy.deepcopy(item) for item in items if item.category != Category.NEXT_STEP]
    local = {item.id: -position for position, item in enumerate(carried, start=1) if item.id is not None}
    for position, item in enumerate(carried, start=1):
        item.id = -position
        item.pairs_with = local.get(item.pairs_with) if item.pairs_with is not None else None
    return carried


def _reviews(items: Iterable[MapItem]) -> list[StepReview]:
    return [
        StepReview(key=item.key, text=item.text, owner=item.owner, due=item.due, status_then=item.status)
        for item in items
        if item.category == Category.NEXT_STEP
    ]


def _carried_scales(scales: Iterable[Scale], card_ids: dict[int, int]) -> list[Scale]:
    carried = []
    for scale in scales:
        about = card_ids.get(scale.about) if scale.about is not None else None
        carried.append(
            Scale(
                question=scale.question,
                zero_means=scale.zero_means,
                ten_means=scale.ten_means,
                about=about,
                extra=copy.deepcopy(scale.extra),
                key=scale.key,
            )
        )
    return carried


def following_title(previous: Meeting, held_on: date | None) -> str:
    """The title offered for the meeting that continues ``previous``: its kind and day ('Group supervision,
    5 December 2026'), or 'Follow-up: <last title>' when it has no date yet.
    """
    if held_on is None:
        base = previous.title.removeprefix(FOLLOW_UP_PREFIX)
        return f"{FOLLOW_UP_PREFIX}{base}"[:MAX_LABEL_LENGTH]
    return f"{MEETING_KIND_LABELS[previous.kind]}, {held_on.day} {held_on.strftime('%B')} {held_on.year}"


def continue_meeting(
    previous: Meeting,
    network: Network,
    *,
    title: str,
    held_on: datetime | None,
    agenda: Sequence[AgendaPhase],
    attendees: Sequence[Attendee] | None = None,
) -> Meeting:
    """The case's next meeting, carried forward from ``previous`` (see the module docstring).

    Its cards and scales have local ids (negative) for the store to replace; ``attendees`` default to last time's
    (the regular attendees, offered); ``agenda`` is the team's, with the review phase put first.
    """
    items = _carried_items(previous.items)
    old_to_local = {
        old.id: new.id
        for old, new in zip((i for i in previous.items if i.category != Category.NEXT_STEP), items, strict=True)
        if old.id is not None and new.id is not None
    }
    return Meeting(
        title=title,
        case_id=previous.case_id,
        kind=previous.kind,
        held_on=held_on,
        focus_question=previous.focus_question,
        attendees=[
            Attendee(a.name, a.role, a.person) for a in (previous.attendees if attendees is None else attendees)
        ],
        agenda=review_agenda(agenda),
        items=items,
        scales=_carried_scales(previous.scales, old_to_local),
        follows=previous.uid,
        reviews=_reviews(previous.items),
        network_at_start=network_now(network),
        safety_plan=copy.deepcopy(previous.safety_plan),
        trajectory_plan=copy.deepcopy(previous.trajectory_plan),
    )


def carried_card(review: StepReview) -> MapItem:
    """The next-step card a review carried forward becomes: the same key, words, owner and date; agreed, unless it
    was only an idea last time.
    """
    return MapItem(
        category=Category.NEXT_STEP,
        text=review.text,
        owner=review.owner,
        due=review.due,
        status=NextStepStatus.IDEA if review.status_then is NextStepStatus.IDEA else NextStepStatus.AGREED,
        key=review.key,
    )

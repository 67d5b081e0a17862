"""Continuing a meeting from the last one, and which next steps are overdue: pure functions of models/continuity."""

from __future__ import annotations

from datetime import date, datetime

from sos_desktop.models import (
    AgendaPhase,
    Attendee,
    Category,
    MapItem,
    Meeting,
    Network,
    NetworkPerson,
    NextStepStatus,
    Scale,
    ScaleRating,
)
from sos_desktop.models.continuity import (
    REVIEW_PHASE,
    carried_card,
    continue_meeting,
    overdue_reviews,
    overdue_steps,
    review_is_overdue,
)
from sos_desktop.models.enums import ReviewOutcome
from sos_desktop.models.review import StepReview


def _last_time() -> Meeting:
    return Meeting(
        title="First",
        id=7,
        uid="abc",
        held_on=datetime(2026, 10, 1, 10, 0),
        focus_question="Is Lily safe at home?",
        attendees=[Attendee("Alex Morgan"), Attendee("Sam Patel")],
        items=[
            MapItem(Category.HARM, "Lily saw Dad hit Mum.", id=1, key="k-harm"),
            MapItem(Category.DANGER, "We worry Lily will be hurt.", id=2, key="k-danger", pairs_with=3),
            MapItem(Category.GOAL, "Lily is safe when Dad is angry.", id=3, key="k-goal", pairs_with=2),
            MapItem(
                Category.NEXT_STEP,
                "Sam to ring Nan",
                id=4,
                key="k-step",
                owner="Sam Patel",
                due=date(2026, 10, 8),
                status=NextStepStatus.AGREED,
            ),
        ],
        scales=[
            Scale(
                "How safe is Lily?",
                "Not safe",
                "Safe",
                id=9,
                about=2,
                key="k-scale",
                ratings=[ScaleRating("Sam Patel", 4)],
                private_round=True,
            )
        ],
    )


def test_continuing_carries_every_card_but_the_next_steps_with_their_keys_and_pairs() -> None:
    network = Network(people=[NetworkPerson("Lily Example", id=11, knows_worries=False)])
    new = continue_meeting(_last_time(), network, title="Second", held_on=None, agenda=[AgendaPhase("mapping")])
    assert [(i.category, i.text, i.key) for i in new.items] == [
        (Category.HARM, "Lily saw Dad hit Mum.", "k-harm"),
        (Category.DANGER, "We worry Lily will be hurt.", "k-danger"),
        (Category.GOAL, "Lily is safe when Dad is angry.", "k-goal"),
    ]
    danger, goal = new.items[1], new.items[2]
    assert danger.pairs_with == goal.id and goal.pairs_with == danger.id and danger.id is not None and danger.id < 0
    assert [(r.key, r.text, r.owner, r.due, r.outcome) for r in new.reviews] == [
        ("k-step", "Sam to ring Nan", "Sam Patel", date(2026, 10, 8), None)
    ]
    [scale] = new.scales
    assert (scale.key, scale.question, scale.ratings, scale.private_round, scale.about) == (
        "k-scale",
        "How safe is Lily?",
        [],
        False,
        danger.id,
    )
    assert new.follows == "abc" and new.focus_question == "Is Lily safe at home?"
    assert [a.name for a in new.attendees] == ["Alex Morgan", "Sam Patel"]
    assert [p.phase for p in new.agenda] == [REVIEW_PHASE, "mapping"]
    assert [(p.person, p.knows_worries) for p in new.network_at_start] == [(11, False)]
    assert new.child_voice == [] and new.observations.is_empty()


def test_a_step_carried_forward_is_a_card_with_the_same_key_and_owner() -> None:
    card = carried_card(StepReview("k-step", "Sam to ring Nan", "Sam Patel", date(2026, 10, 8)))
    assert (card.category, card.key, card.owner, card.due, card.status) == (
        Category.NEXT_STEP,
        "k-step",
        "Sam Patel",
        date(2026, 10, 8),
        NextStepStatus.AGREED,
    )


def test_a_step_past_its_date_is_overdue_unless_done_or_dropped() -> None:
    on = date(2026, 11, 1)
    due = date(2026, 10, 8)
    assert review_is_overdue(StepReview("k", "x", due=due), on)
    assert review_is_overdue(StepReview("k", "x", due=due, outcome=ReviewOutcome.NOT_DONE), on)
    assert review_is_overdue(StepReview("k", "x", due=due, outcome=ReviewOutcome.CARRIED_FORWARD), on)
    assert not review_is_overdue(StepReview("k", "x", due=due, outcome=ReviewOutcome.DONE), on)
    assert not review_is_overdue(StepReview("k", "x", due=due, outcome=ReviewOutcome.DROPPED), on)
    assert not review_is_overdue(StepReview("k", "x", due=on), on)
    assert not review_is_overdue(StepReview("k", "x"), on)


def test_overdue_is_judged_on_the_meetings_day() -> None:
    meeting = _last_time()  # held 1 October; the step is due 8 October
    assert overdue_steps(meeting, today=date(2026, 12, 1)) == []
    meeting.held_on = None
    assert [i.key for i in overdue_steps(meeting, today=date(2026, 12, 1))] == ["k-step"]
    meeting.reviews = [StepReview("k", "x", due=date(2026, 11, 30))]
    assert len(overdue_reviews(meeting, today=date(2026, 12, 1))) == 1

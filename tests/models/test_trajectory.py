"""A case's trajectory: each scale's spread meeting by meeting, in time order, from the meetings that rated it."""

from __future__ import annotations

from datetime import UTC, datetime

from sos_desktop.models import Category, MapItem, Meeting
from sos_desktop.models.scaling import Scale, ScaleRating
from sos_desktop.models.trajectory import (
    TrajectoryPoint,
    in_time_order,
    pair_of,
    question_key,
    questions,
    trajectory,
)

SAFETY = "On a scale of 0 to 10, where do you rate this situation?"
WILLING = "How willing is Dad to work with us?"


def rated(question: str, *values: float, private: bool = False) -> Scale:
    ratings = [ScaleRating(f"Rater {n}", value) for n, value in enumerate(values)]
    return Scale(question, ratings=ratings, private_round=private)


def meeting(number: int, held_on: datetime | None, *scales: Scale) -> Meeting:
    return Meeting(f"Meeting {number}", case_id=1, id=number, held_on=held_on, scales=list(scales))


def test_meetings_run_oldest_first_with_undated_ones_last_then_by_id() -> None:
    found = in_time_order(
        [
            meeting(5, None),
            meeting(2, datetime(2026, 5, 1)),
            meeting(4, None),
            meeting(3, datetime(2026, 1, 9)),
            meeting(1, datetime(2026, 5, 1)),
        ]
    )
    assert [m.id for m in found] == [3, 1, 2, 4, 5]


def test_dates_with_and_without_a_time_zone_sort_together() -> None:
    found = in_time_order([meeting(1, datetime(2026, 5, 1, 12, tzinfo=UTC)), meeting(2, datetime(2026, 5, 1, 9))])
    assert [m.id for m in found] == [2, 1]


def test_each_question_is_one_line_of_spreads_in_time_order() -> None:
    meetings = [
        meeting(3, datetime(2026, 9, 1), rated(SAFETY, 4, 5, 6, 4.5), rated(WILLING, 2)),
        meeting(1, datetime(2026, 3, 1), rated(SAFETY, 2, 3.5, 1)),
        meeting(2, datetime(2026, 6, 1), rated(f"  {SAFETY.upper()} "), rated(WILLING, 3, 4)),
    ]
    lines = trajectory(meetings)
    assert list(lines) == [question_key(rated(SAFETY)), question_key(rated(WILLING))]
    safety = lines[question_key(rated(SAFETY))]
    assert safety == [
        TrajectoryPoint(1, datetime(2026, 3, 1), "Meeting 1", 1.0, 2.0, 3.5, 3),
        TrajectoryPoint(3, datetime(2026, 9, 1), "Meeting 3", 4.0, 4.75, 6.0, 4),
    ]  # meeting 2 asked the same question (in capitals, spaced out) but nobody rated it: no point
    assert [(p.meeting_id, p.median) for p in lines[question_key(rated(WILLING))]] == [(2, 3.5), (3, 2.0)]


def test_a_private_round_adds_no_point_until_it_is_revealed() -> None:
    meetings = [meeting(1, datetime(2026, 3, 1), rated(SAFETY, 2)), meeting(2, None, rated(SAFETY, 9, private=True))]
    assert [p.meeting_id for p in trajectory(meetings)[question_key(rated(SAFETY))]] == [1]
    meetings[1].scales[0].private_round = False
    assert [p.meeting_id for p in trajectory(meetings)[question_key(rated(SAFETY))]] == [1, 2]


def test_the_same_question_twice_in_one_meeting_counts_once() -> None:
    lines = trajectory([meeting(1, None, rated(SAFETY), rated(SAFETY, 7), rated(SAFETY, 1))])
    assert [(p.lowest, p.count) for p in lines[question_key(rated(SAFETY))]] == [(7.0, 1)]


def test_a_caller_may_say_what_makes_two_scales_the_same() -> None:
    by_meaning = trajectory(
        [meeting(1, None, rated("Safety?", 3)), meeting(2, None, rated("Safe?", 5))], scale_key=lambda scale: "safety"
    )
    assert [p.median for p in by_meaning["safety"]] == [3.0, 5.0]
    assert trajectory([]) == {}


def test_questions_keep_their_latest_wording() -> None:
    meetings = [
        meeting(2, datetime(2026, 6, 1), rated("How SAFE is Lily? ")),
        meeting(1, None, rated("how safe is lily?")),
    ]
    assert questions(meetings) == {"how safe is lily?": "how safe is lily?"}
    assert questions(meetings[:1]) == {"how safe is lily?": "How SAFE is Lily?"}


def test_a_scale_about_a_paired_danger_statement_names_its_pair() -> None:
    meeting = Meeting(
        "Review",
        items=[
            MapItem(Category.DANGER, "We worry  Lily is hurt.", id=1, pairs_with=2),
            MapItem(Category.GOAL, "Lily is safe.", id=2, pairs_with=1),
            MapItem(Category.DANGER, "Unpaired worry", id=3),
        ],
    )
    assert pair_of(meeting, Scale("How safe?", about=1)) == (1, "We worry  Lily is hurt.")
    assert pair_of(meeting, Scale("How safe?", about=3)) is None
    assert pair_of(meeting, Scale("How safe?")) is None

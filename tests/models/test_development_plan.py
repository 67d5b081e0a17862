"""A practice leader's development plan: kept as JSON and read back the same, malformed plans refused in one
sentence, the two-year stages, and the leader's own ratings beside the observers' per criterion.
"""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from sos_desktop.models import Attendee, AttendeeRole, Meeting, Observations, RubricRating
from sos_desktop.models.development_plan import (
    MAX_TEXT,
    STAGES,
    DevelopmentPlan,
    Evidence,
    Goal,
    GoalStatus,
    PlanError,
    check_plan,
    plan_from_dict,
    self_vs_observer,
    stage_dates,
)


def _plan() -> DevelopmentPlan:
    plan = DevelopmentPlan("Alex Morgan", supervisor="Ruth Mensah", started_on=date(2026, 1, 15))
    plan.goals.append(
        Goal(
            "Keep to process, not case detail",
            stage="developing",
            target=date(2026, 9, 1),
            status=GoalStatus.WORKING,
            evidence=[Evidence("uid-1", "Brought the group back twice"), Evidence("uid-2")],
            next_step="Name the time left at each phase — ✓ 日本",
        )
    )
    plan.set_self_rating("uid-1", "Time-keeping", 7, "Felt rushed")
    plan.sign_off("Ruth Mensah", date(2026, 7, 1), "Good start", "foundation")
    return plan


def test_a_plan_reads_back_as_it_was_kept() -> None:
    plan = _plan()
    text = json.dumps(plan.to_dict())
    again = plan_from_dict("Alex Morgan", json.loads(text), version=3)
    assert again.goals == plan.goals
    assert again.self_ratings == plan.self_ratings
    assert again.sign_offs == plan.sign_offs
    assert (again.supervisor, again.started_on, again.version) == ("Ruth Mensah", date(2026, 1, 15), 3)
    assert again.sign_offs[0].what == "Foundation (months 0–6)"


def test_the_stages_cover_two_years_in_six_month_steps() -> None:
    assert [s.label for s in STAGES] == [
        "Foundation (months 0–6)",
        "Developing (months 6–12)",
        "Consolidating (months 12–18)",
        "Leading (months 18–24)",
    ]
    assert stage_dates(date(2026, 1, 31), "leading") == (date(2027, 7, 28), date(2028, 1, 28))


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"goals": "not a list"}, "not a list"),
        ({"goals": [{"text": "x", "stage": "mastery"}]}, "no stage called"),
        ({"goals": [{"text": "x", "status": "finished"}]}, "damaged"),
        ({"goals": [{"text": "x" * (MAX_TEXT + 1)}]}, "at most 4000 characters"),
        ({"self_ratings": {"uid": [{"criterion": "Time-keeping", "value": 11}]}}, "0 to 10"),
        ({"self_ratings": ["uid"]}, "not by meeting"),
        ({"sign_offs": [{"supervisor": "Ruth", "on": "yesterday"}]}, "damaged"),
        ({"goals": [{}]}, "damaged"),
    ],
)
def test_a_malformed_plan_is_refused_in_one_sentence(data: dict[str, object], words: str) -> None:
    with pytest.raises(PlanError, match=words) as caught:
        plan_from_dict("Alex Morgan", data)
    assert "Traceback" not in str(caught.value) and "\n" not in str(caught.value)


def test_a_plan_too_long_to_keep_is_refused_before_it_is_saved() -> None:
    plan = _plan()
    plan.goals[0].next_step = "x" * (MAX_TEXT + 1)
    with pytest.raises(PlanError, match="A next step can be at most"):
        check_plan(plan)
    with pytest.raises(PlanError, match="supervisor's name"):
        plan.sign_off("  ", date(2026, 1, 1))


def test_taking_back_a_self_rating_leaves_the_others() -> None:
    plan = _plan()
    plan.set_self_rating("uid-1", "Plain language", 5)
    plan.set_self_rating("uid-1", "Time-keeping", None)
    assert [(r.criterion, r.value) for r in plan.self_ratings["uid-1"]] == [("Plain language", 5.0)]
    plan.set_self_rating("uid-1", "Plain language", None)
    assert "uid-1" not in plan.self_ratings


def _observed(uid: str, day: int, ratings: dict[str, float]) -> tuple[Meeting, Observations]:
    observations = Observations("Jo Reid", ratings=[RubricRating(c, v) for c, v in ratings.items()])
    meeting = Meeting(
        title="Group supervision",
        held_on=datetime(2026, 3, day),
        uid=uid,
        attendees=[Attendee("Alex Morgan", AttendeeRole.FACILITATOR)],
        observations=observations,
    )
    return meeting, observations


def test_self_vs_observer_per_meeting_and_over_the_plan() -> None:
    plan = DevelopmentPlan("Alex Morgan")
    plan.goals.append(Goal("Time", evidence=[Evidence("b"), Evidence("a")]))
    plan.set_self_rating("a", "Time-keeping", 8)
    plan.set_self_rating("a", "Listening", 6)
    plan.set_self_rating("b", "Time-keeping", 6.5)
    plan.set_self_rating("a", "Plain language", 5)  # no observer rated it there
    plan.set_self_rating("b", "Plain language", 9)
    facilitated = [
        _observed("b", 20, {"Time-keeping": 6, "Plain language": 7}),
        _observed("a", 2, {"Time-keeping": 5}),
        _observed("unplanned", 25, {"Time-keeping": 1}),
    ]
    figures = self_vs_observer(plan, facilitated)

    assert figures.criteria == ("Time-keeping", "Plain language", "Listening")
    assert [m.meeting.uid for m in figures.meetings] == ["a", "b"]  # oldest first; the unplanned one left out
    first = figures.meeting("a")
    assert first is not None
    assert [(r.leader, r.observer, r.gap) for r in first.rows] == [(8, 5, 3), (5, None, None), (6, None, None)]
    overall = {r.criterion: r for r in figures.overall}
    assert (overall["Time-keeping"].leader, overall["Time-keeping"].observer) == (7.25, 5.5)
    assert overall["Time-keeping"].gap == 1.75
    # Over the one meeting both rated, so the gap compares like with like (not 7 against 7).
    assert (overall["Plain language"].leader, overall["Plain language"].observer) == (9, 7)
    assert (overall["Listening"].leader, overall["Listening"].observer, overall["Listening"].gap) == (6, None, None)
    assert len(self_vs_observer(plan, facilitated, every_meeting=True).meetings) == 3

"""The trajectory plan's milestones: which are late on a meeting's day, the targets drawn beside the scale, and
the limits that keep a milestone a line, not a report.
"""

from __future__ import annotations

from datetime import date

import pytest

from sos_desktop.models.trajectory_plan import (
    MAX_MILESTONES,
    Milestone,
    MilestoneStatus,
    TrajectoryPlan,
    in_date_order,
    is_late,
    late_milestones,
    next_milestone,
    planned_scale,
    status_label,
    targets,
)

DAY = date(2026, 12, 12)


@pytest.mark.parametrize("status", [MilestoneStatus.PLANNED, MilestoneStatus.UNDER_WAY])
def test_an_open_milestone_past_its_date_is_late(status: MilestoneStatus) -> None:
    milestone = Milestone("Network meeting", planned_on=date(2026, 12, 5), status=status)
    assert is_late(milestone, DAY)
    assert status_label(milestone, DAY) == "Late"


@pytest.mark.parametrize("status", [MilestoneStatus.DONE, MilestoneStatus.DROPPED])
def test_a_done_or_dropped_milestone_is_never_late(status: MilestoneStatus) -> None:
    milestone = Milestone("Network meeting", planned_on=date(2020, 1, 1), status=status)
    assert not is_late(milestone, DAY)
    assert status_label(milestone, DAY) == {"done": "Done", "dropped": "Dropped"}[status.value]


def test_a_milestone_due_today_or_undated_is_not_late() -> None:
    assert status_label(Milestone("Review conference", planned_on=DAY), DAY) == "Planned"
    assert not is_late(Milestone("Case closes"), DAY)
    assert status_label(Milestone("Plan tried", status=MilestoneStatus.UNDER_WAY), DAY) == "Under way"


def plan() -> TrajectoryPlan:
    return TrajectoryPlan(
        milestones=[
            Milestone("Case closes", planned_on=date(2027, 6, 1), target=9, key="close"),
            Milestone("Undated check-in", key="undated"),
            Milestone("Network meeting", planned_on=date(2026, 12, 5), target=4, key="network"),
            Milestone("Old idea", planned_on=date(2027, 1, 1), target=6, status=MilestoneStatus.DROPPED, key="dropped"),
            Milestone("Plan tried for two weeks", planned_on=date(2027, 1, 9), target=6.5, key="tried"),
        ]
    )


def test_targets_are_in_date_order_and_leave_out_dropped_and_undated_milestones() -> None:
    assert targets(plan()) == [(date(2026, 12, 5), 4), (date(2027, 1, 9), 6.5), (date(2027, 6, 1), 9)]


def test_milestones_go_by_date_with_undated_ones_last() -> None:
    assert [m.key for m in in_date_order(plan().milestones)] == ["network", "dropped", "tried", "close", "undated"]
    assert [m.key for m in late_milestones(plan(), DAY)] == ["network"]
    next_one = next_milestone(plan(), DAY)
    assert next_one is not None and next_one.key == "network"  # the late one is the next thing to do


def test_the_plan_is_for_its_own_scale_else_the_case_s_first() -> None:
    assert planned_scale(TrajectoryPlan(), ["first", "second"]) == "first"
    assert planned_scale(TrajectoryPlan(scale_key="second"), ["first", "second"]) == "second"
    assert planned_scale(TrajectoryPlan(), []) == ""


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"what": "x" * 501}, "A milestone can be at most 500 characters long."),
        ({"what": "Network meeting", "who": "y" * 301}, "Who does a milestone can be at most 300 characters long."),
        ({"what": "Network meeting", "note": "z" * 2001}, "A milestone's note can be at most 2,000 characters long."),
        ({"what": "   \n "}, "A milestone needs to say what it is."),
    ],
)
def test_absurd_lengths_are_refused_with_a_clear_message(fields: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError) as refused:
        Milestone(**fields)  # type: ignore[arg-type]
    assert str(refused.value) == message


def test_a_target_off_the_scale_and_too_many_milestones_are_refused() -> None:
    with pytest.raises(ValueError):
        Milestone("Case closes", target=11)
    with pytest.raises(ValueError, match=f"at most {MAX_MILESTONES} milestones"):
        TrajectoryPlan(milestones=[Milestone(f"Step {n}") for n in range(MAX_MILESTONES + 1)])
    with pytest.raises(ValueError, match="one key"):
        TrajectoryPlan(milestones=[Milestone("a", key="k"), Milestone("b", key="k")])


def test_unicode_words_are_kept_exactly() -> None:
    what = "Spotkanie sieci wsparcia — Zoë & Łucja ✔"
    milestone = Milestone(what, who="Ms Ng’s team 🏫", note="Résumé\nline two")
    assert (milestone.what, milestone.who, milestone.note) == (what, "Ms Ng’s team 🏫", "Résumé\nline two")
    assert milestone.what.encode("utf-8") == what.encode("utf-8")

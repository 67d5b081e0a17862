"""The plans as plain data, the one form the store and the meeting file share: what is written, and that reading it
back gives the same plan and writing that gives the same data.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from sos_desktop.models.plans_data import (
    safety_plan_data,
    safety_plan_from,
    trajectory_plan_data,
    trajectory_plan_from,
)
from sos_desktop.models.safety_plan import PlanRule, SafetyPlan, SignKind, SignUp, WarningSign
from sos_desktop.models.trajectory_plan import Milestone, MilestoneStatus, TrajectoryPlan

REFS = {1: "p1", 2: "p2"}
IDS = {ref: person_id for person_id, ref in REFS.items()}


def plan() -> SafetyPlan:
    return SafetyPlan(
        rules=[
            PlanRule(
                "Nan will ring Dad each evening", key="r1", answers=["d1"], owners=[2, 1], if_broken="Nan rings Sam"
            ),
            PlanRule("Babcia odbiera Zosię ze szkoły 👵", key="r2", owners=[1]),
        ],
        signs=[
            WarningSign("Dad slurring on the phone", kind=SignKind.RED_FLAG, key="s1", response="Nan goes round"),
            WarningSign("Payday", kind=SignKind.TRIGGER, key="s2"),
        ],
        sign_ups=[SignUp(1, date(2026, 12, 12))],
        review_on=date(2027, 1, 9),
    )


def test_a_plan_is_written_with_people_by_the_caller_s_reference_and_empty_values_left_out() -> None:
    data = safety_plan_data(plan(), REFS.get)
    assert data["rules"][0] == {
        "key": "r1",
        "words": "Nan will ring Dad each evening",
        "answers": ["d1"],
        "owners": ["p2", "p1"],
        "if_broken": "Nan rings Sam",
    }
    assert data["rules"][1] == {"key": "r2", "words": "Babcia odbiera Zosię ze szkoły 👵", "owners": ["p1"]}
    assert data["signs"][1] == {"key": "s2", "kind": "trigger", "words": "Payday"}
    assert data["signed_up"] == [{"person": "p1", "signed_on": "2026-12-12"}]
    assert data["review_on"] == "2027-01-09"


def test_read_back_it_is_the_same_plan_and_written_again_the_same_text() -> None:
    data = safety_plan_data(plan(), REFS.get)
    again = safety_plan_from(json.loads(json.dumps(data)), IDS.get)
    assert again == plan()
    assert json.dumps(safety_plan_data(again, REFS.get)) == json.dumps(data)


def test_a_reference_that_names_nobody_is_dropped_and_the_rule_kept() -> None:
    data = safety_plan_data(plan(), REFS.get)
    data["rules"][1]["owners"] = ["p9"]
    data["signed_up"] = [{"person": "p9", "signed_on": "2026-12-12"}]
    read = safety_plan_from(data, IDS.get)
    assert [rule.words for rule in read.rules] == [rule.words for rule in plan().rules]
    assert read.rules[1].owners == [] and read.sign_ups == []


def test_unknown_keys_are_kept_and_written_back() -> None:
    data = safety_plan_data(plan(), REFS.get)
    data["rules"][0]["x_source"] = "family meeting"
    data["x_version"] = 3
    written = safety_plan_data(safety_plan_from(data, IDS.get), REFS.get)
    assert written["rules"][0]["x_source"] == "family meeting" and written["x_version"] == 3


def test_an_impossible_date_is_refused() -> None:
    data = safety_plan_data(plan(), REFS.get)
    data["review_on"] = "2027-02-30"
    with pytest.raises(ValueError):
        safety_plan_from(data, IDS.get)


def test_a_trajectory_plan_goes_to_data_and_back_with_whole_scores_as_integers() -> None:
    trajectory = TrajectoryPlan(
        milestones=[
            Milestone("Network meeting", planned_on=date(2026, 12, 5), who="Sam", target=4.0, key="m1"),
            Milestone("Case closes", status=MilestoneStatus.UNDER_WAY, target=8.5, note="If the plan holds", key="m2"),
        ],
        scale_key="scale-1",
    )
    data = trajectory_plan_data(trajectory)
    assert data == {
        "scale_key": "scale-1",
        "milestones": [
            {
                "key": "m1",
                "what": "Network meeting",
                "planned_on": "2026-12-05",
                "who": "Sam",
                "status": "planned",
                "target": 4,
            },
            {"key": "m2", "what": "Case closes", "status": "under_way", "target": 8.5, "note": "If the plan holds"},
        ],
    }
    assert trajectory_plan_from(json.loads(json.dumps(data))) == trajectory
    assert trajectory_plan_data(TrajectoryPlan()) == {} and safety_plan_data(SafetyPlan(), REFS.get) == {}

"""The safety plan and the trajectory plan in the store, each meeting its own version of the case's plans: saved
and read back whole, carried into a continued meeting with the same rule keys, an earlier meeting keeping the plan
as it stood, a new meeting of the case starting from the latest plan, and a person who leaves the network leaving
the rules they owned to the others.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from store_helpers import row_counts, small_meeting

from sos_desktop.models import Case, Meeting, NetworkPerson
from sos_desktop.models.continuity import reference_day
from sos_desktop.models.safety_plan import PlanRule, SafetyPlan, SignKind, SignUp, WarningSign, owners
from sos_desktop.models.safety_plan_checks import OWNER_NOT_TOLD, RULE_ONLY_PROHIBITS, RULE_WITHOUT_OWNER, plan_hints
from sos_desktop.models.trajectory_plan import (
    Milestone,
    MilestoneStatus,
    TrajectoryPlan,
    in_date_order,
    late_milestones,
)
from sos_desktop.store import Store
from sos_desktop.store.errors import NotFoundError


def _people(store: Store, case_id: int) -> tuple[int, int]:
    nan = store.add_person(case_id, NetworkPerson("Nan", knows_worries=True))
    dad = store.add_person(case_id, NetworkPerson("Dad"))
    assert nan.id is not None and dad.id is not None
    return nan.id, dad.id


def _plan(nan: int, dad: int) -> SafetyPlan:
    return SafetyPlan(
        rules=[
            PlanRule("Dad won't drink; Nan will ring him each evening", key="r-ring", owners=[nan, dad]),
            PlanRule("Nan stays every night Mum works", key="r-stay", owners=[nan], if_broken="Mum rings Sam"),
        ],
        signs=[
            WarningSign("Dad slurring on the phone", kind=SignKind.RED_FLAG, response="Nan goes round", key="s-slur")
        ],
        sign_ups=[SignUp(nan, date(2026, 12, 1))],
        review_on=date(2027, 1, 9),
    )


def _trajectory() -> TrajectoryPlan:
    return TrajectoryPlan(
        milestones=[
            Milestone("Network meeting", planned_on=date(2026, 12, 5), who="Sam", target=4, key="m1"),
            Milestone("Case closes", planned_on=date(2027, 6, 1), target=9, key="m2"),
        ]
    )


def test_a_meeting_s_plans_are_saved_and_read_back_whole(store: Store, case: Case, meeting: Meeting) -> None:
    assert case.id is not None and meeting.id is not None
    nan, dad = _people(store, case.id)
    assert store.get_meeting(meeting.id).safety_plan == SafetyPlan()
    store.set_safety_plan(meeting.id, _plan(nan, dad))
    store.set_trajectory_plan(meeting.id, _trajectory())
    stored = store.get_meeting(meeting.id)
    assert stored.safety_plan == _plan(nan, dad)
    assert stored.trajectory_plan == _trajectory()
    # Saving one plan leaves the other as it was; the bundle holds them too.
    store.set_safety_plan(meeting.id, SafetyPlan(rules=[PlanRule("Nan collects Mia", key="r-new")]))
    bundle = store.load_bundle(meeting.id)
    assert [rule.key for rule in bundle.meeting.safety_plan.rules] == ["r-new"]
    assert bundle.meeting.trajectory_plan == _trajectory()


def test_a_continued_meeting_carries_the_plan_and_editing_it_leaves_last_time_s_as_it_stood(
    store: Store, case: Case, meeting: Meeting
) -> None:
    assert case.id is not None and meeting.id is not None
    nan, dad = _people(store, case.id)
    store.set_safety_plan(meeting.id, _plan(nan, dad))
    store.set_trajectory_plan(meeting.id, _trajectory())
    follow_up = store.continue_meeting(meeting.id, title="Follow-up", held_on=datetime(2026, 12, 12, 10), agenda=[])
    assert follow_up.id is not None
    carried = store.get_meeting(follow_up.id)
    assert [(rule.key, rule.words, rule.owners) for rule in carried.safety_plan.rules] == [
        ("r-ring", "Dad won't drink; Nan will ring him each evening", [nan, dad]),
        ("r-stay", "Nan stays every night Mum works", [nan]),
    ]
    assert carried.trajectory_plan == _trajectory()

    edited = carried.safety_plan
    edited.rules[0].words = "Nan will ring Dad at 7 each evening"
    edited.rules.append(PlanRule("Pat knocks at bedtime", key="r-knock"))
    store.set_safety_plan(follow_up.id, edited)
    store.set_trajectory_plan(
        follow_up.id, TrajectoryPlan(milestones=[Milestone("Case closes", key="m2", status=MilestoneStatus.DONE)])
    )

    assert [rule.words for rule in store.get_meeting(follow_up.id).safety_plan.rules] == [
        "Nan will ring Dad at 7 each evening",
        "Nan stays every night Mum works",
        "Pat knocks at bedtime",
    ]
    earlier = store.get_meeting(meeting.id)
    assert earlier.safety_plan == _plan(nan, dad)
    assert earlier.trajectory_plan == _trajectory()


def test_a_new_meeting_of_the_case_starts_from_the_latest_plan(store: Store, case: Case) -> None:
    assert case.id is not None
    meeting = store.add_meeting(Meeting(title="First", case_id=case.id, held_on=datetime(2026, 11, 20, 10)))
    assert meeting.id is not None
    nan, dad = _people(store, case.id)
    store.set_safety_plan(meeting.id, _plan(nan, dad))
    later = store.add_meeting(Meeting(title="Later", case_id=case.id, held_on=datetime(2026, 12, 20, 10)))
    assert later.id is not None
    latest = _plan(nan, dad)
    latest.rules = latest.rules[:1]
    store.set_safety_plan(later.id, latest)

    new = store.add_meeting(small_meeting(case.id, "Review"))
    assert [rule.key for rule in new.safety_plan.rules] == ["r-ring"]  # the later meeting's plan, not the first's
    assert store.get_meeting(later.id).safety_plan == latest

    other_case = store.add_case(Case(label="Family Q"))
    assert other_case.id is not None
    assert store.add_meeting(small_meeting(other_case.id)).safety_plan == SafetyPlan()


def test_a_person_who_is_deleted_leaves_their_rules_to_the_others(store: Store, case: Case, meeting: Meeting) -> None:
    assert case.id is not None and meeting.id is not None
    nan, dad = _people(store, case.id)
    store.set_safety_plan(meeting.id, _plan(nan, dad))
    store.delete_person(nan)
    plan = store.get_meeting(meeting.id).safety_plan
    network = store.get_network(case.id)
    assert [(rule.words, [p.name for p in owners(rule, network)]) for rule in plan.rules] == [
        ("Dad won't drink; Nan will ring him each evening", ["Dad"]),
        ("Nan stays every night Mum works", []),
    ]
    assert plan.rules[1].if_broken == "Mum rings Sam"


def test_the_demo_follow_up_s_plan_shows_the_hints_and_the_late_milestone_it_is_made_to_show(store: Store) -> None:
    demo = store.save_demo()
    follow_up, first = store.load_bundle(demo.follow_up), store.load_bundle(demo.first)
    hints = plan_hints(follow_up.meeting.safety_plan, follow_up.meeting.items, follow_up.network)
    assert sorted(hint.code for hint in hints) == sorted([OWNER_NOT_TOLD, RULE_WITHOUT_OWNER, RULE_ONLY_PROHIBITS])
    assert any(hint.message.endswith("does not know the worries yet.") for hint in hints)
    # The rule nobody owns is the prohibition.
    assert len({hint.about for hint in hints if hint.code in (RULE_WITHOUT_OWNER, RULE_ONLY_PROHIBITS)}) == 1
    plan = follow_up.meeting.trajectory_plan
    on = reference_day(follow_up.meeting, date(2026, 12, 3))
    assert on == date(2026, 12, 12)
    assert [m.key for m in late_milestones(plan, on)] == [in_date_order(plan.milestones)[0].key]
    assert len(first.meeting.safety_plan.rules) == 1 and len(follow_up.meeting.safety_plan.rules) == 5
    assert [m.key for m in first.meeting.trajectory_plan.milestones] == [m.key for m in plan.milestones]


def test_undoing_a_removal_gives_the_person_their_rules_back_and_a_newcomer_owns_none(
    store: Store, case: Case, meeting: Meeting
) -> None:
    assert case.id is not None and meeting.id is not None
    nan, dad = _people(store, case.id)
    store.set_safety_plan(meeting.id, _plan(nan, dad))

    def owned() -> list[list[str]]:
        network = store.get_network(case.id or 0)
        return [
            [p.name for p in owners(rule, network)] for rule in store.get_meeting(meeting.id or 0).safety_plan.rules
        ]

    removal = store.remove_person(dad)  # the person added last: a newcomer must not take over their id
    assert owned() == [["Nan"], ["Nan"]]
    store.add_person(case.id, NetworkPerson("Pat next door"))
    assert owned() == [["Nan"], ["Nan"]]
    store.restore_person(case.id, removal)
    assert owned() == [["Nan", "Dad"], ["Nan"]]


def test_a_deleted_meeting_takes_its_plans_with_it_and_saving_to_it_is_refused(store: Store) -> None:
    demo = store.save_demo()
    store.delete_meeting(demo.conference)  # continued from the follow-up, it carries the follow-up's plans on
    assert row_counts(store)["meeting_plans"] == 2
    store.delete_meeting(demo.follow_up)
    assert row_counts(store)["meeting_plans"] == 1  # the first meeting's plan, as it stood
    assert len(store.get_meeting(demo.first).safety_plan.rules) == 1
    with pytest.raises(NotFoundError):
        store.set_safety_plan(demo.follow_up, SafetyPlan(rules=[PlanRule("Nan rings Dad")]))
    with pytest.raises(NotFoundError):
        store.set_trajectory_plan(demo.follow_up, TrajectoryPlan(milestones=[Milestone("Case closes")]))
    assert row_counts(store)["meeting_plans"] == 1

"""The safety plan and the trajectory plan in the meeting file: a plan goes out and back in byte for byte with its
owners still the right people, a file that breaks the plan is refused naming the place, a broken owner is left out
with a warning and the rule kept, and a file written before the plan (people's own "rules") gets a plan of them.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from interchange_support import spec_example

from sos_desktop.exporters.interchange.files import (
    InterchangeError,
    bundle_to_dict,
    parse_meeting,
    read_meeting_file,
    write_meeting_file,
)
from sos_desktop.models import Case, Category, MapItem, Meeting, NetworkPerson
from sos_desktop.models.safety_plan import PlanRule, SafetyPlan, SignKind, SignUp, WarningSign, owners
from sos_desktop.models.trajectory_plan import Milestone, MilestoneStatus, TrajectoryPlan
from sos_desktop.store import Store


def _case_with_a_plan(store: Store) -> int:
    """A case whose meeting has five rules owned by three people, two red flags and a trigger, two sign-ups, and
    four milestones; the meeting's id.
    """
    case = store.add_case(Case(label="Family Z", reference="CP-19"))
    assert case.id is not None
    meeting = store.add_meeting(
        Meeting(
            title="Network meeting",
            case_id=case.id,
            held_on=datetime(2026, 12, 12, 10, 0),
            items=[
                MapItem(category=Category.DANGER, text="We worry Dad will drink and hurt Zosia.", key="d-drink"),
                MapItem(category=Category.DANGER, text="We worry Zosia will be alone at night.", key="d-alone"),
            ],
        )
    )
    assert meeting.id is not None
    nan, dad, pat = (
        store.add_person(case.id, NetworkPerson(name, knows_worries=knows))
        for name, knows in (("Babcia Łucja", True), ("Dad", True), ("Pat next door", False))
    )
    store.add_person(case.id, NetworkPerson("Zosia"))
    assert nan.id is not None and dad.id is not None and pat.id is not None
    store.set_safety_plan(
        meeting.id,
        SafetyPlan(
            rules=[
                PlanRule(
                    "Dad won't drink; Babcia will ring him each evening", answers=["d-drink"], owners=[nan.id, dad.id]
                ),
                PlanRule(
                    "Babcia stays every night Mum works",
                    answers=["d-alone"],
                    owners=[nan.id],
                    if_broken="Mum rings Sam",
                ),
                PlanRule("Pat knocks at bedtime to say goodnight", owners=[pat.id]),
                PlanRule("Dad won't drive after drinking"),
                PlanRule("Zosia ma telefon z numerem babci ☎️", owners=[dad.id, nan.id]),
            ],
            signs=[
                WarningSign("Dad slurring on the phone", response="Babcia goes round"),
                WarningSign("Zosia not at school", kind=SignKind.RED_FLAG, response="School rings Sam"),
                WarningSign("Payday", kind=SignKind.TRIGGER),
            ],
            sign_ups=[SignUp(nan.id, date(2026, 12, 12)), SignUp(dad.id, date(2026, 12, 12))],
            review_on=date(2027, 1, 9),
        ),
    )
    store.set_trajectory_plan(
        meeting.id,
        TrajectoryPlan(
            milestones=[
                Milestone("Network meeting", planned_on=date(2026, 12, 5), who="Sam", target=4),
                Milestone(
                    "Plan tried for two weeks",
                    planned_on=date(2026, 12, 26),
                    status=MilestoneStatus.UNDER_WAY,
                    target=5.5,
                ),
                Milestone("Review conference", planned_on=date(2027, 1, 9), target=7, note="Kontrola — Łucja"),
                Milestone("Case closes", planned_on=date(2027, 6, 1), status=MilestoneStatus.PLANNED, target=9),
            ]
        ),
    )
    return meeting.id


def _owned(bundle) -> list[tuple[str, list[str]]]:  # type: ignore[no-untyped-def]
    return [(rule.words, [p.name for p in owners(rule, bundle.network)]) for rule in bundle.meeting.safety_plan.rules]


def test_a_plan_goes_out_into_another_database_and_out_again_byte_for_byte(tmp_path: Path) -> None:
    first, second = (Store.open(f"sqlite:///{tmp_path / name / 'sos.sqlite3'}") for name in ("a", "b"))
    try:
        exported, again = tmp_path / "out.json", tmp_path / "again.json"
        original = first.load_bundle(_case_with_a_plan(first))
        write_meeting_file(original, exported)
        warnings: list[str] = []
        imported = second.import_bundle(read_meeting_file(exported, warnings), warnings=warnings).bundle
        assert warnings == []
        assert imported.meeting.id is not None
        stored = second.load_bundle(imported.meeting.id)
        write_meeting_file(stored, again)
        assert again.read_bytes() == exported.read_bytes()

        # The owners are the same people in the second database, under its own ids.
        assert (
            _owned(stored)
            == _owned(original)
            == [
                ("Dad won't drink; Babcia will ring him each evening", ["Babcia Łucja", "Dad"]),
                ("Babcia stays every night Mum works", ["Babcia Łucja"]),
                ("Pat knocks at bedtime to say goodnight", ["Pat next door"]),
                ("Dad won't drive after drinking", []),
                ("Zosia ma telefon z numerem babci ☎️", ["Dad", "Babcia Łucja"]),
            ]
        )
        plan = stored.meeting.safety_plan
        assert [rule.key for rule in plan.rules] == [rule.key for rule in original.meeting.safety_plan.rules]
        assert [rule.answers for rule in plan.rules][:2] == [["d-drink"], ["d-alone"]]
        assert len(plan.signs_of(SignKind.RED_FLAG)) == 2 and plan.review_on == date(2027, 1, 9)
        by_id = {person.id: person.name for person in stored.network.people}
        assert [(by_id[s.person], s.signed_on) for s in plan.sign_ups] == [
            ("Babcia Łucja", date(2026, 12, 12)),
            ("Dad", date(2026, 12, 12)),
        ]
        assert stored.meeting.trajectory_plan == original.meeting.trajectory_plan
        assert [m.what for m in stored.meeting.trajectory_plan.milestones][-1] == "Case closes"
    finally:
        first.close()
        second.close()


def test_people_s_rules_in_the_file_are_the_plan_s_rules_they_own(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'sos.sqlite3'}")
    try:
        document = bundle_to_dict(store.load_bundle(_case_with_a_plan(store)))
    finally:
        store.close()
    rules = {person["name"]: person.get("rules", []) for person in document["people"]}
    assert rules == {
        "Babcia Łucja": [
            "Dad won't drink; Babcia will ring him each evening",
            "Babcia stays every night Mum works",
            "Zosia ma telefon z numerem babci ☎️",
        ],
        "Dad": ["Dad won't drink; Babcia will ring him each evening", "Zosia ma telefon z numerem babci ☎️"],
        "Pat next door": ["Pat knocks at bedtime to say goodnight"],
        "Zosia": [],
    }
    # Read back, they are not added to the plan a second time.
    assert len(parse_meeting(document).meeting.safety_plan.rules) == 5


def _with_plan(plan: dict, trajectory: dict | None = None) -> dict:  # type: ignore[type-arg]
    document = spec_example()
    for person in document["people"]:
        person.pop("rules", None)
    document["safety_plan"] = plan
    if trajectory is not None:
        document["trajectory_plan"] = trajectory
    return document


def test_two_rules_with_one_key_are_refused_naming_the_second() -> None:
    document = _with_plan({"rules": [{"key": "k", "words": "Nan rings"}, {"key": "k", "words": "Pat knocks"}]})
    with pytest.raises(InterchangeError) as refused:
        parse_meeting(document)
    assert refused.value.path == "safety_plan.rules[1].key"
    assert str(refused.value) == (
        "safety_plan.rules[1].key: 'k' is already the key of safety_plan.rules[0]; each rule needs its own."
    )


@pytest.mark.parametrize(
    ("plan", "trajectory", "where"),
    [
        ({"review_on": "2027-02-30"}, None, "safety_plan.review_on"),
        ({"signed_up": [{"person": "p1", "signed_on": "2026-11-31"}]}, None, "safety_plan.signed_up[0].signed_on"),
        ({}, {"milestones": [{"key": "m", "what": "Closes", "planned_on": "2027-04-31"}]}, None),
    ],
)
def test_an_impossible_date_is_refused_naming_its_place(plan: dict, trajectory: dict | None, where: str | None) -> None:  # type: ignore[type-arg]
    with pytest.raises(InterchangeError) as refused:
        parse_meeting(_with_plan(plan, trajectory))
    where = where or "trajectory_plan.milestones[0].planned_on"
    assert refused.value.path == where
    assert str(refused.value).startswith(where + ": ") and "not a real date" in str(refused.value)


def test_an_owner_not_in_the_file_is_dropped_with_a_warning_and_the_rule_kept() -> None:
    document = _with_plan(
        {
            "rules": [{"key": "r1", "words": "Pat knocks at bedtime", "owners": ["p9"]}],
            "signed_up": [{"person": "p9", "signed_on": "2026-12-12"}, {"person": "p1", "signed_on": "2026-12-12"}],
        }
    )
    warnings: list[str] = []
    bundle = parse_meeting(document, warnings)
    assert warnings == [
        "safety_plan.rules[0].owners[0]: 'p9' is not the id of any person in this file; "
        "the rule was kept without that owner.",
        "safety_plan.signed_up[0].person: 'p9' is not the id of any person in this file; that sign-up was left out.",
    ]
    plan = bundle.meeting.safety_plan
    assert [(rule.key, rule.words, rule.owners) for rule in plan.rules] == [("r1", "Pat knocks at bedtime", [])]
    assert [entry.person for entry in plan.sign_ups] == [bundle.network.people[0].id]


def test_a_file_from_before_the_plan_gets_a_plan_of_its_people_s_rules() -> None:
    document = spec_example()
    assert "safety_plan" not in document
    mia, mum = document["people"][:2]
    mum["rules"] = ["Mum rings Nan if Dad comes round.", "Mia tells her teacher if Mum and Dad shout."]
    bundle = parse_meeting(document)
    ids = {person.name: person.id for person in bundle.network.people}
    assert [(rule.words, rule.owners) for rule in bundle.meeting.safety_plan.rules] == [
        ("Mia tells her teacher if Mum and Dad shout.", [ids[mia["name"]], ids[mum["name"]]]),
        ("Mum rings Nan if Dad comes round.", [ids[mum["name"]]]),
    ]
    assert all(person.rules == [] for person in bundle.network.people)
    written = bundle_to_dict(bundle)
    assert [rule["words"] for rule in written["safety_plan"]["rules"]] == [
        "Mia tells her teacher if Mum and Dad shout.",
        "Mum rings Nan if Dad comes round.",
    ]
    assert written["people"][0]["rules"] == mia["rules"]
    assert sorted(written["people"][1]["rules"]) == sorted(mum["rules"])


def test_a_person_at_the_start_not_in_the_file_is_a_warning_too() -> None:
    # The same warnings path as the plan's owners (it failed with a KeyError before they were both named).
    document = spec_example()
    document["network_at_start"] = [{"person": "p9", "name": "Gone", "display_name": "G", "knows_worries": True}]
    warnings: list[str] = []
    bundle = parse_meeting(document, warnings)
    assert warnings == [
        "network_at_start[0].person: 'p9' is not the id of any person in this file; "
        "the entry was imported without naming the person."
    ]
    assert [then.name for then in bundle.meeting.network_at_start] == ["Gone"]


def test_keys_of_the_plans_this_version_does_not_know_are_kept_and_written_back() -> None:
    document = _with_plan(
        {
            "rules": [{"key": "r1", "words": "Nan will ring", "x_source": "family meeting"}],
            "signs": [{"key": "s1", "kind": "trigger", "words": "Payday", "x_seen": 2}],
            "x_plan": {"copies": 3},
        },
        {"milestones": [{"key": "m1", "what": "Case closes", "status": "planned", "x_ref": "LL-9"}], "x_road": True},
    )
    written = bundle_to_dict(parse_meeting(document))
    assert written["safety_plan"] == document["safety_plan"]
    assert written["trajectory_plan"] == document["trajectory_plan"]


def test_the_demo_follow_up_s_plan_travels_to_another_database_unchanged(tmp_path: Path) -> None:
    first, second = (Store.open(f"sqlite:///{tmp_path / name / 'sos.sqlite3'}") for name in ("a", "b"))
    try:
        follow_up = first.load_bundle(first.save_demo().follow_up)
        exported, again = tmp_path / "out.json", tmp_path / "again.json"
        write_meeting_file(follow_up, exported)
        imported = second.import_bundle(read_meeting_file(exported)).bundle
        assert imported.meeting.id is not None
        write_meeting_file(second.load_bundle(imported.meeting.id), again)
        assert again.read_bytes() == exported.read_bytes()
        assert _owned(imported) == _owned(follow_up) and len(imported.meeting.safety_plan.rules) == 5
        assert len(imported.meeting.trajectory_plan.milestones) == 4
    finally:
        first.close()
        second.close()


def test_two_rules_in_the_same_words_keep_their_own_owners_through_the_file() -> None:
    # People's "rules" name a rule by its words only: reading them back must not give one rule's owner the other.
    document = _with_plan(
        {
            "rules": [
                {"key": "a", "words": "Nan rings Dad each evening", "owners": ["p1"]},
                {"key": "b", "words": "Nan rings Dad each evening", "owners": ["p2"]},
            ]
        }
    )
    written = bundle_to_dict(parse_meeting(document))
    assert [person["rules"] for person in written["people"]] == [["Nan rings Dad each evening"]] * 2
    again = bundle_to_dict(parse_meeting(written))
    assert again == written
    assert [(rule["key"], rule["owners"]) for rule in again["safety_plan"]["rules"]] == [("a", ["p1"]), ("b", ["p2"])]

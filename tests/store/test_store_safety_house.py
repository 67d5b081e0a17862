"""The Safety Houses and the children's tools in the store: saved and loaded with the meeting, the child's words
byte for byte, a removed person forgotten, a continued meeting carrying the houses without the path, and the demo.
"""

from __future__ import annotations

from sos_desktop.models import Case, Meeting, NetworkPerson, PersonRole
from sos_desktop.models.child_tools import ChildTool
from sos_desktop.models.demo_child_tools import FOLLOW_UP_PATH_WORDS, NOAH_RULES, NOT_SHARED_WORDS
from sos_desktop.models.safety_house import HousePerson, HouseRule, Placement, SafetyHouse
from sos_desktop.store import Store

WORDS = "  Mummy\u00a0and me\n\tmake 🥞 — «on Sundays»  \u200f!  "


def _family(store: Store) -> tuple[int, int, int, int]:
    case = store.add_case(Case("Safety House"))
    assert case.id is not None
    child = store.add_person(case.id, NetworkPerson("Kayla Smith", display_name="K", role=PersonRole.CHILD, age=7))
    mum = store.add_person(case.id, NetworkPerson("Jo Smith", display_name="Mum", role=PersonRole.PARENT))
    assert child.id is not None and mum.id is not None
    meeting = store.add_meeting(Meeting("First", case_id=case.id))
    assert meeting.id is not None
    return case.id, meeting.id, child.id, mum.id


def _house(child: int, mum: int) -> SafetyHouse:
    return SafetyHouse(
        child,
        people=[HousePerson(mum, Placement.VISITING, WORDS, True)],
        rules=[HouseRule(WORDS, True), HouseRule("No hitting")],
        path=3.5,
        path_words=WORDS,
    )


def test_the_houses_and_tools_are_saved_and_loaded_with_the_child_s_words_byte_for_byte(store: Store) -> None:
    _, meeting_id, child, mum = _family(store)
    house = _house(child, mum)
    store.set_safety_houses(meeting_id, [house])
    store.set_child_tools(meeting_id, {child: ChildTool.WIZARD})
    loaded = store.get_meeting(meeting_id)
    assert loaded.safety_houses == [house]
    assert loaded.safety_houses[0].people[0].words.encode() == WORDS.encode()
    assert loaded.safety_houses[0].rules[0].words.encode() == WORDS.encode()
    assert loaded.child_tools == {child: ChildTool.WIZARD}
    store.set_safety_houses(meeting_id, [])
    store.set_child_tools(meeting_id, {})
    assert store.meeting_part(meeting_id, "safety_houses") == {}
    assert store.get_meeting(meeting_id).child_tools == {}


def test_a_person_removed_from_the_network_leaves_the_houses(store: Store) -> None:
    _, meeting_id, child, mum = _family(store)
    store.set_safety_houses(meeting_id, [_house(child, mum)])
    store.delete_person(mum)
    (house,) = store.get_meeting(meeting_id).safety_houses
    assert house.people == [] and len(house.rules) == 2
    store.delete_person(child)
    assert store.get_meeting(meeting_id).safety_houses == []


def test_a_continued_meeting_carries_the_houses_without_the_path_and_keeps_the_tool(store: Store) -> None:
    _, meeting_id, child, mum = _family(store)
    store.set_safety_houses(meeting_id, [_house(child, mum)])
    store.set_child_tools(meeting_id, {child: ChildTool.FAIRY})
    following = store.continue_meeting(meeting_id, title="Second", held_on=None, agenda=[])
    (house,) = following.safety_houses
    assert house.path is None and house.path_words == ""
    assert [rule.key for rule in house.rules] == [
        rule.key for rule in store.get_meeting(meeting_id).safety_houses[0].rules
    ]
    assert house.people[0].words == WORDS and not house.people[0].consent_to_share
    assert following.child_tools == {child: ChildTool.FAIRY}
    assert store.get_meeting(meeting_id).safety_houses[0].path == 3.5  # the earlier meeting keeps its own


def test_the_demo_s_noah_has_a_safety_house_and_lily_the_fairy(store: Store) -> None:
    demo = store.save_demo()
    first, follow_up = store.get_meeting(demo.first), store.get_meeting(demo.follow_up)
    assert first.case_id is not None
    people = {person.id: person for person in store.get_network(first.case_id).people}
    ((lily, tool),) = follow_up.child_tools.items()
    assert people[lily].display_name == "L" and tool is ChildTool.FAIRY
    assert first.child_tools == {}  # the Fairy was chosen for her at the follow-up
    assert [(people[h.child].display_name, h.path) for h in first.safety_houses] == [("N", 4.0)]
    (house,) = follow_up.safety_houses
    assert people[house.child].display_name == "N" and house.path == 6 and house.path_words == FOLLOW_UP_PATH_WORDS
    where = {placement: [people[p.person].display_name for p in house.placed(placement)] for placement in Placement}
    assert where == {Placement.INSIDE: ["Mum", "L"], Placement.VISITING: ["Nan", "Aunt K"], Placement.OUTSIDE: ["Dad"]}
    assert tuple(rule.words for rule in house.rules) == NOAH_RULES
    assert [p.words for p in house.people if not p.consent_to_share] == [NOT_SHARED_WORDS]

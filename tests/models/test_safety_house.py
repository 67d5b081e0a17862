"""The Safety House and the Fairy/Wizard choice as data: the child's words kept exactly, what is refused and how it
is said, the plain form read back the same, the rules taken into the plan once, and the child's path across meetings.
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from sos_desktop.models import House, Meeting, Network, NetworkPerson
from sos_desktop.models.child_path import child_paths, path_line_titles
from sos_desktop.models.child_tools import ChildTool, child_tools_data, child_tools_from, house_titles, tool_heading
from sos_desktop.models.safety_house import (
    FROM_SAFETY_HOUSE,
    HousePerson,
    HouseRule,
    Placement,
    SafetyHouse,
    carried,
    plan_rules_from,
    without_people,
)
from sos_desktop.models.safety_house_data import dropped_people, safety_houses_data, safety_houses_from
from sos_desktop.models.safety_plan import PlanRule, SafetyPlan

REFS = {1: "p1", 2: "p2", 3: "p3"}
IDS = {ref: person_id for person_id, ref in REFS.items()}
ODD_WORDS = "  Mummy\u00a0and me\n\tmake 🥞 on Sundays  \u200f!  "


def house() -> SafetyHouse:
    return SafetyHouse(
        child=1,
        people=[
            HousePerson(2, Placement.INSIDE, ODD_WORDS, consent_to_share=True, key="a"),
            HousePerson(3, Placement.OUTSIDE, "he shouts", key="b"),
        ],
        rules=[HouseRule(" No shouting ", consent_to_share=True, key="r1"), HouseRule("Lights on", key="r2")],
        path=6.5,
        path_words="nearly at the door",
        path_consent=True,
    )


def test_the_child_s_words_are_kept_exactly_as_given() -> None:
    placed = HousePerson(2, "visiting", ODD_WORDS)
    assert placed.words == ODD_WORDS
    assert HouseRule(" No shouting ").words == " No shouting "
    assert SafetyHouse(1, path_words=ODD_WORDS).path_words == ODD_WORDS


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda: HouseRule("   "), "A rule of the house needs some words."),
        (lambda: HouseRule("x" * 2_001), "at most 2,000 characters long, not 2,001"),
        (lambda: HousePerson(2, words="hi\x1b[2J"), "cannot be shown (\\x1b)"),
        (lambda: HousePerson(2, words="evil\u202eenO"), "cannot be shown (\\u202e)"),
        (lambda: SafetyHouse(1, path=11), "from 0 to 10 in half points, not 11"),
        (lambda: SafetyHouse(1, path=3.3), "from 0 to 10 in half points, not 3.3"),
        (lambda: HousePerson(2, where="garden"), "'garden' is not a valid Placement"),
        (
            lambda: SafetyHouse(1, people=[HousePerson(2), HousePerson(2, Placement.OUTSIDE)]),
            "Somebody is placed twice in the Safety House",
        ),
    ],
)
def test_what_cannot_be_kept_is_refused_with_a_clear_message(make: object, said: str) -> None:
    with pytest.raises(ValueError, match=None) as refused:
        make()  # type: ignore[operator]
    assert said in str(refused.value)


def test_the_plain_form_reads_back_the_same_and_writes_the_same_text() -> None:
    written = safety_houses_data([house()], REFS.get)
    assert written[0]["child"] == "p1"
    assert written[0]["people"][0] == {
        "key": "a",
        "person": "p2",
        "where": "inside",
        "words": ODD_WORDS,
        "consent_to_share": True,
    }
    assert written[0]["path"] == 6.5
    text = json.dumps(written, ensure_ascii=False)
    back = safety_houses_from(json.loads(text), IDS.get)
    assert back == [house()]
    assert json.dumps(safety_houses_data(back, REFS.get), ensure_ascii=False) == text


def test_a_reference_naming_nobody_drops_the_placement_or_the_house_and_is_told() -> None:
    written = safety_houses_data([house(), SafetyHouse(3, rules=[HouseRule("Be kind")])], REFS.get)
    known = {"p1": 1, "p2": 2}
    back = safety_houses_from(written, known.get)
    assert [h.child for h in back] == [1]
    assert [p.person for p in back[0].people] == [2]
    assert dropped_people(written, known.get) == ["Safety House 1: the person 'p3'", "Safety House 2: its child 'p3'"]


def test_the_house_rules_go_into_the_plan_once_with_where_they_came_from() -> None:
    plan = SafetyPlan(rules=[PlanRule("Nan rings every night")])
    first = plan_rules_from(house(), plan)
    assert [rule.words for rule in first] == ["No shouting", "Lights on"]
    assert [rule.extra[FROM_SAFETY_HOUSE] for rule in first] == ["r1", "r2"]
    plan.rules.extend(first)
    assert plan_rules_from(house(), plan) == []


def test_a_continued_meeting_carries_the_house_without_the_path_and_asks_consent_again() -> None:
    (following,) = carried([house()])
    assert following.path is None and following.path_words == "" and not following.path_consent
    assert [p.words for p in following.people] == [ODD_WORDS, "he shouts"]
    assert not any(p.consent_to_share for p in following.people)
    assert [r.key for r in following.rules] == ["r1", "r2"]
    assert carried([SafetyHouse(1, path=4)]) == []


def test_people_who_left_the_network_leave_the_houses() -> None:
    (kept,) = without_people([house(), SafetyHouse(3)], {1, 2})
    assert [p.person for p in kept.people] == [2]


def test_the_child_s_path_is_a_line_across_the_case_s_meetings() -> None:
    first = Meeting("First", id=1, held_on=datetime(2026, 11, 1), safety_houses=[SafetyHouse(1, path=4)])
    later = Meeting("Later", id=2, held_on=datetime(2026, 12, 1), safety_houses=[house(), SafetyHouse(3)])
    lines = child_paths([later, first])
    assert [point.value for point in lines[1]] == [4.0, 6.5]
    assert 3 not in lines
    network = Network(people=[NetworkPerson("Kayla Smith", id=1, display_name="K")])
    assert path_line_titles(lines, network) == {1: "K's path to the door"}


def test_the_fairy_and_the_wizard_ask_the_three_houses_questions_under_their_own_titles() -> None:
    assert house_titles(ChildTool.FAIRY) == {
        House.WORRIES: "The Bad Fairy",
        House.GOOD_THINGS: "The Good Fairy",
        House.DREAMS: "The Dream Fairy",
    }
    assert house_titles("wizard")[House.WORRIES] == "The Bad Wizard"
    assert house_titles()[House.DREAMS] == "House of Dreams"
    assert tool_heading(ChildTool.FAIRY, "K") == "K's Fairy"
    assert tool_heading(ChildTool.THREE_HOUSES, "") == "The child's Three Houses"


def test_the_choice_of_tool_reads_back_the_same_and_an_unknown_tool_is_refused() -> None:
    tools = {2: ChildTool.WIZARD, 1: ChildTool.FAIRY, 3: ChildTool.THREE_HOUSES}
    written = child_tools_data(tools, REFS.get)
    assert written == [{"child": "p1", "tool": "fairy"}, {"child": "p2", "tool": "wizard"}]
    assert child_tools_from(written, IDS.get) == {1: ChildTool.FAIRY, 2: ChildTool.WIZARD}
    with pytest.raises(ValueError, match="'dragon' is not a tool for the child's voice"):
        child_tools_from([{"child": "p1", "tool": "dragon"}], IDS.get)

"""The Safety House and the Fairy/Wizard choice in the meeting file: the demo follow-up's house and Lily's Fairy go
out into another database and out again byte for byte, the child's exact words unchanged through save, load and
file; a house of nobody in the file, or a person placed who is not in it, is left out with a warning; two houses for
one child, a path off the line or a control character in the words refuse the file naming the place.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from interchange_support import spec_example

from sos_desktop.exporters.interchange.files import (
    InterchangeError,
    bundle_to_dict,
    parse_meeting,
    read_meeting_file,
    write_meeting_file,
)
from sos_desktop.models.child_tools import ChildTool
from sos_desktop.models.safety_house import HouseRule, Placement
from sos_desktop.store import Store

EXACT = "  Zoë’s «safe» room 🏠\n\twith\u00a0two  spaces — 安全  "


def _where(bundle: Any) -> list[tuple[str, str, str]]:
    names = {person.id: person.name for person in bundle.network.people}
    (house,) = bundle.meeting.safety_houses
    return [(names[p.person], p.where.value, p.words) for p in house.people]


def test_the_demo_house_and_fairy_go_to_another_database_and_out_again_byte_for_byte(tmp_path: Path) -> None:
    first, second = (Store.open(f"sqlite:///{tmp_path / name / 'sos.sqlite3'}") for name in ("a", "b"))
    try:
        saved = first.save_demo()
        follow_up = first.load_bundle(saved.follow_up)
        assert follow_up.meeting.id is not None
        house = follow_up.meeting.safety_houses[0]
        house.rules.append(HouseRule(EXACT, consent_to_share=True))
        first.set_safety_houses(follow_up.meeting.id, follow_up.meeting.safety_houses)
        follow_up = first.load_bundle(saved.follow_up)
        exported, again = tmp_path / "out.json", tmp_path / "again.json"
        write_meeting_file(follow_up, exported)
        document = json.loads(exported.read_text(encoding="utf-8"))
        assert document["child_tools"] == [{"child": document["child_tools"][0]["child"], "tool": "fairy"}]
        assert document["safety_houses"][0]["rules"][-1]["words"] == EXACT
        warnings: list[str] = []
        imported = second.import_bundle(read_meeting_file(exported, warnings), warnings=warnings).bundle
        assert warnings == []
        assert imported.meeting.id is not None
        stored = second.load_bundle(imported.meeting.id)
        write_meeting_file(stored, again)
        assert again.read_bytes() == exported.read_bytes()
        assert _where(stored) == _where(follow_up)
        assert stored.meeting.safety_houses[0].rules[-1].words.encode() == EXACT.encode()
        assert stored.meeting.safety_houses[0].path == 6
        (lily,) = stored.meeting.child_tools
        assert stored.meeting.child_tools[lily] is ChildTool.FAIRY
        assert next(p.name for p in stored.network.people if p.id == lily) == "Lily Example"
    finally:
        first.close()
        second.close()


def _with(houses: list[dict[str, Any]], tools: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    document = spec_example()
    document["safety_houses"] = houses
    if tools is not None:
        document["child_tools"] = tools
    return document


def _person_ids() -> list[str]:
    return [person["id"] for person in spec_example()["people"]]


def test_a_house_or_a_person_not_in_the_file_is_left_out_with_a_warning() -> None:
    child, other = _person_ids()[:2]
    document = _with(
        [
            {
                "child": child,
                "people": [{"key": "a", "person": "p99", "where": "inside"}],
                "rules": [{"key": "r", "words": "Be kind"}],
            },
            {"child": "p98", "path": 3},
        ],
        [{"child": "p97", "tool": "wizard"}, {"child": other, "tool": "fairy"}],
    )
    warnings: list[str] = []
    bundle = parse_meeting(document, warnings)
    assert warnings == [
        "safety_houses[0].people[0].person: 'p99' is not the id of any person in this file; "
        "the house was kept without that person.",
        "safety_houses[1].child: 'p98' is not the id of any person in this file; that Safety House was left out.",
        "child_tools[0].child: 'p97' is not the id of any person in this file; "
        "the child's words keep the Three Houses.",
    ]
    (house,) = bundle.meeting.safety_houses
    assert house.people == [] and [rule.words for rule in house.rules] == ["Be kind"]
    assert list(bundle.meeting.child_tools.values()) == [ChildTool.FAIRY]
    assert bundle_to_dict(bundle)["safety_houses"][0]["rules"] == [{"key": "r", "words": "Be kind"}]


@pytest.mark.parametrize(
    ("houses", "where", "said"),
    [
        ([{"child": "CHILD"}, {"child": "CHILD"}], "safety_houses[1].child", "is already the Safety House of"),
        ([{"child": "CHILD", "path": 11}], "safety_houses[0].path", ""),
        ([{"child": "CHILD", "path": 2.25}], "safety_houses[0].path", ""),
        (
            [{"child": "CHILD", "rules": [{"key": "k", "words": "a"}, {"key": "k", "words": "b"}]}],
            "safety_houses[0].rules[1].key",
            "'k' is already the key of rules[0]; each rule needs its own.",
        ),
        (
            [
                {
                    "child": "CHILD",
                    "people": [{"key": "a", "person": "CHILD", "where": "inside", "words": "hi\u001b[2J"}],
                }
            ],
            "safety_houses[0]",
            "cannot be shown (\\x1b)",
        ),
    ],
)
def test_what_a_house_cannot_keep_refuses_the_file_naming_its_place(
    houses: list[dict[str, Any]], where: str, said: str
) -> None:
    child = _person_ids()[0]
    for house in houses:
        house["child"] = child
        for placed in house.get("people") or []:
            placed["person"] = child
    with pytest.raises(InterchangeError) as refused:
        parse_meeting(_with(houses))
    assert refused.value.path == where
    assert said in str(refused.value)


def test_an_unknown_tool_and_an_unknown_place_are_refused() -> None:
    child = _person_ids()[0]
    with pytest.raises(InterchangeError) as refused:
        parse_meeting(_with([], [{"child": child, "tool": "dragon"}]))
    assert refused.value.path.startswith("child_tools[0].tool")
    with pytest.raises(InterchangeError) as refused:
        parse_meeting(_with([{"child": child, "people": [{"key": "a", "person": child, "where": "garden"}]}]))
    assert refused.value.path.startswith("safety_houses[0].people[0].where")


def test_a_placement_names_the_place_in_the_file() -> None:
    child, other = _person_ids()[:2]
    document = _with([{"child": child, "people": [{"key": "a", "person": other, "where": "outside", "words": EXACT}]}])
    bundle = parse_meeting(document)
    (placed,) = bundle.meeting.safety_houses[0].people
    assert placed.where is Placement.OUTSIDE and placed.words == EXACT and not placed.consent_to_share

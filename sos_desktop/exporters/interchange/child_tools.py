"""The child's other tools in the meeting file: the top-level ``safety_houses`` (each child's Safety House, people by
their file ids) and ``child_tools`` (the tool each child's voice is given through, when not the Three Houses).

Reading refuses two houses for one child, two entries of a house with one key and a value a house cannot keep (a
path off the 0 to 10 half-point line, a control character in the child's words), naming its place. A house whose
child, or a placement whose person, is not in the file is left out with a warning (see ``checks``), as a plan's
owners are; so is the choice of tool of a child not in the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sos_desktop.exporters.errors import InterchangeError, JsonPath
from sos_desktop.models import MeetingBundle
from sos_desktop.models.child_tools import ChildTool, child_tools_data, child_tools_from
from sos_desktop.models.safety_house import SafetyHouse
from sos_desktop.models.safety_house_data import safety_houses_data, safety_houses_from

Record = dict[str, Any]
Problem = tuple[JsonPath, str]
TOP_LEVEL_KEYS = frozenset({"safety_houses", "child_tools"})

DROPPED = {
    "child": "that Safety House was left out",
    "person": "the house was kept without that person",
    "tool": "the child's words keep the Three Houses",
}
"""What is left out for each kind of broken link, for its warning (by the last part of the link's path; a choice
of tool is named by ``child_tools[i].child``, told apart by its first part)."""


def encode_child_tools(bundle: MeetingBundle, person_ids: dict[int, str]) -> Record:
    """The top-level keys the bundle's houses and tools take in a file ({} when it has neither)."""
    document: Record = {}
    houses = safety_houses_data(bundle.meeting.safety_houses, person_ids.get)
    if houses:
        document["safety_houses"] = houses
    tools = child_tools_data(bundle.meeting.child_tools, person_ids.get)
    if tools:
        document["child_tools"] = tools
    return document


def decode_child_tools(document: Record, person_ids: dict[str, int]) -> tuple[list[SafetyHouse], dict[int, ChildTool]]:
    """The houses and tools of a checked document (a link to nobody reads as nobody, and is left out);
    InterchangeError at the house or choice a value of which is refused.
    """
    houses: list[SafetyHouse] = []
    for index, raw in enumerate(document.get("safety_houses") or []):
        try:
            houses += safety_houses_from([raw], person_ids.get)
        except ValueError as error:
            raise InterchangeError.at(("safety_houses", index), str(error)) from error
    try:
        tools = child_tools_from(document.get("child_tools") or [], person_ids.get)
    except ValueError as error:
        raise InterchangeError.at(("child_tools",), str(error)) from error
    return houses, tools


def dropped(parts: JsonPath) -> str:
    return DROPPED["tool"] if parts[0] == "child_tools" else DROPPED[str(parts[-1])]


def reference_problems(document: Record, person_ids: set[str]) -> Iterator[Problem]:
    """Links of the houses and tools to people not in the file (warnings: see the module docstring)."""

    def unknown(ref: object) -> str:
        return f"{ref!r} is not the id of any person in this file."

    for index, house in enumerate(document.get("safety_houses") or []):
        if house.get("child") not in person_ids:
            yield ("safety_houses", index, "child"), unknown(house.get("child"))
            continue
        for position, placed in enumerate(house.get("people") or []):
            if placed.get("person") not in person_ids:
                yield ("safety_houses", index, "people", position, "person"), unknown(placed.get("person"))
    for index, entry in enumerate(document.get("child_tools") or []):
        if entry.get("child") not in person_ids:
            yield ("child_tools", index, "child"), unknown(entry.get("child"))


def house_problems(document: Record) -> Iterator[Problem]:
    """Two houses for one child, and two entries of one house under one key: each refuses the file."""
    children: dict[str, int] = {}
    for index, house in enumerate(document.get("safety_houses") or []):
        child = house.get("child")
        if child in children:
            yield (
                ("safety_houses", index, "child"),
                f"safety_houses[{children[child]}] is already the Safety House of {child!r}; a child has one.",
            )
        children.setdefault(child, index)
        for part, what in (("people", "placement"), ("rules", "rule")):
            keys: dict[str, int] = {}
            for position, entry in enumerate(house.get(part) or []):
                key = entry.get("key")
                if key in keys:
                    yield (
                        ("safety_houses", index, part, position, "key"),
                        f"{key!r} is already the key of {part}[{keys[key]}]; each {what} needs its own.",
                    )
                keys.setdefault(key, position)
    tools: dict[str, int] = {}
    for index, entry in enumerate(document.get("child_tools") or []):
        child = entry.get("child")
        if child in tools:
            yield (
                ("child_tools", index, "child"),
                f"child_tools[{tools[child]}] already chooses a tool for {child!r}.",
            )
        tools.setdefault(child, index)

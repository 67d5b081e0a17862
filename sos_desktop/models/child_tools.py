"""Which tool gives each child their voice: the Three Houses, or for a younger child the Fairy or the Wizard.

The Fairy and the Wizard ask the Three Houses' three questions (worries, good things, dreams) through characters a
young child takes to: the Bad Fairy holds the worries, the Good Fairy the good things, the Dream Fairy the wishes
(the Wizard the same). The choice is per child per meeting, and a continued meeting keeps it; the titles follow it
wherever the child's words are shown (the console, the wall, the minutes). A child with no choice recorded uses the
Three Houses. Pure data and its plain form for the store part "child_tools" and the meeting file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

from sos_desktop.models.enums import House
from sos_desktop.models.labels import HOUSE_TITLES


class ChildTool(StrEnum):
    THREE_HOUSES = "three_houses"
    FAIRY = "fairy"
    WIZARD = "wizard"


CHILD_TOOL_LABELS: dict[ChildTool, str] = {
    ChildTool.THREE_HOUSES: "Three Houses",
    ChildTool.FAIRY: "Fairy",
    ChildTool.WIZARD: "Wizard",
}
"""How the chooser on the Child's voice page names each tool."""

_CHARACTER_TITLES: dict[House, str] = {
    House.WORRIES: "The Bad {}",
    House.GOOD_THINGS: "The Good {}",
    House.DREAMS: "The Dream {}",
}


def house_titles(tool: ChildTool | str = ChildTool.THREE_HOUSES) -> dict[House, str]:
    """The three titles the child's words are shown under, in the houses' order, for ``tool``."""
    tool = ChildTool(tool)
    if tool is ChildTool.THREE_HOUSES:
        return dict(HOUSE_TITLES)
    character = CHILD_TOOL_LABELS[tool]
    return {house: title.format(character) for house, title in _CHARACTER_TITLES.items()}


def tool_heading(tool: ChildTool | str, whose: str) -> str:
    """The heading over a child's three answers: "K's Three Houses", "K's Fairy" ("The child's …" with no name)."""
    tool = ChildTool(tool)
    owner = f"{whose}'s" if whose else "The child's"
    return f"{owner} {CHILD_TOOL_LABELS[tool]}"


def tool_of(tools: Mapping[int, ChildTool], child: int | None) -> ChildTool:
    """The tool ``child`` (a network person id; None: words naming no child) uses: the Three Houses by default."""
    return ChildTool.THREE_HOUSES if child is None else tools.get(child, ChildTool.THREE_HOUSES)


def child_tools_data(tools: Mapping[int, ChildTool], person_ref: Callable[[int], Any]) -> list[dict[str, Any]]:
    """The choices as plain data, children in id order, the default (Three Houses) left out; ``person_ref`` gives
    the reference written for a person id (None: left out).
    """
    written = []
    for child in sorted(tools):
        tool = ChildTool(tools[child])
        ref = person_ref(child)
        if tool is not ChildTool.THREE_HOUSES and ref is not None:
            written.append({"child": ref, "tool": tool.value})
    return written


def child_tools_from(raw: list[dict[str, Any]], person_of: Callable[[Any], int | None]) -> dict[int, ChildTool]:
    """The choices plain data describes (ValueError for a tool this version does not know); a child reference that
    names nobody is dropped.
    """
    tools: dict[int, ChildTool] = {}
    for entry in raw:
        try:
            tool = ChildTool(entry["tool"])
        except ValueError:
            known = ", ".join(repr(t.value) for t in ChildTool)
            raise ValueError(f"{entry['tool']!r} is not a tool for the child's voice (one of {known}).") from None
        child = person_of(entry["child"])
        if child is not None and tool is not ChildTool.THREE_HOUSES:
            tools[child] = tool
    return tools

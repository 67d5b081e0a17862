"""What the projector shows of the child's voice: one child's Three Houses (or Fairy, or Wizard, as chosen for the
child: the same three questions under the tool's titles), shared words only, names masked.

This is the voice view's privacy boundary. The chart is given a ``VoiceContent``, never a ``ChildVoiceEntry`` nor a
``NetworkPerson``: the child by their display name, and only the words the child agreed to share, each through the
projection's masker so that a name the child said reaches the wall as it does on the map. Words not agreed to be
shared are counted, never carried.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sos_desktop.models import House, Meeting, Network, NetworkPerson, PersonRole
from sos_desktop.models.child_tools import ChildTool, house_titles, tool_heading, tool_of
from sos_desktop.models.network import initials

Mask = Callable[[str], str]


@dataclass(frozen=True)
class HouseContent:
    house: House
    title: str
    words: tuple[str, ...]
    """The shared entries, masked, in the order they were written."""


@dataclass(frozen=True)
class VoiceContent:
    """The title line, whose houses these are (a display name, or "" for words naming no child), and the houses."""

    title: str
    child: str
    houses: tuple[HouseContent, ...]
    not_shared: int
    """How many of this child's entries are not shown, the child not having agreed to share them."""
    tool: ChildTool = ChildTool.THREE_HOUSES

    @property
    def heading(self) -> str:
        return tool_heading(self.tool, self.child)

    @property
    def shared(self) -> int:
        return sum(len(house.words) for house in self.houses)


def chosen_child(network: Network, child: int | None) -> NetworkPerson | None:
    """The child ``child`` names if it is a child of the network, else its first child (None if it has none)."""
    children = [person for person in network.people if person.role is PersonRole.CHILD]
    return next((person for person in children if person.id == child), children[0] if children else None)


def voice_content(meeting: Meeting, network: Network, title: str, child: int | None, mask: Mask) -> VoiceContent:
    """The Three Houses of ``child`` (see ``chosen_child``); with no child in the network, the words naming none."""
    person = chosen_child(network, child)
    whose = None if person is None else person.id
    entries = [entry for entry in meeting.child_voice if entry.child == whose]
    tool = tool_of(meeting.child_tools, whose)
    titles = house_titles(tool)
    houses = tuple(
        HouseContent(
            house,
            titles[house],
            tuple(mask(e.words) for e in entries if e.house is house and e.consent_to_share and e.words.strip()),
        )
        for house in House
    )
    name = "" if person is None else person.display_name.strip() or initials(person.name)
    not_shared = sum(1 for entry in entries if not entry.consent_to_share)
    return VoiceContent(mask(title), name, houses, not_shared, tool)

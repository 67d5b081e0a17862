"""Each child's path to the door across the case: the Safety House's path number, meeting by meeting.

The child's own scale joins the case's trajectories beside the scales' lines: one line per child, a point for every
meeting whose Safety House has the child placed on the path. Pure functions over meetings, as
``models.trajectory`` is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sos_desktop.models.meeting import Meeting
from sos_desktop.models.network import Network, initials
from sos_desktop.models.trajectory import in_time_order


@dataclass(frozen=True)
class PathPoint:
    """Where the child put themselves on the path at one meeting."""

    meeting_id: int | None
    held_on: datetime | None
    title: str
    value: float
    consent_to_share: bool


def child_paths(meetings: list[Meeting]) -> dict[int, list[PathPoint]]:
    """The points of each child (by person id), oldest meeting first; children in the order first placed."""
    lines: dict[int, list[PathPoint]] = {}
    for meeting in in_time_order(meetings):
        for house in meeting.safety_houses:
            if house.path is None:
                continue
            point = PathPoint(meeting.id, meeting.held_on, meeting.title, house.path, house.path_consent)
            lines.setdefault(house.child, []).append(point)
    return lines


def path_line_title(display_name: str) -> str:
    """How a child's line is labelled beside the scales': "K's path to the door"."""
    return f"{display_name}'s path to the door" if display_name else "The child's path to the door"


def path_line_titles(lines: dict[int, list[PathPoint]], network: Network) -> dict[int, str]:
    """Each line's label, by the child's display name (a child no longer in the network is "The child's …")."""
    names = {person.id: person.display_name.strip() or initials(person.name) for person in network.people}
    return {child: path_line_title(names.get(child, "")) for child in lines}

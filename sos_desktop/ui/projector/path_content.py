"""The children's paths to the door beside a scale's trajectory: what the trajectory view (wall and console) draws
of each child's Safety House path, meeting by meeting.

A privacy boundary like the other ``*_content`` modules: each line is labelled by the child's display name ("N's
path to the door"), and a meeting's number is carried only when the child agreed to share where they stood on the
path; a meeting without one leaves a gap. The values line up with the scale's points (one per charted meeting).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sos_desktop.models import Meeting, Network
from sos_desktop.models.child_path import child_paths, path_line_titles
from sos_desktop.models.trajectory import TrajectoryPoint

Mask = Callable[[str], str]


@dataclass(frozen=True)
class PathLine:
    label: str
    values: tuple[float | None, ...]
    """The child's place on the path at each of the scale's points (None: not placed, or not shared)."""


def path_lines(
    meetings: list[Meeting], network: Network | None, points: tuple[TrajectoryPoint, ...], mask: Mask
) -> tuple[PathLine, ...]:
    """A line for each child of ``network`` placed and shared at two or more of the charted meetings."""
    if network is None or not points:
        return ()
    present = {person.id for person in network.people}
    lines = {child: found for child, found in child_paths(meetings).items() if child in present}
    titles = path_line_titles(lines, network)
    drawn = []
    for child, found in lines.items():
        shared = {point.meeting_id: point.value for point in found if point.consent_to_share}
        values = tuple(shared.get(point.meeting_id) for point in points)
        if sum(value is not None for value in values) >= 2:
            drawn.append(PathLine(mask(titles[child]), values))
    return tuple(drawn)

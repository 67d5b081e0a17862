"""The projector's modes beyond the map: a scale of the meeting, its trajectory across the case, the safety network,
the child's voice, the focus question, and the case over time (what changed since last time, the chronology, the
review of last time's next steps).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScalesMode:
    """One of the meeting's scales on its 0 to 10 line: ``scale_index`` in the meeting's order (None: the first)."""

    scale_index: int | None = None


@dataclass(frozen=True)
class TrajectoryMode:
    """A scale's median and spread meeting by meeting; ``question_key`` as ``models.trajectory.question_key`` gives
    it (None: the open meeting's first scale that has been rated at two meetings).
    """

    question_key: str | None = None


@dataclass(frozen=True)
class NetworkMode:
    """The case's safety network as a graph, every person by their display name; with ``genogram``, laid out as
    a family tree with the genogram's marks (gender, died, the index child, couples' and parents' bonds, households).
    """

    genogram: bool = False


@dataclass(frozen=True)
class VoiceMode:
    """The child's voice as Three Houses: what ``child`` (a person id of the case's network; None: the first child)
    agreed to share, in their own words with names masked.
    """

    child: int | None = None


@dataclass(frozen=True)
class SafetyHouseMode:
    """A child's Safety House drawn big: who lives there, who visits, who stays outside, the rules and the path to
    the door, what ``child`` (a person id of the case's network; None: the first child with a house) agreed to share.
    """

    child: int | None = None


@dataclass(frozen=True)
class FocusMode:
    """The meeting's focus question, large, under "What do you want from the group today?"."""


@dataclass(frozen=True)
class ChangesMode:
    """What changed since the meeting before: cards new, changed and dropped, the scales' movement, the network."""


@dataclass(frozen=True)
class ChronologyMode:
    """The case chronology as a timeline, oldest at the top, the latest that fit when there are many."""


@dataclass(frozen=True)
class ReviewMode:
    """Last time's next steps as this meeting reviews them: each one's owner, date, outcome and whether overdue."""


@dataclass(frozen=True)
class PlanMode:
    """The case's safety plan as this meeting holds it: the rules and who makes sure, the warning signs, who has
    signed up and the review date.
    """


@dataclass(frozen=True)
class TrajectoryPlanMode:
    """The trajectory plan beside the planned scale's trajectory: medians meeting by meeting, the targets dashed,
    each milestone on the time axis, today marked, late ones in amber.
    """


@dataclass(frozen=True)
class WordsPicturesMode:
    """A Words and Pictures story panel by panel, one panel large: ``story`` is the story's key (None: the first
    with panels), ``panel`` which panel, counting from 0 (kept within the story's panels).
    """

    story: str | None = None
    panel: int = 0

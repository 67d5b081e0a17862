"""The projector's modes beyond the map: one scale of the meeting, and a scale's trajectory across the case."""

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

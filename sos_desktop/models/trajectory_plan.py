"""The case's trajectory plan: the agency's road from today to closure, milestone by milestone.

Each milestone ("network meeting", "safety plan tried for two weeks", "review conference", "case closes") has a
planned date, who is doing it, its status, and the score the safety scale is hoped to reach by then. A milestone
whose date has passed while it is still planned or under way is *late* (amber wherever it is shown), judged on the
meeting's day, else today, as overdue next steps are. Like the safety plan, each meeting holds the trajectory plan
as it stood then, and the next meeting starts from it. The scale it plans for is named by its key (the case's
scale that keeps its key from meeting to meeting); "" means the case's first scale.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sos_desktop.models.safety_plan import new_key
from sos_desktop.models.scaling import check_rating_value

MAX_WHAT_LENGTH = 500
MAX_WHO_LENGTH = 300
MAX_NOTE_LENGTH = 2_000
MAX_MILESTONES = 100


class MilestoneStatus(StrEnum):
    PLANNED = "planned"
    UNDER_WAY = "under_way"
    DONE = "done"
    DROPPED = "dropped"


STATUS_LABELS: dict[MilestoneStatus, str] = {
    MilestoneStatus.PLANNED: "Planned",
    MilestoneStatus.UNDER_WAY: "Under way",
    MilestoneStatus.DONE: "Done",
    MilestoneStatus.DROPPED: "Dropped",
}
LATE_LABEL = "Late"

_OPEN = (MilestoneStatus.PLANNED, MilestoneStatus.UNDER_WAY)


@dataclass
class Milestone:
    """One step on the road to closure."""

    what: str
    planned_on: date | None = None
    who: str = ""
    status: MilestoneStatus = MilestoneStatus.PLANNED
    target: float | None = None
    """The score the safety scale is hoped to reach by this milestone (0 to 10), or None."""
    note: str = ""
    key: str = field(default_factory=new_key)
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.status = MilestoneStatus(self.status)
        self.what = " ".join(self.what.split())
        self.who = " ".join(self.who.split())
        self.note = self.note.strip()
        if not self.what:
            raise ValueError("A milestone needs to say what it is.")
        if len(self.what) > MAX_WHAT_LENGTH:
            raise ValueError(f"A milestone can be at most {MAX_WHAT_LENGTH} characters long.")
        if len(self.who) > MAX_WHO_LENGTH:
            raise ValueError(f"Who does a milestone can be at most {MAX_WHO_LENGTH} characters long.")
        if len(self.note) > MAX_NOTE_LENGTH:
            raise ValueError(f"A milestone's note can be at most {MAX_NOTE_LENGTH:,} characters long.")
        if self.target is not None:
            self.target = check_rating_value(float(self.target))
        if not self.key:
            self.key = new_key()


@dataclass
class TrajectoryPlan:
    milestones: list[Milestone] = field(default_factory=list)
    scale_key: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if len(self.milestones) > MAX_MILESTONES:
            raise ValueError(f"A trajectory plan can have at most {MAX_MILESTONES} milestones.")
        keys = [milestone.key for milestone in self.milestones]
        if len(set(keys)) != len(keys):
            raise ValueError("Two milestones of the trajectory plan have one key.")

    def is_empty(self) -> bool:
        return not (self.milestones or self.scale_key or self.extra)

    def milestone(self, key: str) -> Milestone:
        return next(milestone for milestone in self.milestones if milestone.key == key)


def is_late(milestone: Milestone, on: date) -> bool:
    """Whether a milestone's date has passed on ``on`` while it is still planned or under way."""
    return milestone.planned_on is not None and milestone.planned_on < on and milestone.status in _OPEN


def status_label(milestone: Milestone, on: date) -> str:
    """'Late' for a late milestone, else its status: what the page, the wall and the minutes print."""
    return LATE_LABEL if is_late(milestone, on) else STATUS_LABELS[milestone.status]


def in_date_order(milestones: list[Milestone]) -> list[Milestone]:
    """Dated milestones by date (the order they were added within a day), undated ones last."""
    return sorted(milestones, key=lambda m: (m.planned_on is None, m.planned_on or date.max))


def late_milestones(plan: TrajectoryPlan, on: date) -> list[Milestone]:
    return [milestone for milestone in in_date_order(plan.milestones) if is_late(milestone, on)]


def next_milestone(plan: TrajectoryPlan, on: date) -> Milestone | None:
    """The first milestone still to come or still open (late ones first: they are the next thing to do)."""
    return next((m for m in in_date_order(plan.milestones) if m.status in _OPEN), None)


def targets(plan: TrajectoryPlan) -> list[tuple[date, float]]:
    """The hoped-for scores by date, for the line drawn beside the scale's trajectory (dropped milestones left out)."""
    return [
        (m.planned_on, m.target)
        for m in in_date_order(plan.milestones)
        if m.planned_on is not None and m.target is not None and m.status != MilestoneStatus.DROPPED
    ]


def planned_scale(plan: TrajectoryPlan, scale_keys: list[str]) -> str:
    """The key of the scale the plan's targets are for: its own, else the case's first (``scale_keys`` in order)."""
    if plan.scale_key:
        return plan.scale_key
    return scale_keys[0] if scale_keys else ""

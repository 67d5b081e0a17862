"""What the wall shows of the trajectory plan, already masked: the planned scale's medians meeting by meeting, the
plan's targets, each milestone (what, when, who, its status, late or done) and the day the meeting judges by.

The medians come from ``models.trajectory`` over the case's meetings (the open one as it is now), for the scale
the plan is for (``planned_scale``); late is judged on ``reference_day`` (the day the meeting is held, else today),
as overdue next steps are. What a milestone is and who does it are free text, so both go through the masker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sos_desktop.models import Case, Meeting
from sos_desktop.models.continuity import reference_day
from sos_desktop.models.trajectory import in_time_order, questions, scale_identity, trajectory
from sos_desktop.models.trajectory_plan import (
    MilestoneStatus,
    in_date_order,
    is_late,
    planned_scale,
    status_label,
    targets,
)
from sos_desktop.ui.projector.scale_content import case_meetings

Mask = Callable[[str], str]

HEADING = "Trajectory plan"
NO_PLAN = "No trajectory plan yet."


@dataclass(frozen=True)
class MilestoneLine:
    number: int
    what: str
    when: date | None
    who: str
    label: str
    """'Late', or the status: 'Planned', 'Under way', 'Done', 'Dropped'."""
    late: bool
    status: MilestoneStatus
    target: float | None = None

    @property
    def done(self) -> bool:
        return self.status is MilestoneStatus.DONE


@dataclass(frozen=True)
class TrajectoryPlanContent:
    title: str
    question: str
    medians: tuple[tuple[date, float], ...]
    """The scale's median at each meeting that rated it, oldest first."""
    targets: tuple[tuple[date, float], ...]
    milestones: tuple[MilestoneLine, ...]
    today: date
    message: str = ""

    @property
    def late(self) -> int:
        return sum(1 for line in self.milestones if line.late)


def trajectory_plan_content(
    current: Meeting, case: Case, meetings: list[Meeting] | None, today: date, mask: Mask
) -> TrajectoryPlanContent:
    """The wall's snapshot of ``current``'s trajectory plan beside its scale's medians across ``meetings``."""
    plan = current.trajectory_plan
    every = case_meetings(current, meetings)
    keys = list(dict.fromkeys(scale_identity(scale) for meeting in in_time_order(every) for scale in meeting.scales))
    key = planned_scale(plan, keys)
    points = trajectory(every).get(key, []) if key else []
    medians = tuple((point.held_on.date(), point.median) for point in points if point.held_on is not None)
    question = mask(questions(every).get(key, "")) if key else ""
    on = reference_day(current, today)
    lines = tuple(
        MilestoneLine(
            number,
            mask(milestone.what),
            milestone.planned_on,
            mask(milestone.who),
            status_label(milestone, on),
            is_late(milestone, on),
            milestone.status,
            milestone.target,
        )
        for number, milestone in enumerate(in_date_order(plan.milestones), start=1)
    )
    title = mask(f"{current.title} · {case.label}")
    message = "" if lines else NO_PLAN
    return TrajectoryPlanContent(title, question, medians, tuple(targets(plan)), lines, on, message)

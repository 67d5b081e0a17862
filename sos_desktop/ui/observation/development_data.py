"""What a practice leader's development view shows, worked out from the store's meetings (no Qt here): the observed
meetings of a facilitator with each criterion's rating, and which criteria were met at all.

A meeting with several ratings of one criterion (two observers' feedback merged) counts their mean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from statistics import mean

from sos_desktop.models import AttendeeRole, Meeting, Observations


def date_text(held_on: datetime | None) -> str:
    return "No date" if held_on is None else f"{held_on.day} {held_on:%b %Y}"


@dataclass
class ObservedMeeting:
    """One meeting a facilitator ran that an observer gave feedback on."""

    meeting: Meeting
    case_label: str
    observations: Observations
    scores: dict[str, float] = field(default_factory=dict)
    """Each criterion rated, with its rating (the mean, if rated more than once)."""

    @property
    def observer(self) -> str:
        if self.observations.observer:
            return self.observations.observer
        names = [a.name for a in self.meeting.attendees if a.role == AttendeeRole.OBSERVER]
        return ", ".join(names) or "Not named"

    @property
    def mean(self) -> float | None:
        return round(mean(self.scores.values()), 1) if self.scores else None


def observed_meetings(facilitated: list[tuple[Meeting, Observations]], cases: dict[int, str]) -> list[ObservedMeeting]:
    """The meetings with an observer's feedback, in the order given, each with its ratings by criterion."""
    observed = []
    for meeting, observations in facilitated:
        if observations.is_empty():
            continue
        given: dict[str, list[float]] = {}
        for rating in observations.ratings:
            given.setdefault(rating.criterion, []).append(rating.value)
        scores = {criterion: mean(values) for criterion, values in given.items()}
        label = cases.get(meeting.case_id, "") if meeting.case_id is not None else ""
        observed.append(ObservedMeeting(meeting, label, observations, scores))
    return observed


def criteria_met(observed: list[ObservedMeeting], preferred: list[str]) -> list[str]:
    """The criteria rated in any of the meetings: the team's rubric order first, then the rest as they came."""
    rated = list(dict.fromkeys(criterion for row in observed for criterion in row.scores))
    return [c for c in preferred if c in rated] + [c for c in rated if c not in preferred]

"""What a practice leader's development view shows, from the development figures (``models.development``, which
the feedback report uses too, so both give the same numbers): the observed meetings of a facilitator, each with its
case's label and each criterion's rating, and which criteria were rated at all. No Qt here.

A meeting with several ratings of one criterion (two observers' feedback merged) counts their mean.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sos_desktop.models import Meeting, Observations
from sos_desktop.models.development import MeetingFigures, development_figures


def date_text(held_on: datetime | None) -> str:
    return "No date" if held_on is None else f"{held_on.day} {held_on:%b %Y}"


@dataclass(frozen=True)
class ObservedMeeting:
    """One meeting a facilitator ran that an observer gave feedback on."""

    figures: MeetingFigures
    case_label: str

    @property
    def meeting(self) -> Meeting:
        return self.figures.meeting

    @property
    def observations(self) -> Observations:
        return self.figures.observations

    @property
    def scores(self) -> dict[str, float]:
        """Each criterion rated, with its rating (the mean, if rated more than once)."""
        return dict(self.figures.scores)

    @property
    def observer(self) -> str:
        return self.figures.observer or "Not named"

    @property
    def mean(self) -> float | None:
        return self.figures.mean


def observed_meetings(
    facilitated: Sequence[tuple[Meeting, Observations]], cases: dict[int, str]
) -> list[ObservedMeeting]:
    """The meetings with an observer's feedback, oldest first, each with its ratings by criterion."""
    return [
        ObservedMeeting(row, cases.get(row.meeting.case_id, "") if row.meeting.case_id is not None else "")
        for row in development_figures(facilitated).meetings
        if row.observed
    ]


def criteria_met(observed: Sequence[ObservedMeeting], preferred: Sequence[str]) -> list[str]:
    """The criteria rated in any of the meetings: the team's rubric order first, then the rest as they came."""
    return list(development_figures([(row.meeting, row.observations) for row in observed], preferred).criteria)

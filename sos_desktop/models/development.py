"""A facilitator's development as figures: the observers' rubric ratings meeting by meeting, worked out once for
the practice leader's development view on the console and for the feedback report in the minutes.

Meetings come oldest first (undated last). A meeting where one criterion was rated more than once (two observers'
files merged) counts the mean of those ratings; the meeting's own mean is taken over the criteria rated, each
counting once however many observers rated it. The figures are rounded as both places show them: a criterion's
mean to two places, a meeting's mean to one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean

from sos_desktop.models.enums import AttendeeRole
from sos_desktop.models.meeting import Meeting
from sos_desktop.models.observation import Observations
from sos_desktop.models.trajectory import in_time_order


@dataclass(frozen=True)
class MeetingFigures:
    """One meeting a facilitator ran, with what the observers gave it."""

    meeting: Meeting
    observations: Observations
    scores: Mapping[str, float]
    """Each criterion rated, in the order first rated, with the mean of its ratings (to two places)."""
    mean: float | None
    """The mean over the criteria rated (to one place); None when nothing was rated."""
    observer: str
    """Who observed: the name the feedback gives, else the meeting's observers; "" when nobody is recorded."""

    @property
    def observed(self) -> bool:
        """Whether an observer gave any feedback at all (a note or a comment counts, not only ratings)."""
        return not self.observations.is_empty()


@dataclass(frozen=True)
class DevelopmentFigures:
    """A facilitator's meetings, oldest first, and every criterion rated in any of them."""

    meetings: tuple[MeetingFigures, ...]
    criteria: tuple[str, ...]

    def values(self, criterion: str) -> tuple[float | None, ...]:
        """The criterion's rating at each meeting, None where it was not rated."""
        return tuple(meeting.scores.get(criterion) for meeting in self.meetings)


def development_figures(
    facilitated: Sequence[tuple[Meeting, Observations]], preferred: Sequence[str] = ()
) -> DevelopmentFigures:
    """The figures of ``facilitated`` (each meeting with its observations, as ``Store.facilitated`` gives them).

    The criteria named in ``preferred`` (the team's rubric) come first in that order when they were rated, then the
    others in the order they were first rated.
    """
    observations_of = {id(meeting): observations for meeting, observations in facilitated}
    figures = tuple(
        _meeting_figures(meeting, observations_of[id(meeting)])
        for meeting in in_time_order([meeting for meeting, _ in facilitated])
    )
    rated = list(dict.fromkeys(criterion for meeting in figures for criterion in meeting.scores))
    criteria = [c for c in dict.fromkeys(preferred) if c in rated] + [c for c in rated if c not in preferred]
    return DevelopmentFigures(figures, tuple(criteria))


def facilitator_of(meeting: Meeting) -> str:
    """The meeting's facilitator by name (the first, if the meeting had two), or "" when none is recorded."""
    return next((a.name for a in meeting.attendees if a.role is AttendeeRole.FACILITATOR and a.name.strip()), "")


def _meeting_figures(meeting: Meeting, observations: Observations) -> MeetingFigures:
    given: dict[str, list[float]] = {}
    for rating in observations.ratings:
        given.setdefault(rating.criterion, []).append(rating.value)
    means = {criterion: fmean(values) for criterion, values in given.items()}
    return MeetingFigures(
        meeting=meeting,
        observations=observations,
        scores={criterion: round(value, 2) for criterion, value in means.items()},
        mean=round(fmean(means.values()), 1) if means else None,
        observer=_observer(meeting, observations),
    )


def _observer(meeting: Meeting, observations: Observations) -> str:
    if observations.observer.strip():
        return observations.observer.strip()
    return ", ".join(a.name.strip() for a in meeting.attendees if a.role is AttendeeRole.OBSERVER and a.name.strip())

"""A facilitator's development as plain data: their rubric ratings meeting by meeting, oldest first.

Built from what ``Store.facilitated(name)`` gives (each meeting they facilitated, with its observations), or from
any list of the same shape, so the report does not depend on how the meetings were found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean

from sos_desktop.exporters.minutes.naming import short_date
from sos_desktop.models import AttendeeRole, Meeting, Observations
from sos_desktop.models.labels import meeting_kind_label
from sos_desktop.models.trajectory import in_time_order


@dataclass(frozen=True)
class DevelopmentMeeting:
    when: str
    what: str
    """The meeting's title, or only its kind in pseudonymised reports (another case's title may name its family)."""
    observer: str
    rated: int


@dataclass(frozen=True)
class DevelopmentView:
    facilitator: str
    meetings: tuple[DevelopmentMeeting, ...]
    criteria: tuple[str, ...]
    values: tuple[tuple[float | None, ...], ...]
    """For each criterion, its rating at each meeting (None where it was not rated)."""
    averages: tuple[float | None, ...]
    """Each meeting's mean rating over the criteria rated."""

    @property
    def rated_meetings(self) -> int:
        return sum(1 for average in self.averages if average is not None)


def facilitator_of(meeting: Meeting) -> str:
    """The meeting's facilitator by name (the first, if the meeting had two), or "" when none is recorded."""
    return next((a.name for a in meeting.attendees if a.role is AttendeeRole.FACILITATOR and a.name.strip()), "")


def development_view(
    facilitator: str, facilitated: Sequence[tuple[Meeting, Observations]], *, pseudonymise: bool
) -> DevelopmentView:
    observed = {id(meeting): observations for meeting, observations in facilitated}
    ordered = in_time_order([meeting for meeting, _ in facilitated])
    criteria: dict[str, None] = {}
    for meeting in ordered:
        criteria.update(dict.fromkeys(rating.criterion for rating in observed[id(meeting)].ratings))
    values = tuple(
        tuple(
            next((r.value for r in observed[id(meeting)].ratings if r.criterion == criterion), None)
            for meeting in ordered
        )
        for criterion in criteria
    )
    averages = tuple(
        fmean([r.value for r in observed[id(meeting)].ratings]) if observed[id(meeting)].ratings else None
        for meeting in ordered
    )
    meetings = tuple(
        DevelopmentMeeting(
            short_date(meeting.held_on),
            meeting_kind_label(meeting.kind) if pseudonymise else meeting.title,
            observed[id(meeting)].observer,
            len(observed[id(meeting)].ratings),
        )
        for meeting in ordered
    )
    return DevelopmentView(facilitator, meetings, tuple(criteria), values, averages)

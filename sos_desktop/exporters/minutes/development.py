"""A facilitator's development as the feedback report prints it: their rubric ratings meeting by meeting, oldest
first.

Built from what ``Store.facilitated(name)`` gives (each meeting they facilitated, with its observations), or from
any list of the same shape, so the report does not depend on how the meetings were found. The figures themselves
come from ``models.development``, as the console's development view does, so the two never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sos_desktop.exporters.minutes.naming import short_date
from sos_desktop.models import Meeting, Observations
from sos_desktop.models.development import development_figures
from sos_desktop.models.labels import meeting_kind_label


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
    """For each criterion, its rating at each meeting (the mean of its ratings there; None where it was not rated)."""
    averages: tuple[float | None, ...]
    """Each meeting's mean rating over the criteria rated."""

    @property
    def rated_meetings(self) -> int:
        return sum(1 for average in self.averages if average is not None)


def development_view(
    facilitator: str, facilitated: Sequence[tuple[Meeting, Observations]], *, pseudonymise: bool
) -> DevelopmentView:
    figures = development_figures(facilitated)
    meetings = tuple(
        DevelopmentMeeting(
            short_date(row.meeting.held_on),
            meeting_kind_label(row.meeting.kind) if pseudonymise else row.meeting.title,
            row.observer,
            len(row.observations.ratings),
        )
        for row in figures.meetings
    )
    values = tuple(figures.values(criterion) for criterion in figures.criteria)
    averages = tuple(row.mean for row in figures.meetings)
    return DevelopmentView(facilitator, meetings, figures.criteria, values, averages)

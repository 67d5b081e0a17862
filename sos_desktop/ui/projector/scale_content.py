"""What the projector shows of a meeting's scales and of a case's trajectory, already masked.

Every string here has been through the masker, and every rater's name through the projection's ``name`` (a network
person's display name). In a private round the snapshot holds who has rated and nothing of
what they said, so no later step can draw a number by mistake.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sos_desktop.models import Case, Meeting, Network
from sos_desktop.models.raters import same_person, still_to_rate
from sos_desktop.models.scaling import Scale, Spread, spread
from sos_desktop.models.trajectory import TrajectoryPoint, pair_of, questions, scale_identity, trajectory
from sos_desktop.ui.projector.path_content import PathLine, path_lines

Mask = Callable[[str], str]
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ONE_MEETING = "Only one meeting so far: the trajectory appears from the second meeting."
ONE_RATING = "This scale has been rated at only one meeting so far: the trajectory appears from the second."
NO_RATINGS = "No ratings on this scale yet: the trajectory appears once it is rated at two meetings."


@dataclass(frozen=True)
class Rater:
    """Someone who has rated; ``colour`` picks their colour, the same on every scale of the meeting."""

    name: str
    colour: int


@dataclass(frozen=True)
class Mark:
    """One rater's number."""

    name: str
    value: float
    colour: int


@dataclass(frozen=True)
class ScaleContent:
    """One scale as the room sees it. In a private round ``marks`` is empty and ``spread`` None."""

    title: str
    question: str
    zero_means: str
    ten_means: str
    private: bool
    marks: tuple[Mark, ...]
    spread: Spread | None
    rated: tuple[Rater, ...]
    waiting: tuple[str, ...]

    @property
    def total(self) -> int:
        """Everyone expected to rate: those who have, and those who rate (by role, or added) who have not yet."""
        return len(self.rated) + len(self.waiting)


def meeting_title(meeting: Meeting, case: Case | None, mask: Mask) -> str:
    return mask(f"{meeting.title} · {case.label}" if case is not None else meeting.title)


def chosen_scale(meeting: Meeting, index: int | None) -> Scale | None:
    """The scale at ``index`` (None: the first; past the end: the last), or None if the meeting has none."""
    if not meeting.scales:
        return None
    return meeting.scales[max(0, min(len(meeting.scales) - 1, index or 0))]


def scale_content(
    meeting: Meeting, case: Case | None, index: int | None, mask: Mask, name: Mask | None = None
) -> ScaleContent | None:
    """The projector's snapshot of one of ``meeting``'s scales, or None when it has no scales; ``name`` (by default
    ``mask``) gives each rater's name as the room sees it (a network person's display name).
    """
    named = name or mask
    scale = chosen_scale(meeting, index)
    if scale is None:
        return None
    attendees = [same_person(attendee.name) for attendee in meeting.attendees]

    def colour(name: str, position: int) -> int:
        folded = same_person(name)
        return attendees.index(folded) if folded in attendees else len(attendees) + position

    marks = tuple(Mark(named(r.rater.strip()), r.value, colour(r.rater, i)) for i, r in enumerate(scale.ratings))
    waiting = tuple(named(rater) for rater in still_to_rate(meeting.attendees, scale))
    return ScaleContent(
        title=meeting_title(meeting, case, mask),
        question=mask(scale.question.strip()),
        zero_means=mask(scale.zero_means.strip()),
        ten_means=mask(scale.ten_means.strip()),
        private=scale.private_round,
        marks=() if scale.private_round else marks,
        spread=None if scale.private_round else spread(scale.ratings),
        rated=tuple(Rater(mark.name, mark.colour) for mark in marks),
        waiting=waiting,
    )


@dataclass(frozen=True)
class TrajectoryContent:
    """A scale's points across the case's meetings with their x labels; ``message`` instead when too few."""

    title: str
    question: str
    points: tuple[TrajectoryPoint, ...]
    labels: tuple[str, ...]
    current: int
    """The index of the open meeting's point, or -1."""
    message: str = ""
    paths: tuple[PathLine, ...] = ()
    """The children's paths to the door at the same meetings, drawn beside the scale's line."""


def day_label(held_on: datetime, with_year: bool) -> str:
    """A meeting's date as the chart writes it: "21 Nov", or "21 Nov 2026" when the meetings span years."""
    text = f"{held_on.day} {MONTHS[held_on.month - 1]}"
    return f"{text} {held_on.year}" if with_year else text


def case_meetings(current: Meeting | None, meetings: list[Meeting] | None) -> list[Meeting]:
    """The case's meetings with the open one as it is now (its ratings may have changed since it was read)."""
    if current is None:
        return list(meetings or [])
    found = [current if m.id is not None and m.id == current.id else m for m in meetings or []]
    return found if any(m is current for m in found) else [*found, current]


def _key(current: Meeting | None, lines: dict[str, list[TrajectoryPoint]], wanted: str | None) -> str | None:
    if wanted is not None:
        return wanted
    for scale in current.scales if current is not None else []:
        if len(lines.get(scale_identity(scale), ())) > 1:
            return scale_identity(scale)
    charted = [key for key, points in lines.items() if len(points) > 1]
    if charted:
        return charted[0]
    first = current.scales[0] if current is not None and current.scales else None
    return scale_identity(first) if first is not None else next(iter(lines), None)


def _pair(current: Meeting | None, key: str | None) -> int | None:
    """The number of the danger/goal pair the charted scale is about in the open meeting (each pair its own line)."""
    scale = next((s for s in current.scales if scale_identity(s) == key), None) if current is not None else None
    found = pair_of(current, scale) if current is not None and scale is not None else None
    return None if found is None else found[0]


def trajectory_content(
    current: Meeting | None,
    case: Case | None,
    meetings: list[Meeting] | None,
    wanted: str | None,
    mask: Mask,
    network: Network | None = None,
) -> TrajectoryContent:
    """The projector's snapshot of one scale's trajectory (``wanted``: its key; None: the meeting's first charted)."""
    every = case_meetings(current, meetings)
    title = mask(f"Trajectory · {case.label}" if case is not None else "Trajectory")
    lines = trajectory(every)
    key = _key(current, lines, wanted)
    question = mask(questions(every).get(key, "")) if key is not None else ""
    pair = _pair(current, key)
    if pair is not None:
        title = f"{title} · Pair {pair}"
    points = tuple(lines.get(key, ())) if key is not None else ()
    if len(every) < 2:
        return TrajectoryContent(title, question, points, (), -1, ONE_MEETING)
    if len(points) < 2:
        return TrajectoryContent(title, question, points, (), -1, ONE_RATING if points else NO_RATINGS)
    years = {point.held_on.year for point in points if point.held_on is not None}
    labels = tuple(day_label(p.held_on, len(years) > 1) if p.held_on is not None else mask(p.title) for p in points)
    ids = [point.meeting_id for point in points]
    here = current.id if current is not None else None
    index = ids.index(here) if here is not None and here in ids else -1
    return TrajectoryContent(title, question, points, labels, index, paths=path_lines(every, network, points, mask))

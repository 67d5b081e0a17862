"""A case's trajectory: each scale's spread of ratings meeting by meeting, the road to closure.

Pure functions over meetings: the same question asked at several meetings (the standard safety scale keeps its
wording) forms one line; a meeting that did not rate a scale, or is still in a private round on it, adds no point.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sos_desktop.models.mapping import pair_numbers
from sos_desktop.models.meeting import Meeting
from sos_desktop.models.scaling import Scale, spread


@dataclass(frozen=True)
class TrajectoryPoint:
    """One meeting's ratings on one scale: who met, when, and the lowest, median and highest number."""

    meeting_id: int | None
    held_on: datetime | None
    title: str
    lowest: float
    median: float
    highest: float
    count: int


def question_key_text(question: str) -> str:
    """A question as two wordings are compared: trimmed, spacing tidied, without regard to case."""
    return " ".join(question.split()).casefold()


def question_key(scale: Scale) -> str:
    """What made two meetings' scales the same scale before scales had keys: the question, as compared."""
    return question_key_text(scale.question)


def scale_identity(scale: Scale) -> str:
    """What makes two meetings' scales the same scale: its key (kept when a meeting is continued, whatever the
    wording became), or, for a scale not saved yet, its question.
    """
    return scale.key or question_key(scale)


def _moment(held_on: datetime | None) -> datetime:
    if held_on is None:
        return datetime.max
    return held_on.astimezone(UTC).replace(tzinfo=None) if held_on.tzinfo is not None else held_on


def in_time_order(meetings: list[Meeting]) -> list[Meeting]:
    """Oldest first by date; undated meetings last; ties by id (unsaved ones last)."""

    def order(meeting: Meeting) -> tuple[bool, datetime, bool, int]:
        return meeting.held_on is None, _moment(meeting.held_on), meeting.id is None, meeting.id or 0

    return sorted(meetings, key=order)


def _shown(scale: Scale) -> bool:
    """A scale counts once it has ratings the room has seen (a private round's numbers are not shown yet)."""
    return bool(scale.ratings) and not scale.private_round


def trajectory(
    meetings: list[Meeting], scale_key: Callable[[Scale], str] | None = None
) -> dict[str, list[TrajectoryPoint]]:
    """The points of each scale, by key, in time order; keys in the order their scale was first rated."""
    key_of = scale_key or scale_identity
    lines: dict[str, list[TrajectoryPoint]] = {}
    for meeting in in_time_order(meetings):
        seen: set[str] = set()
        for scale in meeting.scales:
            key = key_of(scale)
            found = spread(scale.ratings)
            if key in seen or found is None or not _shown(scale):
                continue  # the same question twice in one meeting: its first rated scale stands
            seen.add(key)
            point = TrajectoryPoint(
                meeting.id,
                meeting.held_on,
                meeting.title,
                found.lowest,
                found.median,
                found.highest,
                len(scale.ratings),
            )
            lines.setdefault(key, []).append(point)
    return lines


def questions(meetings: list[Meeting], scale_key: Callable[[Scale], str] | None = None) -> dict[str, str]:
    """Each key's question as most recently worded (the key ignores case and spacing; the title should not)."""
    key_of = scale_key or scale_identity
    return {key_of(scale): scale.question.strip() for meeting in in_time_order(meetings) for scale in meeting.scales}


def pair_of(meeting: Meeting, scale: Scale) -> tuple[int, str] | None:
    """The danger/goal pair a scale of ``meeting`` is about, as its number and the danger statement's words; None
    when the scale is about no paired danger statement. Each pair's scale keeps its key when the case's next meeting
    is continued from this one, so each pair has a trajectory of its own.
    """
    if scale.about is None:
        return None
    numbers = pair_numbers(meeting.items)
    number = numbers.get(scale.about)
    if number is None:
        return None
    card = next((item for item in meeting.items if item.id == scale.about), None)
    return (number, card.text) if card is not None else None

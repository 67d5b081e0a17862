"""Rules of running a group supervision: the size of the group, and who may agree next steps.

Plain functions over a ``Meeting``, so the console, the minutes and the tests all apply the same rule.
"""

from __future__ import annotations

from sos_desktop.models.enums import AttendeeRole, Category, MeetingKind, NextStepStatus
from sos_desktop.models.mapping import MapItem
from sos_desktop.models.meeting import Meeting

GROUP_SIZE = (4, 10)
"""The number of participants a group supervision works best with, inclusive."""


def group_members(meeting: Meeting) -> int:
    """Everyone taking part in the group's discussion: all attendees but observers, who watch the facilitation."""
    return sum(1 for attendee in meeting.attendees if attendee.role is not AttendeeRole.OBSERVER)


def group_size_warning(meeting: Meeting) -> str | None:
    """A sentence for the facilitator when a group supervision has fewer than 4 or more than 10 taking part."""
    if meeting.kind is not MeetingKind.GROUP_SUPERVISION:
        return None
    members = group_members(meeting)
    low, high = GROUP_SIZE
    if low <= members <= high:
        return None
    size = f"{members} {'person is' if members == 1 else 'people are'} taking part"
    advice = "invite more colleagues" if members < low else "consider splitting the group"
    return f"Group supervision works best with {low} to {high} participants; {size}: {advice}."


def has_manager(meeting: Meeting) -> bool:
    return any(attendee.role is AttendeeRole.MANAGER for attendee in meeting.attendees)


def may_agree(meeting: Meeting) -> bool:
    """Next steps can be agreed (not just ideas) only with a manager among the attendees."""
    return has_manager(meeting)


IDEAS_ONLY = "Without a manager at this meeting, next steps are ideas; a manager agrees them."


def counted_next_steps(meeting: Meeting) -> tuple[int, int]:
    """How many next steps are ideas and how many are agreed (or done)."""
    steps = [item for item in meeting.items if item.category is Category.NEXT_STEP]
    ideas = sum(1 for item in steps if item.status in (None, NextStepStatus.IDEA))
    return ideas, len(steps) - ideas


STATUS_WORDS = {NextStepStatus.IDEA: "Idea", NextStepStatus.AGREED: "Agreed", NextStepStatus.DONE: "Done"}


def action_line(item: MapItem) -> str:
    """A next step's status, owner and date in one line: "Agreed · Sam Patel · by 5 Dec 2026"."""
    if item.category is not Category.NEXT_STEP:
        return ""
    parts = [STATUS_WORDS[item.status or NextStepStatus.IDEA]]
    if item.owner:
        parts.append(item.owner)
    if item.due is not None:
        parts.append(f"by {item.due.day} {item.due:%b %Y}")
    return " · ".join(parts)

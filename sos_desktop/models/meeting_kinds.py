"""The kinds of meeting and the agenda each starts with, in the practice's words.

Group supervision follows the practice's group process; a mapping meeting maps the case with the family's
professionals; a review meeting starts from last time's next steps; a family network meeting and a child protection
conference bring the family and their network into the room (the conference ends with the chair's decision). The
team may change each kind's agenda in Settings (``store/team_settings.py`` keeps one per kind).
"""

from __future__ import annotations

from sos_desktop.models.enums import MeetingKind
from sos_desktop.models.meeting import AgendaPhase

Phases = tuple[tuple[str, str, int], ...]

KIND_AGENDAS: dict[MeetingKind, Phases] = {
    MeetingKind.GROUP_SUPERVISION: (
        ("purpose", "Purpose and roles", 5),
        ("overview", "Case overview and network", 10),
        ("mapping", "Three-column mapping", 25),
        ("statements", "Danger statements and safety goals", 10),
        ("scaling", "Scaling", 5),
        ("next_steps", "Next steps", 5),
        ("reflection", "Reflection and feedback", 5),
    ),
    MeetingKind.MAPPING: (
        ("purpose", "Purpose and roles", 5),
        ("overview", "The family's story and network", 15),
        ("worries", "What are we worried about?", 20),
        ("working_well", "What's working well?", 15),
        ("statements", "Danger statements and safety goals", 15),
        ("scaling", "Scaling", 5),
        ("next_steps", "What needs to happen next?", 15),
    ),
    MeetingKind.REVIEW: (
        ("review", "Last time's next steps", 15),
        ("changes", "What has changed since last time", 10),
        ("working_well", "What's working well?", 10),
        ("worries", "What are we worried about now?", 10),
        ("scaling", "Scaling", 5),
        ("next_steps", "Next steps", 10),
    ),
    MeetingKind.NETWORK_MEETING: (
        ("welcome", "Welcome and purpose", 5),
        ("worries", "The worries, in plain words", 15),
        ("working_well", "What's working well?", 15),
        ("statements", "Danger statements and safety goals read out", 15),
        ("network_ideas", "The network's ideas for safety", 20),
        ("scaling", "Scaling", 10),
        ("next_steps", "Who does what next", 10),
    ),
    MeetingKind.CONFERENCE: (
        ("welcome", "Welcome and purpose", 5),
        ("family_view", "The family's view", 10),
        ("working_well", "What's working well?", 15),
        ("worries", "What are we worried about?", 15),
        ("statements", "Danger statements and safety goals", 10),
        ("scaling", "Scaling", 10),
        ("decision", "The decision", 10),
        ("plan", "The plan", 15),
        ("next_steps", "Next steps", 5),
    ),
}
"""Each kind's agenda: (phase key, title, planned minutes)."""

FAMILY_KINDS = frozenset({MeetingKind.NETWORK_MEETING, MeetingKind.CONFERENCE})
"""The kinds that bring the family and their network into the room."""


def kind_agenda(kind: MeetingKind) -> list[AgendaPhase]:
    """The practice's agenda for a meeting of ``kind`` (a kind this version does not know has group supervision's)."""
    phases = KIND_AGENDAS.get(kind, KIND_AGENDAS[MeetingKind.GROUP_SUPERVISION])
    return [AgendaPhase(phase=key, title=title, planned_minutes=minutes) for key, title, minutes in phases]


def agenda_untouched(agenda: list[AgendaPhase]) -> bool:
    """Whether no phase of ``agenda`` has been started: a change of kind may still give the meeting its own agenda."""
    return all(not phase.actual_minutes and phase.started_at is None for phase in agenda)


def same_phases(first: list[AgendaPhase], second: list[AgendaPhase]) -> bool:
    """Whether two agendas have the same phases, titles and planned minutes (times spent aside)."""
    return [(p.phase, p.title, p.planned_minutes) for p in first] == [
        (p.phase, p.title, p.planned_minutes) for p in second
    ]

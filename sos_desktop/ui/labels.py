"""Words shown on screen for the vocabularies of the model (British English)."""

from __future__ import annotations

from sos_desktop.models import AttendeeRole, MeetingKind

MEETING_KIND_LABELS: dict[MeetingKind, str] = {
    MeetingKind.GROUP_SUPERVISION: "Group supervision",
    MeetingKind.MAPPING: "Mapping meeting",
    MeetingKind.REVIEW: "Review meeting",
    MeetingKind.NETWORK_MEETING: "Network meeting",
}

ROLE_LABELS: dict[AttendeeRole, str] = {
    AttendeeRole.FACILITATOR: "Facilitator",
    AttendeeRole.PRESENTER: "Presenter",
    AttendeeRole.RECORDER: "Recorder",
    AttendeeRole.OBSERVER: "Observer",
    AttendeeRole.ADVISOR: "Advisor",
    AttendeeRole.MANAGER: "Manager",
    AttendeeRole.PARTICIPANT: "Participant",
}

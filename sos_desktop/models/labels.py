"""The words shown for the model's vocabularies, once for every reader: the console, the projector and the minutes
(British English; the Three Houses as the practice names them).
"""

from __future__ import annotations

from sos_desktop.models.enums import AttendeeRole, House, MeetingKind, PersonRole

MEETING_KIND_LABELS: dict[MeetingKind, str] = {
    MeetingKind.GROUP_SUPERVISION: "Group supervision",
    MeetingKind.MAPPING: "Mapping meeting",
    MeetingKind.REVIEW: "Review meeting",
    MeetingKind.NETWORK_MEETING: "Family network meeting",
    MeetingKind.CONFERENCE: "Child protection conference",
}

ROLE_LABELS: dict[AttendeeRole, str] = {
    AttendeeRole.FACILITATOR: "Facilitator",
    AttendeeRole.PRESENTER: "Presenter",
    AttendeeRole.RECORDER: "Recorder",
    AttendeeRole.OBSERVER: "Observer",
    AttendeeRole.ADVISOR: "Advisor",
    AttendeeRole.MANAGER: "Manager",
    AttendeeRole.PARTICIPANT: "Participant",
    AttendeeRole.CHAIR: "Chair",
    AttendeeRole.FAMILY: "Family or network member",
}
"""An attendee's role in the meeting."""

PERSON_ROLE_LABELS: dict[PersonRole, str] = {
    PersonRole.CHILD: "Child",
    PersonRole.PARENT: "Parent",
    PersonRole.CARER: "Carer",
    PersonRole.FAMILY: "Family",
    PersonRole.FRIEND: "Friend",
    PersonRole.COMMUNITY: "Community",
    PersonRole.PROFESSIONAL: "Professional",
    PersonRole.OTHER: "Other",
}
"""A network person's place around the child."""

HOUSE_TITLES: dict[House, str] = {
    House.WORRIES: "House of Worries",
    House.GOOD_THINGS: "House of Good Things",
    House.DREAMS: "House of Dreams",
}
"""The Three Houses, in the order they are shown."""


def meeting_kind_label(kind: MeetingKind | str) -> str:
    """The words for a kind of meeting; a kind this version does not know is written out from its value."""
    try:
        return MEETING_KIND_LABELS[MeetingKind(kind)]
    except ValueError:
        text = str(kind).replace("_", " ")
        return text[:1].upper() + text[1:]

"""Cases and meetings: the documents everything else hangs on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from sos_desktop.models.agreement import FamilyMeeting
from sos_desktop.models.child_tools import ChildTool
from sos_desktop.models.chronology import ChronologyEvent
from sos_desktop.models.enums import AttendeeRole, Framework, MeetingKind
from sos_desktop.models.mapping import MapItem
from sos_desktop.models.network import Network
from sos_desktop.models.observation import Observations
from sos_desktop.models.review import PersonThen, StepReview
from sos_desktop.models.safety_house import SafetyHouse
from sos_desktop.models.safety_plan import SafetyPlan
from sos_desktop.models.scaling import Scale
from sos_desktop.models.trajectory_plan import TrajectoryPlan
from sos_desktop.models.voice import ChildVoiceEntry
from sos_desktop.models.words_pictures import Story
from sos_desktop.models.words_pictures_images import Picture

MAX_LABEL_LENGTH = 200


@dataclass
class Case:
    """A family's case. ``label`` is what the team calls it on screen (never a child's full name by choice)."""

    label: str
    reference: str = ""
    framework: Framework = Framework.SAFETY
    id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    team: str = ""
    """The team the case belongs to ("" when not said), as the team's audit groups cases."""

    def __post_init__(self) -> None:
        self.framework = Framework(self.framework)

    def __setattr__(self, name: str, value: Any) -> None:
        # Checked on every assignment, not only at creation, so a rename cannot store a name no one can read back.
        super().__setattr__(name, check_label(value, "A case") if name == "label" else value)


@dataclass
class Attendee:
    """Somebody at the meeting, with their role in it: a professional, or a family or network member."""

    name: str
    role: AttendeeRole = AttendeeRole.PARTICIPANT
    person: int | None = None
    """The network person this attendee is (a family or network member); None for a professional."""

    def __post_init__(self) -> None:
        self.role = AttendeeRole(self.role)


@dataclass
class AgendaPhase:
    phase: str
    title: str = ""
    planned_minutes: float | None = None
    actual_minutes: float | None = None
    """Minutes spent in the phase so far (not counting a run still going: see ``started_at``)."""
    started_at: datetime | None = None
    """When the phase was last started or resumed, while it is running; None when it is not running."""


@dataclass
class Meeting:
    """One meeting about a case: its details, the map, the scales, the child's voice and any observations."""

    title: str
    case_id: int | None = None
    id: int | None = None
    kind: MeetingKind = MeetingKind.GROUP_SUPERVISION
    held_on: datetime | None = None
    focus_question: str = ""
    confidentiality_agreed: bool = False
    summary: str = ""
    attendees: list[Attendee] = field(default_factory=list)
    agenda: list[AgendaPhase] = field(default_factory=list)
    items: list[MapItem] = field(default_factory=list)
    scales: list[Scale] = field(default_factory=list)
    child_voice: list[ChildVoiceEntry] = field(default_factory=list)
    observations: Observations = field(default_factory=Observations)
    extra: dict[str, Any] = field(default_factory=dict)
    uid: str = field(default="", compare=False)
    """The meeting's identity across databases and files (a UUID, given by the store when it is first saved, kept by
    export and import); "" until then. Not part of its value: a copy of a meeting holds the same meeting."""
    file_extra: dict[str, Any] = field(default_factory=dict)
    """The top-level keys of the meeting file it came from that SoS Desktop does not read, written back on export."""
    follows: str = ""
    """The uid of the meeting this one was continued from ("" when it was not)."""
    reviews: list[StepReview] = field(default_factory=list)
    """Last time's next steps, as this meeting reviews them (the first thing a continued meeting does)."""
    network_at_start: list[PersonThen] = field(default_factory=list)
    """The case's network as it stood when this meeting was continued from the last one (empty otherwise)."""
    safety_plan: SafetyPlan = field(default_factory=SafetyPlan)
    """The case's safety plan as it stood at this meeting (its owners and signers are network person ids)."""
    trajectory_plan: TrajectoryPlan = field(default_factory=TrajectoryPlan)
    """The case's trajectory plan as it stood at this meeting."""
    family_meeting: FamilyMeeting = field(default_factory=FamilyMeeting)
    """Who agrees with which statement, a conference's decision, and whether the family is in the room."""
    safety_houses: list[SafetyHouse] = field(default_factory=list)
    """Each child's Safety House at this meeting (children and placed people are network person ids)."""
    child_tools: dict[int, ChildTool] = field(default_factory=dict)
    """The tool each child's voice is given through, by the child's person id (none: the Three Houses)."""
    words_pictures: list[Story] = field(default_factory=list)
    """The Words and Pictures stories: one per child (their person id), at most one for the family; their images
    name pictures kept by the store for the case (by id)."""

    def __post_init__(self) -> None:
        self.kind = MeetingKind(self.kind)

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, check_label(value, "A meeting") if name == "title" else value)


class MeetingHeading(NamedTuple):
    """What a list of meetings shows of each one; no more is read when thousands are listed."""

    id: int
    case_id: int
    title: str
    held_on: datetime | None
    kind: MeetingKind


@dataclass
class MeetingBundle:
    """A meeting with its case and the case's network: what one interchange file carries."""

    case: Case
    meeting: Meeting
    network: Network = field(default_factory=Network)
    chronology: list[ChronologyEvent] = field(default_factory=list)
    """The case's chronology (case-level, like the network)."""
    previous: Meeting | None = None
    """The meeting before this one in its case, when the store loaded it (for what changed since last time and the
    review's figures in the minutes); a meeting file does not carry it."""
    pictures: dict[int, Picture] = field(default_factory=dict)
    """The images the meeting's Words and Pictures stories show, by the picture id their panels name (the store's
    ids when the store loaded it, provisional negative ids when read from a file)."""


def check_label(text: str, what: str) -> str:
    """A case label or meeting title, trimmed; raise ValueError if empty or absurdly long."""
    text = text.strip()
    if not text:
        raise ValueError(f"{what} needs a name.")
    if len(text) > MAX_LABEL_LENGTH:
        raise ValueError(f"{what}'s name can be at most {MAX_LABEL_LENGTH} characters long.")
    return text

"""The demo case and meeting: a made-up family to try the tool on, with no real person in it.

Ids here are provisional (negative); the store gives each object its own id when the bundle is saved.
"""

from __future__ import annotations

from datetime import date, datetime

from sos_desktop.models.enums import (
    AttendeeRole,
    Category,
    Circle,
    Framework,
    House,
    MeetingKind,
    NextStepStatus,
    PersonRole,
    TieKind,
)
from sos_desktop.models.mapping import MapItem
from sos_desktop.models.meeting import AgendaPhase, Attendee, Case, Meeting, MeetingBundle
from sos_desktop.models.network import Network, NetworkPerson, Tie
from sos_desktop.models.scaling import Scale, ScaleRating
from sos_desktop.models.templates import template
from sos_desktop.models.voice import ChildVoiceEntry

DEMO_REFERENCE = "DEMO-0001"

_AGENDA = (
    ("purpose", "Purpose and roles", 5),
    ("overview", "Case overview and network", 10),
    ("mapping", "Three-column mapping", 25),
    ("statements", "Danger statements and safety goals", 10),
    ("scaling", "Scaling", 5),
    ("next_steps", "Next steps", 5),
    ("reflection", "Reflection and feedback", 5),
)


def default_agenda() -> list[AgendaPhase]:
    """The group-supervision process of the practice, as a 65-minute agenda."""
    return [AgendaPhase(phase=key, title=title, planned_minutes=minutes) for key, title, minutes in _AGENDA]


def demo_bundle() -> MeetingBundle:
    """A small, complete group supervision about an invented family."""
    case = Case(label="Family Demo (invented)", reference=DEMO_REFERENCE, framework=Framework.SAFETY)
    people = [
        NetworkPerson(
            id=-1, name="Lily Example", display_name="L", role=PersonRole.CHILD, age=4, also_known_as=["Lils"]
        ),
        NetworkPerson(
            id=-2,
            name="Jordan Example",
            display_name="Mum",
            role=PersonRole.PARENT,
            circle=Circle.INNER,
            knows_worries=True,
            knows_worries_since=date(2026, 10, 14),
        ),
        NetworkPerson(id=-3, name="Chris Sample", display_name="Dad", role=PersonRole.PARENT, circle=Circle.INNER),
        NetworkPerson(
            id=-4,
            name="Pat Example",
            display_name="Nan",
            role=PersonRole.FAMILY,
            circle=Circle.INNER,
            knows_worries=True,
            knows_worries_since=date(2026, 10, 20),
            rules=["Lily stays with Nan if there is shouting at home."],
        ),
        NetworkPerson(id=-5, name="Robin Neighbour", display_name="RN", role=PersonRole.FRIEND, circle=Circle.OUTER),
        NetworkPerson(
            id=-6, name="Noah Example", display_name="N", role=PersonRole.CHILD, age=9, relationship="Lily's brother"
        ),
        NetworkPerson(
            id=-7,
            name="Frank Example",
            display_name="Grandad",
            role=PersonRole.FAMILY,
            relationship="Mum's dad",
            also_known_as=["Frankie"],
            circle=Circle.OUTER,
        ),
        NetworkPerson(
            id=-8,
            name="Kim Sample",
            display_name="Aunt K",
            role=PersonRole.FAMILY,
            relationship="Dad's sister",
            circle=Circle.OUTER,
            knows_worries=True,
            knows_worries_since=date(2026, 11, 2),
        ),
        NetworkPerson(
            id=-9, name="Taylor Friend", display_name="TF", role=PersonRole.FRIEND, relationship="Mum's friend"
        ),
        NetworkPerson(
            id=-10,
            name="Dana Rivers",
            display_name="Teacher",
            role=PersonRole.PROFESSIONAL,
            relationship="Noah's teacher",
        ),
        NetworkPerson(
            id=-11,
            name="Jamie Okafor",
            display_name="FSW",
            role=PersonRole.PROFESSIONAL,
            relationship="Family support worker",
            knows_worries=True,
        ),
        NetworkPerson(
            id=-12,
            name="Helen Brooks",
            display_name="HV",
            role=PersonRole.PROFESSIONAL,
            relationship="Health visitor",
            knows_worries=True,
        ),
    ]
    ties = [
        Tie(source=-2, target=-1, kind=TieKind.PARENT),
        Tie(source=-3, target=-1, kind=TieKind.PARENT),
        Tie(source=-2, target=-3, kind=TieKind.PARTNER),
        Tie(source=-4, target=-2, kind=TieKind.PARENT),
        Tie(source=-5, target=-2, kind=TieKind.SUPPORT),
        Tie(source=-2, target=-6, kind=TieKind.PARENT),
        Tie(source=-1, target=-6, kind=TieKind.SIBLING),
        Tie(source=-7, target=-4, kind=TieKind.PARTNER),
        Tie(source=-7, target=-2, kind=TieKind.PARENT),
        Tie(source=-8, target=-3, kind=TieKind.FAMILY),
        Tie(source=-9, target=-2, kind=TieKind.SUPPORT),
        Tie(source=-10, target=-6, kind=TieKind.PROFESSIONAL),
        Tie(source=-11, target=-1, kind=TieKind.PROFESSIONAL),
        Tie(source=-11, target=-2, kind=TieKind.PROFESSIONAL),
        Tie(source=-12, target=-1, kind=TieKind.PROFESSIONAL),
    ]
    items = [
        MapItem(
            id=-11,
            category=Category.HARM,
            text="In September Lily was in the room when Dad pushed Mum into a "
            "door during an argument; Mum's arm was bruised and Lily was crying.",
            said_by="Sam Patel",
        ),
        MapItem(
            id=-12,
            category=Category.DANGER,
            pairs_with=-13,
            text="Sam (social worker) and Nan are worried "
            "that if Mum and Dad keep arguing in front of Lily and the arguments turn physical, Lily could be "
            "hurt and grow up frightened at home.",
        ),
        MapItem(
            id=-13,
            category=Category.GOAL,
            pairs_with=-12,
            text="Mum and Dad will sort out disagreements "
            "calmly, away from Lily, and Nan will see this when she visits, for six months.",
        ),
        MapItem(id=-14, category=Category.COMPLICATING, text="Dad works nights and has not met the social worker yet."),
        MapItem(
            id=-15,
            category=Category.STRENGTH,
            text="Lily goes to nursery every day, clean and fed; nursery staff say she is happy there.",
        ),
        MapItem(
            id=-16,
            category=Category.SAFETY,
            text="After the argument in September, Mum took Lily to Nan's the same night and stayed there for a week.",
        ),
        MapItem(
            id=-17,
            category=Category.NEXT_STEP,
            text="Meet Dad at home to hear his view.",
            owner="Sam Patel",
            due=date(2026, 12, 5),
            status=NextStepStatus.IDEA,
        ),
        MapItem(
            id=-18,
            category=Category.NEXT_STEP,
            text="Ask Nan to join a safety-planning meeting.",
            owner="Sam Patel",
            due=date(2026, 12, 12),
            status=NextStepStatus.IDEA,
        ),
        MapItem(id=-19, category=Category.GREY, text="Whether Dad's drinking plays a part."),
    ]
    wording = template(Framework.SAFETY).scale
    scales = [
        Scale(
            id=-21,
            question=wording.question,
            zero_means=wording.zero_means,
            ten_means=wording.ten_means,
            about=-12,
            ratings=[
                ScaleRating(rater="Sam Patel", value=4, reason="Mum acted to protect Lily; Nan is involved."),
                ScaleRating(rater="Alex Morgan", value=5.5, reason="Lily is thriving at nursery."),
            ],
        ),
    ]
    meeting = Meeting(
        title="Group supervision (demo)",
        kind=MeetingKind.GROUP_SUPERVISION,
        held_on=datetime(2026, 11, 21, 10, 0),
        focus_question="How can we help Dad to take part, and what would tell us Lily is safe enough at home?",
        confidentiality_agreed=True,
        attendees=[
            Attendee("Alex Morgan", AttendeeRole.FACILITATOR),
            Attendee("Sam Patel", AttendeeRole.PRESENTER),
            Attendee("Jo Reid", AttendeeRole.OBSERVER),
            Attendee("Priya Shah", AttendeeRole.PARTICIPANT),
            Attendee("Tom Evans", AttendeeRole.PARTICIPANT),
            Attendee("Aisha Khan", AttendeeRole.PARTICIPANT),
        ],
        agenda=default_agenda(),
        items=items,
        scales=scales,
        child_voice=[
            ChildVoiceEntry(
                child=-1, house=House.WORRIES, words="When Daddy shouts I hide under the table.", consent_to_share=True
            ),
            ChildVoiceEntry(
                child=-1, house=House.GOOD_THINGS, words="Nanny's house and my bike.", consent_to_share=True
            ),
        ],
        summary="Group supervision mapped the worries about arguments at home; next steps are ideas for Sam "
        "to take to the manager.",
    )
    return MeetingBundle(case=case, meeting=meeting, network=Network(people=people, ties=ties))

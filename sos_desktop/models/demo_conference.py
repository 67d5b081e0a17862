"""The demo case's third meeting: a child protection conference after the follow-up, continued from it.

The chair (Ruth Mensah) runs it with the family in the room (family-present on): Mum, Dad and Nan attend as family
members linked to their network people and each rate the safety scale beside the professionals. A second danger
statement, about Dad's drinking, joins the first; Dad agrees with it but not with the first (in his words). The
conference decides on a child protection plan; Dad disagrees and says why. One card is for the professionals only
(the police information), and one card uses jargon ("disguised compliance"), so the wall flags it.
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import uuid4

from sos_desktop.models.agreement import Agreement, Decision, Dissent, FamilyMeeting, Outcome, View
from sos_desktop.models.continuity import continue_meeting
from sos_desktop.models.enums import AttendeeRole, Category, MeetingKind, NextStepStatus
from sos_desktop.models.mapping import MapItem
from sos_desktop.models.meeting import Attendee, Meeting
from sos_desktop.models.meeting_kinds import kind_agenda
from sos_desktop.models.network import Network
from sos_desktop.models.scaling import ScaleRating

CONFERENCE_TITLE = "Child protection conference (demo)"
CONFERENCE_HELD_ON = datetime(2026, 12, 17, 10, 0)
CHAIR = "Ruth Mensah"
DRINKING = (
    "Sam and Nan are worried that when Dad has been drinking he shouts and throws things, and Lily could be hurt "
    "or too frightened to sleep."
)
DRINKING_GOAL = "Dad will not drink when he looks after Lily, and Mum and Nan will know who to call if he has."
JARGON_CARD = "Disguised compliance: Dad agrees at visits, but Nan still hears shouting at night."
PROFESSIONAL_CARD = "Police information from the strategy discussion, not yet shared with the family."
DAD_DISAGREES = "I have never hurt Lily. We argue, like anyone, but it never gets physical any more."


def _person(network: Network, display_name: str) -> tuple[int, str]:
    person = next(p for p in network.people if p.display_name == display_name)
    assert person.id is not None
    return person.id, person.name


def demo_conference(follow_up: Meeting, network: Network) -> Meeting:
    """The conference, continued from the demo's follow-up (``follow_up`` and ``network`` as stored)."""
    mum, dad, nan = (_person(network, name) for name in ("Mum", "Dad", "Nan"))
    professionals = [a for a in follow_up.attendees if a.name in {"Sam Patel", "Priya Shah"}]
    attendees = [
        Attendee(CHAIR, AttendeeRole.CHAIR),
        *professionals,
        *(Attendee(name, AttendeeRole.FAMILY, person_id) for person_id, name in (mum, dad, nan)),
    ]
    conference = continue_meeting(
        follow_up,
        network,
        title=CONFERENCE_TITLE,
        held_on=CONFERENCE_HELD_ON,
        agenda=kind_agenda(MeetingKind.CONFERENCE),
        attendees=attendees,
    )
    conference.kind = MeetingKind.CONFERENCE
    conference.focus_question = "Is Lily safe enough at home, and what plan will keep her safe?"
    lowest = min((item.id for item in conference.items if item.id is not None), default=0)
    danger = MapItem(Category.DANGER, DRINKING, id=lowest - 1, pairs_with=lowest - 2, key=str(uuid4()))
    goal = MapItem(Category.GOAL, DRINKING_GOAL, id=lowest - 2, pairs_with=lowest - 1, key=str(uuid4()))
    jargon = MapItem(Category.COMPLICATING, JARGON_CARD, id=lowest - 3, said_by="Priya Shah", key=str(uuid4()))
    hidden = MapItem(Category.COMPLICATING, PROFESSIONAL_CARD, id=lowest - 4, professional_only=True, key=str(uuid4()))
    steps = [
        MapItem(
            Category.NEXT_STEP,
            "Sam to meet Mum, Dad and Nan to write the plan's first week together.",
            id=lowest - 5,
            owner="Sam Patel",
            due=date(2027, 1, 7),
            status=NextStepStatus.IDEA,
            key=str(uuid4()),
        ),
        MapItem(
            Category.NEXT_STEP,
            "Dad to go to the alcohol support group on Tuesdays.",
            id=lowest - 6,
            owner=dad[1],
            due=date(2027, 1, 12),
            status=NextStepStatus.IDEA,
            key=str(uuid4()),
        ),
    ]
    conference.items += [danger, goal, jargon, hidden, *steps]
    ratings = {
        "Sam Patel": (4, "The police call in November still worries me."),
        "Priya Shah": (4, "Nursery see Lily tired some mornings."),
        mum[1]: (6, "We keep Lily away from it now."),
        dad[1]: (7, "I have stopped drinking."),
        nan[1]: (5, "Better, but I still get the late calls."),
    }
    for scale in conference.scales[:1]:
        scale.ratings = [ScaleRating(rater, value, reason) for rater, (value, reason) in ratings.items()]
    first_danger = next(item for item in conference.items if item.category is Category.DANGER)
    first_goal = next(item for item in conference.items if item.category is Category.GOAL)
    conference.family_meeting = FamilyMeeting(
        agreements=[
            Agreement(first_danger.key, mum[1], View.AGREES),
            Agreement(first_danger.key, dad[1], View.DISAGREES, DAD_DISAGREES),
            Agreement(first_danger.key, nan[1], View.AGREES, "I have seen it."),
            Agreement(danger.key, mum[1], View.AGREES),
            Agreement(danger.key, dad[1], View.AGREES, "That was me, before."),
            Agreement(danger.key, nan[1], View.AGREES),
            Agreement(first_goal.key, mum[1], View.AGREES),
            Agreement(first_goal.key, dad[1], View.AGREES),
            Agreement(first_goal.key, nan[1], View.AGREES),
        ],
        decision=Decision(
            Outcome.CHILD_PROTECTION_PLAN,
            reasons="The arguments have turned physical before and the police were called in November; the family "
            "agree with the worries about drinking, and the plan is new.",
            dissent=[Dissent(dad[1], "A child in need plan would be enough now that I have stopped drinking.")],
            decided_on=date(2026, 12, 17),
            chair=CHAIR,
        ),
        family_present=True,
    )
    conference.summary = "The conference decided on a child protection plan; Dad disagreed. The family's plan goes on."
    return conference

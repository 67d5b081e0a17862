"""The demo case and its meetings: a made-up family to try the tool on, with no real person in it. The first
meeting maps the case; the follow-up (:func:`demo_follow_up`) is continued from it, reviews its next steps and shows
what changed; the case's chronology comes with it, and so do its safety plan and trajectory plan (a first rule and
four milestones at the first meeting; five rules, warning signs and sign-ups at the follow-up, with a late milestone).

Ids here are provisional (negative); the store gives each object its own id when the bundle is saved.
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import uuid4

from sos_desktop.models.child_tools import ChildTool
from sos_desktop.models.chronology import ChronologyEvent, DatePrecision
from sos_desktop.models.continuity import carried_card, continue_meeting
from sos_desktop.models.demo_child_tools import first_meeting_child_tools, follow_up_safety_house
from sos_desktop.models.enums import (
    AttendeeRole,
    Category,
    Circle,
    Framework,
    Gender,
    House,
    MeetingKind,
    NextStepStatus,
    PersonRole,
    ReviewOutcome,
    TieBond,
    TieKind,
)
from sos_desktop.models.mapping import MapItem
from sos_desktop.models.meeting import AgendaPhase, Attendee, Case, Meeting, MeetingBundle
from sos_desktop.models.meeting_kinds import kind_agenda
from sos_desktop.models.network import Network, NetworkPerson, Tie
from sos_desktop.models.safety_plan import PlanRule, SafetyPlan, SignKind, SignUp, WarningSign
from sos_desktop.models.scaling import Scale, ScaleRating
from sos_desktop.models.templates import template
from sos_desktop.models.trajectory_plan import Milestone, MilestoneStatus, TrajectoryPlan
from sos_desktop.models.voice import ChildVoiceEntry
from sos_desktop.models.words_pictures_demo import follow_up_story

DEMO_REFERENCE = "DEMO-0001"
DEMO_TEAM = "Family Safeguarding Team 2"
"""The demo case's team (invented), as the team's audit groups cases."""
MUM_S_HOME = "Mum's home"
"""Where Lily lives with Mum and Noah (Dad lives apart: at the follow-up Noah puts him outside his Safety House)."""
NAN_S_HOUSE = "Nan's house"


def default_agenda() -> list[AgendaPhase]:
    """The group-supervision process of the practice, as a 65-minute agenda."""
    return kind_agenda(MeetingKind.GROUP_SUPERVISION)


def demo_bundle() -> MeetingBundle:
    """A small, complete group supervision about an invented family."""
    case = Case(label="Family Demo (invented)", reference=DEMO_REFERENCE, framework=Framework.SAFETY, team=DEMO_TEAM)
    danger_key = str(uuid4())
    people = [
        NetworkPerson(
            id=-1,
            name="Lily Example",
            display_name="L",
            role=PersonRole.CHILD,
            age=4,
            also_known_as=["Lils"],
            gender=Gender.FEMALE,
            index_child=True,
            household=MUM_S_HOME,
        ),
        NetworkPerson(
            id=-2,
            name="Jordan Example",
            display_name="Mum",
            role=PersonRole.PARENT,
            circle=Circle.INNER,
            knows_worries=True,
            knows_worries_since=date(2026, 10, 14),
            contact="07700 900461",
            gender=Gender.FEMALE,
            household=MUM_S_HOME,
        ),
        NetworkPerson(
            id=-3,
            name="Chris Sample",
            display_name="Dad",
            role=PersonRole.PARENT,
            circle=Circle.INNER,
            contact="07700 900462 (after 2pm: he works nights)",
            gender=Gender.MALE,
        ),
        NetworkPerson(
            id=-4,
            name="Pat Example",
            display_name="Nan",
            role=PersonRole.FAMILY,
            circle=Circle.INNER,
            knows_worries=True,
            knows_worries_since=date(2026, 10, 20),
            contact="01632 960183 (home) or 07700 900463",
            gender=Gender.FEMALE,
            household=NAN_S_HOUSE,
        ),
        NetworkPerson(id=-5, name="Robin Neighbour", display_name="RN", role=PersonRole.FRIEND, circle=Circle.OUTER),
        NetworkPerson(
            id=-6,
            name="Noah Example",
            display_name="N",
            role=PersonRole.CHILD,
            age=9,
            relationship="Lily's brother",
            gender=Gender.MALE,
            household=MUM_S_HOME,
        ),
        NetworkPerson(
            id=-7,
            name="Frank Example",
            display_name="Grandad",
            role=PersonRole.FAMILY,
            relationship="Mum's dad",
            also_known_as=["Frankie"],
            circle=Circle.OUTER,
            gender=Gender.MALE,
            household=NAN_S_HOUSE,
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
            contact="07700 900464",
            gender=Gender.FEMALE,
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
        Tie(source=-2, target=-3, kind=TieKind.PARTNER, bond=TieBond.SEPARATED),
        Tie(source=-4, target=-2, kind=TieKind.PARENT),
        Tie(source=-5, target=-2, kind=TieKind.SUPPORT),
        Tie(source=-2, target=-6, kind=TieKind.PARENT),
        Tie(source=-1, target=-6, kind=TieKind.SIBLING),
        Tie(source=-7, target=-4, kind=TieKind.PARTNER, bond=TieBond.MARRIED),
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
            key=danger_key,
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
        MapItem(
            id=-20,
            category=Category.NEXT_STEP,
            text="Share the danger statement with Mum and Dad in plain words.",
            owner="Sam Patel",
            due=date(2026, 11, 28),
            status=NextStepStatus.IDEA,
        ),
        MapItem(
            id=-22,
            category=Category.NEXT_STEP,
            text="Ask the health visitor how Lily is developing.",
            owner="Alex Morgan",
            due=date(2026, 11, 30),
            status=NextStepStatus.IDEA,
        ),
        MapItem(
            id=-23,
            category=Category.NEXT_STEP,
            text="Refer Dad to an alcohol support service.",
            owner="Sam Patel",
            due=date(2026, 12, 10),
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
        safety_plan=SafetyPlan(
            rules=[PlanRule(words=NAN_RULE, answers=[danger_key], owners=[-4])],
            review_on=date(2026, 12, 12),
        ),
        trajectory_plan=demo_trajectory_plan(),
    )
    meeting.safety_houses, meeting.child_tools = first_meeting_child_tools(Network(people=people))
    return MeetingBundle(
        case=case, meeting=meeting, network=Network(people=people, ties=ties), chronology=demo_chronology()
    )


NAN_RULE = "If there is shouting at home, Mum takes Lily and Noah to Nan's, and Nan keeps them overnight."


def demo_trajectory_plan() -> TrajectoryPlan:
    """The road to closure the team set out at the first meeting, with the scale's hoped-for score at each step."""
    return TrajectoryPlan(
        milestones=[
            Milestone("Network meeting with Mum, Dad and Nan", date(2026, 12, 5), "Sam Patel", target=5),
            Milestone("Safety plan tried for two weeks", date(2026, 12, 26), "Mum, Dad and the network", target=6),
            Milestone("Review conference", date(2027, 1, 30), "Sam Patel and the team manager", target=7),
            Milestone("Case closes to early help", date(2027, 3, 31), "Sam Patel", target=8),
        ]
    )


def _person_id(network: Network, display_name: str) -> int:
    found = next(person.id for person in network.people if person.display_name == display_name)
    assert found is not None
    return found


def demo_follow_up_plan(following: Meeting, network: Network) -> None:
    """The safety plan as the follow-up grows it: five rules (one still a prohibition nobody owns, for the gentle
    checks to find), two red flags and a trigger, three people signed up; the first milestone now late.
    """
    mum, dad, nan = (_person_id(network, name) for name in ("Mum", "Dad", "Nan"))
    aunt, neighbour = _person_id(network, "Aunt K"), _person_id(network, "RN")
    danger = next(item.key for item in following.items if item.category == Category.DANGER)
    plan = following.safety_plan
    first = plan.rules[0]
    first.owners = [mum, nan]
    first.if_broken = "Nan rings Sam the next morning, and the network meets within a week."
    plan.rules += [
        PlanRule(
            words="When Mum and Dad start to argue, Dad goes out for a walk and comes back when he is calm.",
            answers=[danger],
            owners=[dad, mum],
            if_broken="Mum rings Nan, and Nan comes round or has the children.",
        ),
        PlanRule(
            words="Nan visits every Tuesday and Friday at teatime and checks that Lily is happy and not frightened.",
            answers=[danger],
            owners=[nan, neighbour],
        ),
        PlanRule(words="Aunt K rings Dad every Sunday evening to ask how the week went.", owners=[aunt]),
        PlanRule(words="Dad won't drink at home.", answers=[danger]),
    ]
    plan.signs = [
        WarningSign(
            "Lily hides under the table or goes quiet when Dad comes in.",
            SignKind.RED_FLAG,
            response="Nan or nursery tell Sam the same day.",
        ),
        WarningSign(
            "Dad smells of drink when he comes to collect Lily.",
            SignKind.RED_FLAG,
            response="Mum or Nan keeps Lily with them and rings Sam.",
        ),
        WarningSign(
            "Dad comes off a run of night shifts, tired and short-tempered.",
            SignKind.TRIGGER,
            response="Dad sleeps at his sister's that day.",
        ),
    ]
    plan.sign_ups = [SignUp(mum, date(2026, 12, 10)), SignUp(nan, date(2026, 12, 10)), SignUp(dad, date(2026, 12, 11))]
    plan.review_on = date(2027, 1, 9)
    following.trajectory_plan.milestones[1].status = MilestoneStatus.UNDER_WAY


def demo_chronology() -> list[ChronologyEvent]:
    """The demo case's chronology as it stood at the first meeting."""
    return [
        ChronologyEvent(date(2022, 1, 1), "Lily was born.", "Health visitor", DatePrecision.YEAR),
        ChronologyEvent(date(2025, 9, 1), "Lily started nursery; she goes every day.", "Nursery", DatePrecision.MONTH),
        ChronologyEvent(
            date(2026, 9, 1),
            "Dad pushed Mum into a door during an argument, with Lily in the room; Mum's arm was bruised.",
            "Police report",
            DatePrecision.MONTH,
        ),
        ChronologyEvent(
            date(2026, 9, 1),
            "Mum took Lily to Nan's the same night and they stayed for a week.",
            "Mum",
            DatePrecision.MONTH,
        ),
        ChronologyEvent(date(2026, 10, 14), "Mum told the social worker about the arguments.", "Sam Patel"),
    ]


FOLLOW_UP_TITLE = "Group supervision: review (demo)"
FOLLOW_UP_HELD_ON = datetime(2026, 12, 12, 10, 0)
FOLLOW_UP_HARM = "On 29 November 2026 the police were called after Dad shouted at Mum in the street; Lily was at Nan's."
_OUTCOMES = {
    "Meet Dad at home to hear his view.": (
        ReviewOutcome.DONE,
        "Sam met Dad at home on 4 December; he wants to come to the next meeting.",
    ),
    "Ask Nan to join a safety-planning meeting.": (ReviewOutcome.CARRIED_FORWARD, "Nan is away until the 15th."),
    "Share the danger statement with Mum and Dad in plain words.": (
        ReviewOutcome.PARTLY_DONE,
        "Mum has read it with Sam; Dad has not seen it yet.",
    ),
    "Ask the health visitor how Lily is developing.": (ReviewOutcome.NOT_DONE, "Alex was off sick; still to do."),
    "Refer Dad to an alcohol support service.": (
        ReviewOutcome.DROPPED,
        "Dad says he has stopped drinking; the group will look for signs instead.",
    ),
}


def demo_follow_up(first: Meeting, network: Network) -> Meeting:
    """The demo case's second meeting, continued from the first (``first`` and ``network`` as stored): every
    review outcome, a card changed, one new and one dropped, the group's new ratings; one next step overdue.
    """
    following = continue_meeting(
        first, network, title=FOLLOW_UP_TITLE, held_on=FOLLOW_UP_HELD_ON, agenda=default_agenda()
    )
    for review in following.reviews:
        review.outcome, review.note = _OUTCOMES[review.text]
    following.items = [item for item in following.items if item.category != Category.GREY]  # dropped
    for item in following.items:
        if item.category == Category.COMPLICATING:
            item.text = "Dad works nights; he met Sam at home on 4 December and wants to come to meetings."
    lowest = min((item.id for item in following.items if item.id is not None), default=0)
    new_cards = [
        MapItem(category=Category.HARM, text=FOLLOW_UP_HARM, said_by="Sam Patel", key=str(uuid4())),
        MapItem(
            id=lowest - 2, category=Category.STRENGTH, text="Dad came to a home visit and listened to the worries."
        ),
        *(carried_card(review) for review in following.reviews if review.outcome == ReviewOutcome.CARRIED_FORWARD),
        MapItem(
            category=Category.NEXT_STEP,
            text="Mum and Nan to write the family's first safety rules.",
            owner="Sam Patel",
            due=date(2026, 12, 19),
            status=NextStepStatus.IDEA,
        ),
    ]
    for position, card in enumerate(new_cards, start=1):
        card.id = lowest - position  # local ids, as the carried cards have
    following.items += new_cards
    ratings = {"Sam Patel": (5, "Mum keeps Lily away from the arguments."), "Alex Morgan": (6, "Dad is talking to us.")}
    ratings["Priya Shah"] = (5, "The police call worries me.")
    for scale in following.scales:
        scale.ratings = [ScaleRating(rater, value, reason) for rater, (value, reason) in ratings.items()]
    following.summary = "Reviewed last time's next steps: Dad met Sam; Nan's meeting is carried forward."
    demo_follow_up_plan(following, network)
    following.safety_houses = [follow_up_safety_house(network)]
    following.child_tools = {_person_id(network, "L"): ChildTool.FAIRY}
    following.words_pictures = [follow_up_story(network)]
    return following


def demo_joiner() -> NetworkPerson:
    """Somebody who joined the demo family's network after the first meeting, and knows the worries."""
    return NetworkPerson(
        name="Grace Adeyemi",
        display_name="Aunt",
        role=PersonRole.FAMILY,
        relationship="Mum's sister",
        circle=Circle.INNER,
        knows_worries=True,
        knows_worries_since=date(2026, 12, 1),
    )

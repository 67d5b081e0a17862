"""A family network meeting or conference in the store: attendees linked to their network person, professional-only
cards, and the meeting's family record (agreements, the decision, family-present), through a save, a whole-meeting
save and a continued meeting.
"""

from __future__ import annotations

from datetime import date

from sos_desktop.models import Attendee, AttendeeRole, Case, Category, MapItem, Meeting, MeetingKind, NetworkPerson
from sos_desktop.models.agreement import Agreement, Decision, Dissent, FamilyMeeting, Outcome, View
from sos_desktop.store import Store


def _conference(store: Store) -> tuple[Meeting, NetworkPerson]:
    case = store.add_case(Case("Conference"))
    assert case.id is not None
    dad = store.add_person(case.id, NetworkPerson("Chris Sample", display_name="Dad"))
    meeting = store.add_meeting(Meeting("Child protection conference", case_id=case.id, kind=MeetingKind.CONFERENCE))
    return meeting, dad


def test_a_family_attendee_keeps_their_network_person(store: Store) -> None:
    meeting, dad = _conference(store)
    assert meeting.id is not None and meeting.kind is MeetingKind.CONFERENCE
    attendees = [Attendee("Morgan Lee", AttendeeRole.CHAIR), Attendee("Chris Sample", AttendeeRole.FAMILY, dad.id)]
    store.set_attendees(meeting.id, attendees)
    assert store.get_meeting(meeting.id).attendees == attendees
    assert store.get_meeting(meeting.id).kind is MeetingKind.CONFERENCE


def test_a_card_is_kept_professional_only_until_changed(store: Store) -> None:
    meeting, _ = _conference(store)
    assert meeting.id is not None
    card = store.add_item(meeting.id, MapItem(Category.COMPLICATING, "Police intelligence: not to share yet."))
    assert card.professional_only is False
    card.professional_only = True
    store.update_item(card)
    assert store.get_meeting(meeting.id).items[0].professional_only is True


def test_the_family_record_is_saved_read_back_and_goes_with_a_whole_meeting(store: Store) -> None:
    meeting, dad = _conference(store)
    assert meeting.id is not None
    assert store.get_meeting(meeting.id).family_meeting == FamilyMeeting()
    record = FamilyMeeting(
        [Agreement("key-1", "Chris Sample", View.DISAGREES, "It was one night — “once”.")],
        Decision(
            Outcome.CHILD_PROTECTION_PLAN,
            reasons="The fighting in front of L.",
            dissent=[Dissent("Chris Sample", "A child in need plan would do.")],
            decided_on=date(2026, 12, 17),
            chair="Morgan Lee",
        ),
        family_present=True,
    )
    store.set_family_meeting(meeting.id, record)
    assert store.get_meeting(meeting.id).family_meeting == record
    store.set_attendees(meeting.id, [Attendee("Chris Sample", AttendeeRole.FAMILY, dad.id)])
    bundle = store.load_bundle(meeting.id)
    bundle.case = Case("The same family, saved again")  # a whole save into a new case: every id is new
    copied = store.save_bundle(bundle)
    assert copied.meeting.id is not None
    again = store.get_meeting(copied.meeting.id)
    assert again.family_meeting == record
    (attendee,) = again.attendees
    assert attendee.person is not None and attendee.person in {p.id for p in copied.network.people}


def test_a_continued_meeting_keeps_its_family_attendees_and_starts_its_own_record(store: Store) -> None:
    meeting, dad = _conference(store)
    assert meeting.id is not None
    store.set_attendees(meeting.id, [Attendee("Chris Sample", AttendeeRole.FAMILY, dad.id)])
    store.set_family_meeting(meeting.id, FamilyMeeting(family_present=True))
    following = store.continue_meeting(meeting.id, title="Review conference", held_on=None, agenda=[])
    assert following.kind is MeetingKind.CONFERENCE
    assert following.attendees == [Attendee("Chris Sample", AttendeeRole.FAMILY, dad.id)]
    assert following.family_meeting == FamilyMeeting()


def test_the_demo_s_conference_follows_the_follow_up_with_the_family_attending(store: Store) -> None:
    made = store.save_demo()
    conference, follow_up = store.get_meeting(made.conference), store.get_meeting(made.follow_up)
    assert conference.kind is MeetingKind.CONFERENCE and conference.follows == follow_up.uid
    assert store.latest_meeting_id(conference.case_id or 0) == made.conference
    people = {person.id: person.display_name for person in store.get_network(conference.case_id or 0).people}
    family = [(a.name, people[a.person or 0]) for a in conference.attendees if a.role is AttendeeRole.FAMILY]
    assert family == [("Jordan Example", "Mum"), ("Chris Sample", "Dad"), ("Pat Example", "Nan")]
    assert [a.name for a in conference.attendees if a.role is AttendeeRole.CHAIR] == ["Ruth Mensah"]
    rated = {rating.rater: rating.value for rating in conference.scales[0].ratings}
    assert {name: rated[name] for name, _ in family} == {"Jordan Example": 6, "Chris Sample": 7, "Pat Example": 5}
    record = conference.family_meeting
    assert record.family_present and record.decision.outcome is Outcome.CHILD_PROTECTION_PLAN
    dad_disagrees = [a for a in record.agreements if a.attendee == "Chris Sample" and a.view is View.DISAGREES]
    assert len(dad_disagrees) == 1
    assert [item.professional_only for item in conference.items].count(True) == 1

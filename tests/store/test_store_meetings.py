"""Meetings: saving a whole meeting, listing, details, attendees, agenda, child's voice, observations, deleting."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from store_helpers import row_counts, small_meeting

from sos_desktop.models import (
    AgendaPhase,
    Attendee,
    AttendeeRole,
    Case,
    Category,
    ChildVoiceEntry,
    House,
    MapItem,
    Meeting,
    MeetingKind,
    NetworkPerson,
    NextStepStatus,
    ObservationNote,
    Observations,
    PersonRole,
    RubricRating,
    Scale,
    ScaleRating,
)
from sos_desktop.store import DanglingReferenceError, NotFoundError, Store


def test_a_meeting_comes_back_whole_with_database_ids(store: Store, case: Case) -> None:
    assert case.id is not None
    child = store.add_person(case.id, NetworkPerson(name="Mia Spencer", role=PersonRole.CHILD))
    given = Meeting(
        title="Review",
        case_id=case.id,
        kind=MeetingKind.REVIEW,
        held_on=datetime(2026, 11, 21, 10, 0),
        focus_question="What would tell us Mia is safe?",
        confidentiality_agreed=True,
        summary="Short summary.",
        attendees=[Attendee("Alex Morgan", AttendeeRole.FACILITATOR), Attendee("Sam Patel", AttendeeRole.PRESENTER)],
        agenda=[AgendaPhase("purpose", "Purpose and roles", 5, 6.5), AgendaPhase("mapping")],
        items=[
            MapItem(id=7, category=Category.GOAL, text="Goal", pairs_with=8),
            MapItem(id=8, category=Category.DANGER, text="Danger", pairs_with=7),
            MapItem(
                id=9,
                category=Category.NEXT_STEP,
                text="Visit",
                owner="Sam",
                due=date(2026, 12, 5),
                status=NextStepStatus.IDEA,
            ),
        ],
        scales=[Scale("Safe enough?", "0", "10", id=3, about=8, ratings=[ScaleRating("Sam Patel", 4.5, "why")])],
        child_voice=[ChildVoiceEntry(House.WORRIES, "Shouting.", child=child.id, consent_to_share=True)],
        observations=Observations(
            observer="Jo Reid",
            notes=[ObservationNote("Kept time", 12, "mapping")],
            ratings=[RubricRating("Kept to process", 7.5, "Good")],
            went_well="Questions",
            even_better_if="Scaling earlier",
        ),
        extra={"room": "B2"},
    )
    saved = store.add_meeting(given)
    assert saved == store.get_meeting(saved.id or 0)
    danger, goal, step = saved.items  # map order: danger statements before goals, goals before next steps
    assert (danger.text, goal.text, step.text) == ("Danger", "Goal", "Visit")
    assert danger.pairs_with == goal.id and goal.pairs_with == danger.id
    assert saved.scales[0].about == danger.id
    assert saved.child_voice[0].child == child.id
    for field in ("title", "kind", "held_on", "focus_question", "confidentiality_agreed", "summary", "extra"):
        assert getattr(saved, field) == getattr(given, field)
    assert (saved.attendees, saved.agenda, saved.observations) == (given.attendees, given.agenda, given.observations)
    assert saved.scales[0].ratings == given.scales[0].ratings


def test_a_meeting_naming_someone_outside_the_case_is_not_saved(store: Store, case: Case) -> None:
    other = store.add_case(Case(label="Other family"))
    assert case.id is not None and other.id is not None
    stranger = store.add_person(other.id, NetworkPerson(name="Stranger"))
    meeting = small_meeting(case.id)
    meeting.child_voice[0].child = stranger.id
    before = row_counts(store)
    with pytest.raises(DanglingReferenceError):
        store.add_meeting(meeting)
    assert row_counts(store) == before


def test_a_meeting_needs_an_existing_case(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.add_meeting(Meeting(title="Lost", case_id=404))


def test_meetings_are_listed_by_date_undated_last_and_light(store: Store, case: Case) -> None:
    assert case.id is not None
    other = store.add_case(Case(label="Other"))
    assert other.id is not None
    for title, held_on, case_id in (
        ("Undated", None, case.id),
        ("Later", datetime(2026, 12, 1, 9, 0), case.id),
        ("Earlier", datetime(2026, 11, 1, 9, 0), case.id),
        ("Other case", datetime(2026, 10, 1), other.id),
    ):
        store.add_meeting(_dated(small_meeting(case_id, title), held_on))
    listed = store.list_meetings(case.id)
    assert [m.title for m in listed] == ["Earlier", "Later", "Undated"]
    assert all(m.items == [] and m.case_id == case.id for m in listed)
    assert [m.title for m in store.list_meetings()] == ["Other case", "Earlier", "Later", "Undated"]


def _dated(meeting: Meeting, held_on: datetime | None) -> Meeting:
    meeting.held_on = held_on
    return meeting


def test_details_are_saved_with_the_exact_time_and_offset(store: Store, meeting: Meeting) -> None:
    for held_on in (
        datetime(2026, 11, 21, 10, 0, 0, 123456, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
        datetime(2026, 11, 21, 10, 0),
    ):
        meeting.held_on = held_on
        meeting.title, meeting.kind, meeting.summary = "Network meeting", MeetingKind.NETWORK_MEETING, "Done."
        meeting.focus_question, meeting.confidentiality_agreed, meeting.extra = "Q?", True, {"k": "v"}
        store.update_meeting_details(meeting)
        back = store.get_meeting(meeting.id or 0)
        assert back.held_on == held_on and back.held_on.utcoffset() == held_on.utcoffset()
        assert (back.title, back.kind, back.summary, back.focus_question, back.confidentiality_agreed, back.extra) == (
            "Network meeting",
            MeetingKind.NETWORK_MEETING,
            "Done.",
            "Q?",
            True,
            {"k": "v"},
        )
        assert back.items == meeting.items  # details do not touch the map


def test_attendees_agenda_and_observations_are_replaced_as_given(store: Store, meeting: Meeting) -> None:
    meeting_id = meeting.id or 0
    store.set_attendees(meeting_id, [Attendee("Priya Shah", AttendeeRole.MANAGER), Attendee("Tom Evans")])
    store.set_agenda(meeting_id, [AgendaPhase("scaling", "Scaling", 5, None)])
    observations = Observations(observer="Jo", notes=[ObservationNote("Late start", None, "")], went_well="Calm")
    store.set_observations(meeting_id, observations)
    back = store.get_meeting(meeting_id)
    assert back.attendees == [Attendee("Priya Shah", AttendeeRole.MANAGER), Attendee("Tom Evans")]
    assert back.agenda == [AgendaPhase("scaling", "Scaling", 5, None)]
    assert back.observations == observations
    store.set_attendees(meeting_id, [])
    store.set_observations(meeting_id, Observations())
    back = store.get_meeting(meeting_id)
    assert back.attendees == [] and back.observations.is_empty()


def test_child_voice_entries_are_replaced_and_keep_the_childs_name(store: Store, case: Case, meeting: Meeting) -> None:
    assert case.id is not None
    child = store.add_person(case.id, NetworkPerson(name="Mia Spencer", role=PersonRole.CHILD))
    entries = [
        ChildVoiceEntry(House.GOOD_THINGS, "My bike.", child=child.id, consent_to_share=True),
        ChildVoiceEntry(House.DREAMS, "A puppy called Biscuit.", child=child.id),
    ]
    stored = store.set_child_voice(meeting.id or 0, entries)
    assert [(e.house, e.words, e.child, e.consent_to_share) for e in stored] == [
        (House.GOOD_THINGS, "My bike.", child.id, True),
        (House.DREAMS, "A puppy called Biscuit.", child.id, False),
    ]
    assert store.get_meeting(meeting.id or 0).child_voice == stored


def test_changes_to_a_missing_meeting_are_reported(store: Store) -> None:
    for change in (
        lambda: store.get_meeting(404),
        lambda: store.update_meeting_details(Meeting(title="Ghost", id=404)),
        lambda: store.set_attendees(404, []),
        lambda: store.set_agenda(404, []),
        lambda: store.set_observations(404, Observations()),
        lambda: store.set_child_voice(404, []),
        lambda: store.delete_meeting(404),
        lambda: store.add_item(404, MapItem(category=Category.HARM, text="x")),
    ):
        with pytest.raises(NotFoundError):
            change()


def test_deleting_a_meeting_keeps_the_case_and_its_network(store: Store, case: Case, meeting: Meeting) -> None:
    assert case.id is not None
    store.add_person(case.id, NetworkPerson(name="Nan"))
    store.delete_meeting(meeting.id or 0)
    assert store.list_meetings(case.id) == []
    assert [p.name for p in store.get_network(case.id).people] == ["Nan"]
    assert store.get_case(case.id) == case
    counts = row_counts(store)
    assert counts["map_items"] == counts["child_voice"] == 0

"""A practice leader's development in the store: who facilitated, and the meetings each ran with the observers'
feedback, on SQLite and PostgreSQL alike; and a meeting's own rubric saved with its ratings.
"""

from __future__ import annotations

from datetime import datetime

from sos_desktop.models import (
    Attendee,
    AttendeeRole,
    Case,
    Meeting,
    ObservationNote,
    Observations,
    RubricRating,
)
from sos_desktop.store import Store


def _meeting(
    case_id: int, title: str, held_on: datetime | None, facilitator: str, observations: Observations
) -> Meeting:
    return Meeting(
        title=title,
        case_id=case_id,
        held_on=held_on,
        attendees=[
            Attendee("Sam Patel", AttendeeRole.PRESENTER),
            Attendee(facilitator, AttendeeRole.FACILITATOR),
            Attendee("Jo Reid", AttendeeRole.OBSERVER),
        ],
        observations=observations,
    )


def test_the_meetings_each_facilitator_ran_come_by_date_with_their_observations(store: Store) -> None:
    family_s = store.add_case(Case(label="Family S", reference="CP-10"))
    family_t = store.add_case(Case(label="Family T", reference="CP-11"))
    assert family_s.id is not None and family_t.id is not None
    november = Observations(
        observer="Jo Reid",
        notes=[ObservationNote("Brought the group back to process", 12.5, "mapping")],
        ratings=[RubricRating("Time-keeping", 6.5, "Mapping ran over"), RubricRating("Plain language", 8)],
        went_well="Clear roles.",
        even_better_if="Name the time left.",
    )
    march = Observations(observer="Jo Reid", ratings=[RubricRating("Time-keeping", 4)])
    store.add_meeting(_meeting(family_s.id, "Group supervision", datetime(2026, 11, 21, 10), "Alex Morgan", november))
    store.add_meeting(_meeting(family_t.id, "Review", datetime(2026, 3, 2, 14), "Alex Morgan", march))
    store.add_meeting(_meeting(family_t.id, "Mapping", datetime(2026, 6, 1, 9), "Priya Shah", Observations()))

    assert store.facilitators() == ["Alex Morgan", "Priya Shah"]

    alex = store.facilitated("Alex Morgan")
    assert [(m.title, m.case_id, m.held_on) for m, _ in alex] == [
        ("Review", family_t.id, datetime(2026, 3, 2, 14)),
        ("Group supervision", family_s.id, datetime(2026, 11, 21, 10)),
    ]
    assert [observations for _, observations in alex] == [march, november]
    assert [(a.name, a.role) for a in alex[1][0].attendees][1] == ("Alex Morgan", AttendeeRole.FACILITATOR)
    assert alex[1][0].items == [] and alex[1][0].scales == []  # only what a development view needs

    priya = store.facilitated("Priya Shah")
    assert [(m.title, o.is_empty()) for m, o in priya] == [("Mapping", True)]
    assert store.facilitated("Jo Reid") == []  # an observer is not a facilitator
    assert store.facilitated("Nobody") == []


def test_a_meetings_own_rubric_is_saved_with_its_ratings_and_can_follow_the_team_again(
    store: Store, meeting: Meeting
) -> None:
    assert meeting.id is not None
    renamed = Observations(observer="Jo Reid", ratings=[RubricRating("Kept to time", 7)])
    store.set_rubric(meeting.id, ["Kept to time", "Plain language"], renamed)
    saved = store.get_meeting(meeting.id)
    assert saved.extra["rubric"] == ["Kept to time", "Plain language"]
    assert saved.observations == renamed
    assert saved.title == meeting.title  # the details are left as they were

    store.set_rubric(meeting.id, None, Observations())
    saved = store.get_meeting(meeting.id)
    assert "rubric" not in saved.extra and saved.observations.is_empty()

"""A facilitator's development figures, worked out once for the console and the feedback report: each criterion's
rating in a meeting is the mean of the ratings given (two observers' files merged), the meeting's mean is taken over
the criteria rated, the meetings come oldest first and the criteria in the team's order, then as they came.
"""

from __future__ import annotations

from datetime import datetime

from sos_desktop.models import Attendee, AttendeeRole, Meeting, Observations, RubricRating, merge_observations
from sos_desktop.models.development import development_figures, facilitator_of


def _meeting(number: int, held_on: datetime | None, observer: str = "Jo Reid") -> Meeting:
    return Meeting(
        f"Supervision {number}",
        id=number,
        held_on=held_on,
        attendees=[Attendee("Alex Morgan", AttendeeRole.FACILITATOR), Attendee(observer, AttendeeRole.OBSERVER)],
    )


def test_two_observers_ratings_of_one_criterion_count_as_their_mean() -> None:
    jo = Observations(observer="Jo Reid", ratings=[RubricRating("Time-keeping", 4)])
    tom = Observations(observer="Tom Evans", ratings=[RubricRating("Time-keeping", 8), RubricRating("Warmth", 9)])
    merged = merge_observations(jo, tom)

    figures = development_figures([(_meeting(1, datetime(2026, 3, 4, 10)), merged)])

    (meeting,) = figures.meetings
    assert dict(meeting.scores) == {"Time-keeping": 6.0, "Warmth": 9.0}
    assert meeting.mean == 7.5  # over the criteria rated (6 and 9), not over the three ratings (7.0)
    assert meeting.observer == "Jo Reid, Tom Evans"
    assert figures.criteria == ("Time-keeping", "Warmth")
    assert figures.values("Time-keeping") == (6.0,)


def test_meetings_come_oldest_first_and_criteria_in_the_teams_order_then_as_they_came() -> None:
    september = Observations(ratings=[RubricRating("Warmth", 7), RubricRating("Time-keeping", 5)])
    march = Observations(ratings=[RubricRating("Curiosity", 6), RubricRating("Time-keeping", 3)])
    unobserved = Observations()
    facilitated = [
        (_meeting(3, None), unobserved),
        (_meeting(2, datetime(2026, 9, 1, 10), observer="Tom Evans"), september),
        (_meeting(1, datetime(2026, 3, 1, 10)), march),
    ]

    figures = development_figures(facilitated, preferred=["Time-keeping", "Warmth", "Plain language"])

    assert [m.meeting.title for m in figures.meetings] == ["Supervision 1", "Supervision 2", "Supervision 3"]
    assert figures.criteria == ("Time-keeping", "Warmth", "Curiosity")
    assert figures.values("Warmth") == (None, 7.0, None)
    assert [m.mean for m in figures.meetings] == [4.5, 6.0, None]
    assert [m.observed for m in figures.meetings] == [True, True, False]
    # Nobody wrote their name in the feedback: the meeting's observers stand in for it.
    assert [m.observer for m in figures.meetings] == ["Jo Reid", "Tom Evans", "Jo Reid"]
    assert development_figures(facilitated).criteria == ("Curiosity", "Time-keeping", "Warmth")


def test_a_criterion_rated_three_times_shows_two_places_and_the_meetings_mean_one() -> None:
    ratings = [RubricRating("Warmth", 6), RubricRating("Warmth", 6.5), RubricRating("Warmth", 6.5)]
    ratings.append(RubricRating("Curiosity", 7))
    figures = development_figures([(_meeting(1, None), Observations(ratings=ratings))])
    assert dict(figures.meetings[0].scores) == {"Warmth": 6.33, "Curiosity": 7.0}
    assert figures.meetings[0].mean == 6.7  # (6.333… + 7) / 2 = 6.666…


def test_the_facilitator_is_the_first_named_one() -> None:
    meeting = _meeting(1, None)
    meeting.attendees.insert(0, Attendee("  ", AttendeeRole.FACILITATOR))
    meeting.attendees.append(Attendee("Priya Shah", AttendeeRole.FACILITATOR))
    assert facilitator_of(meeting) == "Alex Morgan"
    assert facilitator_of(Meeting("Nobody ran it")) == ""

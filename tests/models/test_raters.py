"""Who rates a scale follows the attendees' roles: observers only when the facilitator adds them."""

from __future__ import annotations

from sos_desktop.models import Scale, ScaleRating
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.enums import AttendeeRole
from sos_desktop.models.raters import ADDED_RATERS, may_be_added, raters, rates_by_role, still_to_rate

ATTENDEES = demo_bundle().meeting.attendees
"""Alex Morgan facilitates, Sam Patel presents, Jo Reid observes; Priya Shah, Tom Evans and Aisha Khan take part."""


def test_every_role_rates_but_the_observer() -> None:
    assert [role for role in AttendeeRole if not rates_by_role(role)] == [AttendeeRole.OBSERVER]


def test_the_presenter_rates_first_and_the_observer_not_at_all() -> None:
    scale = Scale("How safe?", ratings=[ScaleRating("Alex Morgan", 5)])
    assert raters(ATTENDEES, scale) == ["Sam Patel", "Alex Morgan", "Priya Shah", "Tom Evans", "Aisha Khan"]
    assert still_to_rate(ATTENDEES, scale) == ["Sam Patel", "Priya Shah", "Tom Evans", "Aisha Khan"]


def test_an_observer_added_by_the_facilitator_rates_and_is_waited_for() -> None:
    scale = Scale("How safe?", extra={ADDED_RATERS: ["Jo Reid"]})
    assert raters(ATTENDEES, scale)[-1] == "Jo Reid"
    assert "Jo Reid" in still_to_rate(ATTENDEES, scale)
    scale.ratings.append(ScaleRating("jo  reid", 6))  # the same person, however the name was typed
    assert "Jo Reid" not in still_to_rate(ATTENDEES, scale)


def test_an_observer_who_rated_anyway_is_counted_as_a_rater() -> None:
    scale = Scale("How safe?", ratings=[ScaleRating("Jo Reid", 6)])
    assert "Jo Reid" in raters(ATTENDEES, scale) and "Jo Reid" not in still_to_rate(ATTENDEES, scale)


def test_the_observer_and_the_network_are_offered_to_add_and_raters_are_not() -> None:
    scale = Scale("How safe?")
    assert may_be_added(ATTENDEES, ["Nan Example", "Priya Shah"], scale) == ["Jo Reid", "Nan Example"]
    scale.extra[ADDED_RATERS] = ["Jo Reid"]
    assert may_be_added(ATTENDEES, ["Nan Example"], scale) == ["Nan Example"]

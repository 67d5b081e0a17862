"""A meeting's own rubric is the observer's: a details save from a copy read before the observer changed it keeps
the observer's criteria (two laptops on one database).
"""

from __future__ import annotations

from sos_desktop.models import Meeting, Observations
from sos_desktop.store.store import Store


def test_a_details_save_from_an_older_copy_keeps_the_observer_s_rubric(database_url: str, meeting: Meeting) -> None:
    assert meeting.id is not None
    facilitator = Store.open(database_url)
    observer = Store.open(database_url)
    try:
        copy = facilitator.get_meeting(meeting.id)
        observer.set_rubric(meeting.id, ["Time-keeping", "Plain words"], Observations(observer="Jo"))
        copy.title = "Group supervision, renamed"
        copy.extra["something_else"] = 1
        facilitator.update_meeting_details(copy)
        stored = facilitator.get_meeting(meeting.id)
        assert stored.title == "Group supervision, renamed" and stored.extra["something_else"] == 1
        assert stored.extra["rubric"] == ["Time-keeping", "Plain words"]
        observer.set_rubric(meeting.id, None, Observations(observer="Jo"))
        copy.extra["rubric"] = ["Stale criterion"]
        facilitator.update_meeting_details(copy)
        assert "rubric" not in facilitator.get_meeting(meeting.id).extra
    finally:
        facilitator.close()
        observer.close()

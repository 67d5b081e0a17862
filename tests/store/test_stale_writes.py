"""Two people saving the same meeting: a save from an out-of-date copy is refused and reported, never lost.

Each person has their own Store on one database (two copies of the app on a shared PostgreSQL database, or two
windows on one SQLite file); both read the meeting, the first saves, and the second's save must fail cleanly.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from sos_desktop.models import Attendee, Category, MapItem, Meeting
from sos_desktop.store import StaleWriteError, Store
from sos_desktop.store.tables import meetings


@pytest.fixture
def other(database_url: str, store: Store) -> Iterator[Store]:
    """A second person's Store on the same database as ``store``."""
    second = Store.open(database_url)
    yield second
    second.close()


def _version(store: Store, meeting_id: int) -> int:
    with store.engine.connect() as conn:
        version = conn.scalar(select(meetings.c.version).where(meetings.c.id == meeting_id))
    assert version is not None
    return version


def test_the_second_save_of_the_same_meeting_is_refused_and_the_first_kept(
    store: Store, other: Store, meeting: Meeting
) -> None:
    assert meeting.id is not None
    mine = store.get_meeting(meeting.id)
    theirs = other.get_meeting(meeting.id)
    card = mine.items[0]
    assert card.id is not None
    store.update_item(MapItem(id=card.id, category=card.category, text="A's wording"))

    with pytest.raises(StaleWriteError, match="Someone else changed this meeting since you opened it"):
        other.update_item(MapItem(id=card.id, category=card.category, text="B's wording"))
    with pytest.raises(StaleWriteError):
        other.add_item(meeting.id, MapItem(category=Category.HARM, text="B's new card"))

    kept = store.get_meeting(meeting.id)
    assert next(i for i in kept.items if i.id == card.id).text == "A's wording"
    assert "B's new card" not in [item.text for item in kept.items]
    assert len(kept.items) == len(theirs.items)


def test_every_kind_of_save_is_guarded(store: Store, other: Store, meeting: Meeting) -> None:
    assert meeting.id is not None
    store.get_meeting(meeting.id)
    theirs = other.get_meeting(meeting.id)
    store.set_attendees(meeting.id, [Attendee(name="Sam", role="facilitator")])
    theirs.title = "Renamed by B"
    with pytest.raises(StaleWriteError):
        other.update_meeting_details(theirs)
    with pytest.raises(StaleWriteError):
        other.set_agenda(meeting.id, [])
    assert store.get_meeting(meeting.id).title == meeting.title


def test_reloading_the_meeting_lets_the_second_person_save(store: Store, other: Store, meeting: Meeting) -> None:
    assert meeting.id is not None
    store.get_meeting(meeting.id)
    other.get_meeting(meeting.id)
    store.set_attendees(meeting.id, [Attendee(name="Sam", role="facilitator")])
    with pytest.raises(StaleWriteError):
        other.set_attendees(meeting.id, [Attendee(name="Alex", role="presenter")])
    reloaded = other.get_meeting(meeting.id)
    assert [a.name for a in reloaded.attendees] == ["Sam"]
    other.set_attendees(meeting.id, [*reloaded.attendees, Attendee(name="Alex", role="presenter")])
    assert [a.name for a in store.get_meeting(meeting.id).attendees] == ["Sam", "Alex"]


def test_ones_own_saves_never_conflict_and_each_raises_the_version(store: Store, meeting: Meeting) -> None:
    assert meeting.id is not None
    loaded = store.get_meeting(meeting.id)
    before = _version(store, meeting.id)
    card = loaded.items[0]
    for text in ("one", "two", "three"):
        store.update_item(MapItem(id=card.id, category=card.category, text=text))
    store.move_item(card.id or 0, card.category, 0)
    assert _version(store, meeting.id) == before + 4


def test_a_refused_save_changes_nothing_not_even_the_version(store: Store, other: Store, meeting: Meeting) -> None:
    assert meeting.id is not None
    store.get_meeting(meeting.id)
    other.get_meeting(meeting.id)
    store.set_agenda(meeting.id, [])
    version = _version(store, meeting.id)
    with pytest.raises(StaleWriteError):
        other.set_attendees(meeting.id, [])
    assert _version(store, meeting.id) == version

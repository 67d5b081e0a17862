"""The case over time in the store: keys, continuing a meeting, the meeting before, reviews (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, datetime

from sos_desktop.models import (
    AgendaPhase,
    Case,
    Category,
    MapItem,
    Meeting,
    NetworkPerson,
    NextStepStatus,
    Scale,
    ScaleRating,
)
from sos_desktop.models.enums import ReviewOutcome
from sos_desktop.store import Store


def _first(store: Store, case: Case) -> Meeting:
    assert case.id is not None
    store.add_person(case.id, NetworkPerson("Lily Example", knows_worries=False))
    return store.add_meeting(
        Meeting(
            "First",
            case_id=case.id,
            held_on=datetime(2026, 10, 1, 10, 0),
            items=[
                MapItem(Category.DANGER, "Worry", id=-1, pairs_with=-2),
                MapItem(Category.GOAL, "Goal", id=-2),
                MapItem(
                    Category.NEXT_STEP, "Ring Nan", owner="Sam", due=date(2026, 10, 8), status=NextStepStatus.AGREED
                ),
            ],
            scales=[Scale("How safe?", about=-1, ratings=[ScaleRating("Sam", 4)])],
        )
    )


def test_every_card_and_scale_gets_a_key_that_continuing_keeps(store: Store, case: Case) -> None:
    first = _first(store, case)
    assert all(item.key for item in first.items) and first.scales[0].key
    assert first.id is not None
    new = store.continue_meeting(
        first.id, title="Second", held_on=datetime(2026, 11, 1, 10, 0), agenda=[AgendaPhase("mapping")]
    )
    assert [i.key for i in new.items] == [i.key for i in first.items if i.category != Category.NEXT_STEP]
    danger, goal = new.items
    assert danger.pairs_with == goal.id and danger.id not in {i.id for i in first.items}
    [scale] = new.scales
    assert (scale.key, scale.about, scale.ratings) == (first.scales[0].key, danger.id, [])
    [review] = new.reviews
    assert (review.key, review.text, review.owner, review.due, review.outcome) == (
        first.items[2].key,
        "Ring Nan",
        "Sam",
        date(2026, 10, 8),
        None,
    )
    assert new.follows == first.uid and [p.name for p in new.network_at_start] == ["Lily Example"]
    assert new.id is not None
    assert store.previous_meeting(new.id) == store.get_meeting(first.id)
    assert store.previous_meeting(first.id) is None
    assert store.latest_meeting_id(case.id or 0) == new.id


def test_the_meeting_before_is_found_by_date_when_none_was_continued(store: Store, case: Case) -> None:
    first = _first(store, case)
    later = store.add_meeting(Meeting("Later", case_id=case.id, held_on=datetime(2026, 12, 1)))
    middle = store.add_meeting(Meeting("Middle", case_id=case.id, held_on=datetime(2026, 11, 1)))
    assert later.id is not None and middle.id is not None
    assert store.previous_meeting(later.id).title == "Middle"  # type: ignore[union-attr]
    assert store.previous_meeting(middle.id).title == first.title  # type: ignore[union-attr]


def test_reviews_are_saved_whole(store: Store, case: Case) -> None:
    first = _first(store, case)
    assert first.id is not None
    new = store.continue_meeting(first.id, title="Second", held_on=None, agenda=[])
    assert new.id is not None
    new.reviews[0].outcome = ReviewOutcome.PARTLY_DONE
    new.reviews[0].note = "Nan rang back; no visit yet."
    store.set_reviews(new.id, new.reviews)
    [review] = store.get_meeting(new.id).reviews
    assert (review.outcome, review.note) == (ReviewOutcome.PARTLY_DONE, "Nan rang back; no visit yet.")


def test_a_scale_without_a_key_joins_the_case_scale_of_the_same_question(store: Store, case: Case) -> None:
    first = _first(store, case)
    again = store.add_meeting(Meeting("Again", case_id=case.id, scales=[Scale("  how SAFE? ")]))
    assert again.scales[0].key == first.scales[0].key
    other = store.add_meeting(Meeting("Other", case_id=case.id, scales=[Scale("Another question")]))
    assert other.scales[0].key not in {"", first.scales[0].key}


def test_a_deleted_cards_id_is_never_given_again_after_the_upgrade(store: Store, case: Case) -> None:
    first = _first(store, case)
    assert first.id is not None
    last = store.add_item(first.id, MapItem(Category.HARM, "last"))
    store.delete_item(last.id or 0)
    assert store.add_item(first.id, MapItem(Category.HARM, "new")).id != last.id
    store.delete_meeting(first.id)
    assert store.add_meeting(Meeting("Next", case_id=case.id)).id != first.id

"""Map items: order within a category as cards are added, deleted and moved, and the danger/goal pairing."""

from __future__ import annotations

from datetime import date

import pytest

from sos_desktop.models import Category, MapItem, Meeting, NextStepStatus
from sos_desktop.store import NotFoundError, Store


def _texts(store: Store, meeting_id: int, category: Category) -> list[str]:
    return [i.text for i in store.get_meeting(meeting_id).items if i.category == category]


def _pair(store: Store, meeting_id: int) -> tuple[MapItem, MapItem]:
    items = store.get_meeting(meeting_id).items
    return next(i for i in items if i.category == Category.DANGER), next(
        i for i in items if i.category == Category.GOAL
    )


def _item(store: Store, meeting_id: int, item_id: int | None) -> MapItem:
    return next(i for i in store.get_meeting(meeting_id).items if i.id == item_id)


@pytest.fixture
def harms(store: Store, meeting: Meeting) -> list[MapItem]:
    """Three harm cards A, B, C in that order."""
    return [store.add_item(meeting.id or 0, MapItem(category=Category.HARM, text=t)) for t in "ABC"]


def test_cards_are_added_at_the_end_or_where_asked(store: Store, meeting: Meeting, harms: list[MapItem]) -> None:
    mid = meeting.id or 0
    store.add_item(mid, MapItem(category=Category.HARM, text="first"), index=0)
    store.add_item(mid, MapItem(category=Category.HARM, text="middle"), index=2)
    store.add_item(mid, MapItem(category=Category.HARM, text="far"), index=99)
    assert _texts(store, mid, Category.HARM) == ["first", "A", "middle", "B", "C", "far"]
    assert _texts(store, mid, Category.STRENGTH) == ["Strength"]


def test_cards_come_back_in_map_order(store: Store, meeting: Meeting, harms: list[MapItem]) -> None:
    store.add_item(meeting.id or 0, MapItem(category=Category.GREY, text="unsure"), index=0)
    categories = [item.category for item in store.get_meeting(meeting.id or 0).items]
    assert categories == sorted(categories, key=list(Category).index)


def test_deleting_closes_the_gap_and_undo_puts_the_card_back_under_its_id(
    store: Store, meeting: Meeting, harms: list[MapItem]
) -> None:
    mid = meeting.id or 0
    b = harms[1]
    store.delete_item(b.id or 0)
    assert _texts(store, mid, Category.HARM) == ["A", "C"]
    store.add_item(mid, MapItem(category=Category.HARM, text="D"))
    assert _texts(store, mid, Category.HARM) == ["A", "C", "D"]
    restored = store.add_item(mid, b, index=1)
    assert restored == b
    assert _texts(store, mid, Category.HARM) == ["A", "B", "C", "D"]


def test_ids_of_deleted_cards_are_never_given_to_new_ones(store: Store, meeting: Meeting) -> None:
    mid = meeting.id or 0
    last = store.add_item(mid, MapItem(category=Category.HARM, text="last"))
    store.delete_item(last.id or 0)
    new = store.add_item(mid, MapItem(category=Category.HARM, text="new"))
    assert new.id != last.id


@pytest.mark.parametrize(
    ("index", "expected"), [(0, ["C", "A", "B"]), (1, ["A", "C", "B"]), (2, ["A", "B", "C"]), (-5, ["C", "A", "B"])]
)
def test_moving_within_a_category(
    store: Store, meeting: Meeting, harms: list[MapItem], index: int, expected: list[str]
) -> None:
    store.move_item(harms[2].id or 0, Category.HARM, index)
    assert _texts(store, meeting.id or 0, Category.HARM) == expected


def test_moving_across_categories_renumbers_both(store: Store, meeting: Meeting, harms: list[MapItem]) -> None:
    mid = meeting.id or 0
    store.move_item(harms[0].id or 0, Category.COMPLICATING, 5)
    store.move_item(harms[1].id or 0, Category.STRENGTH, 0)
    assert _texts(store, mid, Category.HARM) == ["C"]
    assert _texts(store, mid, Category.COMPLICATING) == ["A"]
    assert _texts(store, mid, Category.STRENGTH) == ["B", "Strength"]
    store.add_item(mid, MapItem(category=Category.HARM, text="D"), index=1)
    store.move_item(harms[0].id or 0, Category.HARM, 1)
    assert _texts(store, mid, Category.HARM) == ["C", "A", "D"]


def test_a_new_card_paired_with_a_goal_is_paired_both_ways(store: Store, meeting: Meeting) -> None:
    mid = meeting.id or 0
    goal = store.add_item(mid, MapItem(category=Category.GOAL, text="New goal"))
    danger = store.add_item(mid, MapItem(category=Category.DANGER, text="New danger", pairs_with=goal.id))
    assert danger.pairs_with == goal.id
    assert _item(store, mid, goal.id).pairs_with == danger.id


def test_pairing_with_a_card_that_is_gone_leaves_the_card_unpaired(store: Store, meeting: Meeting) -> None:
    added = store.add_item(meeting.id or 0, MapItem(category=Category.DANGER, text="x", pairs_with=987654))
    assert added.pairs_with is None


def test_repairing_lets_the_old_partners_go(store: Store, meeting: Meeting) -> None:
    mid = meeting.id or 0
    danger, goal = _pair(store, mid)
    assert danger.pairs_with == goal.id
    other_goal = store.add_item(mid, MapItem(category=Category.GOAL, text="Other goal"))
    danger.pairs_with = other_goal.id
    store.update_item(danger)
    assert _item(store, mid, other_goal.id).pairs_with == danger.id
    assert _item(store, mid, goal.id).pairs_with is None
    danger.pairs_with = None
    store.update_item(danger)
    assert all(item.pairs_with is None for item in store.get_meeting(mid).items)


def test_deleting_a_card_unpairs_its_partner(store: Store, meeting: Meeting) -> None:
    mid = meeting.id or 0
    danger, goal = _pair(store, mid)
    store.delete_item(danger.id or 0)
    assert _item(store, mid, goal.id).pairs_with is None
    store.add_item(mid, danger)  # undo: the pairing comes back both ways
    assert _item(store, mid, goal.id).pairs_with == danger.id


def test_update_item_saves_the_cards_content(store: Store, meeting: Meeting) -> None:
    mid = meeting.id or 0
    step = store.add_item(mid, MapItem(category=Category.NEXT_STEP, text="Call Nan"))
    step.text, step.said_by, step.owner = "Call Nan on Monday", "Sam", "Priya"
    step.due, step.status, step.extra = date(2026, 12, 7), NextStepStatus.AGREED, {"colour": "#fa0"}
    store.update_item(step)
    assert _item(store, mid, step.id) == step


def test_missing_cards_are_reported(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.update_item(MapItem(category=Category.HARM, text="x", id=404))
    with pytest.raises(NotFoundError):
        store.delete_item(404)
    with pytest.raises(NotFoundError):
        store.move_item(404, Category.HARM, 0)

"""What changed since last time: cards by key, scales' medians and raters, the network (models/changes)."""

from __future__ import annotations

from sos_desktop.models import Category, MapItem, Meeting, Network, NetworkPerson, Scale, ScaleRating
from sos_desktop.models.changes import CardChangeKind, changed_keys, changes_since
from sos_desktop.models.review import PersonThen


def test_new_changed_and_dropped_cards_per_category_scales_and_the_network() -> None:
    before = Meeting(
        "First",
        items=[
            MapItem(Category.HARM, "Hit", key="a"),
            MapItem(Category.STRENGTH, "Nan helps", key="b"),
            MapItem(Category.DANGER, "Worry", key="c"),
            MapItem(Category.NEXT_STEP, "Ring Nan", key="s"),
        ],
        scales=[Scale("Safe?", key="q", ratings=[ScaleRating("Sam Patel", 3), ScaleRating("Jo Reid", 5)])],
    )
    now = Meeting(
        "Second",
        items=[
            MapItem(Category.HARM, "Hit  ", key="a"),
            MapItem(Category.SAFETY, "Nan helps every day", key="b"),
            MapItem(Category.STRENGTH, "Dad came", key="d"),
        ],
        scales=[Scale("How safe?", key="q", ratings=[ScaleRating("sam  patel", 6), ScaleRating("Priya", 4)])],
        network_at_start=[PersonThen("Nan Example", "Nan", 1, False), PersonThen("Old Friend", "OF", 2, True)],
    )
    network = Network(people=[NetworkPerson("Nan Example", id=1, knows_worries=True), NetworkPerson("Dad X", id=3)])
    changes = changes_since(before, now, network)
    assert changes is not None
    assert {c: [(x.kind, x.text, x.before, x.moved_from) for x in v] for c, v in changes.cards.items()} == {
        Category.SAFETY: [(CardChangeKind.CHANGED, "Nan helps every day", "Nan helps", Category.STRENGTH)],
        Category.STRENGTH: [(CardChangeKind.NEW, "Dad came", "", None)],
        Category.DANGER: [(CardChangeKind.DROPPED, "Worry", "", None)],
    }
    [scale] = changes.scales
    assert (scale.median_then, scale.median_now, scale.moved) == (4.0, 5.0, 1.0)
    assert [(r.rater, r.then, r.now) for r in scale.raters] == [("sam  patel", 3, 6)]
    assert [p.name for p in changes.network.joined] == ["Dad X"]
    assert [p.name for p in changes.network.left] == ["Old Friend"]
    assert [p.name for p in changes.network.now_know] == ["Nan Example"]
    assert changed_keys(before, now) == {"b": CardChangeKind.CHANGED, "d": CardChangeKind.NEW}


def test_a_first_meeting_has_nothing_to_compare_with() -> None:
    assert changes_since(None, Meeting("Only"), Network()) is None
    assert changed_keys(None, Meeting("Only")) == {}

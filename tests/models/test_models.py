"""The domain model: construction rules, map order, pairing, ratings, observations and templates."""

from __future__ import annotations

from datetime import date

import pytest

from sos_desktop.models import (
    Case,
    Category,
    Framework,
    MapItem,
    Meeting,
    NetworkPerson,
    ObservationNote,
    Observations,
    RubricRating,
    ScaleRating,
    can_pair,
    initials,
    items_in,
    merge_observations,
    pair_numbers,
    place_item,
    set_partner,
    spread,
    unpaired,
)
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.enums import COLUMN_OF, Column
from sos_desktop.models.templates import template


def test_every_category_sits_in_one_of_the_three_columns() -> None:
    assert set(COLUMN_OF) == set(Category)
    assert len(Category) == 8
    assert {COLUMN_OF[c] for c in Category} == set(Column)


@pytest.mark.parametrize("value", [0, 0.5, 4, 7.5, 10])
def test_ratings_take_half_points(value: float) -> None:
    assert ScaleRating("Sam", value).value == value


@pytest.mark.parametrize("value", [-0.5, 10.5, 3.3, 7.25, float("nan")])
def test_ratings_refuse_what_is_not_a_half_point_from_0_to_10(value: float) -> None:
    with pytest.raises(ValueError, match="0 to 10 in half points"):
        ScaleRating("Sam", value)
    with pytest.raises(ValueError):
        RubricRating("Kept to process", value)


def test_spread_gives_lowest_highest_and_median() -> None:
    ratings = [ScaleRating(name, v) for name, v in [("a", 3), ("b", 4.5), ("c", 8), ("d", 5)]]
    result = spread(ratings)
    assert result is not None
    assert (result.lowest, result.highest, result.median) == (3.0, 8.0, 4.75)
    assert spread([]) is None


def test_names_and_labels_are_required_and_bounded() -> None:
    with pytest.raises(ValueError, match="needs a name"):
        Case(label="   ")
    with pytest.raises(ValueError, match="at most 200"):
        Meeting(title="x" * 201)
    assert Meeting(title="  Review  ").title == "Review"
    with pytest.raises(ValueError, match="at most 100,000"):
        MapItem(Category.HARM, "x" * 100_001)
    with pytest.raises(ValueError):
        MapItem("danger_statment", "typo")  # type: ignore[arg-type]


def test_display_name_defaults_to_initials_and_any_script_works() -> None:
    assert initials("Mia Spencer") == "MS"
    assert initials("Jean-Luc Picard") == "JLP"
    assert initials("Ελένη Παπαδοπούλου") == "ΕΠ"
    assert NetworkPerson(name="Łukasz Nowak").display_name == "ŁN"
    assert NetworkPerson(name="Łukasz Nowak", display_name="Dad").display_name == "Dad"
    with pytest.raises(ValueError):
        NetworkPerson(name="Old", age=200)


def test_place_item_moves_within_and_across_categories_keeping_the_rest_in_order() -> None:
    items = [MapItem(Category.HARM, t, id=i) for i, t in enumerate("abc", start=1)]
    items.append(MapItem(Category.GOAL, "g", id=9))
    place_item(items, items[0], Category.HARM, 2)
    assert [i.text for i in items_in(items, Category.HARM)] == ["b", "c", "a"]
    place_item(items, items_in(items, Category.HARM)[1], Category.GOAL, 0)
    assert [i.text for i in items_in(items, Category.GOAL)] == ["c", "g"]
    assert [i.text for i in items_in(items, Category.HARM)] == ["b", "a"]
    new = MapItem(Category.HARM, "z", id=10)
    place_item(items, new, Category.HARM, 99)
    assert [i.text for i in items_in(items, Category.HARM)] == ["b", "a", "z"]


def test_unpaired_danger_statements_and_goals_are_found() -> None:
    danger = MapItem(Category.DANGER, "d", id=1, pairs_with=2)
    goal = MapItem(Category.GOAL, "g", id=2, pairs_with=1)
    lonely = MapItem(Category.DANGER, "lonely", id=3)
    broken = MapItem(Category.GOAL, "broken link", id=4, pairs_with=99)
    harm = MapItem(Category.HARM, "h", id=5)
    assert unpaired([danger, goal, lonely, broken, harm]) == [lonely, broken]


def test_merging_observations_keeps_both_observers_work_in_time_order() -> None:
    mine = Observations(
        observer="Jo Reid",
        notes=[ObservationNote("Good start", 2, "purpose")],
        ratings=[RubricRating("Time-keeping", 7)],
        went_well="Calm pace",
    )
    theirs = Observations(
        observer="Kim Lee",
        notes=[ObservationNote("Jargon used", 1, "purpose"), ObservationNote("Good start", 2, "purpose")],
        ratings=[RubricRating("Plain language", 5.5)],
        went_well="Everyone scaled",
        even_better_if="Fewer case details",
    )
    merged = merge_observations(mine, theirs)
    assert merged.observer == "Jo Reid, Kim Lee"
    assert [n.text for n in merged.notes] == ["Jargon used", "Good start"]
    assert [r.criterion for r in merged.ratings] == ["Time-keeping", "Plain language"]
    assert merged.went_well == "Calm pace\n\nEveryone scaled"
    assert merged.even_better_if == "Fewer case details"
    assert merge_observations(merged, theirs) == merged


@pytest.mark.parametrize("framework", list(Framework))
def test_every_framework_template_labels_every_category_and_column(framework: Framework) -> None:
    t = template(framework)
    assert set(t.labels) == set(Category)
    assert set(t.questions) == set(Category)
    assert set(t.column_titles) == set(Column)
    assert t.column_titles[Column.WORRIES] == "What are we worried about?"
    assert "0" in t.scale.question and "10" in t.scale.question


def test_templates_use_the_wording_of_each_variant() -> None:
    assert template("safety").label(Category.DANGER) == "Danger statements"
    assert template("safety").label(Category.GOAL) == "Safety goals"
    assert template("wellbeing").label(Category.DANGER) == "Worry statements"
    assert template("wellbeing").label(Category.GOAL) == "Wellbeing goals"
    assert template("success").label(Category.GOAL) == "Success goals"
    assert "wellbeing is secure" in template("wellbeing").scale.ten_means
    assert "close the case" in template("safety").scale.question


def test_demo_bundle_is_a_complete_map() -> None:
    bundle = demo_bundle()
    categories = {item.category for item in bundle.meeting.items}
    assert categories == set(Category)
    assert unpaired(bundle.meeting.items) == []
    assert bundle.meeting.scales and bundle.meeting.scales[0].ratings
    assert any(p.role == "child" for p in bundle.network.people)
    assert all(p.id is not None and p.id < 0 for p in bundle.network.people)
    assert next(i for i in bundle.meeting.items if i.text.startswith("Meet Dad")).due == date(2026, 12, 5)


def test_pairing_is_one_to_one_and_numbered_in_map_order() -> None:
    d1, d2 = MapItem(Category.DANGER, "d1", id=1), MapItem(Category.DANGER, "d2", id=2)
    g1, g2 = MapItem(Category.GOAL, "g1", id=3), MapItem(Category.GOAL, "g2", id=4)
    items = [d1, d2, g1, g2]
    set_partner(items, 2, 3)
    assert (d2.pairs_with, g1.pairs_with) == (3, 2)
    assert pair_numbers(items) == {2: 1, 3: 1}
    set_partner(items, 1, 3)  # g1 moves to d1: d2 is let go
    assert (d1.pairs_with, g1.pairs_with, d2.pairs_with) == (3, 1, None)
    set_partner(items, 2, 4)
    assert pair_numbers(items) == {1: 1, 3: 1, 2: 2, 4: 2}
    set_partner(items, 3, None)
    assert d1.pairs_with is None and g1.pairs_with is None
    assert can_pair(d1, g2) and not can_pair(d1, d2) and not can_pair(g1, MapItem(Category.HARM, "h", id=9))

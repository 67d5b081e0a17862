"""Laying one side's change to an observer's feedback over what another side saved meanwhile."""

from __future__ import annotations

from sos_desktop.models import ObservationNote, Observations, RubricRating
from sos_desktop.models.observation_sync import replay_change

ARRIVAL = ObservationNote("Welcomed everyone by name", 1.0, "purpose")
GENOGRAM = ObservationNote("Kept the genogram brief", 6.0, "overview")
SCALING = ObservationNote("Asked every person for a number", 30.0, "scaling")
WORRY = ObservationNote("Worry statement in the family's words", 20.0, "analysis")


def test_with_nobody_else_writing_the_result_is_what_this_side_wants() -> None:
    base = Observations("Jo", [GENOGRAM, ARRIVAL], [RubricRating("Time-keeping", 7)], "well", "")
    target = Observations("Jo Reid", [GENOGRAM], [RubricRating("Time-keeping", 8), RubricRating("Plain language", 6)])
    assert replay_change(base, base, target) == target


def test_notes_added_on_both_sides_all_survive_in_time_order_and_none_twice() -> None:
    base = Observations(notes=[ARRIVAL])
    stored = Observations(notes=[ARRIVAL, SCALING, GENOGRAM])  # the other laptop added two
    target = Observations(notes=[ARRIVAL, WORRY, GENOGRAM])  # this side added one, and the same one as them
    assert replay_change(stored, base, target).notes == [ARRIVAL, GENOGRAM, WORRY, SCALING]


def test_a_note_deleted_or_reworded_on_either_side_stays_gone() -> None:
    base = Observations(notes=[ARRIVAL, GENOGRAM, SCALING])
    stored = Observations(notes=[ARRIVAL, SCALING, WORRY])  # they deleted the genogram note, added one
    reworded = ObservationNote("Welcomed everyone by name and role", 1.0, "purpose")
    target = Observations(notes=[reworded, GENOGRAM])  # this side reworded one and deleted the scaling note
    assert replay_change(stored, base, target).notes == [reworded, WORRY]


def test_undoing_ones_own_note_keeps_the_other_sides() -> None:
    before, after = Observations(notes=[ARRIVAL]), Observations(notes=[ARRIVAL, GENOGRAM])
    stored = Observations(notes=[ARRIVAL, GENOGRAM, SCALING])
    assert replay_change(stored, after, before).notes == [ARRIVAL, SCALING]


def test_ratings_and_texts_this_side_changed_are_its_own_and_the_rest_as_stored() -> None:
    base = Observations("Jo", ratings=[RubricRating("Time-keeping", 7), RubricRating("Plain language", 5)])
    stored = Observations(
        "Jo, Sam",
        ratings=[RubricRating("Time-keeping", 9, "sharp"), RubricRating("Plain language", 5)],
        went_well="Calm",
    )
    target = Observations("Jo", ratings=[RubricRating("Time-keeping", 7)], even_better_if="Slower")  # one removed
    merged = replay_change(stored, base, target)
    assert merged == Observations(
        "Jo, Sam", ratings=[RubricRating("Time-keeping", 9, "sharp")], went_well="Calm", even_better_if="Slower"
    )
    newer = Observations("Jo", ratings=[RubricRating("Time-keeping", 6), RubricRating("Appreciative questions", 8)])
    assert replay_change(stored, base, newer).ratings == [
        RubricRating("Time-keeping", 6),
        RubricRating("Appreciative questions", 8),
    ]

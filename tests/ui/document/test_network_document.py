"""The safety network through the meeting document: each edit saved at once, one undo step, and undone whole."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from sos_desktop.models import Category, Circle, PersonRole, TieKind
from sos_desktop.ui.document.meeting import MeetingDocument


def stored(document: MeetingDocument) -> tuple[dict[str, tuple[str, float | None]], set[tuple[str, str, str]]]:
    """The network as the database holds it: people by name (role, x), and ties as (source, target, kind) names."""
    network = document.store.get_network(document.case_id)
    names = {p.id: p.name for p in network.people}
    people = {p.name: (p.role.value, p.x) for p in network.people}
    ties = {(names[t.source], names[t.target], t.kind.value) for t in network.ties}
    return people, ties


def test_add_a_person_connect_and_edit_them_each_one_step_and_saved(document: MeetingDocument) -> None:
    stack = document.undo_stack
    start = stack.count()
    lily = next(p for p in document.network.people if p.role is PersonRole.CHILD)
    aunt = document.add_person("Maria Example", PersonRole.FAMILY, position=(300.0, 40.0), relationship="Mum's sister")
    assert aunt.id is not None
    tie = document.add_tie(aunt.id, lily.id or 0, TieKind.FAMILY)
    document.set_person_field(aunt.id, "display_name", "Aunt M")
    document.set_person_field(aunt.id, "circle", Circle.INNER)
    document.set_person_field(aunt.id, "knows_worries", True)
    document.set_person_field(aunt.id, "knows_worries_since", date(2026, 11, 20))
    assert stack.count() == start + 6

    people, ties = stored(document)
    assert people["Maria Example"] == ("family", 300.0)
    assert ("Maria Example", lily.name, "family") in ties
    saved = next(p for p in document.store.get_network(document.case_id).people if p.id == aunt.id)
    assert (saved.display_name, saved.circle, saved.knows_worries, saved.relationship) == (
        "Aunt M",
        Circle.INNER,
        True,
        "Mum's sister",
    )
    assert saved.knows_worries_since == date(2026, 11, 20)

    for _ in range(6):
        stack.undo()
    people, ties = stored(document)
    assert "Maria Example" not in people
    assert all("Maria Example" not in (a, b) for a, b, _ in ties)
    for _ in range(6):
        stack.redo()
    assert document.tie(tie.id or 0).kind is TieKind.FAMILY
    assert document.person(aunt.id).display_name == "Aunt M"
    assert "Maria Example" in stored(document)[0]


def test_typing_a_name_is_one_step_and_an_empty_name_is_refused(document: MeetingDocument) -> None:
    person = document.network.people[1]
    assert person.id is not None
    before = document.undo_stack.count()
    for partial in ("J", "Jo", "Jord", "Jordan E."):
        document.set_person_field(person.id, "name", partial)
    assert document.undo_stack.count() == before + 1
    with pytest.raises(ValueError, match="needs a name"):
        document.set_person_field(person.id, "name", "   ")
    with pytest.raises(ValueError, match="not possible"):
        document.set_person_field(person.id, "age", 140)
    document.undo_stack.undo()
    assert document.person(person.id).name == "Jordan Example"


def test_removing_a_person_takes_their_ties_and_undo_gives_everything_back(document: MeetingDocument) -> None:
    mum = next(p for p in document.network.people if p.display_name == "Mum")
    assert mum.id is not None
    danger = document.items(Category.DANGER)[0]
    document.set_person_field(mum.id, "agrees_with", [danger.id])
    ties_before = stored(document)[1]
    mum_ties = {t for t in ties_before if mum.name in t[:2]}
    assert len(mum_ties) >= 5

    document.delete_person(mum.id)
    people, ties = stored(document)
    assert mum.name not in people and ties == ties_before - mum_ties
    assert all(mum.id not in (t.source, t.target) for t in document.network.ties)

    document.undo_stack.undo()
    people, ties = stored(document)
    assert mum.name in people and ties == ties_before
    restored = next(p for p in document.store.get_network(document.case_id).people if p.id == mum.id)
    assert restored.agrees_with == [danger.id] and restored.knows_worries


def test_a_selection_removed_at_once_is_one_undo_step(document: MeetingDocument) -> None:
    people = [p.id or 0 for p in document.network.people[3:5]]
    tie = next(t for t in document.network.ties if not {t.source, t.target} & set(people))
    before = stored(document)
    steps = document.undo_stack.count()
    document.remove_parts(people, [tie.id or 0])
    assert document.undo_stack.count() == steps + 1
    assert len(stored(document)[0]) == len(before[0]) - 2
    document.undo_stack.undo()
    assert stored(document) == before


def test_a_tie_changes_kind_and_direction_and_one_pair_has_one_tie(document: MeetingDocument) -> None:
    dad = next(p for p in document.network.people if p.display_name == "Dad")
    aunt = next(p for p in document.network.people if p.display_name == "Aunt K")
    tie = document.tie_between(dad.id or 0, aunt.id or 0)
    assert tie is not None and tie.id is not None
    with pytest.raises(ValueError, match="already connected"):
        document.add_tie(dad.id or 0, aunt.id or 0, TieKind.SIBLING)
    with pytest.raises(ValueError, match="themselves"):
        document.add_tie(dad.id or 0, dad.id or 0)
    names = {dad.id: dad.name, aunt.id: aunt.name}
    source, target = names[tie.source], names[tie.target]
    document.set_tie_kind(tie.id, TieKind.SIBLING)
    document.reverse_tie(tie.id)
    assert (source, target, "sibling") not in stored(document)[1]
    assert (target, source, "sibling") in stored(document)[1]
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert (source, target, "family") in stored(document)[1]


def test_moving_people_saves_their_places_as_one_step(document: MeetingDocument, qtbot: QtBot) -> None:
    first, second = document.network.people[:2]
    with qtbot.waitSignal(document.networkMoved):
        document.move_people({first.id or 0: (10.0, 20.0), second.id or 0: (-50.0, 75.5)}, "Arrange")
    saved = {p.id: (p.x, p.y) for p in document.store.get_network(document.case_id).people}
    assert saved[first.id] == (10.0, 20.0) and saved[second.id] == (-50.0, 75.5)
    document.undo_stack.undo()
    saved = {p.id: (p.x, p.y) for p in document.store.get_network(document.case_id).people}
    assert saved[first.id] == (None, None)


def test_a_deleted_card_leaves_those_who_agreed_with_it_and_comes_back_with_them(document: MeetingDocument) -> None:
    nan = next(p for p in document.network.people if p.display_name == "Nan")
    danger = document.items(Category.DANGER)[0]
    assert danger.id is not None and nan.id is not None
    document.set_person_field(nan.id, "agrees_with", [danger.id])
    document.delete_item(danger.id)
    assert document.person(nan.id).agrees_with == []
    document.undo_stack.undo()
    assert document.person(nan.id).agrees_with == [danger.id]


def test_a_guessed_tie_kind_follows_a_role_change_and_a_chosen_kind_never_does(document: MeetingDocument) -> None:
    from sos_desktop.models.network import kind_is_guessed

    lily = next(p for p in document.network.people if p.role is PersonRole.CHILD)
    gran = document.add_person("Rose Example", PersonRole.FAMILY)
    carer = document.add_person("Sam Carer", PersonRole.FAMILY)
    assert lily.id is not None and gran.id is not None and carer.id is not None
    guessed = document.add_guessed_tie(lily.id, gran.id)
    assert guessed.kind is TieKind.FAMILY and kind_is_guessed(guessed)
    # Nobody chose it: the guess follows the new role, in the role's own undo step, the parent as the tie's source.
    steps = document.undo_stack.count()
    document.set_person_field(gran.id, "role", PersonRole.PARENT)
    assert document.undo_stack.count() == steps + 1
    tie = document.tie(guessed.id or 0)
    assert (tie.source, tie.target, tie.kind) == (gran.id, lily.id, TieKind.PARENT) and kind_is_guessed(tie)
    document.undo_stack.undo()
    tie = document.tie(guessed.id or 0)
    assert (tie.kind, document.person(gran.id).role) == (TieKind.FAMILY, PersonRole.FAMILY)
    document.undo_stack.redo()
    assert document.tie(guessed.id or 0).kind is TieKind.PARENT

    # The user chose "Family" for the carer (the guess, confirmed): the Carer role leaves it so, saved so.
    chosen = document.add_guessed_tie(carer.id, lily.id)
    document.set_tie_kind(chosen.id or 0, TieKind.FAMILY)
    assert not kind_is_guessed(document.tie(chosen.id or 0))
    document.set_person_field(carer.id, "role", PersonRole.PARENT)
    document.set_person_field(carer.id, "role", PersonRole.CARER)
    assert document.tie(chosen.id or 0).kind is TieKind.FAMILY
    saved = next(t for t in document.store.get_network(document.case_id).ties if t.id == chosen.id)
    assert saved.kind is TieKind.FAMILY and not kind_is_guessed(saved)
    saved_guess = next(t for t in document.store.get_network(document.case_id).ties if t.id == guessed.id)
    assert saved_guess.kind is TieKind.PARENT and kind_is_guessed(saved_guess)
    # Ties from before guesses were marked (the demo's) are the user's: a role change never touches them.
    before = {(t.id, t.source, t.target, t.kind) for t in document.network.ties if t.id not in (guessed.id, chosen.id)}
    for person in list(document.network.people):
        document.set_person_field(person.id or 0, "role", PersonRole.FRIEND)
    after = {(t.id, t.source, t.target, t.kind) for t in document.network.ties if t.id not in (guessed.id, chosen.id)}
    assert after == before

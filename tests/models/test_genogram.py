"""The genogram's pure helpers: households by name, which bonds suit which tie, one index child a case, the
family-tree test that decides when the marks are drawn, and the household outline.
"""

from __future__ import annotations

import math

import pytest

from sos_desktop.models import Gender, Network, NetworkPerson, PersonRole, Tie, TieBond, TieKind
from sos_desktop.models.genogram import (
    arranged_as_family_tree,
    bond_label,
    bond_suits,
    checked_bond,
    checked_household,
    choose_index_child,
    household_names,
    household_outline,
    households,
    person_marks,
)
from sos_desktop.models.genogram_look import bond_look, genogram_marker
from sos_desktop.models.network import chosen, updated_with
from sos_desktop.models.network_layout import LayoutKind, compute_layout
from sos_desktop.models.network_look import Marker, Stroke


def _family() -> Network:
    people = [
        NetworkPerson("Lily Example", id=1, role=PersonRole.CHILD, household="Mum's flat", index_child=True),
        NetworkPerson("Sam Example", id=2, role=PersonRole.PARENT, gender=Gender.FEMALE, household="  mum's   FLAT "),
        NetworkPerson("Dan Example", id=3, role=PersonRole.PARENT, gender=Gender.MALE, household="Dad's"),
        NetworkPerson("Tom Example", id=4, role=PersonRole.CHILD),
    ]
    ties = [
        Tie(2, 1, TieKind.PARENT),
        Tie(3, 1, TieKind.PARENT),
        Tie(2, 3, TieKind.PARTNER, bond=TieBond.SEPARATED),
        Tie(2, 4, TieKind.PARENT),
    ]
    return Network(people, ties)


def test_people_with_the_same_household_name_in_any_case_live_together() -> None:
    found = households(_family())
    assert [(h.name, h.members) for h in found] == [("Mum's flat", (1, 2)), ("Dad's", (3,))]
    assert household_names(_family()) == ["Dad's", "Mum's flat"]
    assert NetworkPerson("A", household="  Nan's \n house ").household == "Nan's house"


def test_a_household_name_is_a_short_label() -> None:
    assert checked_household("  Nan's\thouse ") == "Nan's house"
    assert checked_household("Nan\u202e's house\x1b") == "Nan's house"  # no invisible controls in a label
    with pytest.raises(ValueError, match="up to 80 characters"):
        checked_household("x" * 81)


def test_parent_ties_take_adoptive_foster_and_step_partner_ties_the_couple_s_bonds() -> None:
    assert bond_suits(TieKind.PARENT, TieBond.STEP)
    assert not bond_suits(TieKind.PARENT, TieBond.DIVORCED)
    assert bond_suits(TieKind.PARTNER, TieBond.EX)
    assert not bond_suits(TieKind.SIBLING, TieBond.FOSTER)
    assert bond_suits(TieKind.SIBLING, TieBond.BIRTH_OR_TOGETHER)
    assert bond_label(TieKind.PARTNER, TieBond.EX) == "Ex-partners (never married)"
    assert bond_label(TieKind.PARENT, TieBond.BIRTH_OR_TOGETHER) == "Birth parent"
    assert bond_label(TieKind.SUPPORT, TieBond.BIRTH_OR_TOGETHER) == ""
    with pytest.raises(ValueError, match="sibling tie cannot be 'divorced': its bond is none"):
        checked_bond(TieKind.SIBLING, "divorced")
    with pytest.raises(ValueError, match="adoptive, foster, step or none"):
        checked_bond(TieKind.PARENT, "nonsense")


def test_a_new_kind_of_tie_starts_from_the_plain_bond_and_the_same_kind_keeps_it() -> None:
    tie = Tie(2, 3, TieKind.PARTNER, id=9, bond=TieBond.DIVORCED)
    assert chosen(tie).bond is TieBond.DIVORCED
    assert chosen(tie, TieKind.SIBLING).bond is TieBond.BIRTH_OR_TOGETHER


def test_choosing_an_index_child_un_chooses_the_other_and_only_a_child_can_be_it() -> None:
    network = _family()
    assert choose_index_child(network, 4) == {4: True, 1: False}
    assert choose_index_child(network, 1) == {}
    assert choose_index_child(network, 1, chosen=False) == {1: False}
    with pytest.raises(ValueError, match="Only a child"):
        choose_index_child(network, 2)


def test_a_person_s_marks_in_words() -> None:
    person = NetworkPerson("Nan", gender=Gender.FEMALE, deceased=True, household="Nan's")
    assert person_marks(person) == ["Female", "Died", "Lives in: Nan's"]
    assert person_marks(NetworkPerson("X")) == []


def test_a_file_that_knows_the_marks_adds_them_and_one_that_does_not_keeps_them() -> None:
    stored = NetworkPerson("Nan", id=5, gender=Gender.FEMALE, household="Nan's")
    assert updated_with(stored, NetworkPerson("Nan")).gender is Gender.FEMALE
    assert updated_with(stored, NetworkPerson("Nan")).household == "Nan's"
    later = updated_with(stored, NetworkPerson("Nan", deceased=True, household="Care home"))
    assert (later.deceased, later.household, later.id) == (True, "Care home", 5)


def test_the_family_tree_layout_reads_as_a_family_tree_and_the_circles_do_not() -> None:
    network = _family()
    tree = compute_layout(network, LayoutKind.FAMILY_TREE)
    assert arranged_as_family_tree(network, tree)
    assert not arranged_as_family_tree(network, compute_layout(network, LayoutKind.CIRCLES))
    dragged = dict(tree)
    dragged[3] = (tree[3][0] + 400, tree[3][1] + 20)  # across, and a little down: still a family tree
    assert arranged_as_family_tree(network, dragged)
    dragged[1] = (tree[1][0], tree[2][1])  # the child beside its parent: no longer
    assert not arranged_as_family_tree(network, dragged)
    assert not arranged_as_family_tree(Network(network.people, []), tree)


def test_the_household_outline_goes_round_every_member_at_the_radius() -> None:
    centres = [(0.0, 0.0), (150.0, 0.0), (75.0, 150.0)]
    outline = household_outline(centres, 50)
    assert len(outline) >= 20
    for x, y in centres:  # each member well inside, nobody cut by the line
        assert min(math.dist((x, y), point) for point in outline) >= 49.0
    assert max(p[0] for p in outline) == pytest.approx(200, abs=0.1)
    assert min(p[1] for p in outline) == pytest.approx(-50, abs=0.1)


def test_the_look_square_for_male_circle_for_female_and_partner_lines_by_bond() -> None:
    assert genogram_marker(PersonRole.PARENT, Gender.MALE) is Marker.SQUARE
    assert genogram_marker(PersonRole.CHILD, Gender.FEMALE) is Marker.CIRCLE
    assert genogram_marker(PersonRole.FAMILY, None) is Marker.DIAMOND
    assert genogram_marker(PersonRole.PROFESSIONAL, Gender.MALE) is Marker.HEXAGON
    assert (bond_look(TieKind.PARTNER, TieBond.MARRIED).line, bond_look(TieKind.PARTNER, TieBond.MARRIED).slashes) == (
        Stroke.SOLID,
        0,
    )
    assert bond_look(TieKind.PARTNER, TieBond.SEPARATED).slashes == 1
    assert bond_look(TieKind.PARTNER, TieBond.DIVORCED).slashes == 2
    assert (bond_look(TieKind.PARTNER, TieBond.EX).line, bond_look(TieKind.PARTNER, TieBond.EX).slashes) == (
        Stroke.DASH,
        2,
    )
    assert bond_look(TieKind.PARENT, TieBond.FOSTER).line is Stroke.DOT
    assert bond_look(TieKind.PARENT, TieBond.STEP).line is Stroke.DASH_DOT
    assert bond_look(TieKind.SUPPORT, TieBond.BIRTH_OR_TOGETHER).line is Stroke.DOT

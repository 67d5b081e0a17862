"""The automatic layouts of the safety network: the child in the middle, nobody on top of anybody, the same picture
for the same network, and a family tree that reads top-down from grandparents to the child.
"""

from __future__ import annotations

import itertools
import math
import random
import subprocess
import sys

import pytest
from family_network import (
    AUNT,
    DAD,
    FRIEND,
    GRANDAD,
    HEALTH_VISITOR,
    MIA,
    MUM,
    NAN,
    NEIGHBOUR,
    PARTNER,
    SOCIAL_WORKER,
    TEACHER,
    family,
)

from sos_desktop.models import network_layout
from sos_desktop.models.enums import Circle, PersonRole, TieKind
from sos_desktop.models.network import Network, NetworkPerson, Tie
from sos_desktop.models.network_layout import (
    LAYOUT_LABELS,
    NODE_SPACING,
    LayoutKind,
    Positions,
    compute_layout,
)

KINDS = list(LayoutKind)


def person(pid: int, role: PersonRole, circle: Circle | None = None) -> NetworkPerson:
    return NetworkPerson(f"Person {pid}", id=pid, role=role, circle=circle)


def scattered(size: int, seed: int, children: int = 2, tie_share: float = 1.2) -> Network:
    """A deterministic jumble: every role and circle, ties of every kind (parent loops included), loners."""
    chance = random.Random(seed)
    roles = [PersonRole.CHILD] * children + [chance.choice(list(PersonRole)[1:]) for _ in range(size - children)]
    people = [
        NetworkPerson(f"Person {n}", id=n, role=role, circle=chance.choice([Circle.INNER, Circle.OUTER, None]))
        for n, role in enumerate(roles, start=1)
    ]
    ties = [
        Tie(chance.randint(1, size), chance.randint(1, size), chance.choice(list(TieKind)))
        for _ in range(int(size * tie_share))
    ]
    return Network(people, ties)


def star() -> Network:
    """One child and forty professionals around her, nobody else."""
    people = [person(1, PersonRole.CHILD)] + [person(n, PersonRole.PROFESSIONAL) for n in range(2, 42)]
    return Network(people, [Tie(n, 1, TieKind.PROFESSIONAL) for n in range(2, 42)])


def loners(size: int = 30) -> Network:
    return Network([person(n, PersonRole.FRIEND) for n in range(1, size + 1)])


def closest(positions: Positions) -> float:
    return min(math.dist(a, b) for a, b in itertools.combinations(positions.values(), 2))


def extent(positions: Positions) -> float:
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    return max(max(xs) - min(xs), max(ys) - min(ys))


def radius(positions: Positions, pid: int) -> float:
    return math.hypot(*positions[pid])


NETWORKS = {
    "family": family,
    "jumble of 12": lambda: scattered(12, seed=1),
    "jumble of 60": lambda: scattered(60, seed=2),
    "jumble of 200": lambda: scattered(200, seed=3, children=3),
    "sparse jumble of 60": lambda: scattered(60, seed=4, tie_share=0.3),
    "child and forty professionals": star,
    "thirty people with no ties": loners,
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("network", NETWORKS.values(), ids=NETWORKS.keys())
def test_nobody_is_drawn_on_top_of_anybody(kind: LayoutKind, network: object) -> None:
    built = network()  # type: ignore[operator]
    positions = compute_layout(built, kind)
    assert set(positions) == {p.id for p in built.people}
    assert closest(positions) >= 0.8 * NODE_SPACING


@pytest.mark.parametrize("kind", KINDS)
def test_the_spacing_sets_the_distance_between_people(kind: LayoutKind) -> None:
    assert closest(compute_layout(scattered(40, seed=5), kind, spacing=300)) >= 0.8 * 300
    with pytest.raises(ValueError, match="spacing"):
        compute_layout(family(), kind, spacing=0)


@pytest.mark.parametrize("kind", KINDS)
def test_the_same_network_gives_the_same_picture(kind: LayoutKind) -> None:
    first = compute_layout(scattered(60, seed=6), kind)
    assert compute_layout(scattered(60, seed=6), kind) == first
    assert all(isinstance(x, float) and isinstance(y, float) for x, y in first.values())
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in first.values())


def test_another_seed_gives_another_force_picture_and_leaves_the_others_alone() -> None:
    network = scattered(40, seed=14)
    assert compute_layout(network, LayoutKind.FORCE, seed=1) != compute_layout(network, LayoutKind.FORCE, seed=2)
    for kind in (LayoutKind.CIRCLES, LayoutKind.FAMILY_TREE):
        assert compute_layout(network, kind, seed=1) == compute_layout(network, kind, seed=2)


@pytest.mark.parametrize("kind", KINDS)
def test_an_empty_network_and_people_without_ids_have_no_positions(kind: LayoutKind) -> None:
    assert compute_layout(Network(), kind) == {}
    assert compute_layout(Network([NetworkPerson("Not saved yet")]), kind) == {}
    only = compute_layout(Network([person(5, PersonRole.CHILD), NetworkPerson("Not saved yet")]), kind)
    assert only == {5: (0.0, 0.0)}


@pytest.mark.parametrize("kind", KINDS)
def test_ties_to_unknown_people_to_oneself_or_twice_over_change_nothing(kind: LayoutKind) -> None:
    clean = family()
    messy = family()
    messy.ties += [Tie(MUM, 99, TieKind.PARENT), Tie(98, MIA, TieKind.SUPPORT), Tie(NAN, NAN, TieKind.PARTNER)]
    messy.ties += [Tie(MUM, MIA, TieKind.PARENT), Tie(DAD, MIA, TieKind.PARENT)]
    assert compute_layout(messy, kind) == compute_layout(clean, kind)


def test_layout_kinds_have_labels_and_can_be_named_by_their_value() -> None:
    assert LAYOUT_LABELS == {
        LayoutKind.CIRCLES: "Circles around the child",
        LayoutKind.FORCE: "Force-directed",
        LayoutKind.FAMILY_TREE: "Family tree",
    }
    assert compute_layout(family(), "family_tree") == compute_layout(family(), LayoutKind.FAMILY_TREE)  # type: ignore[arg-type]


# --- Circles ------------------------------------------------------------------------------------------------------


def test_circles_put_the_child_in_the_middle_then_inner_outer_others_and_professionals() -> None:
    positions = compute_layout(family(), LayoutKind.CIRCLES)
    assert positions[MIA] == (0.0, 0.0)
    inner = [radius(positions, pid) for pid in (MUM, NAN, GRANDAD, PARTNER)]
    outer = [radius(positions, pid) for pid in (DAD, AUNT, NEIGHBOUR)]
    others = [radius(positions, FRIEND)]
    professionals = [radius(positions, pid) for pid in (TEACHER, SOCIAL_WORKER, HEALTH_VISITOR)]
    assert max(inner) < min(outer)
    assert max(outer) < min(others)
    assert max(others) < min(professionals)
    assert min(inner) == pytest.approx(NODE_SPACING)


def test_circles_seat_partners_and_couples_next_to_each_other() -> None:
    positions = compute_layout(family(), LayoutKind.CIRCLES)
    ring = sorted((MUM, NAN, GRANDAD, PARTNER), key=lambda pid: math.atan2(positions[pid][1], positions[pid][0]))
    neighbours = {frozenset(pair) for pair in itertools.pairwise([*ring, ring[0]])}
    assert frozenset((MUM, PARTNER)) in neighbours
    assert frozenset((NAN, GRANDAD)) in neighbours


def test_circles_keep_each_couple_together_however_they_were_entered() -> None:
    # Four couples entered one partner after another, so that the order of entry keeps every couple apart.
    couples = [(2, 6), (3, 7), (4, 8), (5, 9)]
    people = [person(1, PersonRole.CHILD)] + [person(n, PersonRole.FAMILY, Circle.INNER) for n in range(2, 10)]
    ties = [Tie(a, b, TieKind.PARTNER) for a, b in couples] + [Tie(n, 1, TieKind.SUPPORT) for n in range(2, 10)]
    positions = compute_layout(Network(people, ties), LayoutKind.CIRCLES)
    ring = sorted(range(2, 10), key=lambda pid: math.atan2(positions[pid][1], positions[pid][0]))
    neighbours = {frozenset(pair) for pair in itertools.pairwise([*ring, ring[0]])}
    assert all(frozenset(couple) in neighbours for couple in couples)


def test_several_children_share_a_small_ring_inside_everybody_else() -> None:
    network = scattered(30, seed=7, children=3)
    positions = compute_layout(network, LayoutKind.CIRCLES)
    children = [p.id for p in network.people if p.role is PersonRole.CHILD and p.id is not None]
    others = [p.id for p in network.people if p.role is not PersonRole.CHILD and p.id is not None]
    child_radii = {round(radius(positions, pid), 6) for pid in children}
    assert len(child_radii) == 1
    assert max(child_radii) < NODE_SPACING < min(radius(positions, pid) for pid in others)


def test_without_a_child_the_middle_stays_empty() -> None:
    positions = compute_layout(loners(5), LayoutKind.CIRCLES)
    assert min(radius(positions, pid) for pid in positions) >= NODE_SPACING - 1e-9


def test_a_big_ring_is_split_into_rings_rather_than_one_huge_circle() -> None:
    positions = compute_layout(star(), LayoutKind.CIRCLES)
    one_ring = NODE_SPACING / (2 * math.sin(math.pi / 40))  # 40 professionals evenly round one circle
    assert max(radius(positions, pid) for pid in positions) < 0.75 * one_ring


# --- Force-directed -----------------------------------------------------------------------------------------------


def test_force_keeps_the_child_central_and_tied_people_close() -> None:
    network = scattered(60, seed=8, children=1)
    positions = compute_layout(network, LayoutKind.FORCE)
    assert positions[1] == (0.0, 0.0)
    xs = sorted(x for x, _ in positions.values())
    ys = sorted(y for _, y in positions.values())
    assert xs[len(xs) // 5] < 0 < xs[-len(xs) // 5] and ys[len(ys) // 5] < 0 < ys[-len(ys) // 5]
    tied = [math.dist(positions[t.source], positions[t.target]) for t in network.ties if t.source != t.target]
    everyone = [math.dist(a, b) for a, b in itertools.combinations(positions.values(), 2)]
    assert sum(tied) / len(tied) < 0.6 * sum(everyone) / len(everyone)


def test_force_median_gap_to_the_nearest_person_is_about_the_spacing() -> None:
    positions = compute_layout(scattered(60, seed=9), LayoutKind.FORCE)
    nearest = sorted(min(math.dist(a, b) for b in positions.values() if b is not a) for a in positions.values())
    assert NODE_SPACING <= nearest[len(nearest) // 2] <= 1.5 * NODE_SPACING


@pytest.mark.parametrize(
    "network",
    [loners(), lambda: scattered(60, seed=10, tie_share=0.3), lambda: scattered(200, seed=11, tie_share=0.5)],
    ids=["thirty loners", "sparse 60", "sparse 200"],
)
def test_force_keeps_people_with_no_ties_in_the_picture(network: object) -> None:
    built = network() if callable(network) else network
    force = compute_layout(built, LayoutKind.FORCE)
    assert extent(force) <= 3 * extent(compute_layout(built, LayoutKind.CIRCLES))


@pytest.mark.parametrize("limits", [{"_DENSE_LIMIT": 30}, {"_MATRIX_LIMIT": 20}], ids=["pruned", "k-d tree"])
def test_force_takes_its_large_network_paths_without_crowding_anybody(
    limits: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The paths big networks take (people with one tie hung back on afterwards; distances from a k-d tree), tried
    # on a small network by lowering the sizes at which they start.
    for name, value in limits.items():
        monkeypatch.setattr(network_layout, name, value)
    network = scattered(60, seed=12, tie_share=0.8)
    positions = compute_layout(network, LayoutKind.FORCE)
    assert set(positions) == {p.id for p in network.people}
    assert closest(positions) >= 0.8 * NODE_SPACING
    assert extent(positions) <= 3 * extent(compute_layout(network, LayoutKind.CIRCLES))


def test_force_lays_out_five_hundred_people_apart_and_together() -> None:
    network = scattered(520, seed=13, children=3)
    positions = compute_layout(network, LayoutKind.FORCE)
    assert closest(positions) >= 0.8 * NODE_SPACING
    assert extent(positions) <= 3 * extent(compute_layout(network, LayoutKind.CIRCLES))


# --- Family tree --------------------------------------------------------------------------------------------------


def test_the_family_tree_reads_down_from_grandparents_to_the_child() -> None:
    positions = compute_layout(family(), LayoutKind.FAMILY_TREE)
    x = {pid: where[0] for pid, where in positions.items()}
    y = {pid: where[1] for pid, where in positions.items()}
    assert y[NAN] == y[GRANDAD] < y[MUM] == y[DAD] == y[PARTNER] == y[AUNT] < y[MIA]
    assert y[MUM] - y[NAN] == NODE_SPACING
    assert abs(x[NAN] - x[GRANDAD]) == pytest.approx(NODE_SPACING)
    assert abs(x[MUM] - x[PARTNER]) == pytest.approx(NODE_SPACING)
    assert abs(x[MUM] - x[DAD]) == pytest.approx(NODE_SPACING)  # Mia's parents stand together even though apart
    assert x[MIA] == pytest.approx((x[MUM] + x[DAD]) / 2)


def test_friends_and_professionals_stand_apart_below_the_family() -> None:
    positions = compute_layout(family(), LayoutKind.FAMILY_TREE)
    family_rows = {positions[pid][1] for pid in (MIA, MUM, DAD, NAN, GRANDAD, AUNT, PARTNER)}
    outsiders = {positions[pid][1] for pid in (NEIGHBOUR, FRIEND, TEACHER, SOCIAL_WORKER, HEALTH_VISITOR)}
    assert outsiders == {max(family_rows) + 2 * NODE_SPACING}


def test_siblings_share_a_row_and_the_children_of_separate_families_line_up() -> None:
    people = [person(n, PersonRole.CHILD) for n in (1, 2, 3)] + [person(n, PersonRole.FAMILY) for n in (4, 5, 6, 7)]
    ties = [
        Tie(4, 1, TieKind.PARENT),
        Tie(5, 4, TieKind.PARENT),  # 1's grandparent
        Tie(1, 2, TieKind.SIBLING),
        Tie(6, 3, TieKind.PARENT),  # a half-sibling's family, not tied to the first
        Tie(7, 3, TieKind.FAMILY),
    ]
    positions = compute_layout(Network(people, ties), LayoutKind.FAMILY_TREE)
    y = {pid: where[1] for pid, where in positions.items()}
    assert y[1] == y[2] == y[3]
    assert y[5] < y[4] == y[6] == y[7] < y[1]


def test_a_loop_of_parents_does_not_hang_the_family_tree() -> None:
    people = [person(n, PersonRole.FAMILY) for n in range(1, 6)] + [person(6, PersonRole.CHILD)]
    ties = [Tie(1, 2, TieKind.PARENT), Tie(2, 3, TieKind.PARENT), Tie(3, 1, TieKind.PARENT)]
    ties += [
        Tie(3, 6, TieKind.PARENT),
        Tie(4, 5, TieKind.PARTNER),
        Tie(5, 4, TieKind.PARENT),
        Tie(6, 4, TieKind.PARENT),
    ]
    positions = compute_layout(Network(people, ties), LayoutKind.FAMILY_TREE)
    assert set(positions) == set(range(1, 7))
    assert closest(positions) >= 0.8 * NODE_SPACING
    assert positions[3][1] < positions[6][1]


def test_laying_out_needs_no_toolkit_and_importing_it_loads_no_maths() -> None:
    code = (
        "import sys, sos_desktop.models.network_layout, sos_desktop.models.network_findings;"
        "print(sorted(m for m in ('networkx', 'numpy', 'scipy', 'PySide6') if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"

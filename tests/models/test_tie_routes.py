"""Ties drawn round the people they do not join: on the demo family, the test families and made-up families of 5 to
60 people, in every layout, no tie's drawn path comes within a third person's marker or crosses their name's
rectangle (its whole width and height); and a tie keeps out of its own people's names where the way round is not
much longer.

Measured here with plain geometry, independently of the routing's own arithmetic, against each person's marker and
name with no clearance added (the routing keeps a clearance of its own on top). Names are sized as the console draws
them (about 7.5 units a character, wrapped at 150 units, two lines at most).
"""

from __future__ import annotations

import itertools
import math

import pytest
import route_measure as measure
from family_network import family, generated_family

from sos_desktop.models import Network, NetworkPerson, PersonRole, Tie, TieKind
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.network_layout import LayoutKind, compute_layout
from sos_desktop.models.tie_routes import (
    CHILD_MARKER,
    CLEARANCE,
    MARKER,
    ROUTED_UP_TO,
    Route,
    Zone,
    route_ties,
    zone_of,
)

Point = tuple[float, float]
CHARACTER, WRAP, LINE = 7.5, 150.0, 17.0


def through_others(routes: list[Route], zones: list[Zone], ends: list[tuple[int, int]]) -> int:
    """(tie, third person) pairs where the tie's path comes inside the person's marker or crosses their name."""
    return len(measure.through_others(routes, ends, [(marker_box(zone), zone.name) for zone in zones]))


def marker_box(zone: Zone) -> measure.Box:
    """The square every marker shape fits in (a diamond's tips reach 0.55 of its size from the centre)."""
    (x, y), half = zone.centre, zone.reach
    return (x - half, y - half, x + half, y + half)


def through_own(routes: list[Route], zones: list[Zone], ends: list[tuple[int, int]]) -> int:
    """(tie, own person) pairs where the tie's path crosses the name of one of the two people it joins."""
    return sum(
        1 for route, pair in zip(routes, ends, strict=True) for n in pair if measure.through(route, None, zones[n].name)
    )


def console_zone(centre: Point, child: bool, name: str, clearance: float) -> Zone:
    """A person's zone in layout units, their name's box sized and placed as the console draws it."""
    marker = CHILD_MARKER if child else MARKER
    wide = CHARACTER * len(name)
    lines = 1 if wide <= WRAP else 2
    width, height = min(wide, WRAP) + 6, lines * LINE + 2
    top = centre[1] + marker / 2 + 3
    box = (centre[0] - width / 2, top, centre[0] + width / 2, top + height)
    return zone_of(centre, marker, box, clearance)


def laid_out(network: Network, kind: LayoutKind) -> tuple[list[Point], list[tuple[int, int]], list[NetworkPerson]]:
    positions = compute_layout(network, kind)
    ids = list(positions)
    index = {pid: n for n, pid in enumerate(ids)}
    people = {person.id: person for person in network.people}
    ends = list(
        dict.fromkeys(
            tuple(sorted((index[tie.source], index[tie.target])))
            for tie in network.ties
            if tie.source in index and tie.target in index and tie.source != tie.target
        )
    )
    return [positions[pid] for pid in ids], [(a, b) for a, b in ends], [people[pid] for pid in ids]


def measured(network: Network, kind: LayoutKind) -> tuple[int, int, int, int, int]:
    """Ties through others drawn straight, drawn as routed; how many ties bend; ties through their own people's
    names drawn straight, drawn as routed.
    """
    starts, ends, people = laid_out(network, kind)
    zones, drawn = (
        [
            console_zone(start, person.role is PersonRole.CHILD, person.name, clearance)
            for start, person in zip(starts, people, strict=True)
        ]
        for clearance in (CLEARANCE, 0.0)
    )
    routes = route_ties(starts, zones, ends)
    for route, (a, b) in zip(routes, ends, strict=True):
        assert (route[0], route[-1]) == (starts[a], starts[b])  # from one person to the other
    straight = [[starts[a], starts[b]] for a, b in ends]
    return (
        through_others(straight, drawn, ends),
        through_others(routes, drawn, ends),
        sum(len(r) > 2 for r in routes),
        through_own(straight, drawn, ends),
        through_own(routes, drawn, ends),
    )


def long_names(network: Network) -> Network:
    """The same people called by full names as long as the demo family's ("Jordan Example": 14 characters)."""
    for person in network.people:
        person.name = f"{person.name} Example".ljust(14, "n")
    return network


FAMILIES = {"demo": lambda: demo_bundle().network, "Mia's family": family}


@pytest.mark.parametrize("kind", list(LayoutKind))
@pytest.mark.parametrize("name", list(FAMILIES))
def test_no_tie_of_the_known_families_is_drawn_through_anybody_else_or_their_name(name: str, kind: LayoutKind) -> None:
    straight, routed, _bent, own_straight, own = measured(FAMILIES[name](), kind)
    assert routed == 0, f"{routed} ties through people in {name}, {kind.value} (straight: {straight})"
    assert own <= own_straight, f"{own} ties through their own people's names in {name}, {kind.value}"


def test_straight_ties_did_run_through_people_and_names_in_the_family_tree() -> None:
    # What the issue saw (Mum to Nan through a child; professionals through others; the partner line through a
    # child's name): the measure finds it.
    found = [measured(FAMILIES[name](), LayoutKind.FAMILY_TREE) for name in FAMILIES]
    assert all(straight > 0 and bent > 0 and own > 0 for straight, _routed, bent, own, _ in found)
    # ... and, where the way round is not much longer, ties now leave their people beside their names.
    assert all(own < own_straight for _straight, _routed, _bent, own_straight, own in found)


def test_a_name_counts_as_much_as_a_marker() -> None:
    # A tie passing under a marker, through the name below it, is through that person.
    zone = console_zone((150.0, 0.0), False, "Lily Example", 0.0)
    assert zone.name is not None
    below = (zone.name[1] + zone.name[3]) / 2
    assert through_others([[(0.0, below), (300.0, below)]], [zone, zone, zone], [(0, 1)]) == 1
    assert through_others([[(0.0, -40.0), (300.0, -40.0)]], [zone, zone, zone], [(0, 1)]) == 0
    routes = route_ties([(0.0, below), (300.0, below), (150.0, 0.0)], [zone, zone, zone], [(0, 1)])
    assert through_others(routes, [zone, zone, zone], [(0, 1)]) == 0 and len(routes[0]) > 2


@pytest.mark.parametrize("kind", list(LayoutKind))
@pytest.mark.parametrize("names", ["short", "long"])
def test_no_tie_of_made_up_families_of_5_to_60_is_drawn_through_anybody_else(kind: LayoutKind, names: str) -> None:
    total_straight = 0
    for size in (5, 8, 12, 20, 30, 45, 60):
        for seed in range(3):
            network = generated_family(size, seed)
            straight, routed, _bent, _own_straight, _own = measured(
                long_names(network) if names == "long" else network, kind
            )
            assert routed == 0, f"{routed} ties through people: {size} people, seed {seed}, {kind.value}"
            total_straight += straight
    assert total_straight > 0  # straight lines would have crossed people


def test_a_tie_with_nobody_in_the_way_stays_straight_and_one_in_the_way_goes_round() -> None:
    starts = [(0.0, 0.0), (300.0, 0.0), (150.0, 0.0), (150.0, 400.0), (450.0, 0.0)]
    zones = [zone_of(start, 46.0, None, 8.0) for start in starts]
    straight, round_ = route_ties(starts, zones, [(1, 4), (0, 1)])
    assert straight == [starts[1], starts[4]]
    assert len(round_) > 2 and through_others([round_], zones, [(0, 1)]) == 0
    assert route_ties(starts, zones, []) == []


def test_a_tie_leaves_its_own_person_beside_their_name_where_that_is_not_much_longer() -> None:
    # A parent straight above their child: the tie goes down past the parent's short name, not through it.
    starts = [(0.0, 0.0), (0.0, 150.0)]
    for name, goes_round in (("Mum", True), ("Jordan Example", False)):
        zones = [console_zone(start, False, name, CLEARANCE) for start in starts]
        drawn = [console_zone(start, False, name, 0.0) for start in starts]
        (route,) = route_ties(starts, zones, [(0, 1)])
        assert (through_own([route], drawn, [(0, 1)]) == 0) is goes_round, name
        assert _length(route) <= 1.25 * 150.0
        if not goes_round:  # a long name's way round is some 40% longer than straight down under its plate
            assert route == starts
    # Somebody standing right beside the short name on both sides: no way out but through it.
    crowd = [*starts, (-50.0, 45.0), (50.0, 45.0)]
    zones = [console_zone(start, False, "Mum", CLEARANCE) for start in crowd]
    (route,) = route_ties(crowd, zones, [(0, 1)])
    drawn = [console_zone(start, False, "Mum", 0.0) for start in crowd]
    assert route == [starts[0], starts[1]] and through_others([route], drawn, [(0, 1)]) == 0


def _length(route: Route) -> float:
    return sum(math.dist(p, q) for p, q in itertools.pairwise(route))


def test_a_person_s_zone_holds_their_name_either_way_up() -> None:
    down = zone_of((0.0, 0.0), 40.0, (-30.0, 25.0, 30.0, 45.0), 0.0)
    up = zone_of((0.0, 0.0), 40.0, (30.0, -25.0, -30.0, -45.0), 0.0)
    assert down.name == (-30.0, 25.0, 30.0, 45.0) and up.name == (-30.0, -45.0, 30.0, -25.0)
    assert down.reach == up.reach == pytest.approx(0.55 * 40)  # a diamond's tips


def test_a_network_too_big_to_route_keeps_its_ties_straight() -> None:
    people = [NetworkPerson(f"P{n}", id=n) for n in range(ROUTED_UP_TO + 1)]
    network = Network(people, [Tie(0, n, TieKind.OTHER) for n in range(1, len(people))])
    starts, ends, _people = laid_out(network, LayoutKind.CIRCLES)
    zones = [zone_of(start, MARKER, None, CLEARANCE) for start in starts]
    assert all(len(route) == 2 for route in route_ties(starts, zones, ends))

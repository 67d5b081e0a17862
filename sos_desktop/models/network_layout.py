"""Automatic layouts of the safety network: where each person sits on the canvas.

Pure functions, people and ties in, positions out: coordinates in scene units, y growing downwards as in Qt.
Three pictures practitioners draw: the child in the middle of circles (an ecomap), a force-directed picture that
shows clusters, and a family tree (genogram-like). Every layout keeps people at least ``0.8 * spacing`` apart,
since a person is drawn about 130 by 60 units.

networkx, numpy and scipy are imported inside the functions that need them: importing the domain stays fast, and
the Qt-free test job does not pay for them unless it lays a network out.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from sos_desktop.models.enums import Circle, PersonRole, TieKind
from sos_desktop.models.network import Network, NetworkPerson

if TYPE_CHECKING:
    import numpy as np


class LayoutKind(StrEnum):
    CIRCLES = "circles"
    FORCE = "force"
    FAMILY_TREE = "family_tree"


LAYOUT_LABELS: dict[LayoutKind, str] = {
    LayoutKind.CIRCLES: "Circles around the child",
    LayoutKind.FORCE: "Force-directed",
    LayoutKind.FAMILY_TREE: "Family tree",
}

Positions = dict[int, tuple[float, float]]

NODE_SPACING = 150.0
"""Scene units between neighbouring people at the default size."""

_TAU = 2 * math.pi

# The closer the tie, the sooner a walk of the network visits it: partners end up next to each other.
_TIE_PRIORITY = {
    TieKind.PARTNER: 0,
    TieKind.PARENT: 1,
    TieKind.SIBLING: 2,
    TieKind.FAMILY: 3,
    TieKind.SUPPORT: 4,
    TieKind.OTHER: 5,
    TieKind.PROFESSIONAL: 6,
}
_FAMILY_TIES = frozenset({TieKind.PARENT, TieKind.PARTNER, TieKind.SIBLING, TieKind.FAMILY})
_SAME_ROW_TIES = frozenset({TieKind.PARTNER, TieKind.SIBLING})


@dataclass(frozen=True)
class _Graph:
    """The part of a network a layout can use: people with an id (the first of a repeated id) and their ties."""

    people: dict[int, NetworkPerson]
    parents: dict[int, list[int]]
    neighbours: dict[int, dict[int, TieKind]]
    """Each person's neighbours with the closest kind of tie between them; no self-ties, no unknown people."""

    def role(self, pid: int) -> PersonRole:
        return self.people[pid].role


def _graph_of(network: Network) -> _Graph:
    people: dict[int, NetworkPerson] = {}
    for person in network.people:
        if person.id is not None and person.id not in people:
            people[person.id] = person
    neighbours: dict[int, dict[int, TieKind]] = {pid: {} for pid in people}
    parents: dict[int, list[int]] = {pid: [] for pid in people}
    for tie in network.ties:
        a, b = tie.source, tie.target
        if a == b or a not in people or b not in people:
            continue
        for one, other in ((a, b), (b, a)):
            known = neighbours[one].get(other)
            if known is None or _TIE_PRIORITY[tie.kind] < _TIE_PRIORITY[known]:
                neighbours[one][other] = tie.kind
        if tie.kind is TieKind.PARENT and a not in parents[b]:
            parents[b].append(a)
    return _Graph(people, parents, neighbours)


def compute_layout(network: Network, kind: LayoutKind, *, spacing: float = NODE_SPACING, seed: int = 7) -> Positions:
    """Where each person with an id goes in the ``kind`` of picture, about ``spacing`` apart.

    The same network and seed always give the same picture; another seed gives another force-directed picture (the
    circles and the family tree do not depend on it).
    """
    if spacing <= 0:
        raise ValueError("The spacing between people must be more than 0.")
    graph = _graph_of(network)
    if not graph.people:
        return {}
    kind = LayoutKind(kind)
    if kind is LayoutKind.CIRCLES:
        return _circles(graph, spacing)
    if kind is LayoutKind.FORCE:
        return _force(graph, spacing, seed)
    return _family_tree(graph, spacing)


def _walk_order(graph: _Graph) -> dict[int, int]:
    """Each person's rank in a depth-first walk from the children that follows the closest ties first.

    People near each other in this order are tied to each other, which gives every layout a sensible start.
    """
    index = {pid: n for n, pid in enumerate(graph.people)}
    children = [pid for pid in graph.people if graph.role(pid) is PersonRole.CHILD]
    rank: dict[int, int] = {}
    for root in [*children, *graph.people]:
        stack = [root]
        while stack:
            pid = stack.pop()
            if pid in rank:
                continue
            rank[pid] = len(rank)
            ties = graph.neighbours[pid]
            unvisited = [other for other in ties if other not in rank]
            # Pushed closest-last so that the closest tie is popped and visited first.
            unvisited.sort(key=lambda other: (_TIE_PRIORITY[ties[other]], index[other]), reverse=True)
            stack.extend(unvisited)
    return rank


def _interleave(ordered: list[int], counts: list[int]) -> list[list[int]]:
    """``ordered`` dealt into groups of ``counts`` so that every group takes its share evenly from the whole order."""
    total = len(ordered)
    groups: list[list[int]] = [[] for _ in counts]
    for n, pid in enumerate(ordered):
        behind = [count * (n + 1) / total - len(group) for count, group in zip(counts, groups, strict=True)]
        groups[behind.index(max(behind))].append(pid)
    return groups


# --- Circles around the child -------------------------------------------------------------------------------------


def _band_of(person: NetworkPerson) -> int:
    """Which ring, counting from the centre: children, inner circle, outer circle, others, professionals."""
    if person.role is PersonRole.CHILD:
        return 0
    if person.circle is Circle.INNER:
        return 1
    if person.circle is Circle.OUTER:
        return 2
    return 4 if person.role is PersonRole.PROFESSIONAL else 3


def _chord_radius(count: int, spacing: float) -> float:
    """The radius at which ``count`` people evenly round a ring are ``spacing`` apart."""
    return 0.0 if count < 2 else spacing / (2 * math.sin(math.pi / count))


def _capacity(radius: float, spacing: float) -> int:
    if 2 * radius < spacing:
        return 1
    return max(1, math.floor(math.pi / math.asin(spacing / (2 * radius)) + 1e-9))


def _rings_for(count: int, start: float, spacing: float) -> list[tuple[float, int]]:
    """The rings (radius, people) that hold a band of ``count`` people, the first at least at ``start``.

    One ring widened to fit, unless the band is so large that concentric rings ``spacing`` apart keep it smaller.
    """
    capacities: list[int] = []
    while sum(capacities) < count:
        capacities.append(_capacity(start + len(capacities) * spacing, spacing))
    outer = start + (len(capacities) - 1) * spacing
    if len(capacities) == 1 or _chord_radius(count, spacing) <= outer:
        return [(max(start, _chord_radius(count, spacing)), count)]
    total = sum(capacities)
    shares = [count * capacity / total for capacity in capacities]
    counts = [math.floor(share) for share in shares]
    by_remainder = sorted(range(len(shares)), key=lambda n: counts[n] - shares[n])
    for n in by_remainder[: count - sum(counts)]:
        counts[n] += 1
    return [(start + n * spacing, number) for n, number in enumerate(counts) if number]


def _circular_mean(angles: Iterable[float]) -> float:
    x = y = 0.0
    for angle in angles:
        x += math.cos(angle)
        y += math.sin(angle)
    return math.atan2(y, x) if x or y else 0.0


def _wanted_angle(pid: int, graph: _Graph, positions: Positions, angles: dict[int, float]) -> float:
    """The direction of the person's placed neighbours, held back a little by where the person is now."""
    x = 0.5 * math.cos(angles[pid])
    y = 0.5 * math.sin(angles[pid])
    for other in graph.neighbours[pid]:
        where = positions.get(other)
        if where is None or (where[0] == 0.0 and where[1] == 0.0):
            continue  # not placed yet, or the one child at the centre, who lies in no direction
        length = math.hypot(*where)
        x += where[0] / length
        y += where[1] / length
    return math.atan2(y, x)


def _arrange_band(
    band: list[int],
    rings: list[tuple[float, int]],
    graph: _Graph,
    positions: Positions,
    angles: dict[int, float],
) -> None:
    """One barycentre pass: order the band by where its ties pull, then deal it evenly round its rings."""
    wanted = {pid: _wanted_angle(pid, graph, positions, angles) for pid in band}
    ordered = sorted(band, key=lambda pid: wanted[pid] % _TAU)
    for (radius, _), members in zip(rings, _interleave(ordered, [count for _, count in rings]), strict=True):
        steps = [_TAU * n / len(members) for n in range(len(members))]
        turn = _circular_mean(wanted[pid] - step for pid, step in zip(members, steps, strict=True))
        for pid, step in zip(members, steps, strict=True):
            angles[pid] = turn + step
            positions[pid] = (radius * math.cos(turn + step), radius * math.sin(turn + step))


def _circles(graph: _Graph, spacing: float) -> Positions:
    rank = _walk_order(graph)
    bands: list[list[int]] = [[] for _ in range(5)]
    for pid in sorted(graph.people, key=rank.__getitem__):
        bands[_band_of(graph.people[pid])].append(pid)
    positions: Positions = {}
    angles: dict[int, float] = {}
    children = bands[0]
    radius = _chord_radius(len(children), spacing)
    for n, pid in enumerate(children):
        angles[pid] = -math.pi / 2 + _TAU * n / len(children)
        positions[pid] = (radius * math.cos(angles[pid]), radius * math.sin(angles[pid]))
    placed: list[tuple[list[int], list[tuple[float, int]]]] = []
    for band in bands[1:]:
        if not band:
            continue
        rings = _rings_for(len(band), radius + spacing, spacing)
        for n, pid in enumerate(band):
            angles[pid] = -math.pi / 2 + _TAU * n / len(band)
        for _ in range(3):
            _arrange_band(band, rings, graph, positions, angles)
        placed.append((band, rings))
        radius = rings[-1][0]
    # Once everyone is placed, outer neighbours can pull too: a second look settles people between both sides.
    for band, rings in placed:
        _arrange_band(band, rings, graph, positions, angles)
    return {pid: (float(x), float(y)) for pid, (x, y) in positions.items()}


# --- Force-directed -----------------------------------------------------------------------------------------------


_DENSE_LIMIT = 499
"""spring_layout solves graphs below 500 nodes (these people and the hub) with numpy; from 500 it loops over the
nodes in Python, some twenty times slower."""

_HUB = "centre"
_GRAVITY = 0.2


def _force(graph: _Graph, spacing: float, seed: int) -> Positions:
    """networkx's spring layout started from the circles, children held at the centre, then scaled to ``spacing``."""
    import numpy as np

    start = _circles(graph, spacing)
    ids = list(graph.people)
    if len(ids) == 1:
        return {ids[0]: (0.0, 0.0)}
    reach = max(max(abs(x), abs(y)) for x, y in start.values()) or 1.0
    # spring_layout works best in a unit square; the circles are centred on its middle, each person nudged a little
    # by the seed so that another seed can settle into another picture.
    nudges = np.random.default_rng(seed).uniform(-0.05, 0.05, size=(len(ids), 2))
    unit = {
        pid: (0.5 + 0.5 * start[pid][0] / reach + dx, 0.5 + 0.5 * start[pid][1] / reach + dy)
        for pid, (dx, dy) in zip(ids, nudges, strict=True)
    }
    children = [pid for pid in ids if graph.role(pid) is PersonRole.CHILD]
    hanging: dict[int, list[int]]
    alone: list[int]
    core, hanging, alone = ids, {}, []
    if len(ids) >= _DENSE_LIMIT:
        core, hanging, alone = _pruned(graph, children)
    step = 1 / math.sqrt(len(ids))
    laid = _spring(graph, core, unit, children, seed) if core else {}
    _hang(graph, laid, hanging, step)
    _surround(laid, alone, step)
    points = np.array([laid[pid] for pid in ids], dtype=float)
    centre = points[[ids.index(pid) for pid in children]].mean(axis=0) if children else points.mean(axis=0)
    points = _to_spacing(points - centre, spacing)
    # A box 130 by 60 has a diagonal of 143, so people kept a full spacing apart can never overlap on screen.
    points = _separated(points, spacing)
    return {pid: (float(x), float(y)) for pid, (x, y) in zip(ids, points, strict=True)}


def _spring(graph: _Graph, core: list[int], unit: Positions, children: list[int], seed: int) -> Positions:
    import networkx as nx

    network = nx.Graph()
    network.add_nodes_from(core)
    inside = set(core)
    network.add_edges_from((pid, other) for pid in core for other in graph.neighbours[pid] if other in inside)
    # A hidden hub at the centre, tied weakly to everybody, is gravity: without it, parts of the network that are
    # not tied to each other, and people with no tie at all, drift away to the edges of the picture.
    network.add_edges_from((_HUB, pid, {"weight": _GRAVITY}) for pid in core)
    start: dict[int | str, tuple[float, float]] = {pid: unit[pid] for pid in core}
    start[_HUB] = (0.5, 0.5)
    iterations = 100 if len(core) <= 150 else 50 if len(core) < _DENSE_LIMIT else 20
    laid = nx.spring_layout(
        network,
        pos=start,
        fixed=[_HUB, *(pid for pid in children if pid in inside)],
        k=1 / math.sqrt(len(core)),
        iterations=iterations,
        seed=seed,
        method="force",
    )
    return {pid: (float(laid[pid][0]), float(laid[pid][1])) for pid in core}


def _pruned(graph: _Graph, children: list[int]) -> tuple[list[int], dict[int, list[int]], list[int]]:
    """The people the spring layout needs, the people with a single tie (by who they hang from), and the loners.

    Large networks are mostly people with one tie (a teacher, a neighbour); leaving them out keeps spring_layout
    on its fast path, and where they go follows from the person they are tied to.
    """
    hanging: dict[int, list[int]] = {}
    alone: list[int] = []
    for pid, ties in graph.neighbours.items():
        if pid in children or len(ties) > 1:
            continue
        if not ties:
            alone.append(pid)
        elif len(graph.neighbours[anchor := next(iter(ties))]) > 1 or anchor in children:
            hanging.setdefault(anchor, []).append(pid)
    left_out = set(alone).union(*hanging.values())
    return [pid for pid in graph.people if pid not in left_out], hanging, alone


def _hang(graph: _Graph, laid: Positions, hanging: dict[int, list[int]], step: float) -> None:
    """People with a single tie fanned out just beyond the person they are tied to, away from that person's ties."""
    for anchor, people in hanging.items():
        ax, ay = laid[anchor]
        around = [laid[other] for other in graph.neighbours[anchor] if other in laid]
        cx = sum(x for x, _ in around) / len(around) if around else 0.5
        cy = sum(y for _, y in around) / len(around) if around else 0.5
        heading = math.atan2(ay - cy, ax - cx) if (ax, ay) != (cx, cy) else 0.0
        fan = min(math.pi / 4, _TAU / len(people))
        for n, pid in enumerate(people):
            turn = heading + (n - (len(people) - 1) / 2) * fan
            laid[pid] = (ax + step * math.cos(turn), ay + step * math.sin(turn))


def _surround(laid: Positions, alone: list[int], step: float) -> None:
    """People with no tie in a band around the picture, spread evenly like seeds in a sunflower."""
    inner = max((math.hypot(x - 0.5, y - 0.5) for x, y in laid.values()), default=0.0) + step
    for n, pid in enumerate(alone):
        radius = math.sqrt(inner**2 + (n + 0.5) * step**2 / math.pi * 1.5)
        turn = n * 2.399963  # the golden angle, so that no two fall in line
        laid[pid] = (0.5 + radius * math.cos(turn), 0.5 + radius * math.sin(turn))


_MATRIX_LIMIT = 1000
"""Up to this many people, distances come from a numpy matrix: importing scipy.spatial costs more than it saves."""


def _squared_distances(points: np.ndarray) -> np.ndarray:
    """Every pair's squared distance, from one matrix product rather than an n by n by 2 array of differences."""
    import numpy as np

    squares = (points**2).sum(axis=1)
    return np.asarray(np.maximum(squares[:, None] + squares[None, :] - 2 * points @ points.T, 0.0))


def _nearest(points: np.ndarray) -> np.ndarray:
    """Each point's distance to its nearest neighbour."""
    import numpy as np

    if len(points) > _MATRIX_LIMIT:
        from scipy.spatial import cKDTree

        return np.asarray(cKDTree(points).query(points, k=2)[0][:, 1])
    squares = _squared_distances(points)
    np.fill_diagonal(squares, np.inf)
    return np.asarray(np.sqrt(squares.min(axis=1)))


def _close_pairs(points: np.ndarray, closest: float) -> np.ndarray:
    """The pairs of indices of points nearer each other than ``closest``, as rows of an array."""
    import numpy as np

    if len(points) > _MATRIX_LIMIT:
        from scipy.spatial import cKDTree

        return np.asarray(cKDTree(points).query_pairs(closest, output_type="ndarray"))
    return np.argwhere(np.triu(_squared_distances(points) < closest**2, k=1))


def _to_spacing(points: np.ndarray, spacing: float) -> np.ndarray:
    """``points`` scaled about the origin so that the median distance to a nearest neighbour is ``spacing``."""
    import numpy as np

    typical = float(np.median(_nearest(points)))
    return points * (spacing / typical) if typical > 0 else points


def _separated(points: np.ndarray, closest: float) -> np.ndarray:
    """``points`` nudged apart until no two are nearer than ``closest``; as a last resort the picture grows."""
    import numpy as np

    points = points.copy()
    for _ in range(50):
        pairs = _close_pairs(points, closest)
        if not len(pairs):
            return points
        first, second = pairs[:, 0], pairs[:, 1]
        apart = points[second] - points[first]
        lengths = np.hypot(apart[:, 0], apart[:, 1])
        # People on top of each other have no direction to part in; give each pair its own, reproducibly.
        stacked = lengths < 1e-9
        turn = first[stacked] * 2.399963
        apart[stacked] = np.column_stack([np.cos(turn), np.sin(turn)])
        lengths[stacked] = 1.0
        push = (apart / lengths[:, None]) * ((closest * 1.05 - lengths * ~stacked) / 2)[:, None]
        moves = np.zeros_like(points)
        np.add.at(moves, first, -push)
        np.add.at(moves, second, push)
        points += moves
    nearest = float(_nearest(points).min())
    return points * (closest / nearest) if 0 < nearest < closest else points


# --- Family tree --------------------------------------------------------------------------------------------------

_Rows = list[list[list[int]]]
"""The family tree's rows, top first; each row a list of units, people who stand side by side."""


def _family_tree(graph: _Graph, spacing: float) -> Positions:
    """Generations in rows from the parent ties, partners and siblings side by side, everybody else in rows below."""
    rank = _walk_order(graph)
    by_rank = sorted(graph.people, key=rank.__getitem__)
    family = [pid for pid in by_rank if any(kind in _FAMILY_TIES for kind in graph.neighbours[pid].values())]
    rows = _rows(graph, _units(graph, family))
    x = _columns(graph, rows, spacing)
    if x:
        middle = (min(x.values()) + max(x.values())) / 2
        x = {pid: value - middle for pid, value in x.items()}
    positions = {
        pid: (x[pid], float(level * spacing)) for level, row in enumerate(rows) for unit in row for pid in unit
    }
    everyone_else = [pid for pid in by_rank if pid not in positions]
    first_row = len(rows) + 1 if rows else 0  # an empty row keeps friends and professionals apart from the family
    positions.update(_others(graph, everyone_else, x, first_row, spacing))
    return positions


def _row_links(graph: _Graph, family: list[int]) -> dict[int, dict[int, int]]:
    """Who must stand in the same row as whom, closest first: partners (0), a child's two parents (1), siblings (2).

    A child's parents are drawn as a couple, as on a genogram, even when they are no longer together.
    """
    links: dict[int, dict[int, int]] = {pid: {} for pid in family}
    for pid in family:
        for other, kind in graph.neighbours[pid].items():
            if kind in _SAME_ROW_TIES:
                links[pid][other] = 0 if kind is TieKind.PARTNER else 2
    for parents in graph.parents.values():
        for one in parents:
            for other in parents:
                if one != other:
                    links[one][other] = min(links[one].get(other, 1), 1)
    return links


def _units(graph: _Graph, family: list[int]) -> list[list[int]]:
    """Family members grouped by their row links: each group shares a row and stands side by side."""
    links = _row_links(graph, family)
    owner = {pid: pid for pid in family}

    def root(pid: int) -> int:
        while owner[pid] != pid:
            owner[pid] = owner[owner[pid]]
            pid = owner[pid]
        return pid

    for pid in family:
        for other in links[pid]:
            owner[root(other)] = root(pid)
    groups: dict[int, list[int]] = {}
    for pid in family:
        groups.setdefault(root(pid), []).append(pid)
    return [_side_by_side(links, group) for group in groups.values()]


def _side_by_side(links: dict[int, dict[int, int]], group: list[int]) -> list[int]:
    """A walk through the group from one end that takes the closest link first, so that partners stand together."""
    place = {pid: n for n, pid in enumerate(group)}

    def ties(pid: int) -> list[int]:
        return sorted(links[pid], key=lambda other: (links[pid][other], place[other]))

    order: dict[int, None] = {}
    stack = [min(group, key=lambda pid: (len(links[pid]), place[pid]))]
    while stack:
        pid = stack.pop()
        if pid not in order:
            order[pid] = None
            stack.extend(reversed([other for other in ties(pid) if other not in order]))
    return list(order)


def _rows(graph: _Graph, units: list[list[int]]) -> _Rows:
    """The units in rows, each parent's row above the child's; the children of the case share one row."""
    import networkx as nx

    unit_of = {pid: n for n, unit in enumerate(units) for pid in unit}
    above = nx.DiGraph()
    above.add_nodes_from(range(len(units)))
    for child in unit_of:
        for parent in graph.parents[child]:
            if parent in unit_of and unit_of[parent] != unit_of[child]:
                above.add_edge(unit_of[parent], unit_of[child])
    # Bad data can make somebody their own ancestor: such a loop collapses into one row instead of hanging.
    dag = nx.condensation(above)
    order = list(nx.topological_sort(dag))
    level: dict[int, int] = {}
    for node in order:
        level[node] = max((level[parent] + 1 for parent in dag.predecessors(node)), default=0)
    for node in reversed(order):
        if not dag.in_degree(node) and dag.out_degree(node):
            # Parents with no recorded parents of their own sit just above their highest child, not at the top.
            level[node] = min(level[child] for child in dag.successors(node)) - 1
    levels = {n: level[dag.graph["mapping"][n]] for n in range(len(units))}
    _place_loose_relatives(graph, units, unit_of, levels, {n for n in above if len(units[n]) > 1 or above.degree(n)})
    _align_families(graph, units, unit_of, levels)
    rows: _Rows = [[] for _ in range(max(levels.values(), default=-1) + 1)]
    for n, unit in enumerate(units):
        rows[levels[n]].append(unit)
    return rows


def _place_loose_relatives(
    graph: _Graph, units: list[list[int]], unit_of: dict[int, int], levels: dict[int, int], settled: set[int]
) -> None:
    """Relatives joined only by a general family tie take the row of the first settled relative they are tied to.

    Tied to a child of the case they go one row up: an aunt or a nan is far more often older than younger.
    """
    for n, unit in enumerate(units):
        if n in settled:
            continue
        for other, kind in graph.neighbours[unit[0]].items():
            if kind is TieKind.FAMILY and other in unit_of and unit_of[other] in settled:
                older = graph.role(other) is PersonRole.CHILD and graph.role(unit[0]) is not PersonRole.CHILD
                levels[n] = levels[unit_of[other]] - int(older)
                settled.add(n)
                break


def _align_families(graph: _Graph, units: list[list[int]], unit_of: dict[int, int], levels: dict[int, int]) -> None:
    """Shift each separate family so the case's children share a row, and the top row is row 0."""
    import networkx as nx

    linked = nx.Graph()
    linked.add_nodes_from(range(len(units)))
    for pid, n in unit_of.items():
        linked.add_edges_from(
            (n, unit_of[other]) for other, kind in graph.neighbours[pid].items() if kind in _FAMILY_TIES
        )
    families = sorted((sorted(family) for family in nx.connected_components(linked)), key=min)
    child_rows = [[levels[n] for n in family if _has_child(graph, units[n])] for family in families]
    top = min(
        (levels[n] - min(rows) for family, rows in zip(families, child_rows, strict=True) if rows for n in family),
        default=0,
    )
    for family, rows in zip(families, child_rows, strict=True):
        # A family without a child of the case starts in the top row.
        shift = -min(rows) if rows else top - min(levels[n] for n in family)
        for n in family:
            levels[n] += shift - top


def _has_child(graph: _Graph, unit: list[int]) -> bool:
    return any(graph.role(pid) is PersonRole.CHILD for pid in unit)


def _spread(wanted: list[float], gaps: list[float], weights: list[float]) -> list[float]:
    """Centres as near as possible (least squares) to ``wanted``, in order, each at least ``gaps`` after the last.

    Taking away the running total of the gaps turns this into isotonic regression: pool adjacent violators.
    """
    shifts = [0.0]
    for gap in gaps:
        shifts.append(shifts[-1] + gap)
    pools: list[tuple[float, float, int]] = []  # mean, weight, how many
    for value, weight in zip((w - s for w, s in zip(wanted, shifts, strict=True)), weights, strict=True):
        pools.append((value, weight, 1))
        while len(pools) > 1 and pools[-2][0] > pools[-1][0]:
            (v2, w2, n2), (v1, w1, n1) = pools.pop(), pools.pop()
            pools.append(((v1 * w1 + v2 * w2) / (w1 + w2), w1 + w2, n1 + n2))
    flat = [value for value, _, count in pools for _ in range(count)]
    return [value + shift for value, shift in zip(flat, shifts, strict=True)]


def _offsets(unit: list[int], spacing: float) -> list[float]:
    return [(n - (len(unit) - 1) / 2) * spacing for n in range(len(unit))]


def _place_row(row: list[list[int]], wanted: list[float], spacing: float, x: dict[int, float]) -> None:
    if not row:
        return
    gaps = [(len(a) + len(b)) / 2 * spacing for a, b in itertools.pairwise(row)]
    centres = _spread(wanted, gaps, [float(len(unit)) for unit in row])
    for unit, centre in zip(row, centres, strict=True):
        for pid, offset in zip(unit, _offsets(unit, spacing), strict=True):
            x[pid] = centre + offset


def _wanted_centre(unit: list[int], targets: dict[int, float], spacing: float) -> float | None:
    """Where the unit's centre would put its members nearest their targets; turns the unit round if that helps."""
    if not targets:
        return None

    def votes() -> list[float]:
        return [
            targets[pid] - offset for pid, offset in zip(unit, _offsets(unit, spacing), strict=True) if pid in targets
        ]

    def misfit(values: list[float]) -> float:
        mean = sum(values) / len(values)
        return sum((value - mean) ** 2 for value in values)

    ahead = votes()
    unit.reverse()
    behind = votes()
    if misfit(behind) >= misfit(ahead) - 1e-6:
        unit.reverse()
        behind = ahead
    return sum(behind) / len(behind)


def _sweep(rows: _Rows, related: Callable[[int], list[int]], spacing: float, x: dict[int, float]) -> None:
    """Each row in turn ordered and placed under (or over) the people it is related to in rows already placed."""
    for row in rows:
        wanted: list[float] = []
        for unit in row:
            targets = {}
            for pid in unit:
                placed = [x[other] for other in related(pid)]
                if placed:
                    targets[pid] = sum(placed) / len(placed)
            centre = _wanted_centre(unit, targets, spacing)
            wanted.append(sum(x[pid] for pid in unit) / len(unit) if centre is None else centre)
        order = sorted(range(len(row)), key=wanted.__getitem__)
        row[:] = [row[n] for n in order]
        _place_row(row, [wanted[n] for n in order], spacing, x)


def _columns(graph: _Graph, rows: _Rows, spacing: float) -> dict[int, float]:
    """Across positions for the family: a few sweeps down and up, ending with children centred under parents."""
    x: dict[int, float] = {}
    row_of = {pid: level for level, row in enumerate(rows) for unit in row for pid in unit}
    for row in rows:
        _place_row(row, [0.0] * len(row), spacing, x)
    children: dict[int, list[int]] = {pid: [] for pid in row_of}
    for child, parents in graph.parents.items():
        for parent in parents:
            if child in row_of and parent in row_of:
                children[parent].append(child)

    def relatives(pid: int, upwards: bool) -> list[int]:
        close = graph.parents[pid] if upwards else children[pid]
        if not close:
            # Somebody tied only by a general family tie goes by those relatives instead.
            close = [
                other for other, kind in graph.neighbours[pid].items() if kind is TieKind.FAMILY and other in row_of
            ]
            close = [other for other in close if (row_of[other] < row_of[pid]) == upwards]
        return [other for other in close if other in row_of and row_of[other] != row_of[pid]]

    for _ in range(2):
        _sweep(rows, lambda pid: relatives(pid, True), spacing, x)
        _sweep(rows[::-1], lambda pid: relatives(pid, False), spacing, x)
    _sweep(rows, lambda pid: relatives(pid, True), spacing, x)
    return x


def _others(graph: _Graph, others: list[int], x: dict[int, float], first_row: int, spacing: float) -> Positions:
    """Friends, community and professionals in rows of their own, each under the family they are tied to."""
    if not others:
        return {}
    keys: dict[int, float] = {}
    for pid in others:
        placed = [x[other] for other in graph.neighbours[pid] if other in x]
        if placed:
            keys[pid] = sum(placed) / len(placed)
    ordered = sorted((pid for pid in others if pid in keys), key=keys.__getitem__)
    ordered += [pid for pid in others if pid not in keys]
    family_columns = int((max(x.values()) - min(x.values())) / spacing) + 1 if x else 0
    per_row = max(8, math.ceil(math.sqrt(len(ordered))), family_columns)
    row_count = math.ceil(len(ordered) / per_row)
    counts = [len(ordered) // row_count + (1 if n < len(ordered) % row_count else 0) for n in range(row_count)]
    positions: Positions = {}
    for number, members in enumerate(_interleave(ordered, counts)):
        wanted: list[float] = []
        for pid in members:
            if pid in keys:
                wanted.append(keys[pid])
            else:
                wanted.append(wanted[-1] + spacing if wanted else -(len(members) - 1) / 2 * spacing)
        row = [[pid] for pid in members]
        where: dict[int, float] = {}
        _place_row(row, wanted, spacing, where)
        positions.update({pid: (where[pid], float((first_row + number) * spacing)) for pid in members})
    return positions

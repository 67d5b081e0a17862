"""Automatic layouts of the safety network: where each person sits on the canvas.

Pure functions, people and ties in, positions out: coordinates in scene units, y growing downwards as in Qt.
Three pictures practitioners draw: the child in the middle of circles (an ecomap), a force-directed picture that
shows clusters, and a family tree (genogram-like). Every layout keeps people at least ``0.8 * spacing`` apart,
since a person is drawn about 130 by 60 units.

The graph view all three share is in :mod:`sos_desktop.models.network_graph`, the family tree in
:mod:`sos_desktop.models.network_family_tree`; this module has the circles, the force-directed picture and
:func:`compute_layout`, which chooses between them.

networkx, numpy and scipy are imported inside the functions that need them: importing the domain stays fast, and
the Qt-free test job does not pay for them unless it lays a network out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING

from sos_desktop.models.enums import Circle, PersonRole
from sos_desktop.models.network import Network, NetworkPerson
from sos_desktop.models.network_family_tree import family_tree
from sos_desktop.models.network_graph import LayoutGraph, Positions, graph_of, interleave, walk_order

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

NODE_SPACING = 150.0
"""Scene units between neighbouring people at the default size."""

_TAU = 2 * math.pi


def compute_layout(network: Network, kind: LayoutKind, *, spacing: float = NODE_SPACING, seed: int = 7) -> Positions:
    """Where each person with an id goes in the ``kind`` of picture, about ``spacing`` apart.

    The same network and seed always give the same picture; another seed gives another force-directed picture (the
    circles and the family tree do not depend on it).
    """
    if spacing <= 0:
        raise ValueError("The spacing between people must be more than 0.")
    graph = graph_of(network)
    if not graph.people:
        return {}
    kind = LayoutKind(kind)
    if kind is LayoutKind.CIRCLES:
        return _circles(graph, spacing)
    if kind is LayoutKind.FORCE:
        return _force(graph, spacing, seed)
    return family_tree(graph, spacing)


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


def _wanted_angle(pid: int, graph: LayoutGraph, positions: Positions, angles: dict[int, float]) -> float:
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
    graph: LayoutGraph,
    positions: Positions,
    angles: dict[int, float],
) -> None:
    """One barycentre pass: order the band by where its ties pull, then deal it evenly round its rings."""
    wanted = {pid: _wanted_angle(pid, graph, positions, angles) for pid in band}
    ordered = sorted(band, key=lambda pid: wanted[pid] % _TAU)
    for (radius, _), members in zip(rings, interleave(ordered, [count for _, count in rings]), strict=True):
        steps = [_TAU * n / len(members) for n in range(len(members))]
        turn = _circular_mean(wanted[pid] - step for pid, step in zip(members, steps, strict=True))
        for pid, step in zip(members, steps, strict=True):
            angles[pid] = turn + step
            positions[pid] = (radius * math.cos(turn + step), radius * math.sin(turn + step))


def _circles(graph: LayoutGraph, spacing: float) -> Positions:
    rank = walk_order(graph)
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


def _force(graph: LayoutGraph, spacing: float, seed: int) -> Positions:
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


def _spring(graph: LayoutGraph, core: list[int], unit: Positions, children: list[int], seed: int) -> Positions:
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


def _pruned(graph: LayoutGraph, children: list[int]) -> tuple[list[int], dict[int, list[int]], list[int]]:
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


def _hang(graph: LayoutGraph, laid: Positions, hanging: dict[int, list[int]], step: float) -> None:
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


def standing_positions(network: Network) -> dict[int, tuple[float, float]]:
    """Where each person of ``network`` stands, for every picture of it (the projector's and the minutes'): where
    the console's graph put them; anyone never placed, as the circles lay them out, shifted so that they stand
    among the people already placed. A point that is not finite is left out.
    """
    ids = [person.id for person in network.people if person.id is not None]
    placed = {
        person.id: (person.x, person.y)
        for person in network.people
        if person.id is not None and person.x is not None and person.y is not None
    }
    if len(placed) == len(ids):
        return {person_id: point for person_id, point in placed.items() if all(map(math.isfinite, point))}
    laid = compute_layout(network, LayoutKind.CIRCLES)
    both = [person_id for person_id in placed if person_id in laid]
    shift_x = sum(placed[i][0] - laid[i][0] for i in both) / len(both) if both else 0.0
    shift_y = sum(placed[i][1] - laid[i][1] for i in both) / len(both) if both else 0.0
    where = dict(placed)
    for person_id, (x, y) in laid.items():
        where.setdefault(person_id, (x + shift_x, y + shift_y))
    return {person_id: point for person_id, point in where.items() if all(map(math.isfinite, point))}

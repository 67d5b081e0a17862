"""Where each tie of the safety network is drawn: straight from one person to the other, or, where that line would
pass through somebody else, round them.

Pure arithmetic, shared by every picture of the network (the console's graph, the projector, the printed minutes),
each calling it in its own coordinates with the room its own people take up, so that all three route a tie the same
way. A person is a ``Zone``: a circle round their marker and the top of their name that no tie of anybody else may
enter. A tie that would cross a zone goes the shortest way round the zones in its path: a polyline through points
set just outside them, found on a small visibility graph of those points. Lines are tested all at once with numpy
(imported when first needed), so a network of hundreds of people is routed in milliseconds; only the few ties that
are blocked are routed one by one.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

Point = tuple[float, float]
Route = list[Point]
"""A tie's drawn path: its source's centre, any bends, its target's centre."""

_SIDES = 8
"""Bend points set round a zone: an octagon whose sides stay outside the circle."""
_ROUNDS = 6
"""Rounds of setting bend points round the people in the way before a tie is left straight."""
ROUTED_UP_TO = 120
"""The largest network whose ties are routed round people: routing 60 people takes some 20 ms, 120 about 60 ms,
500 a second or more. Bigger networks are drawn with straight ties (the console then shows them so small that names
are left out, and a room cannot read a tie between 500 people anyway)."""
_CHUNK = 256
"""Ties tested against everybody at once, in blocks this big: a few megabytes of arrays at most."""


@dataclass(frozen=True)
class Zone:
    """The room a person takes up in a picture: no tie but their own may come within ``radius`` of ``centre``."""

    centre: Point
    radius: float


MARKER = 46.0
"""A person's marker across, in layout units (the console's scene units, people about 150 apart)."""
CHILD_MARKER = 62.0
"""A child's marker across, in layout units: larger, the picture is about them."""
NAME_BELOW = 12.0
"""From the bottom of a marker to the middle of the first line of the name under it, in layout units."""
CLEARANCE = 8.0
"""Room kept between a tie and the people it passes, in layout units: a line's width and a little air."""


def layout_zone(centre: Point, child: bool, clearance: float = CLEARANCE) -> Zone:
    """The zone of a person at ``centre`` in layout units, drawn as the console draws them."""
    marker = CHILD_MARKER if child else MARKER
    return zone_of(centre, marker, marker / 2 + NAME_BELOW, clearance)


def zone_of(centre: Point, marker: float, name_middle: float, clearance: float) -> Zone:
    """The zone of a person drawn at ``centre`` with a marker ``marker`` across and the middle of their name's first
    line ``name_middle`` below the centre (negative where y runs upwards, as on a PDF page), ``clearance`` kept
    free on every side: one circle from the marker's top (its corners included) down to the middle of the name.
    """
    top = 0.62 * marker  # a rounded square's corner, the farthest any marker reaches from its centre
    bottom = max(abs(name_middle), top)
    direction = 1.0 if name_middle >= 0 else -1.0
    shift = (bottom - top) / 2 * direction
    return Zone((centre[0], centre[1] + shift), (bottom + top) / 2 + clearance)


def route_ties(starts: Sequence[Point], zones: Sequence[Zone], ends: Sequence[tuple[int, int]]) -> list[Route]:
    """Each tie's path, as ``ends`` (pairs of indices into ``starts`` and ``zones``) lists them.

    ``starts[n]`` is where person n's ties begin (their marker's centre), ``zones[n]`` the room nobody else's tie
    may enter. A tie clear of everybody is straight; one that is not goes round. Should no way round be found
    (people drawn on top of each other, or a tie's own end inside somebody else's zone) the tie stays straight, and
    so does every tie of a network of more than ``ROUTED_UP_TO`` people.
    """
    if not ends:
        return []
    if len(starts) > ROUTED_UP_TO:
        return [
            [(float(starts[a][0]), float(starts[a][1])), (float(starts[b][0]), float(starts[b][1]))] for a, b in ends
        ]
    import numpy as np

    points = np.asarray(starts, dtype=float).reshape(-1, 2)
    centres = np.array([zone.centre for zone in zones], dtype=float).reshape(-1, 2)
    radii = np.array([zone.radius for zone in zones], dtype=float)
    pairs = np.asarray(ends, dtype=int).reshape(-1, 2)
    routes: list[Route] = [[_point(points[a]), _point(points[b])] for a, b in pairs]
    for first in range(0, len(pairs), _CHUNK):
        block = pairs[first : first + _CHUNK]
        near = _distances(points[block[:, 0]], points[block[:, 1]], centres) < radii[None, :]
        rows = np.arange(len(block))
        near[rows, block[:, 0]] = False  # a tie may leave and reach its own people's zones
        near[rows, block[:, 1]] = False
        for row in np.flatnonzero(near.any(axis=1)):
            a, b = (int(n) for n in block[row])
            found = _detour(points, centres, radii, a, b)
            if found is not None:
                routes[first + int(row)] = found
    return routes


def _plain(point: Point) -> Point:
    return (float(point[0]), float(point[1]))


def _point(row: np.ndarray) -> Point:
    return (float(row[0]), float(row[1]))


def _distances(starts: np.ndarray, stops: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """Each segment's (rows) shortest distance to each centre (columns)."""
    import numpy as np

    along = stops - starts
    length = (along**2).sum(axis=1)
    length = np.where(length > 0, length, 1.0)
    offset = centres[None, :, :] - starts[:, None, :]
    share = np.clip((offset * along[:, None, :]).sum(axis=2) / length[:, None], 0.0, 1.0)
    nearest = starts[:, None, :] + share[:, :, None] * along[:, None, :]
    return np.asarray(np.hypot(*(centres[None, :, :] - nearest).transpose(2, 0, 1)))


def _detour(points: np.ndarray, centres: np.ndarray, radii: np.ndarray, a: int, b: int) -> Route | None:
    """The shortest way from person ``a`` to person ``b`` round everybody else's zone, or None.

    Bend points are set round the people in the way, then round those in the way of that way round, and so on:
    a handful of rounds at most, each an A* search over a few dozen points.
    """
    import numpy as np

    start, stop = points[a], points[b]
    others = np.ones(len(centres), dtype=bool)
    others[[a, b]] = False
    ahead = np.flatnonzero(others & (_distances(start[None, :], stop[None, :], centres)[0] < radii))
    active = {int(n) for n in ahead}
    turns = np.arange(_SIDES) * (2 * math.pi / _SIDES)
    ring = np.column_stack([np.cos(turns), np.sin(turns)])
    for _ in range(_ROUNDS):
        chosen = np.array(sorted(active), dtype=int)
        # An octagon's sides keep out of the circle when its corners are this much farther out than the radius.
        outward = (radii[chosen] * 1.02 / math.cos(math.pi / _SIDES))[:, None, None]
        bends = (centres[chosen][:, None, :] + outward * ring[None, :, :]).reshape(-1, 2)
        nodes = np.vstack([start, stop, bends])
        low, high = nodes.min(axis=0), nodes.max(axis=0)
        nearby = np.flatnonzero(
            others & np.all(centres + radii[:, None] > low, axis=1) & np.all(centres - radii[:, None] < high, axis=1)
        )
        inside = (np.hypot(*(bends[:, None, :] - centres[nearby][None, :, :]).transpose(2, 0, 1)) < radii[nearby]).any(
            1
        )
        nodes = np.vstack([start, stop, bends[~inside]])
        found, blockers = _search(nodes, centres[nearby], radii[nearby])
        if found is not None:
            return found
        fresh = {int(nearby[n]) for n in blockers} - active
        if not fresh:
            return None
        active |= fresh
    return None


def _search(nodes: np.ndarray, centres: np.ndarray, radii: np.ndarray) -> tuple[Route | None, set[int]]:
    """A* from ``nodes[0]`` to ``nodes[1]`` through the others, along segments clear of every circle; with the
    circles that blocked a segment looked at, for the next round to go round them too.
    """
    import numpy as np

    count = len(nodes)
    goal = nodes[1]
    best = np.full(count, np.inf)
    best[0] = 0.0
    came = np.full(count, -1)
    done = np.zeros(count, dtype=bool)
    blockers: set[int] = set()
    queue = [(float(np.hypot(*(goal - nodes[0]))), 0)]
    while queue:
        _, node = heapq.heappop(queue)
        if done[node]:
            continue
        if node == 1:
            path = [1]
            while path[-1] != 0:
                path.append(int(came[path[-1]]))
            return [_point(nodes[n]) for n in reversed(path)], blockers
        done[node] = True
        targets = np.flatnonzero(~done)
        starts = np.repeat(nodes[node][None, :], len(targets), axis=0)
        if len(centres):
            hits = _distances(starts, nodes[targets], centres) < radii[None, :]
            blocked = hits.any(axis=1)
            blockers.update(int(n) for n in np.flatnonzero(hits.any(axis=0)))
        else:
            blocked = np.zeros(len(targets), dtype=bool)
        targets = targets[~blocked]
        lengths = best[node] + np.hypot(*(nodes[targets] - nodes[node]).T)
        better = lengths < best[targets]
        for other, length in zip(targets[better].tolist(), lengths[better].tolist(), strict=True):
            best[other] = length
            came[other] = node
            heapq.heappush(queue, (length + float(np.hypot(*(goal - nodes[other]))), other))
    return None, blockers

"""Where each tie of the safety network is drawn: straight from one person to the other, or, where that line would
pass through somebody else's marker or name, round them.

Pure arithmetic, shared by every picture of the network (the console's graph, the projector, the printed minutes),
each calling it in its own coordinates with the room its own people take up, so that all three route a tie the same
way. A person is a ``Zone``: the square their marker fits in and the rectangle of their name as it is drawn (its
whole width and height), which no tie of anybody else may enter. A tie keeps out of its own two people's names as
well, leaving and reaching their markers from the side, where that way is not much longer (``OWN_NAME_DETOUR``);
else (somebody standing right beside the name, or a long name with the other person straight below) it runs under
its own person's name plate, which reads as their tie, rather than wander round the picture.

A tie that would cross a zone goes the shortest way round the zones in its path: a polyline through points set just
outside the corners of the rectangles in its way, found on a small visibility graph of those points. Lines are
tested all at once with numpy (imported when first needed), so a network of a hundred people is routed in
milliseconds; only the ties that are blocked are routed one by one, most of them by a quick way past their own
people's names.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

Point = tuple[float, float]
Route = list[Point]
"""A tie's drawn path: its source's centre, any bends, its target's centre."""
Box = tuple[float, float, float, float]
"""A rectangle in a picture's units: its left, lower, right and upper edge ("lower": the smaller y, whichever way y
runs in the picture)."""

LIVE_ROUNDS = 6
"""Rounds of setting bend points round the people in the way before a tie is left straight, on the console's graph,
which routes again as people are dragged and arranged (the Network page's 100 ms arrange target)."""
THOROUGH_ROUNDS = 8
"""The rounds of a picture drawn once (the wall, the minutes): six left one tie of a dense 60-person family tree on
the wall straight through somebody."""
ROUTED_UP_TO = 120
"""The largest network whose ties are routed round people: routing 60 people takes some 20 ms, 120 about 60 ms,
500 a second or more. Bigger networks are drawn with straight ties (the console then shows them so small that names
are left out, and a room cannot read a tie between 500 people anyway)."""
_CHUNK = 256
"""Ties tested against everybody at once, in blocks this big: a few megabytes of arrays at most."""
OWN_NAME_DETOUR = 1.25
"""A tie goes round its own people's names only where that way is at most this much longer than the way through
them: a line dipping under its own person's name plate reads better than one wandering round half the picture."""
MARKER_REACH = 0.55
"""How far a marker reaches from its centre across or up and down, as a share of its size: a diamond's tips, the
farthest any marker shape goes (a rounded square's corners stay inside the square this makes)."""


@dataclass(frozen=True)
class Zone:
    """The room a person takes up in a picture: their marker, reaching ``reach`` from ``centre`` across and up and
    down, and their name as drawn (``name``, None if none is shown). No tie but their own may come within
    ``clearance`` of either.
    """

    centre: Point
    reach: float
    name: Box | None
    clearance: float


MARKER = 46.0
"""A person's marker across, in layout units (the console's scene units, people about 150 apart)."""
CHILD_MARKER = 62.0
"""A child's marker across, in layout units: larger, the picture is about them."""
CLEARANCE = 8.0
"""Room kept between a tie and the people it passes, in layout units: a line's width and a little air."""


def zone_of(centre: Point, marker: float, name: Box | None, clearance: float) -> Zone:
    """The zone of a person drawn at ``centre`` with a marker ``marker`` across and their name drawn in ``name``
    (any two opposite corners, x then y of each, in the picture's units; None for no name), ``clearance`` kept free
    on every side.
    """
    if name is not None:
        left, right = sorted((float(name[0]), float(name[2])))
        low, high = sorted((float(name[1]), float(name[3])))
        name = (left, low, right, high)
    return Zone((float(centre[0]), float(centre[1])), MARKER_REACH * marker, name, clearance)


@dataclass(frozen=True)
class _Obstacles:
    """Every zone as rectangles widened by its clearance: each person's marker (row n for person n), then the names
    (``named``: whose name each is).
    """

    lows: np.ndarray
    highs: np.ndarray
    named: np.ndarray

    @staticmethod
    def of(zones: Sequence[Zone]) -> _Obstacles:
        import numpy as np

        named = [n for n, zone in enumerate(zones) if zone.name is not None]
        markers = np.array(
            [
                (x - zone.reach, y - zone.reach, x + zone.reach, y + zone.reach)
                for zone in zones
                for x, y in [zone.centre]
            ],
            dtype=float,
        ).reshape(-1, 4)
        boxes = np.vstack([markers, np.array([zones[n].name for n in named], dtype=float).reshape(-1, 4)])
        room = np.array([zone.clearance for zone in zones] + [zones[n].clearance for n in named], dtype=float)[:, None]
        return _Obstacles(boxes[:, :2] - room, boxes[:, 2:] + room, np.array(named, dtype=int))

    @property
    def people(self) -> int:
        return len(self.lows) - len(self.named)

    def owners(self) -> np.ndarray:
        """Whose marker or name each rectangle is."""
        import numpy as np

        return np.concatenate([np.arange(self.people), self.named])


def route_ties(
    starts: Sequence[Point], zones: Sequence[Zone], ends: Sequence[tuple[int, int]], rounds: int = LIVE_ROUNDS
) -> list[Route]:
    """Each tie's path, as ``ends`` (pairs of indices into ``starts`` and ``zones``) lists them.

    ``starts[n]`` is where person n's ties begin (their marker's centre), ``zones[n]`` the room nobody else's tie
    may enter. A tie clear of everybody (its own people's names included) is straight; one that is not goes round.
    Somebody drawn over one of the tie's own people is passed through (there is no way out that keeps clear of
    them), everybody else still gone round. Should no way round be found the tie stays straight, and so does every
    tie of a network of more than ``ROUTED_UP_TO`` people. ``rounds``: how hard to look (see ``THOROUGH_ROUNDS``).
    """
    if not ends:
        return []
    if len(starts) > ROUTED_UP_TO:
        return [[_plain(starts[a]), _plain(starts[b])] for a, b in ends]
    import numpy as np

    points = np.asarray(starts, dtype=float).reshape(-1, 2)
    obstacles = _Obstacles.of(zones)
    owners = obstacles.owners()
    is_name = np.arange(len(owners)) >= obstacles.people
    pairs = np.asarray(ends, dtype=int).reshape(-1, 2)
    routes: list[Route] = [[_point(points[a]), _point(points[b])] for a, b in pairs]
    for first in range(0, len(pairs), _CHUNK):
        block = pairs[first : first + _CHUNK]
        hits = _box_hits(points[block[:, 0]], points[block[:, 1]], obstacles.lows, obstacles.highs)
        own = (owners[None, :] == block[:, :1]) | (owners[None, :] == block[:, 1:])
        others = (hits & ~own).any(axis=1)
        # A tie may leave and reach its own people's markers, and goes through their names only if it must.
        for row in np.flatnonzero(others | (hits & own & is_name[None, :]).any(axis=1)):
            a, b = (int(n) for n in block[row])
            route: Route | None = routes[first + int(row)]
            if others[row]:
                route = _detour(points, obstacles, a, b, own_names=False, rounds=rounds)
            if route is None:
                continue  # no way round the others: straight
            if _through_own_names(route, obstacles, a, b):
                limit = OWN_NAME_DETOUR * _length(route)
                beside = _round_own_names(route, obstacles, a, b, limit)
                if beside is None:
                    beside = _detour(points, obstacles, a, b, own_names=True, limit=limit, rounds=rounds)
                route = beside or route
            routes[first + int(row)] = route
    return routes


def _length(route: Route) -> float:
    return sum(math.dist(p, q) for p, q in itertools.pairwise(route))


def _allowed(obstacles: _Obstacles, a: int, b: int, own_names: bool) -> np.ndarray:
    """The rectangles a tie from ``a`` to ``b`` keeps out of: everybody else's, and its own people's names if
    ``own_names``.
    """
    import numpy as np

    owners = obstacles.owners()
    theirs = (owners == a) | (owners == b)
    if own_names:
        theirs &= np.arange(len(owners)) < obstacles.people
    return np.flatnonzero(~theirs)


def _through_own_names(route: Route, obstacles: _Obstacles, a: int, b: int) -> bool:
    """Whether the path crosses the name of either of the two people it joins."""
    import numpy as np

    own = obstacles.people + np.flatnonzero((obstacles.named == a) | (obstacles.named == b))
    if not len(own):
        return False
    path = np.asarray(route, dtype=float)
    return bool(_box_hits(path[:-1], path[1:], obstacles.lows[own], obstacles.highs[own]).any())


def _round_own_names(route: Route, obstacles: _Obstacles, a: int, b: int, limit: float) -> Route | None:
    """The path with its first and last stretches taken round the corners of the names they cross, of the person
    at that end: the shortest such way, no longer than ``limit``, clear of everybody and of both names; else None.

    Quick (one batch of arithmetic), and enough for the usual case of a tie leaving downwards through its own
    person's name; a way round more than that is left to the search.
    """
    import numpy as np

    heads = _ways_past(route[0], route[1], obstacles, a)
    tails = _ways_past(route[-1], route[-2], obstacles, b)
    middle = route[1:-1]
    paths = [[route[0], *head, *middle, *reversed(tail), route[-1]] for head in heads for tail in tails]
    points = [np.asarray(path, dtype=float) for path in paths]
    starts = np.vstack([path[:-1] for path in points])
    stops = np.vstack([path[1:] for path in points])
    owner = np.repeat(np.arange(len(paths)), [len(path) - 1 for path in paths])
    low, high = np.minimum(starts, stops).min(axis=0), np.maximum(starts, stops).max(axis=0)
    boxes = _allowed(obstacles, a, b, own_names=True)
    boxes = boxes[np.all(obstacles.highs[boxes] > low, axis=1) & np.all(obstacles.lows[boxes] < high, axis=1)]
    hits = _box_hits(starts, stops, obstacles.lows[boxes], obstacles.highs[boxes])
    count = len(paths)
    blocked = np.bincount(owner, hits.any(axis=1), minlength=count) > 0
    lengths = np.bincount(owner, np.hypot(*(stops - starts).T), minlength=count)
    lengths[blocked] = np.inf
    best = int(np.argmin(lengths))
    return paths[best] if lengths[best] <= limit else None


def _ways_past(end: Point, towards: Point, obstacles: _Obstacles, person: int) -> list[list[Point]]:
    """The bends that take a stretch from ``end`` (``person``'s centre) round ``person``'s name if it crosses it: by
    either of the name's two corners nearest ``end``, alone or followed by the corner along the side from it.
    """
    import numpy as np

    own = obstacles.people + np.flatnonzero(obstacles.named == person)
    segment = (np.array([end], dtype=float), np.array([towards], dtype=float))
    if not len(own) or not _box_hits(*segment, obstacles.lows[own], obstacles.highs[own]).any():
        return [[]]
    low, high = obstacles.lows[own[0]], obstacles.highs[own[0]]
    air = 0.01 * float((high - low).sum())
    (x0, y0), (x1, y1) = (float(v) for v in low - air), (float(v) for v in high + air)
    near_y, far_y = (y0, y1) if abs(end[1] - y0) <= abs(end[1] - y1) else (y1, y0)
    return [[(x, near_y)] for x in (x0, x1)] + [[(x, near_y), (x, far_y)] for x in (x0, x1)]


def _plain(point: Point) -> Point:
    return (float(point[0]), float(point[1]))


def _point(row: np.ndarray) -> Point:
    return (float(row[0]), float(row[1]))


def _box_hits(starts: np.ndarray, stops: np.ndarray, lows: np.ndarray, highs: np.ndarray) -> np.ndarray:
    """Whether each segment (rows) passes through the inside of each rectangle (columns): the stretch of the segment
    between each pair of the rectangle's parallel edges, overlapping for both pairs.
    """
    import numpy as np

    if not len(lows):
        return np.zeros((len(starts), 0), dtype=bool)
    along = stops - starts
    along = np.where(along == 0.0, 1e-12, along)  # parallel to a pair of edges: all of it between them, or none
    step = 1.0 / along[:, None, :]
    first = (lows[None, :, :] - starts[:, None, :]) * step
    second = (highs[None, :, :] - starts[:, None, :]) * step
    enter = np.maximum(np.minimum(first, second).max(axis=2), 0.0)
    leave = np.minimum(np.maximum(first, second).min(axis=2), 1.0)
    return np.asarray(enter < leave)


def _inside(points: np.ndarray, obstacles: _Obstacles, boxes: np.ndarray) -> np.ndarray:
    """Whether each point is inside any of the chosen rectangles (indices into ``obstacles``)."""
    import numpy as np

    lows, highs = obstacles.lows[boxes], obstacles.highs[boxes]
    inside = ((points[:, None, :] > lows[None, :, :]) & (points[:, None, :] < highs[None, :, :])).all(axis=2)
    return np.asarray(inside.any(axis=1))


def _corners(obstacles: _Obstacles, boxes: np.ndarray) -> np.ndarray:
    """Bend points just outside the four corners of each chosen rectangle (not on its edges)."""
    import numpy as np

    lows, highs = obstacles.lows[boxes], obstacles.highs[boxes]
    air = 0.01 * (highs - lows).sum(axis=1)[:, None, None]
    corners = np.array([[0, 0], [1, 0], [0, 1], [1, 1]], dtype=float)
    low, size = lows[:, None, :] - air, (highs - lows)[:, None, :] + 2 * air
    return np.asarray((low + corners[None, :, :] * size).reshape(-1, 2))


def _detour(
    points: np.ndarray,
    obstacles: _Obstacles,
    a: int,
    b: int,
    own_names: bool,
    limit: float = math.inf,
    rounds: int = LIVE_ROUNDS,
) -> Route | None:
    """The shortest way from person ``a`` to person ``b`` round everybody else's zone (and round ``a``'s and ``b``'s
    own names if ``own_names``), or None if there is none no longer than ``limit``.

    Bend points are set round the markers and names in the way, then round those in the way of that way round, and
    so on: a handful of rounds at most, each an A* search over a few dozen points.
    """
    import numpy as np

    start, stop = points[a], points[b]
    allowed = _allowed(obstacles, a, b, own_names)
    # Somebody drawn over one of the tie's own people cannot be kept clear of: the way goes round everybody else.
    ends = np.vstack([start, stop])
    lows, highs = obstacles.lows[allowed], obstacles.highs[allowed]
    covering = ((ends[:, None, :] > lows[None, :, :]) & (ends[:, None, :] < highs[None, :, :])).all(axis=2).any(axis=0)
    allowed = allowed[~covering]
    ahead = allowed[_box_hits(start[None, :], stop[None, :], obstacles.lows[allowed], obstacles.highs[allowed])[0]]
    active = {int(n) for n in ahead}
    for _ in range(rounds):
        bends = _corners(obstacles, np.array(sorted(active), dtype=int))
        nodes = np.vstack([start, stop, bends])
        low, high = nodes.min(axis=0), nodes.max(axis=0)
        near = allowed[np.all(obstacles.highs[allowed] > low, axis=1) & np.all(obstacles.lows[allowed] < high, axis=1)]
        nodes = np.vstack([start, stop, bends[~_inside(bends, obstacles, near)]])
        found, blockers = _search(nodes, obstacles.lows[near], obstacles.highs[near], limit)
        if found is not None:
            return found
        fresh = {int(near[n]) for n in blockers} - active
        if not fresh:
            return None
        active |= fresh
    return None


_WHOLE_GRAPH_UP_TO = 48
"""Bend points up to which a search tests every pair of points at once (one batch of arithmetic, quick); past it,
only the points it comes to, one at a time (fewer pairs, in a search that might look at many)."""


def _search(nodes: np.ndarray, lows: np.ndarray, highs: np.ndarray, limit: float) -> tuple[Route | None, set[int]]:
    """A* from ``nodes[0]`` to ``nodes[1]`` through the others, along segments crossing none of the rectangles, no
    longer than ``limit``; with the rectangles that blocked a segment looked at, for the next round to go round them
    too.
    """
    import numpy as np

    count = len(nodes)
    whole: np.ndarray | None = None
    if count <= _WHOLE_GRAPH_UP_TO:
        first, second = np.triu_indices(count, 1)
        pair_hits = _box_hits(nodes[first], nodes[second], lows, highs)
        clear = np.zeros((count, count), dtype=bool)
        clear[first, second] = ~pair_hits.any(axis=1)
        whole = clear | clear.T
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
        if whole is not None:
            targets = targets[whole[node, targets]]
        else:
            hits = _box_hits(np.repeat(nodes[node][None, :], len(targets), axis=0), nodes[targets], lows, highs)
            blockers.update(int(n) for n in np.flatnonzero(hits.any(axis=0)))
            targets = targets[~hits.any(axis=1)]
        lengths = best[node] + np.hypot(*(nodes[targets] - nodes[node]).T)
        better = lengths < best[targets]
        for other, length in zip(targets[better].tolist(), lengths[better].tolist(), strict=True):
            estimate = length + float(np.hypot(*(goal - nodes[other])))
            if estimate <= limit:
                best[other] = length
                came[other] = node
                heapq.heappush(queue, (estimate, other))
    if whole is not None:
        looked = done[first] | done[second]  # the segments from every point the search came to
        blockers.update(int(n) for n in np.flatnonzero(pair_hits[looked].any(axis=0)))
    return None, blockers

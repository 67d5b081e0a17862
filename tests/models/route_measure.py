"""Plain geometry for the tests of tie routing, independent of the routing's own arithmetic: does a drawn tie cross
the rectangle a person's marker is drawn in, or the rectangle of their name?

Shared by the model's tests and the console's, the wall's and the minutes' tests (each measures its own drawing),
with the families they measure.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Sequence

from family_network import family, generated_family

from sos_desktop.models import Network
from sos_desktop.models.demo import demo_bundle

Point = tuple[float, float]
Box = tuple[float, float, float, float]
"""left, lower, right, upper."""


def families(sizes: Sequence[int] = (5, 8, 12, 20, 30, 45, 60), seeds: int = 2) -> dict[str, Callable[[], Network]]:
    """The demo family, Mia's family and made-up families of ``sizes`` people (``seeds`` of each), each made fresh
    when called.
    """
    found: dict[str, Callable[[], Network]] = {"demo": lambda: demo_bundle().network, "Mia's family": family}
    for size in sizes:
        for seed in range(seeds):
            found[f"made up, {size} people, seed {seed}"] = functools.partial(generated_family, size, seed)
    return found


def crosses_box(start: Point, stop: Point, box: Box) -> bool:
    """Whether the segment passes through the inside of the rectangle: some point of it, sampled finely, is inside."""
    left, low, right, high = box
    steps = max(2, int(math.dist(start, stop) / (0.25 * max(1e-9, min(right - left, high - low)))))
    for n in range(steps + 1):
        share = n / steps
        x, y = start[0] + share * (stop[0] - start[0]), start[1] + share * (stop[1] - start[1])
        if left < x < right and low < y < high:
            return True
    return False


def through(route: Sequence[Point], marker: Box | None, name: Box | None) -> bool:
    """Whether the path crosses the rectangle the marker is drawn in or the name's."""
    for start, stop in itertools.pairwise(route):
        if marker is not None and crosses_box(start, stop, marker):
            return True
        if name is not None and crosses_box(start, stop, name):
            return True
    return False


def through_others(
    routes: Sequence[Sequence[Point]],
    ends: Sequence[tuple[int, int]],
    people: Sequence[tuple[Box, Box | None]],
) -> list[tuple[int, int]]:
    """(tie, third person) pairs where the tie's path crosses the person's marker or their name; ``people`` are
    (the rectangle the marker is drawn in, the name's rectangle), ``ends`` index them.
    """
    return [
        (tie, n)
        for tie, (route, pair) in enumerate(zip(routes, ends, strict=True))
        for n, (marker, name) in enumerate(people)
        if n not in pair and through(route, marker, name)
    ]


def box_of(left: float, top: float, right: float, bottom: float) -> Box:
    """A rectangle from any two opposite corners."""
    return (min(left, right), min(top, bottom), max(left, right), max(top, bottom))


def ends_of(routes: Sequence[Sequence[Point]], centres: Sequence[Point]) -> list[tuple[int, int]]:
    """Which two people (indices into ``centres``, their markers' middles) each drawn path runs between."""

    def nearest(point: Point) -> int:
        return min(range(len(centres)), key=lambda n: math.dist(centres[n], point))

    return [(nearest(route[0]), nearest(route[-1])) for route in routes]

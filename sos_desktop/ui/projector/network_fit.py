"""Fitting the network to the projector: positions scaled into a rectangle with every person's box whole inside it,
and, where the room is too small, people nudged apart until no two boxes crowd each other.

Plain arithmetic on (x, y) pairs (numpy for the pairs of a large network, imported when first needed so that it
stays off the start-up path), needing nothing of Qt but the rectangle.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

if TYPE_CHECKING:
    import numpy as np

Point = tuple[float, float]

STRETCH = 1.7
"""How much more one axis may be stretched than the other: a wide screen is used, the picture not distorted much."""
ROWS_STRETCH = 2.5
"""The same for a family tree, whose rows may spread across a wide wall: who stands above whom is all it tells."""


@dataclass(frozen=True)
class Box:
    """How far a person's drawing (marker, tick and name) reaches from their centre, each way."""

    left: float
    right: float
    top: float
    bottom: float


def fit(
    points: Sequence[Point], boxes: Sequence[Box], area: QRectF, limit: float, stretch: float = STRETCH
) -> list[Point]:
    """``points`` scaled and moved so that each box, centred on its point, lies inside ``area``, centred in it.

    Neither axis is scaled more than ``limit`` pixels per unit, nor more than ``stretch`` times the other.
    """
    if not points:
        return []
    left = area.left() + max(box.left for box in boxes)
    right = area.right() - max(box.right for box in boxes)
    top = area.top() + max(box.top for box in boxes)
    bottom = area.bottom() - max(box.bottom for box in boxes)
    xs, ys = [x for x, _ in points], [y for _, y in points]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    scale_x = max(0.0, right - left) / span_x if span_x > 1e-9 else math.inf
    scale_y = max(0.0, bottom - top) / span_y if span_y > 1e-9 else math.inf
    least = min(scale_x, scale_y, limit)
    scale_x, scale_y = min(scale_x, least * stretch, limit), min(scale_y, least * stretch, limit)
    middle_x, middle_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    centre_x, centre_y = (left + right) / 2, (top + bottom) / 2
    return [(centre_x + (x - middle_x) * scale_x, centre_y + (y - middle_y) * scale_y) for x, y in points]


def closer_rows(points: Sequence[Point], widest: float) -> list[Point]:
    """``points`` with every gap between one row (people at the same height) and the next cut to at most ``widest``:
    the empty row a family tree leaves above its friends and professionals, which would cost a low wall its type.
    """
    rows = sorted({y for _, y in points})
    moved, cut = {}, 0.0
    for above, row in zip([None, *rows], rows, strict=False):
        if above is not None:
            cut += max(0.0, row - above - widest)
        moved[row] = row - cut
    return [(x, moved[y]) for x, y in points]


def _overlaps(centres: np.ndarray, reach: np.ndarray, gap: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For every pair of boxes, how far they run into each other across and down when kept ``gap`` apart, and
    whether they do at all (both positive; a box never crowds itself).
    """
    import numpy as np

    left, right = centres[:, 0] - reach[:, 0], centres[:, 0] + reach[:, 1]
    top, bottom = centres[:, 1] - reach[:, 2], centres[:, 1] + reach[:, 3]
    across = np.minimum(right[:, None], right[None, :]) - np.maximum(left[:, None], left[None, :]) + gap
    down = np.minimum(bottom[:, None], bottom[None, :]) - np.maximum(top[:, None], top[None, :]) + gap
    hit = (across > 0) & (down > 0)
    np.fill_diagonal(hit, False)
    return across, down, hit


def _reach(boxes: Sequence[Box]) -> np.ndarray:
    import numpy as np

    return np.array([(box.left, box.right, box.top, box.bottom) for box in boxes], dtype=float).reshape(-1, 4)


def coverage(boxes: Sequence[Box], area: QRectF, gap: float) -> float:
    """How much of ``area`` the boxes, with their gaps, would cover: past about 0.8 no nudging makes room for all."""
    room = max(1.0, area.width() * area.height())
    return sum((box.left + box.right + gap) * (box.top + box.bottom + gap) for box in boxes) / room


def crowded(centres: Sequence[Point], boxes: Sequence[Box], gap: float) -> bool:
    """Whether any two boxes come closer than ``gap``."""
    import numpy as np

    if len(centres) < 2:
        return False
    return bool(_overlaps(np.array(centres, dtype=float), _reach(boxes), gap)[2].any())


def separate(
    centres: Sequence[Point],
    boxes: Sequence[Box],
    area: QRectF,
    gap: float,
    steady: Sequence[bool] = (),
    rounds: int = 400,
) -> list[Point]:
    """``centres`` nudged apart until no two boxes come closer than ``gap``, each keeping inside ``area``; those
    ``steady`` says so (the children, in the middle of the picture) move a quarter as far as the others.

    Every pair that crowds pushes apart along the line between them (measured in box sizes, so that wide names part
    sideways sooner than up and down), each person by the average of their pushes. They aim at half as much room
    again as asked, which a crowd settles at sooner than at the exact gap. Gives up after ``rounds`` passes: a
    network too large for the screen still shows everyone, only closer.
    """
    import numpy as np

    if len(centres) < 2:
        return list(centres)
    found = np.array(centres, dtype=float)
    reach = _reach(boxes)
    low_x, high_x = area.left() + reach[:, 0], area.right() - reach[:, 1]
    low_y, high_y = area.top() + reach[:, 2], area.bottom() - reach[:, 3]
    low_x, high_x = np.minimum(low_x, (low_x + high_x) / 2), np.maximum(high_x, (low_x + high_x) / 2)
    low_y, high_y = np.minimum(low_y, (low_y + high_y) / 2), np.maximum(high_y, (low_y + high_y) / 2)
    widths, heights = reach[:, 0] + reach[:, 1], reach[:, 2] + reach[:, 3]
    pair_width = (widths[:, None] + widths[None, :]) / 2
    pair_height = (heights[:, None] + heights[None, :]) / 2
    mobility = np.array([0.25 if still else 1.0 for still in steady] if steady else [1.0] * len(found))
    # People at the very same place part sideways, by their order.
    order = np.sign(np.arange(len(found))[None, :] - np.arange(len(found))[:, None]).astype(float)
    for _ in range(rounds):
        across, down, hit = _overlaps(found, reach, 1.5 * gap)
        if not hit.any():
            break
        way_x = (found[None, :, 0] - found[:, None, 0]) / pair_width
        way_y = (found[None, :, 1] - found[:, None, 1]) / pair_height
        length = np.hypot(way_x, way_y)
        same = length < 1e-9
        way_x, way_y, length = np.where(same, order, way_x), np.where(same, 0.0, way_y), np.where(same, 1.0, length)
        depth = np.minimum(across / pair_width, down / pair_height)
        push_x = np.where(hit, way_x / length * depth * pair_width, 0.0)
        push_y = np.where(hit, way_y / length * depth * pair_height, 0.0)
        step = mobility / hit.sum(axis=1).clip(min=1)
        found[:, 0] = np.clip(found[:, 0] - push_x.sum(axis=1) * step, low_x, high_x)
        found[:, 1] = np.clip(found[:, 1] - push_y.sum(axis=1) * step, low_y, high_y)
    return [(float(x), float(y)) for x, y in found]


def on_grid(points: Sequence[Point], boxes: Sequence[Box], area: QRectF, gap: float) -> list[Point] | None:
    """Everybody in a cell of an even grid over ``area``, each as near as can be to where the picture puts them (the
    middle of the picture first, so the children keep the middle); None if the grid has too few cells.

    The last resort of a network too crowded to show as laid out: tidier than it, but nobody covers anybody.
    """
    count = len(points)
    if not count:
        return []
    width = max(box.left + box.right for box in boxes) + gap
    height = max(box.top + box.bottom for box in boxes) + gap
    columns = int((area.width() + gap) // width)
    rows = int((area.height() + gap) // height)
    if columns * rows < count:
        return None
    # As few rows and columns as hold everyone, in the screen's proportions, so the grid is no sparser than need be.
    while columns > 1 and (columns - 1) * rows >= count and (columns - 1) * width >= (rows - 1) * height:
        columns -= 1
    while rows > 1 and columns * (rows - 1) >= count and rows * height > columns * width * 0.6:
        rows -= 1
    left = area.center().x() - (columns * width - gap) / 2
    top = area.center().y() - (rows * height - gap) / 2
    down = max(box.top for box in boxes) - max(box.bottom for box in boxes)  # a marker sits above its name
    cells = [
        (left + (column + 0.5) * width - gap / 2, top + (row + 0.5) * height - gap / 2 + down / 2)
        for row in range(rows)
        for column in range(columns)
    ]
    spread = fit(points, boxes, QRectF(left, top, columns * width - gap, rows * height - gap), math.inf)
    middle = (sum(x for x, _ in spread) / count, sum(y for _, y in spread) / count)
    found: list[Point] = [(0.0, 0.0)] * count
    free = set(range(len(cells)))
    for index in sorted(range(count), key=lambda i: math.dist(spread[i], middle)):
        cell = min(free, key=lambda c: (math.dist(cells[c], spread[index]), c))
        free.remove(cell)
        found[index] = cells[cell]
    return found

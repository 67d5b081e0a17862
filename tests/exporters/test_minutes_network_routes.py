"""The minutes' network drawing routes ties round the people they do not join, as the console and the wall do."""

from __future__ import annotations

import itertools
import math

import pytest
from reportlab.graphics.shapes import Circle, Line, Polygon, PolyLine, Rect

from sos_desktop.exporters.minutes.fonts import register_fonts
from sos_desktop.exporters.minutes.network_drawing import OUTLINE, network_drawing
from sos_desktop.exporters.minutes.snapshot_parts import NetworkNode, NetworkView
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.network_layout import LayoutKind, compute_layout

Point = tuple[float, float]


def _distance(start: Point, stop: Point, centre: Point) -> float:
    dx, dy = stop[0] - start[0], stop[1] - start[1]
    length = dx * dx + dy * dy or 1.0
    share = max(0.0, min(1.0, ((centre[0] - start[0]) * dx + (centre[1] - start[1]) * dy) / length))
    return math.hypot(centre[0] - start[0] - share * dx, centre[1] - start[1] - share * dy)


def _centre(shape: object) -> Point:
    if isinstance(shape, Circle):
        return (shape.cx, shape.cy)
    if isinstance(shape, Rect):
        return (shape.x + shape.width / 2, shape.y + shape.height / 2)
    assert isinstance(shape, Polygon)
    xs, ys = shape.points[0::2], shape.points[1::2]
    return (sum(xs) / len(xs), sum(ys) / len(ys))


@pytest.mark.parametrize("kind", [LayoutKind.FAMILY_TREE, LayoutKind.CIRCLES])
def test_no_printed_tie_runs_through_a_person_it_does_not_join(kind: LayoutKind) -> None:
    register_fonts()
    network = demo_bundle().network
    where = compute_layout(network, kind)
    nodes = tuple(
        NetworkNode(p.id or 0, p.display_name, p.role, p.knows_worries, *where[p.id or 0]) for p in network.people
    )
    view = NetworkView(nodes, tuple((t.source, t.target, t.kind) for t in network.ties), "", ())
    drawing = network_drawing(view, 480.0)
    markers = [
        _centre(s) for s in drawing.contents if isinstance(s, Circle | Rect | Polygon) and s.strokeColor == OUTLINE
    ]
    assert len(markers) == len(nodes)
    paths: list[list[Point]] = []
    for shape in drawing.contents:
        if isinstance(shape, PolyLine):
            paths.append(list(zip(shape.points[0::2], shape.points[1::2], strict=True)))
        elif isinstance(shape, Line):
            paths.append([(shape.x1, shape.y1), (shape.x2, shape.y2)])
    assert len(paths) == len(view.links)
    if kind is LayoutKind.FAMILY_TREE:
        assert any(len(path) > 2 for path in paths)  # a professional's tie goes round a child, as on the wall
    reach = 15.0 * 0.62  # a marker's farthest corner
    for path in paths:
        ends = {min(markers, key=lambda m, p=point: math.dist(m, p)) for point in (path[0], path[-1])}
        for centre in markers:
            if centre not in ends:
                assert all(_distance(p, q, centre) > reach for p, q in itertools.pairwise(path)), path

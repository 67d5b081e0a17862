"""The minutes' network drawing routes ties round the people they do not join, their markers and the whole pale
ground of their names, as the console and the wall do: the demo family, Mia's family and made-up families of 5 to
60 people, in every layout, measured on the drawing's shapes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Circle, Line, Polygon, PolyLine, Rect

from sos_desktop.exporters.minutes.fonts import register_fonts
from sos_desktop.exporters.minutes.network_drawing import OUTLINE, network_drawing
from sos_desktop.exporters.minutes.snapshot_parts import NetworkNode, NetworkView
from sos_desktop.models import Network
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.network_layout import LayoutKind, compute_layout

sys.path.insert(0, str(Path(__file__).parents[1] / "models"))
import route_measure as measure

Point = tuple[float, float]
FAMILIES = measure.families((5, 8, 12, 20, 30), seeds=3)
CROWDED = {name: make for name, make in measure.families((45, 60), seeds=3).items() if name.startswith("made up")}
"""Families the page squeezes (480 points wide for 45 or 60 people: in the family tree some names lie over other
people's markers), so that not every tie can keep clear of everybody."""


def _box(shape: object) -> measure.Box:
    """The rectangle a marker or a name's ground is drawn in."""
    if isinstance(shape, Circle):
        return (shape.cx - shape.r, shape.cy - shape.r, shape.cx + shape.r, shape.cy + shape.r)
    if isinstance(shape, Rect):
        return (shape.x, shape.y, shape.x + shape.width, shape.y + shape.height)
    assert isinstance(shape, Polygon)
    xs, ys = shape.points[0::2], shape.points[1::2]
    return (min(xs), min(ys), max(xs), max(ys))


def _middle(box: measure.Box) -> Point:
    return ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


def crossings(network: Network, kind: LayoutKind) -> tuple[int, int, int]:
    """Printed ties through a third person's marker or name; ties that bend; and how many straight lines would."""
    where = compute_layout(network, kind)
    nodes = tuple(
        NetworkNode(p.id or 0, p.display_name, p.role, p.knows_worries, *where[p.id or 0]) for p in network.people
    )
    view = NetworkView(nodes, tuple((t.source, t.target, t.kind) for t in network.ties), "", ())
    drawing = network_drawing(view, 480.0)
    markers = [_box(s) for s in drawing.contents if isinstance(s, Circle | Rect | Polygon) and s.strokeColor == OUTLINE]
    grounds = [_box(s) for s in drawing.contents if isinstance(s, Rect) and s.strokeColor is None]
    assert len(markers) == len(grounds) == len(nodes)

    def ground_of(marker: measure.Box) -> measure.Box:  # the name's ground just under the marker (y up)
        x = _middle(marker)[0]
        under = [g for g in grounds if g[0] < x < g[2] and g[3] <= marker[3]]
        return min(under, key=lambda g: marker[1] - g[3])

    people = [(marker, ground_of(marker)) for marker in markers]
    paths: list[list[Point]] = []
    for shape in drawing.contents:
        if isinstance(shape, PolyLine):
            paths.append(list(zip(shape.points[0::2], shape.points[1::2], strict=True)))
        elif isinstance(shape, Line):
            paths.append([(shape.x1, shape.y1), (shape.x2, shape.y2)])
    assert len(paths) == len(view.links)
    centres = [_middle(marker) for marker in markers]
    ends = measure.ends_of(paths, centres)
    straight = [[path[0], path[-1]] for path in paths]
    return (
        len(measure.through_others(paths, ends, people)),
        sum(len(path) > 2 for path in paths),
        len(measure.through_others(straight, ends, people)),
    )


@pytest.mark.parametrize("kind", list(LayoutKind))
def test_no_printed_tie_runs_through_a_person_or_a_name_it_does_not_join(kind: LayoutKind) -> None:
    register_fonts()
    failures, bent = [], 0
    for name, make in FAMILIES.items():
        through, bends, _straight = crossings(make(), kind)
        if through:
            failures.append(f"{through} ties through people or their names: {name}, {kind.value}")
        bent += bends
    assert not failures, failures
    assert bent > 0
    for name, make in CROWDED.items():  # far fewer than drawn straight
        through, _bends, straight = crossings(make(), kind)
        assert through <= straight // 2, f"{through} ties through people or their names (straight {straight}): {name}"
    if kind is LayoutKind.FAMILY_TREE:
        assert crossings(demo_bundle().network, kind)[1] > 0  # a professional's tie goes round a child, as on the wall

"""The safety network as a vector drawing for the minutes, drawn as the app draws it, with its legend.

Role is told by shape as well as colour (child: yellow circle; family: orange square; friends and community: green
diamond; professionals: blue hexagon; anybody else: grey circle), so the printout still reads in greyscale. A green
badge with a tick marks somebody who knows the worries; ties are drawn with a line style per kind, round the people
they do not join, their markers and whole names (``models.tie_routes``, as on the console and the projector). The
look is the app's own table (``models.network_look``), the same the console and the projector draw from. When the
network stands as a family tree the drawing is a genogram (``models.genogram_look``): shapes by gender, a cross for
somebody who has died, a double outline for the index child, the couples' slashes, the parents' bonds, and a dotted
outline round each household with its name; the legend says so.

reportlab's graphics draw a string as it is typed, so a name in Arabic would print unjoined and left to right, one
in Chinese as boxes: the names are drawn on the page's canvas after the drawing (:class:`NamedDrawing`), by
:func:`.script_text.draw_line`, in fonts that have them, shaped and in the order they are seen.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String, _unset_
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.pdfbase.pdfmetrics import stringWidth

from sos_desktop.exporters.minutes.charts import blank
from sos_desktop.exporters.minutes.fonts import BOLD, REGULAR, warn_uncovered
from sos_desktop.exporters.minutes.script_text import draw_line, line_width
from sos_desktop.exporters.minutes.snapshot_parts import NetworkView
from sos_desktop.exporters.minutes.styles import INK, MUTED
from sos_desktop.models import TieBond, TieKind
from sos_desktop.models.genogram import household_outline
from sos_desktop.models.genogram_look import bond_look, genogram_marker
from sos_desktop.models.network_look import (
    KNOWS_COLOUR,
    KNOWS_LEGEND,
    ROLE_STYLES,
    TIE_LOOKS,
    RoleStyle,
    Stroke,
    legend_entries,
)
from sos_desktop.models.tie_routes import THOROUGH_ROUNDS, Box, route_ties, zone_of

_DASHES: dict[Stroke, list[float] | None] = {
    Stroke.SOLID: None,
    Stroke.DASH: [5, 2.5],
    Stroke.DOT: [1, 2.2],
    Stroke.DASH_DOT: [5, 2, 1, 2],
}
"""Each tie stroke of the shared look as a reportlab dash pattern (None: solid)."""
TIE_COLOUR = colors.HexColor("#6E6E6E")
HOUSEHOLD_COLOUR = colors.HexColor("#3F6E9E")
Point = tuple[float, float]
OUTLINE = colors.HexColor("#3A3A3A")
BASE_LINE = 0.75


class NamedDrawing(Drawing):
    """A drawing, then ``names`` drawn over it on the canvas: (x, baseline, text, size), each centred on its x."""

    _attrMap = AttrMap(BASE=Drawing, names=AttrMapValue(None, desc="the names drawn over it"))  # noqa: N815

    def __init__(self, width: float, height: float) -> None:
        super().__init__(width, height, initialFontName=REGULAR)
        self.names: list[tuple[float, float, str, float]] = []

    def draw(self, showBoundary: Any = _unset_) -> None:  # noqa: N803 - reportlab's name
        super().draw(showBoundary)
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(colors.HexColor(INK))
        for x, y, text, size in self.names:
            draw_line(canvas, x, y, text, REGULAR, size, align="centre")
        canvas.restoreState()


def marker(kind: str, x: float, y: float, size: float, fill: str) -> Polygon | Circle | Rect:
    """A person's outline centred on (``x``, ``y``), about ``size`` across, in the same visual weight for each."""
    half = size / 2
    style = {"fillColor": colors.HexColor(fill), "strokeColor": OUTLINE, "strokeWidth": 0.7}
    if kind == "circle":
        return Circle(x, y, half, **style)
    if kind == "square":
        side = size * 0.88
        return Rect(x - side / 2, y - side / 2, side, side, rx=side / 8, ry=side / 8, **style)
    corners = 4 if kind == "diamond" else 6
    radius = half * (1.1 if kind == "diamond" else 1.0)
    start = math.pi / 2 if kind == "diamond" else 0.0
    points = [
        coordinate
        for k in range(corners)
        for coordinate in (
            x + radius * math.cos(start + 2 * math.pi * k / corners),
            y + radius * math.sin(start + 2 * math.pi * k / corners),
        )
    ]
    return Polygon(points, **style)


def knows_badge(x: float, y: float, size: float) -> Group:
    """The green tick badge, centred on (``x``, ``y``)."""
    badge = Group()
    badge.add(
        Circle(x, y, size / 2, fillColor=colors.HexColor(KNOWS_COLOUR), strokeColor=colors.white, strokeWidth=0.6)
    )
    badge.add(
        String(x, y - size * 0.3, "✓", fontName=BOLD, fontSize=size * 0.8, textAnchor="middle", fillColor=colors.white)
    )
    return badge


def network_drawing(view: NetworkView, width: float, max_height: float = 330.0) -> Drawing:
    """The people where the console placed them (y down there, up here), fitted to ``width``."""
    nodes = view.nodes
    size = 15.0 if len(nodes) <= 24 else 12.0
    label_size = 7.5 if len(nodes) <= 24 else 6.5
    widths = {node.id: line_width(node.label, REGULAR, label_size) for node in nodes}
    pad_x = max([wide / 2 for wide in widths.values()] + [size]) + 4
    pad_x = min(pad_x, 60.0)
    pad_top, pad_bottom = size / 2 + 8, size / 2 + label_size + 6
    if view.households:  # room for the outline and its name above the top row
        pad_top += size * 0.5 + label_size + 4
        pad_bottom += size * 0.5
    pad_x = max(pad_x, size * 1.2) if view.genogram else pad_x
    xs = [node.x for node in nodes] or [0.0]
    ys = [node.y for node in nodes] or [0.0]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    room_x = width - 2 * pad_x
    scale = room_x / span_x if span_x else 1.0
    if span_y:
        scale = min(scale, (max_height - pad_top - pad_bottom) / span_y)
    scale = min(scale, 1.2)  # a small network is not blown up to fill the page
    height = max(span_y * scale + pad_top + pad_bottom, 60.0)
    offset_x = (width - span_x * scale) / 2

    def where(x: float, y: float) -> tuple[float, float]:
        return offset_x + (x - min(xs)) * scale, height - pad_top - (y - min(ys)) * scale

    drawing = NamedDrawing(width, height)
    places = {node.id: where(node.x, node.y) for node in nodes}
    plates = {node.id: name_plate(*places[node.id], size, label_size, widths[node.id]) for node in nodes}
    if view.households:
        _households(drawing, view, places, plates, size, label_size)
    bonds = view.bonds or tuple(TieBond.BIRTH_OR_TOGETHER for _ in view.links)
    routes = _routes(view, places, size, plates)
    for (_source, _target, kind), bond, route in zip(view.links, bonds, routes, strict=True):
        bonded = bond_look(kind, bond) if view.genogram else None
        dashes = _DASHES[TIE_LOOKS[kind].line if bonded is None else bonded.line]
        weight = TIE_LOOKS[kind].width
        stroke = {"strokeColor": TIE_COLOUR, "strokeWidth": BASE_LINE * weight, "strokeDashArray": dashes}
        if bonded is not None and bonded.slashes:
            for (x1, y1), (x2, y2) in slashes(route, bonded.slashes, size * 0.8):
                drawing.add(Line(x1, y1, x2, y2, strokeColor=TIE_COLOUR, strokeWidth=BASE_LINE * weight))
        if len(route) == 2:
            (x1, y1), (x2, y2) = route
            drawing.add(Line(x1, y1, x2, y2, **stroke))
        else:
            drawing.add(PolyLine([coordinate for point in route for coordinate in point], strokeLineJoin=1, **stroke))
    halo = colors.Color(1, 1, 1, alpha=0.85)
    for node in nodes:
        # Each name on a pale ground, so that the ties crossing under it do not strike it through.
        x, y = places[node.id]
        baseline = _baseline(y, size, label_size)
        left, bottom, right, top = plates[node.id]
        drawing.add(Rect(left, bottom, right - left, top - bottom, fillColor=halo, strokeColor=None))
        warn_uncovered(node.label)
        drawing.names.append((x, baseline, node.label, label_size))
    for node in nodes:
        x, y = places[node.id]
        look = ROLE_STYLES[node.role]
        shape = genogram_marker(node.role, node.gender) if view.genogram else look.marker
        drawing.add(marker(shape, x, y, size, look.fill))
        if node.index_child:
            ring = marker(shape, x, y, size * 1.35, look.fill)
            ring.fillColor = None
            drawing.add(ring)
        if node.deceased:
            reach = size * 0.5
            for dy in (reach, -reach):
                drawing.add(Line(x - reach, y - dy, x + reach, y + dy, strokeColor=OUTLINE, strokeWidth=1.1))
        if node.knows_worries:
            drawing.add(knows_badge(x + size * 0.45, y + size * 0.45, size * 0.62))
    return drawing


def slashes(route: Sequence[tuple[float, float]], count: int, length: float) -> list[tuple[Point, Point]]:
    """``count`` slanted strokes ``length`` long across the middle of ``route`` (one: separated; two: divorced)."""
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(route)]
    half = sum(lengths) / 2
    centre, angle = route[0], 0.0
    for (a, b), stretch in zip(itertools.pairwise(route), lengths, strict=True):
        if half <= stretch and stretch > 0:
            t = half / stretch
            centre = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
            angle = math.atan2(b[1] - a[1], b[0] - a[0])
            break
        half -= stretch
    slant = angle + math.radians(70)
    dx, dy = math.cos(slant) * length / 2, math.sin(slant) * length / 2
    found = []
    for n in range(count):
        along = (n - (count - 1) / 2) * length * 0.4
        cx, cy = centre[0] + math.cos(angle) * along, centre[1] + math.sin(angle) * along
        found.append(((cx - dx, cy - dy), (cx + dx, cy + dy)))
    return found


def _households(
    drawing: NamedDrawing,
    view: NetworkView,
    places: dict[int, tuple[float, float]],
    plates: dict[int, Box],
    size: float,
    label_size: float,
) -> None:
    """Each household's dotted outline round its people's markers and names, its name over its top."""
    radius = size * 0.5 + 4
    for name, members in view.households:
        centres: list[Point] = []
        for member in members:
            if member not in places:
                continue
            x, y = places[member]
            left, bottom, right, _top = plates[member]
            centres += [(x, y), (x, bottom + radius - 2)]
            centres += [(min(x, left + radius * 0.7), bottom + label_size / 2)]
            centres += [(max(x, right - radius * 0.7), bottom + label_size / 2)]
        outline = household_outline(centres, radius)
        if len(outline) < 3:
            continue
        drawing.add(
            Polygon(
                [coordinate for point in outline for coordinate in point],
                fillColor=None,
                strokeColor=HOUSEHOLD_COLOUR,
                strokeWidth=1.0,
                strokeDashArray=[1, 2],
            )
        )
        if name:
            top = max(point[1] for point in outline)
            left = min(point[0] for point in outline)
            wide = line_width(name, REGULAR, label_size * 0.9)
            warn_uncovered(name)
            drawing.names.append((left + radius * 0.5 + wide / 2, top + 2, name, label_size * 0.9))


def _baseline(y: float, size: float, label_size: float) -> float:
    """The baseline of the name under a marker of ``size`` centred at height ``y`` (y up)."""
    return y - size / 2 - label_size - 1.5


def name_plate(x: float, y: float, size: float, label_size: float, wide: float) -> Box:
    """The pale ground under the name of a person drawn at (``x``, ``y``) (y up): left, bottom, right, top."""
    bottom = _baseline(y, size, label_size) - label_size * 0.25
    return (x - wide / 2 - 1.5, bottom, x + wide / 2 + 1.5, bottom + label_size * 1.15)


def _routes(
    view: NetworkView, places: dict[int, tuple[float, float]], size: float, plates: dict[int, Box]
) -> list[list[tuple[float, float]]]:
    """Each tie's path on the page, round the markers and the whole name grounds of the people it does not join,
    and beside its own people's names where it can (y runs up here).
    """
    ids = [node.id for node in view.nodes]
    index = {person_id: n for n, person_id in enumerate(ids)}
    starts = [places[person_id] for person_id in ids]
    # Half the widest line and a little air, so that a tie still finds its way between neighbours on a crowded page.
    room = BASE_LINE * max(look.width for look in TIE_LOOKS.values()) / 2 + 0.5
    zones = [zone_of(places[person_id], size, plates[person_id], room) for person_id in ids]
    ends = [(index[source], index[target]) for source, target, _ in view.links]
    return route_ties(starts, zones, ends, THOROUGH_ROUNDS)


def legend_drawing(width: float, kinds: Sequence[TieKind] = tuple(TieKind)) -> Drawing:
    """Each way of drawing a person, the badge, and each kind of tie, in rows that wrap to ``width``."""
    size, text_size, row_height = 10.0, 7.5, 15.0
    entries: list[tuple[str, object]] = []
    entries += [(look.legend, look) for look in legend_entries()]
    entries.append((KNOWS_LEGEND, "badge"))
    entries += [
        (
            TIE_LOOKS[kind].label + (" tie" if kind in (TieKind.FAMILY, TieKind.PROFESSIONAL, TieKind.OTHER) else ""),
            kind,
        )
        for kind in kinds
    ]
    placed: list[tuple[float, int, str, object]] = []
    x, row = 0.0, 0
    for words, what in entries:
        sample = 22.0 if isinstance(what, TieKind) else size
        needed = sample + 4 + stringWidth(words, REGULAR, text_size) + 14
        if x and x + needed > width:
            x, row = 0.0, row + 1
        placed.append((x, row, words, what))
        x += needed
    rows = row + 1
    drawing = blank(width, rows * row_height + 2)
    for x, row, words, what in placed:
        y = (rows - row - 1) * row_height + row_height / 2
        if isinstance(what, TieKind):
            dashes, weight = _DASHES[TIE_LOOKS[what].line], TIE_LOOKS[what].width
            drawing.add(
                Line(x, y, x + 22, y, strokeColor=TIE_COLOUR, strokeWidth=BASE_LINE * weight, strokeDashArray=dashes)
            )
            text_x = x + 26
        elif what == "badge":
            drawing.add(knows_badge(x + size / 2, y, size))
            text_x = x + size + 4
        else:
            assert isinstance(what, RoleStyle)
            drawing.add(marker(what.marker, x + size / 2, y, size, what.fill))
            text_x = x + size + 4
        drawing.add(legend_words(text_x, y, words, text_size))
    return drawing


def legend_words(x: float, y: float, words: str, size: float) -> String:
    """A legend entry's words, starting at ``x`` and centred on the line ``y`` of its mark."""
    return String(x, y - size * 0.35, words, fontName=REGULAR, fontSize=size, fillColor=colors.HexColor(MUTED))

"""The safety network as a vector drawing for the minutes, drawn as the app draws it, with its legend.

Role is told by shape as well as colour (child: yellow circle; family: orange square; friends and community: green
diamond; professionals: blue hexagon; anybody else: grey circle), so the printout still reads in greyscale. A green
badge with a tick marks somebody who knows the worries; ties are drawn with a line style per kind, round the people
they do not join, their markers and whole names (``models.tie_routes``, as on the console and the projector). The
look is the app's own table (``models.network_look``), the same the console and the projector draw from.

reportlab's graphics draw a string as it is typed, so a name in Arabic would print unjoined and left to right, one
in Chinese as boxes: the names are drawn on the page's canvas after the drawing (:class:`NamedDrawing`), by
:func:`.script_text.draw_line`, in fonts that have them, shaped and in the order they are seen.
"""

from __future__ import annotations

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
from sos_desktop.models import TieKind
from sos_desktop.models.network_look import (
    KNOWS_COLOUR,
    KNOWS_LEGEND,
    ROLE_STYLES,
    TIE_LOOKS,
    RoleStyle,
    Stroke,
    legend_entries,
)
from sos_desktop.models.tie_routes import Box, route_ties, zone_of

_DASHES: dict[Stroke, list[float] | None] = {
    Stroke.SOLID: None,
    Stroke.DASH: [5, 2.5],
    Stroke.DOT: [1, 2.2],
    Stroke.DASH_DOT: [5, 2, 1, 2],
}
"""Each tie stroke of the shared look as a reportlab dash pattern (None: solid)."""
TIE_COLOUR = colors.HexColor("#6E6E6E")
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
    for (_source, _target, kind), route in zip(view.links, _routes(view, places, size, plates), strict=True):
        dashes, weight = _DASHES[TIE_LOOKS[kind].line], TIE_LOOKS[kind].width
        stroke = {"strokeColor": TIE_COLOUR, "strokeWidth": BASE_LINE * weight, "strokeDashArray": dashes}
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
        drawing.add(marker(look.marker, x, y, size, look.fill))
        if node.knows_worries:
            drawing.add(knows_badge(x + size * 0.45, y + size * 0.45, size * 0.62))
    return drawing


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
    return route_ties(starts, zones, [(index[source], index[target]) for source, target, _ in view.links])


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
        drawing.add(
            String(
                text_x,
                y - text_size * 0.35,
                words,
                fontName=REGULAR,
                fontSize=text_size,
                fillColor=colors.HexColor(MUTED),
            )
        )
    return drawing

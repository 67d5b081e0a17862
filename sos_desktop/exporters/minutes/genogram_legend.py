"""The minutes' legend of a genogram: what the shapes, the marks and the lines of the family tree mean, for what
the drawing shows (shapes by gender, died, the index child, households, the roles' colours, the couples' and the
parents' lines), in rows that wrap to the page.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from sos_desktop.exporters.minutes.charts import blank
from sos_desktop.exporters.minutes.fonts import REGULAR
from sos_desktop.exporters.minutes.network_drawing import (
    _DASHES,
    BASE_LINE,
    HOUSEHOLD_COLOUR,
    OUTLINE,
    TIE_COLOUR,
    knows_badge,
    legend_words,
    marker,
    slashes,
)
from sos_desktop.exporters.minutes.snapshot_parts import NetworkView
from sos_desktop.models.genogram_look import (
    GENDER_LEGEND,
    MARKS_LEGEND,
    PARENT_LOOKS,
    PARTNER_LOOKS,
    BondLook,
    bond_look,
    genogram_marker,
)
from sos_desktop.models.network_look import KNOWS_LEGEND, ROLE_STYLES, Marker, RoleStyle, legend_entries


def genogram_legend_entries(view: NetworkView) -> list[tuple[str, object]]:
    """The legend's words, each with what is drawn beside them, for what ``view`` shows."""
    shapes = {genogram_marker(node.role, node.gender) for node in view.nodes}
    entries: list[tuple[str, object]] = [(words, shape) for shape, words in GENDER_LEGEND.items() if shape in shapes]
    died, index, household = MARKS_LEGEND
    if any(node.deceased for node in view.nodes):
        entries.append((died, "cross"))
    if any(node.index_child for node in view.nodes):
        entries.append((index, "double"))
    if view.households:
        entries.append((household, "household"))
    roles = {ROLE_STYLES[node.role] for node in view.nodes}
    entries += [(style.legend, style) for style in legend_entries() if style in roles]
    entries.append((KNOWS_LEGEND, "badge"))
    looks = {bond_look(kind, bond) for (_, _, kind), bond in zip(view.links, view.bonds, strict=True)}
    ordered = [*PARTNER_LOOKS.values(), *PARENT_LOOKS.values()]
    entries += [(look.legend, look) for look in ordered if look in looks]
    entries += [(look.legend, look) for look in sorted(looks - set(ordered), key=lambda look: look.legend)]
    return entries


def genogram_legend_drawing(width: float, view: NetworkView) -> Drawing:
    size, text_size, row_height = 10.0, 7.5, 15.0
    placed: list[tuple[float, int, str, object]] = []
    x, row = 0.0, 0
    for words, what in genogram_legend_entries(view):
        sample = 22.0 if isinstance(what, BondLook) else size
        needed = sample + 4 + stringWidth(words, REGULAR, text_size) + 14
        if x and x + needed > width:
            x, row = 0.0, row + 1
        placed.append((x, row, words, what))
        x += needed
    rows = row + 1
    drawing = blank(width, rows * row_height + 2)
    for x, row, words, what in placed:
        y = (rows - row - 1) * row_height + row_height / 2
        middle = x + size / 2
        text_x = x + size + 4
        if isinstance(what, BondLook):
            stroke = {"strokeColor": TIE_COLOUR, "strokeWidth": BASE_LINE * 1.6}
            drawing.add(Line(x, y, x + 22, y, strokeDashArray=_DASHES[what.line], **stroke))
            for (x1, y1), (x2, y2) in slashes([(x, y), (x + 22, y)], what.slashes, size):
                drawing.add(Line(x1, y1, x2, y2, **stroke))
            text_x = x + 26
        elif isinstance(what, Marker):
            drawing.add(marker(what, middle, y, size, "#FFFFFF"))
        elif isinstance(what, RoleStyle):
            drawing.add(
                Rect(
                    x,
                    y - size * 0.3,
                    size,
                    size * 0.6,
                    fillColor=colors.HexColor(what.fill),
                    strokeColor=OUTLINE,
                    strokeWidth=0.5,
                )
            )
        elif what == "badge":
            drawing.add(knows_badge(middle, y, size))
        elif what == "cross":
            drawing.add(marker(Marker.SQUARE, middle, y, size, "#FFFFFF"))
            half = size * 0.5
            for dy in (half, -half):
                drawing.add(Line(middle - half, y - dy, middle + half, y + dy, strokeColor=OUTLINE, strokeWidth=0.9))
        elif what == "double":
            inner = marker(Marker.CIRCLE, middle, y, size * 0.7, "#FFFFFF")
            outer = marker(Marker.CIRCLE, middle, y, size * 1.1, "#FFFFFF")
            outer.fillColor = None
            drawing.add(outer)
            drawing.add(inner)
        elif what == "household":
            corners = [x, y - size * 0.4, x + size, y - size * 0.4, x + size, y + size * 0.4, x, y + size * 0.4]
            drawing.add(
                Polygon(
                    corners, fillColor=None, strokeColor=HOUSEHOLD_COLOUR, strokeWidth=0.9, strokeDashArray=[1, 1.5]
                )
            )
        drawing.add(legend_words(text_x, y, words, text_size))
    return drawing

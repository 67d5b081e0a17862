"""The genogram's marks on the wall's network picture, when the network stands as a family tree (or in the
``genogram`` view): shapes by gender, the cross through somebody who has died, the index child's double outline,
the slashes across a separated or divorced couple's line, households' dotted outlines, and the legend's entries.

Shapes only; the network chart places them. Household names come already masked from ``network_content`` ("" when
the name may not be shown on the wall).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from sos_desktop.models.enums import PersonRole
from sos_desktop.models.genogram import household_outline
from sos_desktop.models.genogram_look import (
    GENDER_LEGEND,
    MARKS_LEGEND,
    PARENT_LOOKS,
    PARTNER_LOOKS,
    BondLook,
    bond_look,
    genogram_marker,
)
from sos_desktop.models.network_look import ROLE_STYLES, Marker
from sos_desktop.ui.network.genogram_items import slash_lines
from sos_desktop.ui.network.style import legend_entries, marker_path, pen_style
from sos_desktop.ui.projector.chart_shapes import BoxShape
from sos_desktop.ui.projector.network_content import NetworkContent, Node
from sos_desktop.ui.projector.network_shapes import MarkerShape, TieShape
from sos_desktop.ui.projector.scene import Shape

HOUSEHOLD_COLOUR = QColor("#7FB2E5")
"""A household's dotted line and name on a dark wall: a light blue."""
HOUSEHOLD_COLOUR_ON_LIGHT = QColor("#2F5D8C")
"""The same on a light wall (the light theme): a dark blue, so the household's name reads as well."""


def household_colour(background: QColor) -> QColor:
    """The households' blue for a wall of ``background``."""
    return HOUSEHOLD_COLOUR if background.lightnessF() < 0.5 else HOUSEHOLD_COLOUR_ON_LIGHT


GenogramSample = Marker | BondLook | str
"""A genogram legend entry's picture: a gender's shape, a bond's line, or "cross", "double", "household", or a
role's colour as "#RRGGBB"."""


def node_marker(node: Node) -> Marker:
    return genogram_marker(node.role, node.gender)


@dataclass(frozen=True, eq=False)
class StrokeShape:
    """An unfilled path in one pen: a household's dotted line, a cross, an outline, a couple's slashes."""

    path: QPainterPath
    colour: QColor
    width: float
    style: Qt.PenStyle = Qt.PenStyle.SolidLine

    def paint(self, painter: QPainter) -> None:
        pen = QPen(self.colour, self.width, self.style, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)

    def texts(self) -> tuple[str, ...]:
        return ()


def cross_path(centre: QPointF, size: float) -> QPainterPath:
    """A cross through a marker ``size`` across, reaching just past its outline."""
    reach = size * 0.5
    path = QPainterPath()
    for dx, dy in ((reach, reach), (reach, -reach)):
        path.moveTo(centre.x() - dx, centre.y() - dy)
        path.lineTo(centre.x() + dx, centre.y() + dy)
    return path


def slashes_path(route: list[QPointF], count: int, length: float) -> QPainterPath:
    """``count`` slanted strokes ``length`` long across the middle of ``route``."""
    path = QPainterPath()
    for line in slash_lines(route, count, length, length * 0.4):
        path.moveTo(line.p1())
        path.lineTo(line.p2())
    return path


def outline_path(centres: list[tuple[float, float]], radius: float) -> QPainterPath:
    path = QPainterPath()
    points = household_outline(centres, radius)
    if points:
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
        path.closeSubpath()
    return path


def legend_people(content: NetworkContent) -> list[tuple[str, GenogramSample]]:
    """The people's entries of the genogram's legend, for what the picture shows: shapes, marks and colours."""
    markers = {node_marker(node) for node in content.nodes}
    entries: list[tuple[str, GenogramSample]] = [
        (words, marker) for marker, words in GENDER_LEGEND.items() if marker in markers
    ]
    died, index, household = MARKS_LEGEND
    if any(node.deceased for node in content.nodes):
        entries.append((died, "cross"))
    if any(node.index_child for node in content.nodes):
        entries.append((index, "double"))
    if content.households:
        entries.append((household, "household"))
    roles = {ROLE_STYLES[node.role] for node in content.nodes}
    entries += [(style.legend, style.fill) for style in legend_entries() if style in roles]
    return entries


def legend_lines(content: NetworkContent) -> list[tuple[str, BondLook]]:
    """The lines' entries of the genogram's legend, for the ties the picture shows, couples first."""
    shown = {bond_look(link.kind, link.bond) for link in content.links}
    ordered = [*PARTNER_LOOKS.values(), *PARENT_LOOKS.values()]
    others = [look for look in shown if look not in ordered]
    return [(look.legend, look) for look in [*ordered, *sorted(others, key=lambda look: look.legend)] if look in shown]


def sample_shapes(
    rect: QRectF, sample: GenogramSample, ink: QColor, u: float, household: QColor = HOUSEHOLD_COLOUR
) -> list[Shape]:
    """A legend entry's picture in ``rect``: a gender's white shape, a mark, a bond's line or a role's colour."""
    centre, size = rect.center(), rect.height()
    width = max(1.5, 2.5 * u)
    if isinstance(sample, Marker):
        return [MarkerShape(marker_path(sample, centre, size * 0.9), QColor("#FFFFFF"), ink, width)]
    if isinstance(sample, BondLook):
        ends = (QPointF(rect.left(), centre.y()), QPointF(rect.right(), centre.y()))
        shapes: list[Shape] = [TieShape(*ends, ink, max(2.0, 4 * u), pen_style(sample.line))]
        if sample.slashes:
            shapes.append(StrokeShape(slashes_path(list(ends), sample.slashes, size * 0.9), ink, max(2.0, 4 * u)))
        return shapes
    if sample == "cross":
        square = marker_path(Marker.SQUARE, centre, size * 0.9)
        grey = QColor(ROLE_STYLES[PersonRole.OTHER].fill)  # the cross shows on it in either theme's ink
        return [
            MarkerShape(square, grey, ink, width),
            StrokeShape(cross_path(centre, size * 0.9), ink, width * 1.3),
        ]
    if sample == "double":
        inner = marker_path(Marker.CIRCLE, centre, size * 0.6)
        outer = marker_path(Marker.CIRCLE, centre, size * 1.0)
        return [StrokeShape(inner, ink, width), StrokeShape(outer, ink, width)]
    if sample == "household":
        path = QPainterPath()
        path.addRoundedRect(rect.adjusted(2, 2, -2, -2), size * 0.3, size * 0.3)
        return [StrokeShape(path, household, max(2.0, 3.5 * u), Qt.PenStyle.DotLine)]
    swatch = QRectF(centre.x() - size * 0.6, centre.y() - size * 0.3, size * 1.2, size * 0.6)
    return [BoxShape(swatch, QColor(sample), size * 0.1, ink, max(1.0, 1.5 * u))]

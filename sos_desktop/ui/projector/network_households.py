"""The households on the wall's family tree: a dotted line round the people who live together, and the household's
name beside it, always inside the picture's own room (never over the heading, the summary or the legend) and clear
of everybody's marker and name, the other households' lines and names.

``HouseholdsFrame`` is the network chart's base: it draws the households once the chart has placed everybody, with
each person as a ``DrawnPerson`` (their name laid out and their marker's size).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainterPath, QPainterPathStroker

from sos_desktop.ui.projector.chart_shapes import BoxShape
from sos_desktop.ui.projector.frame import ContentFrame
from sos_desktop.ui.projector.network_content import HouseholdMark, NetworkContent, Node
from sos_desktop.ui.projector.network_fit import Box
from sos_desktop.ui.projector.network_genogram import StrokeShape, household_colour, outline_path
from sos_desktop.ui.projector.scene import Shape
from sos_desktop.ui.projector.text import LaidText

DOUBLE_OUTLINE = 1.32
"""The index child's second outline, as a share of their marker's size."""
HOUSEHOLD_PX = 28
"""A household's name, in reference pixels (the legend's type)."""


@dataclass(frozen=True)
class DrawnPerson:
    """A person drawn at one type size: their name laid out, their marker's size, and their box's reach."""

    node: Node
    laid: LaidText
    marker: float
    badge: float
    gap: float
    box: Box


class HouseholdsFrame(ContentFrame[NetworkContent]):
    """The network chart's households: ``households`` draws them once everybody stands where they are drawn."""

    def _plate(self, person: DrawnPerson, centre: QPointF) -> QRectF:
        """Where a person's name is drawn, with the plate behind it: the room ties keep out of."""
        laid, pad = person.laid, person.gap
        top = centre.y() + person.marker / 2 + person.gap
        return QRectF(centre.x() - laid.width / 2 - pad, top - pad / 3, laid.width + 2 * pad, laid.height + pad)

    def households(
        self,
        content: NetworkContent,
        people: list[DrawnPerson],
        where: dict[int, QPointF],
        area: QRectF,
        ties: list[list[QPointF]],
        shapes: list[Shape],
    ) -> None:
        """Each household's dotted line round its people's markers and names, then each one's name (if it may be
        shown) on a plate beside it inside the picture's ``area``, off the ``ties``' lines where it can be.
        """
        blue = household_colour(QColor(self.theme.background))
        outlines: list[tuple[HouseholdMark, QPainterPath]] = []
        for household in content.households:
            path = self._outline(household, people, where)
            if path is not None:
                outlines.append((household, path))
                shapes.append(StrokeShape(path, blue, max(2.0, 3.5 * self.u), Qt.PenStyle.DotLine))
        stroker = QPainterPathStroker()
        stroker.setWidth(max(2.0, 4 * self.u))
        lines = [stroker.createStroke(_polyline(route)) for route in ties]
        taken: list[QRectF] = []
        for household, path in outlines:
            if not household.name:
                continue
            laid = self.lay(household.name, HOUSEHOLD_PX, self.width / 4, 1, QFont.Weight.DemiBold)
            others = [other for _, other in outlines if other is not path]
            spot = self._household_label(path, laid, people, where, [*taken, *others], lines, area)
            taken.append(spot)
            shapes.append(BoxShape(spot, QColor(self.theme.background), round(6 * self.u)))
            self.put(shapes, laid, spot.left() + round(6 * self.u), spot.top(), blue)

    def _outline(
        self, household: HouseholdMark, people: list[DrawnPerson], where: dict[int, QPointF]
    ) -> QPainterPath | None:
        """The dotted line round a household's people, their markers and names; None if none of them is drawn."""
        found = {person.node.id: person for person in people}
        centres: list[tuple[float, float]] = []
        radius = 0.0
        for member in household.members:
            person, centre = found.get(member), where.get(member)
            if person is None or centre is None:
                continue
            reach = person.marker / 2 * (DOUBLE_OUTLINE if person.node.index_child else 1.0) + person.gap * 2
            radius = max(radius, reach)
            plate = self._plate(person, centre)
            low = plate.bottom() - reach + person.gap
            sides = (min(centre.x(), plate.left() + 0.7 * reach), max(centre.x(), plate.right() - 0.7 * reach))
            centres += [(centre.x(), centre.y()), (centre.x(), low)]
            centres += [(side, plate.center().y()) for side in sides]
        return outline_path(centres, radius) if centres else None

    def _household_label(
        self,
        outline: QPainterPath,
        laid: LaidText,
        people: list[DrawnPerson],
        where: dict[int, QPointF],
        kept_clear: list[QRectF | QPainterPath],
        ties: list[QPainterPath],
        area: QRectF,
    ) -> QRectF:
        """Where a household's name goes: just outside its outline (above, below, left or right of it), else just
        inside its top or bottom edge, on the first of these places inside the picture's ``area`` where it covers
        nobody's marker or name and comes near nothing ``kept_clear`` (the other households' names and lines),
        crossing no tie if one can be found; failing all, above the outline moved into ``area``.
        """
        box, pad, height = outline.boundingRect(), round(6 * self.u), laid.height
        wide = laid.width + 2 * pad
        candidates = [
            QRectF(box.left() + pad, box.top() - height - pad / 2, wide, height),
            QRectF(box.left() + pad, box.bottom() + pad / 2, wide, height),
            QRectF(box.left() - wide - pad, box.center().y() - height / 2, wide, height),
            QRectF(box.right() + pad, box.center().y() - height / 2, wide, height),
            QRectF(box.left() + 2 * pad, box.top() + pad, wide, height),
            QRectF(box.left() + 2 * pad, box.bottom() - height - pad, wide, height),
        ]
        blocked: list[QRectF | QPainterPath] = list(kept_clear)
        for person in people:
            centre = where[person.node.id]
            half = person.marker / 2
            blocked += [QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half), self._plate(person, centre)]
        clear = [spot for spot in candidates if area.contains(spot) and not any(r.intersects(spot) for r in blocked)]
        clear = [
            spot for spot in clear if not any(o.intersects(spot.adjusted(-pad, -pad, pad, pad)) for o in kept_clear)
        ]
        for spot in clear:
            if not any(tie.intersects(spot) for tie in ties):
                return spot
        return clear[0] if clear else _moved_into(candidates[0], area)


def _polyline(points: list[QPointF]) -> QPainterPath:
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    return path


def _moved_into(rect: QRectF, area: QRectF) -> QRectF:
    """``rect`` moved the least way that puts it inside ``area`` (its top left kept in, should it be the larger)."""
    x = max(area.left(), min(rect.left(), area.right() - rect.width()))
    y = max(area.top(), min(rect.top(), area.bottom() - rect.height()))
    return QRectF(x, y, rect.width(), rect.height())

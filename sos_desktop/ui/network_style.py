"""How the safety network looks, shared by the console's graph and the projector: a shape and colour per role,
a line style per kind of tie, the "knows the worries" mark, and the words of the legend.

Role is told by shape as well as colour, so the graph still reads in greyscale and to colour-blind eyes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPolygonF

from sos_desktop.models import PersonRole, TieKind


class Marker(StrEnum):
    """The outline a person is drawn with."""

    CIRCLE = "circle"
    SQUARE = "square"
    DIAMOND = "diamond"
    HEXAGON = "hexagon"


@dataclass(frozen=True)
class RoleStyle:
    marker: Marker
    fill: str
    """A mid-tone that reads on a light console and on a black projector background alike."""
    legend: str
    """The legend's words for the group of roles drawn this way."""


_FAMILY = RoleStyle(Marker.SQUARE, "#F28B66", "Family")
_FRIENDS = RoleStyle(Marker.DIAMOND, "#58C27D", "Friends and community")

ROLE_STYLES: dict[PersonRole, RoleStyle] = {
    PersonRole.CHILD: RoleStyle(Marker.CIRCLE, "#FFD23F", "Child"),
    PersonRole.PARENT: _FAMILY,
    PersonRole.CARER: _FAMILY,
    PersonRole.FAMILY: _FAMILY,
    PersonRole.FRIEND: _FRIENDS,
    PersonRole.COMMUNITY: _FRIENDS,
    PersonRole.PROFESSIONAL: RoleStyle(Marker.HEXAGON, "#6FA8F5", "Professional"),
    PersonRole.OTHER: RoleStyle(Marker.CIRCLE, "#B7B7B7", "Other"),
}

ROLE_LABELS: dict[PersonRole, str] = {
    PersonRole.CHILD: "Child",
    PersonRole.PARENT: "Parent",
    PersonRole.CARER: "Carer",
    PersonRole.FAMILY: "Family",
    PersonRole.FRIEND: "Friend",
    PersonRole.COMMUNITY: "Community",
    PersonRole.PROFESSIONAL: "Professional",
    PersonRole.OTHER: "Other",
}

KNOWS_MARK = "✓"
KNOWS_LEGEND = "Knows the worries"
KNOWS_COLOUR = "#1B9E4B"
"""The badge behind the tick: a strong green with white ink, legible on any background."""


@dataclass(frozen=True)
class TieStyle:
    pen: Qt.PenStyle
    width: float
    """Relative to the base line width: family bonds heavier than professional contacts."""
    label: str


TIE_STYLES: dict[TieKind, TieStyle] = {
    TieKind.PARENT: TieStyle(Qt.PenStyle.SolidLine, 1.6, "Parent of"),
    TieKind.PARTNER: TieStyle(Qt.PenStyle.SolidLine, 2.2, "Partners"),
    TieKind.SIBLING: TieStyle(Qt.PenStyle.DashLine, 1.6, "Siblings"),
    TieKind.FAMILY: TieStyle(Qt.PenStyle.SolidLine, 1.0, "Family"),
    TieKind.SUPPORT: TieStyle(Qt.PenStyle.DotLine, 1.4, "Support"),
    TieKind.PROFESSIONAL: TieStyle(Qt.PenStyle.DashDotLine, 1.0, "Professional"),
    TieKind.OTHER: TieStyle(Qt.PenStyle.DotLine, 1.0, "Other"),
}


def role_colour(role: PersonRole) -> QColor:
    return QColor(ROLE_STYLES[role].fill)


def legend_entries() -> list[RoleStyle]:
    """Each way of drawing a person once, in the legend's order (child first, professionals last)."""
    seen: list[RoleStyle] = []
    for style in ROLE_STYLES.values():
        if style not in seen:
            seen.append(style)
    return seen


def marker_path(marker: Marker, centre: QPointF, size: float) -> QPainterPath:
    """The outline of ``marker`` centred on ``centre``, about ``size`` across (the same visual weight for each)."""
    path = QPainterPath()
    half = size / 2
    if marker is Marker.CIRCLE:
        path.addEllipse(centre, half, half)
    elif marker is Marker.SQUARE:
        side = size * 0.88
        path.addRoundedRect(QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side), side / 8, side / 8)
    else:
        corners = 4 if marker is Marker.DIAMOND else 6
        radius = half * (1.1 if marker is Marker.DIAMOND else 1.0)
        start = -math.pi / 2 if marker is Marker.DIAMOND else 0.0
        points = [
            QPointF(
                centre.x() + radius * math.cos(start + 2 * math.pi * k / corners),
                centre.y() + radius * math.sin(start + 2 * math.pi * k / corners),
            )
            for k in range(corners)
        ]
        path.addPolygon(QPolygonF(points))
        path.closeSubpath()
    return path


def ink_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on ``fill``."""
    luminance = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF()
    return QColor("#000000") if luminance > 0.45 else QColor("#FFFFFF")

"""The safety network's look in Qt terms, for the console's graph and the projector: marker outlines as painter
paths, tie strokes as pens, ink for a fill, and the roles' names on screen.

The look itself (shape and colour per role, stroke per tie, the "knows the worries" mark) is one table in
``models.network_look``, shared with the printed minutes; its names are re-exported here for the views.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPolygonF

from sos_desktop.models import PersonRole, TieKind
from sos_desktop.models.network_look import (
    KNOWS_COLOUR,
    KNOWS_LEGEND,
    KNOWS_MARK,
    ROLE_STYLES,
    TIE_LOOKS,
    Marker,
    RoleStyle,
    Stroke,
    legend_entries,
)

__all__ = [
    "KNOWS_COLOUR",
    "KNOWS_LEGEND",
    "KNOWS_MARK",
    "ROLE_STYLES",
    "TIE_STYLES",
    "Marker",
    "RoleStyle",
    "TieStyle",
    "ink_on",
    "legend_entries",
    "marker_path",
    "pen_style",
    "role_colour",
]


@dataclass(frozen=True)
class TieStyle:
    pen: Qt.PenStyle
    width: float
    """Relative to the base line width: family bonds heavier than professional contacts."""
    label: str


_PENS = {
    Stroke.SOLID: Qt.PenStyle.SolidLine,
    Stroke.DASH: Qt.PenStyle.DashLine,
    Stroke.DOT: Qt.PenStyle.DotLine,
    Stroke.DASH_DOT: Qt.PenStyle.DashDotLine,
}

TIE_STYLES: dict[TieKind, TieStyle] = {
    kind: TieStyle(_PENS[look.line], look.width, look.label) for kind, look in TIE_LOOKS.items()
}
"""The shared tie looks (``models.network_look``) as Qt pens."""


def pen_style(stroke: Stroke) -> Qt.PenStyle:
    """The Qt pen of one of the shared strokes (the genogram's bonds use them as the ties' kinds do)."""
    return _PENS[stroke]


def role_colour(role: PersonRole) -> QColor:
    return QColor(ROLE_STYLES[role].fill)


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

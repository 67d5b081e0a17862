"""How the safety network is drawn, wherever it is drawn (the console, the projector, the printed minutes): a shape
and colour per role, a line style per kind of tie, and the "knows the worries" mark, with the legend's words.

Plain data, so the Qt views and the PDF exporter draw from one table. Role is told by shape as well as colour, so
the graph still reads in greyscale and to colour-blind eyes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sos_desktop.models.enums import PersonRole, TieKind


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
    """A mid-tone that reads on a light console, a black projector background and white paper alike."""
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


class Stroke(StrEnum):
    """The stroke of a tie."""

    SOLID = "solid"
    DASH = "dash"
    DOT = "dot"
    DASH_DOT = "dash_dot"


@dataclass(frozen=True)
class TieLook:
    line: Stroke
    width: float
    """Relative to the base line width: family bonds heavier than professional contacts."""
    label: str


TIE_LOOKS: dict[TieKind, TieLook] = {
    TieKind.PARENT: TieLook(Stroke.SOLID, 1.6, "Parent of"),
    TieKind.PARTNER: TieLook(Stroke.SOLID, 2.2, "Partners"),
    TieKind.SIBLING: TieLook(Stroke.DASH, 1.6, "Siblings"),
    TieKind.FAMILY: TieLook(Stroke.SOLID, 1.0, "Family"),
    TieKind.SUPPORT: TieLook(Stroke.DOT, 1.4, "Support"),
    TieKind.PROFESSIONAL: TieLook(Stroke.DASH_DOT, 1.0, "Professional"),
    TieKind.OTHER: TieLook(Stroke.DOT, 1.0, "Other"),
}

KNOWS_MARK = "✓"
KNOWS_LEGEND = "Knows the worries"
KNOWS_COLOUR = "#1B9E4B"
"""The badge behind the tick: a strong green with white ink, legible on any background."""


def legend_entries() -> list[RoleStyle]:
    """Each way of drawing a person once, in the legend's order (child first, professionals last)."""
    seen: list[RoleStyle] = []
    for style in ROLE_STYLES.values():
        if style not in seen:
            seen.append(style)
    return seen

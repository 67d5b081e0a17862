"""Ties on the wall go round the people they do not join, their markers and the whole plates of their names: the
demo family, Mia's family and made-up families of 5 to 60 people, in every layout, measured on the drawn shapes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from sos_desktop.models import Network
from sos_desktop.models.network_layout import LayoutKind, compute_layout
from sos_desktop.ui.projector import load_theme
from sos_desktop.ui.projector.chart_shapes import BoxShape
from sos_desktop.ui.projector.network_chart import NetworkLayout
from sos_desktop.ui.projector.network_content import network_content
from sos_desktop.ui.projector.network_shapes import MarkerShape, TieShape
from sos_desktop.ui.projector.text import TextCache

sys.path.insert(0, str(Path(__file__).parents[2] / "models"))
import route_measure as measure

FAMILIES = measure.families()


def crossings(network: Network, kind: LayoutKind) -> tuple[int, int]:
    """Ties on the wall through a third person's marker or name plate; and ties that bend (the legend is drawn
    before the network: the network's markers and ties are the last ones).
    """
    content = network_content(network, "", lambda text: text, compute_layout(network, kind))
    shapes = NetworkLayout(content, load_theme("projector"), 1920, 1080, 1.0, TextCache()).scene().shapes
    markers = [s.path.boundingRect() for s in shapes if isinstance(s, MarkerShape)][-len(content.nodes) :]
    ties = [s for s in shapes if isinstance(s, TieShape)][-len(content.links) :]
    plates = [s.rect for s in shapes if isinstance(s, BoxShape)]

    def plate_of(marker: QRectF) -> QRectF:  # the plate just under the marker, round its middle
        under = [p for p in plates if p.left() < marker.center().x() < p.right() and p.top() >= marker.top()]
        return min(under, key=lambda p: p.top() - marker.bottom())

    people = [(_box(m), _box(plate_of(m))) for m in markers]
    centres = [(m.center().x(), m.center().y()) for m in markers]
    routes = [[(p.x(), p.y()) for p in (tie.start, *tie.bends, tie.end)] for tie in ties]
    ends = measure.ends_of(routes, centres)
    return len(measure.through_others(routes, ends, people)), sum(bool(tie.bends) for tie in ties)


def _box(rect: QRectF) -> measure.Box:
    return measure.box_of(rect.left(), rect.top(), rect.right(), rect.bottom())


@pytest.mark.parametrize("kind", list(LayoutKind))
def test_no_tie_on_the_wall_runs_through_anybody_else_s_marker_or_name(qapp: QApplication, kind: LayoutKind) -> None:
    bent = 0
    failures = []
    for name, make in FAMILIES.items():
        through, bends = crossings(make(), kind)
        if through:
            failures.append(f"{through} ties through people or their names: {name}, {kind.value}")
        bent += bends
    assert not failures, failures
    assert bent > 0

"""The console's graph draws ties round the people they do not join, their markers and the whole backing of their
names: the demo family, Mia's family and made-up families of 5 to 60 people, in every layout, measured on the items.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtWidgets import QApplication

from sos_desktop.models import Network
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.network_layout import LayoutKind, compute_layout
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.network.scene import NetworkScene

sys.path.insert(0, str(Path(__file__).parents[2] / "models"))
import route_measure as measure

FAMILIES = measure.families()


class _Shown(QObject):
    """Just what the scene reads of a meeting to show its network: the network and the two signals."""

    networkChanged = Signal()  # noqa: N815 - the document's name
    networkMoved = Signal()  # noqa: N815

    def __init__(self, network: Network) -> None:
        super().__init__()
        self.network = network


def crossings(network: Network, kind: LayoutKind, names: bool) -> tuple[int, int, int]:
    """Ties through a third person's marker or name backing as drawn; ties bending; and (if ``names``) how many of
    the ties that bend go round their own people's names rather than through them.
    """
    where = compute_layout(network, kind)
    for person in network.people:
        person.x, person.y = where[person.id or 0]
    for number, tie in enumerate(network.ties, start=1):
        tie.id = number  # as the store numbers them: the scene shows saved ties
    scene = NetworkScene(cast(MeetingDocument, _Shown(network)))
    nodes = list(scene.nodes.values())
    index = {node.person_id: n for n, node in enumerate(nodes)}
    people = [
        (_box(node.mapRectToScene(node.marker_rect())), _box(node.mapRectToScene(node.name_rect()))) for node in nodes
    ]
    lines = list(scene.lines.values())
    assert len(lines) == len(network.ties)
    routes = [[(p.x(), p.y()) for p in line.route] for line in lines]
    ends = [(index[line.source.person_id], index[line.target.person_id]) for line in lines]
    through = measure.through_others(routes, ends, people)
    own = sum(
        1
        for route, pair in zip(routes, ends, strict=True)
        if len(route) > 2 and not any(measure.through(route, None, people[n][1]) for n in pair)
    )
    return len(through), sum(len(route) > 2 for route in routes), own if names else 0


def _box(rect: QRectF) -> measure.Box:
    return measure.box_of(rect.left(), rect.top(), rect.right(), rect.bottom())


@pytest.mark.parametrize("kind", list(LayoutKind))
def test_no_tie_on_the_console_runs_through_anybody_else_s_marker_or_name(qapp: QApplication, kind: LayoutKind) -> None:
    failures, bent = [], 0
    for name, make in FAMILIES.items():
        through, bends, _own = crossings(make(), kind, names=False)
        if through:
            failures.append(f"{through} ties through people or their names: {name}, {kind.value}")
        bent += bends
    assert not failures, failures
    assert bent > 0


def test_in_the_family_tree_ties_leave_mum_beside_her_name() -> None:
    # Lily's and Noah's family: Mum's ties to her parents and children go past "Jordan Example", not through it.
    _through, _bends, beside = crossings(demo_bundle().network, LayoutKind.FAMILY_TREE, names=True)
    assert beside > 0

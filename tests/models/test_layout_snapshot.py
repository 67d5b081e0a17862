"""The copy of a network that a layout is worked out on (off the UI thread) gives the picture the network would."""

from __future__ import annotations

import copy

from family_network import family

from sos_desktop.models.network_graph import layout_snapshot
from sos_desktop.models.network_layout import LayoutKind, compute_layout


def test_every_layout_of_the_snapshot_is_the_layout_of_the_network() -> None:
    network = family()
    snapshot = layout_snapshot(network)
    for kind in LayoutKind:
        assert compute_layout(snapshot, kind) == compute_layout(copy.deepcopy(network), kind), kind


def test_the_snapshot_shares_nothing_the_document_may_change_meanwhile() -> None:
    network = family()
    snapshot = layout_snapshot(network)
    before = [(person.id, person.name, person.role, person.x, person.y) for person in snapshot.people]
    network.people[0].name = "Somebody else"
    network.people[0].x = 999.0
    network.people.pop()
    network.ties.pop()
    assert [(person.id, person.name, person.role, person.x, person.y) for person in snapshot.people] == before
    assert len(snapshot.ties) == len(network.ties) + 1

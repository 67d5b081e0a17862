"""The view of a safety network that every automatic layout starts from, and the order in which to visit people.

Shared by the layouts in :mod:`sos_desktop.models.network_layout` and :mod:`sos_desktop.models.network_family_tree`;
it imports neither of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sos_desktop.models.enums import PersonRole, TieKind
from sos_desktop.models.network import Network, NetworkPerson, Tie

Positions = dict[int, tuple[float, float]]
"""Where each person with an id goes: scene units, y growing downwards as in Qt."""

# The closer the tie, the sooner a walk of the network visits it: partners end up next to each other.
_TIE_PRIORITY = {
    TieKind.PARTNER: 0,
    TieKind.PARENT: 1,
    TieKind.SIBLING: 2,
    TieKind.FAMILY: 3,
    TieKind.SUPPORT: 4,
    TieKind.OTHER: 5,
    TieKind.PROFESSIONAL: 6,
}


@dataclass(frozen=True)
class LayoutGraph:
    """The part of a network a layout can use: people with an id (the first of a repeated id) and their ties."""

    people: dict[int, NetworkPerson]
    parents: dict[int, list[int]]
    neighbours: dict[int, dict[int, TieKind]]
    """Each person's neighbours with the closest kind of tie between them; no self-ties, no unknown people."""

    def role(self, pid: int) -> PersonRole:
        return self.people[pid].role


def layout_snapshot(network: Network) -> Network:
    """A copy of the part of ``network`` the layouts read, quick enough to take on the UI thread.

    People keep their id, names, role, relationship, age, circle and place; ties their ends, kind and id. Details no
    layout reads (contacts, notes, rules, agreements, ``extra``) are left out, and the copy shares nothing mutable
    with ``network``, so the document may go on changing while a worker thread lays the copy out. A deep copy of a
    network of 500 people takes several times as long and makes enough garbage to set off a full collection.
    """
    people = [
        NetworkPerson(
            name=person.name,
            id=person.id,
            display_name=person.display_name,
            role=person.role,
            relationship=person.relationship,
            age=person.age,
            circle=person.circle,
            x=person.x,
            y=person.y,
        )
        for person in network.people
    ]
    return Network(people, [Tie(tie.source, tie.target, tie.kind, tie.id) for tie in network.ties])


def graph_of(network: Network) -> LayoutGraph:
    """The people and ties of ``network`` that a layout can use."""
    people: dict[int, NetworkPerson] = {}
    for person in network.people:
        if person.id is not None and person.id not in people:
            people[person.id] = person
    neighbours: dict[int, dict[int, TieKind]] = {pid: {} for pid in people}
    parents: dict[int, list[int]] = {pid: [] for pid in people}
    for tie in network.ties:
        a, b = tie.source, tie.target
        if a == b or a not in people or b not in people:
            continue
        for one, other in ((a, b), (b, a)):
            known = neighbours[one].get(other)
            if known is None or _TIE_PRIORITY[tie.kind] < _TIE_PRIORITY[known]:
                neighbours[one][other] = tie.kind
        if tie.kind is TieKind.PARENT and a not in parents[b]:
            parents[b].append(a)
    return LayoutGraph(people, parents, neighbours)


def walk_order(graph: LayoutGraph) -> dict[int, int]:
    """Each person's rank in a depth-first walk from the children that follows the closest ties first.

    People near each other in this order are tied to each other, which gives every layout a sensible start.
    """
    index = {pid: n for n, pid in enumerate(graph.people)}
    children = [pid for pid in graph.people if graph.role(pid) is PersonRole.CHILD]
    rank: dict[int, int] = {}
    for root in [*children, *graph.people]:
        stack = [root]
        while stack:
            pid = stack.pop()
            if pid in rank:
                continue
            rank[pid] = len(rank)
            ties = graph.neighbours[pid]
            unvisited = [other for other in ties if other not in rank]
            # Pushed closest-last so that the closest tie is popped and visited first.
            unvisited.sort(key=lambda other: (_TIE_PRIORITY[ties[other]], index[other]), reverse=True)
            stack.extend(unvisited)
    return rank


def interleave(ordered: list[int], counts: list[int]) -> list[list[int]]:
    """``ordered`` dealt into groups of ``counts`` so that every group takes its share evenly from the whole order."""
    total = len(ordered)
    groups: list[list[int]] = [[] for _ in counts]
    for n, pid in enumerate(ordered):
        behind = [count * (n + 1) / total - len(group) for count, group in zip(counts, groups, strict=True)]
        groups[behind.index(max(behind))].append(pid)
    return groups

"""What the projector shows of the case's safety network, taken from the document with display names only.

This is the network view's privacy boundary: the chart is given a ``NetworkContent``, never a ``NetworkPerson``, so
nothing but a person's display name, role and whether they know the worries can reach the room. Their full name,
relationship, contact details and notes stay on the console.

People the console's graph has placed keep their places; anybody never placed is put where the circles layout puts
them (the children in the middle), moved to stand among the people already placed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sos_desktop.models import Network, PersonRole, TieKind
from sos_desktop.models.network import initials
from sos_desktop.models.network_findings import summarise, summary_line
from sos_desktop.models.network_layout import standing_positions

Positions = dict[int, tuple[float, float]]
Mask = Callable[[str], str]


@dataclass(frozen=True)
class Node:
    """One person as the room sees them: where they are (in the network's own units), what they are called."""

    id: int
    name: str
    """The display name: initials or a pseudonym, never the full name."""
    role: PersonRole
    knows_worries: bool
    x: float
    y: float

    @property
    def is_child(self) -> bool:
        return self.role is PersonRole.CHILD


@dataclass(frozen=True)
class Link:
    source: int
    target: int
    kind: TieKind


@dataclass(frozen=True)
class NetworkContent:
    """The network view's snapshot: the title line, the people and ties, and the summary line."""

    title: str
    nodes: tuple[Node, ...]
    links: tuple[Link, ...]
    summary: str


def layout_key(network: Network) -> tuple[object, ...]:
    """What ``positions`` depends on: an edit that leaves it alone (a name, a note) need not lay the network out."""
    people = tuple((p.id, p.x, p.y, p.role, p.circle) for p in network.people)
    return people, tuple((tie.source, tie.target, tie.kind) for tie in network.ties)


def network_content(network: Network, title: str, mask: Mask, where: Positions | None = None) -> NetworkContent:
    """The projector's snapshot of ``network``; ``title`` is masked, ``where`` saves laying the network out again."""
    where = standing_positions(network) if where is None else where
    nodes = tuple(
        Node(
            id=person.id,
            name=person.display_name.strip() or initials(person.name),
            role=person.role,
            knows_worries=person.knows_worries,
            x=where[person.id][0],
            y=where[person.id][1],
        )
        for person in network.people
        if person.id is not None and person.id in where
    )
    present = {node.id for node in nodes}
    links = tuple(
        Link(tie.source, tie.target, tie.kind)
        for tie in network.ties
        if tie.source in present and tie.target in present and tie.source != tie.target
    )
    return NetworkContent(mask(title), nodes, links, summary_line(summarise(network)))

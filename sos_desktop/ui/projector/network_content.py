"""What the projector shows of the case's safety network, taken from the document with display names only.

This is the network view's privacy boundary: the chart is given a ``NetworkContent``, never a ``NetworkPerson``, so
nothing but a person's display name, role and whether they know the worries can reach the room, with the genogram's
marks (gender, died, the index child, the tie's bond) when the network stands as a family tree. Their full name,
relationship, contact details and notes stay on the console; a household's name reaches the wall only when the
wall's masker leaves it as it is (it holds nobody's full name or nickname).

People the console's graph has placed keep their places; anybody never placed is put where the circles layout puts
them (the children in the middle), moved to stand among the people already placed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sos_desktop.models import Gender, Network, PersonRole, TieBond, TieKind
from sos_desktop.models.genogram import arranged_as_family_tree, households
from sos_desktop.models.network import initials
from sos_desktop.models.network_findings import summarise, summary_line
from sos_desktop.models.network_layout import standing_positions

Positions = dict[int, tuple[float, float]]
Mask = Callable[[str], str]
GENOGRAM_HEADING = "Family tree"
"""The heading of the genogram view (the network laid out as a family tree with the genogram's marks)."""


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
    gender: Gender | None = None
    deceased: bool = False
    index_child: bool = False

    @property
    def is_child(self) -> bool:
        return self.role is PersonRole.CHILD


@dataclass(frozen=True)
class Link:
    source: int
    target: int
    kind: TieKind
    bond: TieBond = TieBond.BIRTH_OR_TOGETHER


@dataclass(frozen=True)
class HouseholdMark:
    """People who live together, drawn inside one dotted line; ``name`` is "" when it may not be shown."""

    name: str
    members: tuple[int, ...]


@dataclass(frozen=True)
class NetworkContent:
    """The network view's snapshot: the title line, the people and ties, and the summary line; with the genogram's
    marks and households when ``genogram``.
    """

    title: str
    nodes: tuple[Node, ...]
    links: tuple[Link, ...]
    summary: str
    genogram: bool = False
    households: tuple[HouseholdMark, ...] = ()
    heading: str = ""
    """The view's heading ("" for the chart's own, "Safety network")."""


def layout_key(network: Network) -> tuple[object, ...]:
    """What ``positions`` depends on: an edit that leaves it alone (a name, a note) need not lay the network out."""
    people = tuple((p.id, p.x, p.y, p.role, p.circle) for p in network.people)
    return people, tuple((tie.source, tie.target, tie.kind) for tie in network.ties)


def network_content(
    network: Network,
    title: str,
    mask: Mask,
    where: Positions | None = None,
    genogram: bool | None = None,
    heading: str = "",
) -> NetworkContent:
    """The projector's snapshot of ``network``; ``title`` is masked, ``where`` saves laying the network out again.

    The genogram's marks come with it when ``genogram``, or (None) when the network stands as a family tree.
    """
    where = standing_positions(network) if where is None else where
    if genogram is None:
        genogram = arranged_as_family_tree(network, where)
    nodes = tuple(
        Node(
            id=person.id,
            name=person.display_name.strip() or initials(person.name),
            role=person.role,
            knows_worries=person.knows_worries,
            x=where[person.id][0],
            y=where[person.id][1],
            gender=person.gender if genogram else None,
            deceased=person.deceased and genogram,
            index_child=person.index_child and genogram,
        )
        for person in network.people
        if person.id is not None and person.id in where
    )
    present = {node.id for node in nodes}
    links = tuple(
        Link(tie.source, tie.target, tie.kind, tie.bond if genogram else TieBond.BIRTH_OR_TOGETHER)
        for tie in network.ties
        if tie.source in present and tie.target in present and tie.source != tie.target
    )
    marks: tuple[HouseholdMark, ...] = ()
    if genogram:
        marks = tuple(
            HouseholdMark(household.name if mask(household.name) == household.name else "", members)
            for household in households(network)
            if (members := tuple(member for member in household.members if member in present))
        )
    return NetworkContent(mask(title), nodes, links, summary_line(summarise(network)), genogram, marks, heading)

"""What the safety network tells the group: how many naturally connected people there are, who knows the worries,
and where the child's links to the family hang on a single person or run only through professionals.

Pure functions over a :class:`Network`; the graph work uses networkx, imported only when it is needed. Every name
in a message comes through ``name_of``, so the projector can show display names while the console shows real ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sos_desktop.models.enums import PersonRole
from sos_desktop.models.network import Network, NetworkPerson

if TYPE_CHECKING:
    import networkx as nx

THIN_NETWORK = 5
"""Fewer naturally connected people than this is a thin network."""

NAMES_SHOWN = 5
"""A message names at most this many people, then says how many more."""


@dataclass(frozen=True)
class NetworkSummary:
    children: int
    natural: int
    """Naturally connected people: neither a child of the case nor a professional."""
    natural_knowing: int
    """Of the naturally connected people, how many know the worries."""
    professionals: int


@dataclass(frozen=True)
class Finding:
    """One thing the network shows, in a sentence for the facilitator to read out or put on the projector."""

    key: str
    """"empty", "thin", "no_child", "knowing", "not_knowing", "only_professionals", "cut_off" or "unconnected"."""
    message: str
    people: tuple[int, ...] = ()
    """Ids of the people the finding is about, for highlighting them."""
    concern: bool = False
    """A worrying finding (shown in amber) rather than plain information."""


Namer = Callable[[NetworkPerson], str]


def is_natural(person: NetworkPerson) -> bool:
    """Whether the person is naturally connected: family, friends, community; not a child, not a professional."""
    return person.role not in (PersonRole.CHILD, PersonRole.PROFESSIONAL)


def summarise(network: Network) -> NetworkSummary:
    natural = [person for person in network.people if is_natural(person)]
    return NetworkSummary(
        children=sum(person.role is PersonRole.CHILD for person in network.people),
        natural=len(natural),
        natural_knowing=sum(person.knows_worries for person in natural),
        professionals=sum(person.role is PersonRole.PROFESSIONAL for person in network.people),
    )


def findings(network: Network, name_of: Namer = lambda person: person.name) -> list[Finding]:
    """What the network tells the group, most basic first; each name in a message is ``name_of`` the person."""
    summary = summarise(network)
    found = _size(network, summary)
    found += _knowing(network, summary, name_of)
    people = _people_by_id(network)
    if not people:
        return found
    graph = _graph(network, people)
    found += _only_professionals(graph, people, name_of)
    found += _cut_off(graph, people, name_of)
    found += _unconnected(graph, people, name_of)
    return found


def listed(names: Sequence[str], most: int = NAMES_SHOWN) -> str:
    """Names as a sentence reads them: "A", "A and B", "A, B and C", "A, B, C, D, E and 3 more"."""
    if len(names) > most:
        return f"{', '.join(names[:most])} and {len(names) - most} more"
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _ids(people: Iterable[NetworkPerson]) -> tuple[int, ...]:
    return tuple(person.id for person in people if person.id is not None)


def _size(network: Network, summary: NetworkSummary) -> list[Finding]:
    found = []
    if not summary.natural:
        message = "Nobody from the family's own network has been named yet: an empty network is a finding in itself."
        found.append(Finding("empty", message, concern=True))
    elif summary.natural < THIN_NETWORK:
        people = "person" if summary.natural == 1 else "people"
        found.append(
            Finding("thin", f"Only {summary.natural} naturally connected {people}: a thin network.", concern=True)
        )
    if network.people and not summary.children:
        message = "No child has been added to the network yet, so nobody can be linked to the child."
        found.append(Finding("no_child", message, concern=True))
    return found


def _knowing(network: Network, summary: NetworkSummary, name_of: Namer) -> list[Finding]:
    if not summary.natural:
        return []
    natural = [person for person in network.people if is_natural(person)]
    knowing = [person for person in natural if person.knows_worries]
    if summary.natural == 1:
        told = "who knows the worries" if knowing else "who does not know the worries yet"
        message = f"1 naturally connected person, {told}."
    else:
        count = len(knowing)
        told = "none of them knows" if not count else f"{count} of them know{'s' if count == 1 else ''}"
        message = f"{summary.natural} naturally connected people, {told} the worries."
    found = [Finding("knowing", message, _ids(knowing))]
    unaware = [person for person in natural if not person.knows_worries]
    if unaware:
        verb = "does" if len(unaware) == 1 else "do"
        message = f"{listed([name_of(p) for p in unaware])} {verb} not know the worries yet."
        found.append(Finding("not_knowing", message, _ids(unaware), concern=True))
    return found


def _people_by_id(network: Network) -> dict[int, NetworkPerson]:
    """The people a tie can point at: those with an id, the first of any repeated id."""
    people: dict[int, NetworkPerson] = {}
    for person in network.people:
        if person.id is not None:
            people.setdefault(person.id, person)
    return people


def _graph(network: Network, people: dict[int, NetworkPerson]) -> nx.Graph:
    """Who is tied to whom, ignoring direction, kind, repeats, self-ties and ties to people not in the network."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(people)
    graph.add_edges_from(
        (tie.source, tie.target)
        for tie in network.ties
        if tie.source != tie.target and tie.source in people and tie.target in people
    )
    return graph


def _children_phrase(count: int) -> str:
    return "the child" if count == 1 else "the children"


def _only_professionals(graph: nx.Graph, people: dict[int, NetworkPerson], name_of: Namer) -> list[Finding]:
    """Children with only professionals around them, and family or friends who reach the child only through them."""
    import networkx as nx

    children = [pid for pid, person in people.items() if person.role is PersonRole.CHILD]
    if not children:
        return []
    professional = {pid for pid, person in people.items() if person.role is PersonRole.PROFESSIONAL}
    natural = {pid for pid, person in people.items() if is_natural(person)}
    part_without: dict[int, int] = {}
    natural_in: list[bool] = []
    for number, part in enumerate(nx.connected_components(graph.subgraph(set(people) - professional))):
        part_without.update(dict.fromkeys(part, number))
        natural_in.append(bool(part & natural))
    part_with = {pid: number for number, part in enumerate(nx.connected_components(graph)) for pid in part}
    found = []
    alone = [
        c for c in children if not natural_in[part_without[c]] and any(n in professional for n in graph.neighbors(c))
    ]
    if alone:
        names = listed([name_of(people[c]) for c in alone])
        message = f"Only professionals are linked to {names}: nobody from the family's own network."
        found.append(Finding("only_professionals", message, tuple(alone), concern=True))
    with_child = {part_with[c] for c in children}
    without_child = {part_without[c] for c in children}
    reaching = [
        pid
        for pid in people
        if pid in natural and part_without[pid] not in without_child and part_with[pid] in with_child
    ]
    if reaching:
        verb = "is" if len(reaching) == 1 else "are"
        who = listed([name_of(people[pid]) for pid in reaching])
        message = f"{who} {verb} linked to {_children_phrase(len(children))} only through professionals."
        found.append(Finding("only_professionals", message, tuple(reaching), concern=True))
    return found


def _reach(graph: nx.Graph, start: int, blocked: int) -> set[int]:
    """Everybody ``start`` can reach without going through ``blocked``."""
    seen = {start, blocked}
    waiting = [start]
    adjacency = graph.adj
    while waiting:
        for other in adjacency[waiting.pop()]:
            if other not in seen:
                seen.add(other)
                waiting.append(other)
    seen.discard(blocked)
    return seen


def _cut_off(graph: nx.Graph, people: dict[int, NetworkPerson], name_of: Namer) -> list[Finding]:
    """One finding per person whose absence would separate a child from family or friends they can reach now."""
    import networkx as nx

    children = [pid for pid, person in people.items() if person.role is PersonRole.CHILD]
    if not children:
        return []
    part_of = {pid: frozenset(part) for part in nx.connected_components(graph) for pid in part}
    hinges = set(nx.articulation_points(graph))
    found = []
    for hinge in (pid for pid in people if pid in hinges and people[pid].role is not PersonRole.CHILD):
        part = part_of[hinge]
        affected: list[int] = []
        lost: set[int] = set()
        reached: dict[int, set[int]] = {}
        for child in (c for c in children if c in part):
            if child not in reached:
                reach = _reach(graph, child, hinge)
                reached.update(dict.fromkeys(reach, reach))
            missing = {pid for pid in part - reached[child] if pid != hinge and is_natural(people[pid])}
            if missing:
                affected.append(child)
                lost |= missing
        if affected:
            who = listed([name_of(people[c]) for c in affected])
            gone = listed([name_of(people[pid]) for pid in people if pid in lost])
            message = f"Without {name_of(people[hinge])}, {who} would be cut off from {gone}."
            found.append(Finding("cut_off", message, (hinge,), concern=True))
    return found


def _unconnected(graph: nx.Graph, people: dict[int, NetworkPerson], name_of: Namer) -> list[Finding]:
    if not graph.number_of_edges():
        return [Finding("unconnected", "No ties have been drawn yet.")] if len(people) > 1 else []
    alone = [pid for pid in people if not graph.degree(pid)]
    if not alone:
        return []
    verb = "is" if len(alone) == 1 else "are"
    message = f"{listed([name_of(people[pid]) for pid in alone])} {verb} not linked to anybody yet."
    return [Finding("unconnected", message, tuple(alone))]


def summary_line(found: NetworkSummary) -> str:
    """The figures the group looks for first, in a line: "6 naturally connected people · 4 know the worries"."""
    if not found.natural:
        parts = ["No naturally connected people yet"]
    else:
        people = "person" if found.natural == 1 else "people"
        verb = "knows" if found.natural_knowing == 1 else "know"
        parts = [f"{found.natural} naturally connected {people}", f"{found.natural_knowing} {verb} the worries"]
    if found.professionals:
        parts.append(f"{found.professionals} professional{'' if found.professionals == 1 else 's'}")
    return " · ".join(parts)

"""The family tree (genogram-like) layout of the safety network: generations in rows, everybody else below.

Rows come from the parent ties, with partners, siblings and a child's two parents side by side; a few sweeps down and
up the rows then place each person across, children centred under their parents. Friends, community and
professionals stand in rows of their own below the family, each under the people they are tied to.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

from sos_desktop.models.enums import PersonRole, TieKind
from sos_desktop.models.network_graph import LayoutGraph, Positions, interleave, walk_order

_FAMILY_TIES = frozenset({TieKind.PARENT, TieKind.PARTNER, TieKind.SIBLING, TieKind.FAMILY})
_SAME_ROW_TIES = frozenset({TieKind.PARTNER, TieKind.SIBLING})

_Rows = list[list[list[int]]]
"""The family tree's rows, top first; each row a list of units, people who stand side by side."""


def family_tree(graph: LayoutGraph, spacing: float) -> Positions:
    """Generations in rows from the parent ties, partners and siblings side by side, everybody else in rows below."""
    rank = walk_order(graph)
    by_rank = sorted(graph.people, key=rank.__getitem__)
    family = [pid for pid in by_rank if any(kind in _FAMILY_TIES for kind in graph.neighbours[pid].values())]
    rows = _rows(graph, _units(graph, family))
    x = _columns(graph, rows, spacing)
    if x:
        middle = (min(x.values()) + max(x.values())) / 2
        x = {pid: value - middle for pid, value in x.items()}
    positions = {
        pid: (x[pid], float(level * spacing)) for level, row in enumerate(rows) for unit in row for pid in unit
    }
    everyone_else = [pid for pid in by_rank if pid not in positions]
    first_row = len(rows) + 1 if rows else 0  # an empty row keeps friends and professionals apart from the family
    positions.update(_others(graph, everyone_else, x, first_row, spacing))
    return positions


def _row_links(graph: LayoutGraph, family: list[int]) -> dict[int, dict[int, int]]:
    """Who must stand in the same row as whom, closest first: partners (0), a child's two parents (1), siblings (2).

    A child's parents are drawn as a couple, as on a genogram, even when they are no longer together.
    """
    links: dict[int, dict[int, int]] = {pid: {} for pid in family}
    for pid in family:
        for other, kind in graph.neighbours[pid].items():
            if kind in _SAME_ROW_TIES:
                links[pid][other] = 0 if kind is TieKind.PARTNER else 2
    for parents in graph.parents.values():
        for one in parents:
            for other in parents:
                if one != other:
                    links[one][other] = min(links[one].get(other, 1), 1)
    return links


def _units(graph: LayoutGraph, family: list[int]) -> list[list[int]]:
    """Family members grouped by their row links: each group shares a row and stands side by side."""
    links = _row_links(graph, family)
    owner = {pid: pid for pid in family}

    def root(pid: int) -> int:
        while owner[pid] != pid:
            owner[pid] = owner[owner[pid]]
            pid = owner[pid]
        return pid

    for pid in family:
        for other in links[pid]:
            owner[root(other)] = root(pid)
    groups: dict[int, list[int]] = {}
    for pid in family:
        groups.setdefault(root(pid), []).append(pid)
    return [_side_by_side(links, group) for group in groups.values()]


def _side_by_side(links: dict[int, dict[int, int]], group: list[int]) -> list[int]:
    """A walk through the group from one end that takes the closest link first, so that partners stand together."""
    place = {pid: n for n, pid in enumerate(group)}

    def ties(pid: int) -> list[int]:
        return sorted(links[pid], key=lambda other: (links[pid][other], place[other]))

    order: dict[int, None] = {}
    stack = [min(group, key=lambda pid: (len(links[pid]), place[pid]))]
    while stack:
        pid = stack.pop()
        if pid not in order:
            order[pid] = None
            stack.extend(reversed([other for other in ties(pid) if other not in order]))
    return list(order)


def _rows(graph: LayoutGraph, units: list[list[int]]) -> _Rows:
    """The units in rows, each parent's row above the child's; the children of the case share one row."""
    import networkx as nx

    unit_of = {pid: n for n, unit in enumerate(units) for pid in unit}
    above = nx.DiGraph()
    above.add_nodes_from(range(len(units)))
    for child in unit_of:
        for parent in graph.parents[child]:
            if parent in unit_of and unit_of[parent] != unit_of[child]:
                above.add_edge(unit_of[parent], unit_of[child])
    # Bad data can make somebody their own ancestor: such a loop collapses into one row instead of hanging.
    dag = nx.condensation(above)
    order = list(nx.topological_sort(dag))
    level: dict[int, int] = {}
    for node in order:
        level[node] = max((level[parent] + 1 for parent in dag.predecessors(node)), default=0)
    for node in reversed(order):
        if not dag.in_degree(node) and dag.out_degree(node):
            # Parents with no recorded parents of their own sit just above their highest child, not at the top.
            level[node] = min(level[child] for child in dag.successors(node)) - 1
    levels = {n: level[dag.graph["mapping"][n]] for n in range(len(units))}
    _place_loose_relatives(graph, units, unit_of, levels, {n for n in above if len(units[n]) > 1 or above.degree(n)})
    _align_families(graph, units, unit_of, levels)
    rows: _Rows = [[] for _ in range(max(levels.values(), default=-1) + 1)]
    for n, unit in enumerate(units):
        rows[levels[n]].append(unit)
    return rows


def _place_loose_relatives(
    graph: LayoutGraph, units: list[list[int]], unit_of: dict[int, int], levels: dict[int, int], settled: set[int]
) -> None:
    """Relatives joined only by a general family tie take the row of the first settled relative they are tied to.

    Tied to a child of the case they go one row up: an aunt or a nan is far more often older than younger.
    """
    for n, unit in enumerate(units):
        if n in settled:
            continue
        for other, kind in graph.neighbours[unit[0]].items():
            if kind is TieKind.FAMILY and other in unit_of and unit_of[other] in settled:
                older = graph.role(other) is PersonRole.CHILD and graph.role(unit[0]) is not PersonRole.CHILD
                levels[n] = levels[unit_of[other]] - int(older)
                settled.add(n)
                break


def _align_families(
    graph: LayoutGraph, units: list[list[int]], unit_of: dict[int, int], levels: dict[int, int]
) -> None:
    """Shift each separate family so the case's children share a row, and the top row is row 0."""
    import networkx as nx

    linked = nx.Graph()
    linked.add_nodes_from(range(len(units)))
    for pid, n in unit_of.items():
        linked.add_edges_from(
            (n, unit_of[other]) for other, kind in graph.neighbours[pid].items() if kind in _FAMILY_TIES
        )
    families = sorted((sorted(family) for family in nx.connected_components(linked)), key=min)
    child_rows = [[levels[n] for n in family if _has_child(graph, units[n])] for family in families]
    top = min(
        (levels[n] - min(rows) for family, rows in zip(families, child_rows, strict=True) if rows for n in family),
        default=0,
    )
    for family, rows in zip(families, child_rows, strict=True):
        # A family without a child of the case starts in the top row.
        shift = -min(rows) if rows else top - min(levels[n] for n in family)
        for n in family:
            levels[n] += shift - top


def _has_child(graph: LayoutGraph, unit: list[int]) -> bool:
    return any(graph.role(pid) is PersonRole.CHILD for pid in unit)


def _spread(wanted: list[float], gaps: list[float], weights: list[float]) -> list[float]:
    """Centres as near as possible (least squares) to ``wanted``, in order, each at least ``gaps`` after the last.

    Taking away the running total of the gaps turns this into isotonic regression: pool adjacent violators.
    """
    shifts = [0.0]
    for gap in gaps:
        shifts.append(shifts[-1] + gap)
    pools: list[tuple[float, float, int]] = []  # mean, weight, how many
    for value, weight in zip((w - s for w, s in zip(wanted, shifts, strict=True)), weights, strict=True):
        pools.append((value, weight, 1))
        while len(pools) > 1 and pools[-2][0] > pools[-1][0]:
            (v2, w2, n2), (v1, w1, n1) = pools.pop(), pools.pop()
            pools.append(((v1 * w1 + v2 * w2) / (w1 + w2), w1 + w2, n1 + n2))
    flat = [value for value, _, count in pools for _ in range(count)]
    return [value + shift for value, shift in zip(flat, shifts, strict=True)]


def _offsets(unit: list[int], spacing: float) -> list[float]:
    return [(n - (len(unit) - 1) / 2) * spacing for n in range(len(unit))]


def _place_row(row: list[list[int]], wanted: list[float], spacing: float, x: dict[int, float]) -> None:
    if not row:
        return
    gaps = [(len(a) + len(b)) / 2 * spacing for a, b in itertools.pairwise(row)]
    centres = _spread(wanted, gaps, [float(len(unit)) for unit in row])
    for unit, centre in zip(row, centres, strict=True):
        for pid, offset in zip(unit, _offsets(unit, spacing), strict=True):
            x[pid] = centre + offset


def _wanted_centre(unit: list[int], targets: dict[int, float], spacing: float) -> float | None:
    """Where the unit's centre would put its members nearest their targets; turns the unit round if that helps."""
    if not targets:
        return None

    def votes() -> list[float]:
        return [
            targets[pid] - offset for pid, offset in zip(unit, _offsets(unit, spacing), strict=True) if pid in targets
        ]

    def misfit(values: list[float]) -> float:
        mean = sum(values) / len(values)
        return sum((value - mean) ** 2 for value in values)

    ahead = votes()
    unit.reverse()
    behind = votes()
    if misfit(behind) >= misfit(ahead) - 1e-6:
        unit.reverse()
        behind = ahead
    return sum(behind) / len(behind)


def _sweep(rows: _Rows, related: Callable[[int], list[int]], spacing: float, x: dict[int, float]) -> None:
    """Each row in turn ordered and placed under (or over) the people it is related to in rows already placed."""
    for row in rows:
        wanted: list[float] = []
        for unit in row:
            targets = {}
            for pid in unit:
                placed = [x[other] for other in related(pid)]
                if placed:
                    targets[pid] = sum(placed) / len(placed)
            centre = _wanted_centre(unit, targets, spacing)
            wanted.append(sum(x[pid] for pid in unit) / len(unit) if centre is None else centre)
        order = sorted(range(len(row)), key=wanted.__getitem__)
        row[:] = [row[n] for n in order]
        _place_row(row, [wanted[n] for n in order], spacing, x)


def _columns(graph: LayoutGraph, rows: _Rows, spacing: float) -> dict[int, float]:
    """Across positions for the family: a few sweeps down and up, ending with children centred under parents."""
    x: dict[int, float] = {}
    row_of = {pid: level for level, row in enumerate(rows) for unit in row for pid in unit}
    for row in rows:
        _place_row(row, [0.0] * len(row), spacing, x)
    children: dict[int, list[int]] = {pid: [] for pid in row_of}
    for child, parents in graph.parents.items():
        for parent in parents:
            if child in row_of and parent in row_of:
                children[parent].append(child)

    def relatives(pid: int, upwards: bool) -> list[int]:
        close = graph.parents[pid] if upwards else children[pid]
        if not close:
            # Somebody tied only by a general family tie goes by those relatives instead.
            close = [
                other for other, kind in graph.neighbours[pid].items() if kind is TieKind.FAMILY and other in row_of
            ]
            close = [other for other in close if (row_of[other] < row_of[pid]) == upwards]
        return [other for other in close if other in row_of and row_of[other] != row_of[pid]]

    for _ in range(2):
        _sweep(rows, lambda pid: relatives(pid, True), spacing, x)
        _sweep(rows[::-1], lambda pid: relatives(pid, False), spacing, x)
    _sweep(rows, lambda pid: relatives(pid, True), spacing, x)
    return x


def _others(graph: LayoutGraph, others: list[int], x: dict[int, float], first_row: int, spacing: float) -> Positions:
    """Friends, community and professionals in rows of their own, each under the family they are tied to."""
    if not others:
        return {}
    keys: dict[int, float] = {}
    for pid in others:
        placed = [x[other] for other in graph.neighbours[pid] if other in x]
        if placed:
            keys[pid] = sum(placed) / len(placed)
    ordered = sorted((pid for pid in others if pid in keys), key=keys.__getitem__)
    ordered += [pid for pid in others if pid not in keys]
    family_columns = int((max(x.values()) - min(x.values())) / spacing) + 1 if x else 0
    per_row = max(8, math.ceil(math.sqrt(len(ordered))), family_columns)
    row_count = math.ceil(len(ordered) / per_row)
    counts = [len(ordered) // row_count + (1 if n < len(ordered) % row_count else 0) for n in range(row_count)]
    positions: Positions = {}
    for number, members in enumerate(interleave(ordered, counts)):
        wanted: list[float] = []
        for pid in members:
            if pid in keys:
                wanted.append(keys[pid])
            else:
                wanted.append(wanted[-1] + spacing if wanted else -(len(members) - 1) / 2 * spacing)
        row = [[pid] for pid in members]
        where: dict[int, float] = {}
        _place_row(row, wanted, spacing, where)
        positions.update({pid: (where[pid], float((first_row + number) * spacing)) for pid in members})
    return positions

"""Benchmarks of the safety network's maths: the three automatic layouts and the findings, with 60 and 500 people.

Run: ``.venv/bin/python bench/bench_network.py`` (``--quick`` for fewer runs; no Qt needed). Prints the median of
repeated runs against its target. Targets: every layout and the findings <= 100 ms with 60 people, <= 2 s with 500.
The networks are built deterministically: families that grow by partners, children, parents and siblings, then
friends, community and professionals tied to them, and a few people nobody has tied to anybody yet.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import random
import statistics
import sys
import time
from collections.abc import Callable

from sos_desktop.models.enums import Circle, PersonRole, TieKind
from sos_desktop.models.network import Network, NetworkPerson, Tie
from sos_desktop.models.network_findings import findings
from sos_desktop.models.network_layout import LayoutKind, compute_layout

TARGET_MS = {60: 100.0, 500: 2000.0}
RUNS = {60: 21, 500: 5}
QUICK_RUNS = {60: 5, 500: 1}


class _Builder:
    """A network under construction: people numbered from 1, ties between them."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.people: list[NetworkPerson] = []
        self.ties: list[Tie] = []
        self.generation: dict[int, int] = {}
        self.partner: dict[int, int] = {}

    def add(self, role: PersonRole, generation: int | None = None) -> int:
        number = len(self.people) + 1
        circle = self.random.choice([Circle.INNER, Circle.OUTER, None])
        if role in (PersonRole.CHILD, PersonRole.PROFESSIONAL):
            circle = None
        knows = self.random.random() < 0.5
        self.people.append(NetworkPerson(f"Person {number}", id=number, role=role, circle=circle, knows_worries=knows))
        if generation is not None:
            self.generation[number] = generation
        return number

    def tie(self, source: int, target: int, kind: TieKind) -> None:
        self.ties.append(Tie(source, target, kind, id=len(self.ties) + 1))

    def grow_family(self, size: int) -> None:
        """The case's children and parents, then relatives added one at a time to somebody already there."""
        mum, dad = self.add(PersonRole.PARENT, 1), self.add(PersonRole.PARENT, 1)
        self.tie(mum, dad, TieKind.PARTNER)
        self.partner.update({mum: dad, dad: mum})
        children = [self.add(PersonRole.CHILD, 2) for _ in range(2 if size < 100 else 3)]
        for child in children:
            self.tie(mum, child, TieKind.PARENT)
            self.tie(dad, child, TieKind.PARENT)
        for older, younger in itertools.pairwise(children):
            self.tie(older, younger, TieKind.SIBLING)
        while len(self.generation) < size:
            self.add_relative(self.random.choice(list(self.generation)))

    def add_relative(self, person: int) -> None:
        generation = self.generation[person]
        move = self.random.random()
        if move < 0.25 and person not in self.partner:
            other = self.add(PersonRole.FAMILY, generation)
            self.tie(person, other, TieKind.PARTNER)
            self.partner.update({person: other, other: person})
        elif move < 0.6:
            child = self.add(PersonRole.FAMILY, generation + 1)
            self.tie(person, child, TieKind.PARENT)
            if person in self.partner:
                self.tie(self.partner[person], child, TieKind.PARENT)
        elif move < 0.8:
            parent = self.add(PersonRole.FAMILY, generation - 1)
            self.tie(parent, person, TieKind.PARENT)
        elif move < 0.95:
            self.tie(person, self.add(PersonRole.FAMILY, generation), TieKind.SIBLING)
        else:
            self.tie(person, self.add(PersonRole.FAMILY, generation), TieKind.FAMILY)

    def add_circle(self, role: PersonRole, count: int, kind: TieKind, ties_each: int) -> None:
        """``count`` people of ``role``, each tied to up to ``ties_each`` people already in the network."""
        for _ in range(count):
            known = [person.id or 0 for person in self.people]
            person = self.add(role)
            for other in self.random.sample(known, self.random.randint(1, ties_each)):
                self.tie(other, person, kind)


def build_network(size: int, seed: int = 7) -> Network:
    """A deterministic network of ``size`` people: about 55% family, then friends, community, professionals."""
    builder = _Builder(seed)
    builder.grow_family(round(size * 0.55))
    builder.add_circle(PersonRole.FRIEND, round(size * 0.17), TieKind.SUPPORT, 2)
    builder.add_circle(PersonRole.COMMUNITY, round(size * 0.08), TieKind.SUPPORT, 2)
    builder.add_circle(PersonRole.PROFESSIONAL, round(size * 0.15), TieKind.PROFESSIONAL, 3)
    while len(builder.people) < size:
        builder.add(PersonRole.OTHER)  # named at the meeting, not tied to anybody yet
    return Network(builder.people, builder.ties)


def median_ms(work: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def measure(network: Network, size: int, runs: int) -> list[tuple[str, float, float]]:
    """(figure, median ms, target ms) for each layout and the findings of ``network``."""
    # The first call pays for importing networkx, numpy and scipy; a real session pays that once, off the figures.
    compute_layout(network, LayoutKind.FORCE)
    rows = []
    for kind in LayoutKind:
        figure = median_ms(functools.partial(compute_layout, network, kind), runs)
        rows.append((f"{kind.value} layout, {size} people", figure, TARGET_MS[size]))
    rows.append((f"findings, {size} people", median_ms(functools.partial(findings, network), runs), TARGET_MS[size]))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a smoke test")
    arguments = parser.parse_args(argv)
    runs = QUICK_RUNS if arguments.quick else RUNS
    rows: list[tuple[str, float, float]] = []
    for size in (60, 500):
        rows += measure(build_network(size), size, runs[size])
    print(f"{'figure':<36} {'median':>10} {'target':>10}  verdict")
    for name, value, target in rows:
        print(f"{name:<36} {value:>8.1f}ms {target:>8.1f}ms  {'PASS' if value <= target else 'MISS'}")
    return 0 if all(value <= target for _, value, target in rows) else 1


if __name__ == "__main__":
    sys.exit(main())

"""The genogram marks of the safety network: gender, the deceased, the index child, households and the bonds of
parent and partner ties, with their words for the console and the minutes.

Pure functions over a :class:`~sos_desktop.models.network.Network`. The marks are drawn only when the network is
arranged as a family tree (:func:`arranged_as_family_tree`: parents above their children, partners side by side),
which is what the family-tree layout gives and what a hand-drawn genogram looks like; other pictures keep the look
by role.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from sos_desktop.models.control_characters import strip_controls
from sos_desktop.models.enums import Gender, PersonRole, TieBond, TieKind
from sos_desktop.models.network import Network, NetworkPerson

GENDER_LABELS: dict[Gender | None, str] = {
    None: "Not recorded",
    Gender.MALE: "Male",
    Gender.FEMALE: "Female",
    Gender.OTHER: "Other",
}
"""The console's choices for a person's gender, in the order offered."""

PARENT_BONDS: dict[TieBond, str] = {
    TieBond.BIRTH_OR_TOGETHER: "Birth parent",
    TieBond.ADOPTIVE: "Adoptive parent",
    TieBond.FOSTER: "Foster carer",
    TieBond.STEP: "Step-parent",
}
PARTNER_BONDS: dict[TieBond, str] = {
    TieBond.BIRTH_OR_TOGETHER: "Together, not married",
    TieBond.MARRIED: "Married",
    TieBond.SEPARATED: "Separated",
    TieBond.DIVORCED: "Divorced",
    TieBond.EX: "Ex-partners (never married)",
}
BONDS: dict[TieKind, dict[TieBond, str]] = {TieKind.PARENT: PARENT_BONDS, TieKind.PARTNER: PARTNER_BONDS}
"""Which bonds suit which kind of tie, with their words; other kinds of tie have none."""

DECEASED_LABEL = "Died"
INDEX_CHILD_LABEL = "The child the case is about"
HOUSEHOLD_LABEL = "Live together"
MAX_HOUSEHOLD_LENGTH = 80
"""A household's name is a short label ("Mum's flat", "Nan's house")."""


def bond_label(kind: TieKind, bond: TieBond) -> str:
    """The bond's words for a tie of ``kind`` ("" when the kind has no bonds or the bond does not suit it)."""
    return BONDS.get(TieKind(kind), {}).get(TieBond(bond), "")


def bond_suits(kind: TieKind, bond: TieBond) -> bool:
    """Whether a tie of ``kind`` can have ``bond``: the plain bond suits every kind."""
    bond = TieBond(bond)
    return bond is TieBond.BIRTH_OR_TOGETHER or bond in BONDS.get(TieKind(kind), {})


def checked_bond(kind: TieKind, bond: str) -> TieBond:
    """``bond`` for a tie of ``kind``, or ValueError saying which bonds the kind takes."""
    try:
        found = TieBond(bond)
    except ValueError:
        found = None
    if found is None or not bond_suits(kind, found):
        allowed = [b.value for b in BONDS.get(TieKind(kind), {}) if b.value]
        offer = f"one of {', '.join(allowed)} or none" if allowed else "none"
        raise ValueError(f"A {TieKind(kind).value} tie cannot be '{bond}': its bond is {offer}.")
    return found


def person_marks(person: NetworkPerson) -> list[str]:
    """The person's genogram marks in words, for a tooltip or a line of the minutes ("Female", "Died", ...)."""
    marks = [] if person.gender is None else [GENDER_LABELS[person.gender]]
    if person.deceased:
        marks.append(DECEASED_LABEL)
    if person.index_child:
        marks.append(INDEX_CHILD_LABEL)
    if person.household:
        marks.append(f"Lives in: {person.household}")
    return marks


def checked_household(name: str) -> str:
    """A household's name trimmed to single spaces, without the control characters a reader cannot see (it is a
    label, as a name is), or ValueError if it is too long to be a label.
    """
    tidy = " ".join(strip_controls(" ".join(str(name).split())).split())
    if len(tidy) > MAX_HOUSEHOLD_LENGTH:
        raise ValueError(
            f"A household's name is a short label of up to {MAX_HOUSEHOLD_LENGTH} characters; this one has {len(tidy)}."
        )
    return tidy


@dataclass(frozen=True)
class Household:
    """People who live together: the household's name (as first written) and their ids, in network order."""

    name: str
    members: tuple[int, ...]


def households(network: Network) -> list[Household]:
    """The network's households: people with the same non-empty household name, whatever its case."""
    found: dict[str, tuple[str, list[int]]] = {}
    for person in network.people:
        name = " ".join(person.household.split())
        if person.id is None or not name:
            continue
        found.setdefault(name.casefold(), (name, []))[1].append(person.id)
    return [Household(name, tuple(members)) for name, members in found.values()]


def has_genogram_marks(network: Network) -> bool:
    """Whether anybody's genogram has been recorded: a gender, a death, the index child, a household or a bond."""
    return any(
        person.gender is not None or person.deceased or person.index_child or person.household.strip()
        for person in network.people
    ) or any(tie.bond for tie in network.ties)


def household_names(network: Network) -> list[str]:
    """The case's household names, each once, to offer when a person's household is typed."""
    return sorted((household.name for household in households(network)), key=str.casefold)


def choose_index_child(network: Network, person_id: int, chosen: bool = True) -> dict[int, bool]:
    """Who becomes (or stops being) the index child: the person, and whoever was it before (un-chosen).

    Only a child can be the child the case is about; ValueError otherwise.
    """
    person = next((p for p in network.people if p.id == person_id), None)
    if person is None:
        raise ValueError("That person is no longer in the network.")
    if chosen and person.role is not PersonRole.CHILD:
        raise ValueError("Only a child can be the child the case is about: make their role Child first.")
    changes = {person_id: chosen} if person.index_child != chosen else {}
    if chosen:
        changes.update({p.id: False for p in network.people if p.index_child and p.id not in (None, person_id)})
    return changes


Point = tuple[float, float]


def arranged_as_family_tree(network: Network, where: Mapping[int, Point], spacing: float = 150.0) -> bool:
    """Whether the people, standing at ``where``, read as a family tree: at least one parent tie, every parent
    at least half a row above their child, and every couple side by side (at most a quarter row apart in height).

    The family-tree layout always gives this; a drag across or a little up or down keeps it; the circles and the
    force-directed pictures almost never do.
    """
    parents = 0
    for tie in network.ties:
        if tie.kind not in (TieKind.PARENT, TieKind.PARTNER) or tie.source == tie.target:
            continue
        one, other = where.get(tie.source), where.get(tie.target)
        if one is None or other is None:
            continue
        drop = other[1] - one[1]
        if tie.kind is TieKind.PARENT:
            if drop < 0.5 * spacing:
                return False
            parents += 1
        elif abs(drop) > 0.25 * spacing:
            return False
    return parents > 0


def household_outline(centres: list[Point], radius: float, steps: int = 20) -> list[Point]:
    """A rounded outline round ``centres``: the convex hull of a circle of ``radius`` about each (clockwise in a
    y-down picture), as a closed list of points (the last joins the first).
    """
    points = sorted(
        {
            (
                round(x + radius * math.cos(2 * math.pi * k / steps), 6),
                round(y + radius * math.sin(2 * math.pi * k / steps), 6),
            )
            for x, y in centres
            for k in range(steps)
        }
    )
    if len(points) < 3:
        return points

    def turn(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    upper: list[Point] = []
    for point in points:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], point) <= 0:
            lower.pop()
        lower.append(point)
    for point in reversed(points):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], point) <= 0:
            upper.pop()
        upper.append(point)
    return lower[:-1] + upper[:-1]

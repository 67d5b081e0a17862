"""The family's safety network: the people around the child and the ties between them.

The network belongs to the case and carries across its meetings.
"""

from __future__ import annotations

import copy
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sos_desktop.models.enums import Circle, Gender, PersonRole, TieBond, TieKind


def initials(name: str) -> str:
    """A person's initials, the default name shown on the projector: "Mia Spencer" gives "MS"."""
    visible = "".join(char for char in name if unicodedata.category(char) != "Cf")  # no bidi control as a letter
    parts = [part for part in visible.replace("-", " ").split() if part]
    return "".join(part[0].upper() for part in parts) or "?"


@dataclass
class NetworkPerson:
    """Somebody in the child's network: family, friends, community or professionals."""

    name: str
    id: int | None = None
    display_name: str = ""
    role: PersonRole = PersonRole.OTHER
    relationship: str = ""
    """How the person is related to the child, in the family's words ("Nan", "Mum's partner", "health visitor")."""
    age: int | None = None
    circle: Circle | None = None
    knows_worries: bool = False
    knows_worries_since: date | None = None
    agrees_with: list[int] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    contact: str = ""
    notes: str = ""
    x: float | None = None
    y: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    also_known_as: list[str] = field(default_factory=list)
    """Other names the family uses for the person (nicknames: "Zosia", "Daz"); hidden on the wall like the name."""
    gender: Gender | None = None
    """As the genogram draws them (square, circle, another shape); None when it is not recorded."""
    deceased: bool = False
    index_child: bool = False
    """The child the case is about (at most one a case: see ``models.genogram.choose_index_child``)."""
    household: str = ""
    """The name of the home they live in: people with the same household name (any case) live together."""

    def __post_init__(self) -> None:
        self.role = PersonRole(self.role)
        if self.gender is not None:
            self.gender = Gender(self.gender)
        self.household = " ".join(self.household.split())
        if self.circle is not None:
            self.circle = Circle(self.circle)
        if not self.display_name:
            self.display_name = initials(self.name)
        if self.age is not None and not 0 <= self.age <= 130:
            raise ValueError(f"An age of {self.age} is not possible.")


def updated_with(stored: NetworkPerson, incoming: NetworkPerson) -> NetworkPerson:
    """``stored`` brought up to date with what ``incoming`` (the same person, from a meeting file) states.

    What the file states wins; what it leaves empty or at its default keeps the stored value, so a file that
    knows less about a person never erases what the case already knows. Knowing the worries is never un-known.
    The result keeps the stored id and agreements.
    """

    def chosen(mine: Any, theirs: Any, default: Any = None) -> Any:
        return mine if theirs in (None, "", default) else theirs

    default_display = initials(incoming.name)
    return NetworkPerson(
        name=stored.name,
        id=stored.id,
        display_name=chosen(stored.display_name, incoming.display_name, default_display),
        role=chosen(stored.role, incoming.role, PersonRole.OTHER),
        relationship=chosen(stored.relationship, incoming.relationship),
        age=chosen(stored.age, incoming.age),
        circle=chosen(stored.circle, incoming.circle),
        knows_worries=stored.knows_worries or incoming.knows_worries,
        knows_worries_since=chosen(stored.knows_worries_since, incoming.knows_worries_since),
        agrees_with=list(stored.agrees_with),
        rules=list(dict.fromkeys([*stored.rules, *incoming.rules])),
        contact=chosen(stored.contact, incoming.contact),
        notes=chosen(stored.notes, incoming.notes),
        x=chosen(stored.x, incoming.x),
        y=chosen(stored.y, incoming.y),
        extra={**stored.extra, **incoming.extra},
        also_known_as=list(dict.fromkeys([*stored.also_known_as, *incoming.also_known_as])),
        gender=chosen(stored.gender, incoming.gender),
        deceased=stored.deceased or incoming.deceased,
        index_child=stored.index_child or incoming.index_child,
        household=chosen(stored.household, incoming.household),
    )


@dataclass
class Tie:
    """A relationship between two people of the network (``source`` is, for example, the parent of ``target``)."""

    source: int
    target: int
    kind: TieKind = TieKind.OTHER
    id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    bond: TieBond = TieBond.BIRTH_OR_TOGETHER
    """On a genogram: an adoptive, foster or step parent; a married, separated, divorced or ex couple."""

    def __post_init__(self) -> None:
        self.kind = TieKind(self.kind)
        self.bond = TieBond(self.bond)


@dataclass
class Network:
    people: list[NetworkPerson] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)


KIND_GUESSED = "kind_guessed"
"""The key in a tie's ``extra`` that says its kind was guessed from the two roles and nobody has chosen it yet."""


def guessed_tie_kind(first: NetworkPerson, second: NetworkPerson) -> TieKind:
    """The likeliest kind of tie between two people, from their roles; the user changes it if it is wrong.

    A carer is not taken for a parent: foster and kinship carers are drawn apart from the child's parents.
    """
    roles = {first.role, second.role}
    if PersonRole.PROFESSIONAL in roles:
        return TieKind.PROFESSIONAL
    if roles == {PersonRole.CHILD, PersonRole.PARENT}:
        return TieKind.PARENT
    if roles == {PersonRole.CHILD}:
        return TieKind.SIBLING
    if roles <= {PersonRole.PARENT, PersonRole.CARER}:
        return TieKind.PARTNER
    if roles & {PersonRole.FRIEND, PersonRole.COMMUNITY}:
        return TieKind.SUPPORT
    if roles & {PersonRole.FAMILY, PersonRole.PARENT, PersonRole.CARER}:
        return TieKind.FAMILY
    return TieKind.OTHER


def kind_is_guessed(tie: Tie) -> bool:
    """Whether the tie's kind is still the guess made from the roles (no one has chosen it)."""
    return bool(tie.extra.get(KIND_GUESSED))


def guessed_tie(first: NetworkPerson, second: NetworkPerson) -> Tie:
    """A tie between two people (with ids) of the kind their roles suggest, marked as a guess; a parent is its
    source, whichever of the two comes first.
    """
    assert first.id is not None and second.id is not None
    kind = guessed_tie_kind(first, second)
    if kind is TieKind.PARENT and first.role is PersonRole.CHILD:
        first, second = second, first
    assert first.id is not None and second.id is not None
    return Tie(first.id, second.id, kind, extra={KIND_GUESSED: True})


def guess_again(tie: Tie, source: NetworkPerson, target: NetworkPerson) -> Tie | None:
    """The tie as the two people's roles now suggest, when its kind is still a guess and the guess has changed;
    None when the user chose the kind (a choice is never overwritten) or the guess stands.
    """
    if not kind_is_guessed(tie):
        return None
    fresh = guessed_tie(source, target)
    if (fresh.source, fresh.target, fresh.kind) == (tie.source, tie.target, tie.kind):
        return None
    bond = tie.bond if fresh.kind is tie.kind else TieBond.BIRTH_OR_TOGETHER
    return Tie(fresh.source, fresh.target, fresh.kind, tie.id, {**tie.extra, KIND_GUESSED: True}, bond)


def chosen(tie: Tie, kind: TieKind | None = None, *, reversed_ends: bool = False) -> Tie:
    """A copy of ``tie`` the user has decided on: of ``kind`` (or its own), its ends swapped if asked, no longer a
    guess. Its bond goes with it while the kind stays; a new kind starts from the plain bond (a divorce is not a
    sibling's).
    """
    source, target = (tie.target, tie.source) if reversed_ends else (tie.source, tie.target)
    extra = {key: value for key, value in tie.extra.items() if key != KIND_GUESSED}
    new_kind = tie.kind if kind is None else TieKind(kind)
    bond = tie.bond if new_kind is tie.kind else TieBond.BIRTH_OR_TOGETHER
    return Tie(source, target, new_kind, tie.id, copy.deepcopy(extra), bond)

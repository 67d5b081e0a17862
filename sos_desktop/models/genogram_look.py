"""How the genogram marks are drawn, wherever the family tree is drawn (the console, the wall, the minutes).

Plain data beside ``models.network_look``: in the family tree a person's shape tells their gender (square male,
circle female, diamond another gender or not recorded) while the fill still tells their role; professionals keep
their hexagon. A cross marks the deceased, a double outline the index child, a dotted rounded line a household.
Partner lines: married solid, together unmarried dashed, separated one slash, divorced two, ex-partners (never
married) dashed with two slashes. Parent lines: birth solid, adoptive dashed, foster dotted, step dash-dot.
"""

from __future__ import annotations

from dataclasses import dataclass

from sos_desktop.models.enums import Gender, PersonRole, TieBond, TieKind
from sos_desktop.models.genogram import DECEASED_LABEL, HOUSEHOLD_LABEL, PARENT_BONDS
from sos_desktop.models.network_look import ROLE_STYLES, TIE_LOOKS, Marker, Stroke

GENDER_MARKERS: dict[Gender | None, Marker] = {
    Gender.MALE: Marker.SQUARE,
    Gender.FEMALE: Marker.CIRCLE,
    Gender.OTHER: Marker.DIAMOND,
    None: Marker.DIAMOND,
}
GENDER_LEGEND: dict[Marker, str] = {
    Marker.SQUARE: "Male",
    Marker.CIRCLE: "Female",
    Marker.DIAMOND: "Other or not recorded",
}


def genogram_marker(role: PersonRole, gender: Gender | None) -> Marker:
    """A person's outline in the family tree: by gender, except a professional's hexagon."""
    if role is PersonRole.PROFESSIONAL:
        return ROLE_STYLES[role].marker
    return GENDER_MARKERS[gender]


@dataclass(frozen=True)
class BondLook:
    line: Stroke
    slashes: int
    """Short strokes across the middle of a partner line: one for separated, two for divorced or ex."""
    legend: str


PARTNER_LOOKS: dict[TieBond, BondLook] = {
    TieBond.MARRIED: BondLook(Stroke.SOLID, 0, "Married"),
    TieBond.BIRTH_OR_TOGETHER: BondLook(Stroke.DASH, 0, "Together"),
    TieBond.SEPARATED: BondLook(Stroke.SOLID, 1, "Separated"),
    TieBond.DIVORCED: BondLook(Stroke.SOLID, 2, "Divorced"),
    TieBond.EX: BondLook(Stroke.DASH, 2, "Ex-partners"),
}
PARENT_LOOKS: dict[TieBond, BondLook] = {
    TieBond.BIRTH_OR_TOGETHER: BondLook(Stroke.SOLID, 0, PARENT_BONDS[TieBond.BIRTH_OR_TOGETHER]),
    TieBond.ADOPTIVE: BondLook(Stroke.DASH, 0, PARENT_BONDS[TieBond.ADOPTIVE]),
    TieBond.FOSTER: BondLook(Stroke.DOT, 0, PARENT_BONDS[TieBond.FOSTER]),
    TieBond.STEP: BondLook(Stroke.DASH_DOT, 0, PARENT_BONDS[TieBond.STEP]),
}


def bond_look(kind: TieKind, bond: TieBond) -> BondLook:
    """How a tie is drawn in the family tree: a parent or partner tie by its bond, any other by its kind."""
    looks = {TieKind.PARENT: PARENT_LOOKS, TieKind.PARTNER: PARTNER_LOOKS}.get(kind)
    if looks is not None and bond in looks:
        return looks[bond]
    look = TIE_LOOKS[kind]
    return BondLook(look.line, 0, look.label)


INDEX_CHILD_LEGEND = "Index child"
"""The legend's short words for the double outline (the child the case is about)."""
MARKS_LEGEND = (DECEASED_LABEL, INDEX_CHILD_LEGEND, HOUSEHOLD_LABEL)
"""The legend's words for the cross, the double outline and the household's dotted line, in that order."""

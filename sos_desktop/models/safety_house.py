"""The Safety House: one child's picture of who keeps them safe, in the child's exact words.

Per child (a network person) per meeting: the people the child puts **inside** (who lives in the house),
**visiting** (who comes to the house) and **outside** (the people the child does not feel safe with), each with what
the child said about them; the house's **rules**; and where the child puts themselves on the **path** to the door, a
child's 0 to 10 scale in half points, with their words. Every entry (a placement, a rule, the path) carries the
child's consent to share it: only consented entries reach the wall.

The child's words are kept exactly as given, spaces, line breaks and any script included: nothing is trimmed or
normalised. Only what cannot be shown is refused, with a message saying why: control characters (bar line breaks
and tabs), the bidirectional overrides, and texts longer than a page or two. Pure data: no Qt, no storage; the
plain form for the store and the file is in ``models.safety_house_data``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from uuid import uuid4

from sos_desktop.models.control_characters import escape_controls, is_control
from sos_desktop.models.safety_plan import MAX_WORDS_LENGTH, PlanRule, SafetyPlan
from sos_desktop.models.scaling import check_rating_value

MAX_CHILD_WORDS = 10_000
"""Longest text of the child's words about a person or the path: a page or two, never a pasted report."""
MAX_RULE_WORDS = MAX_WORDS_LENGTH
"""A house rule can go into the safety plan as it is, so it is no longer than a rule of the plan."""
MAX_PLACEMENTS = 200
MAX_RULES = 100
FROM_SAFETY_HOUSE = "from_safety_house_rule"
"""The mark (in a safety plan rule's ``extra``) naming the house rule the plan's rule was taken from."""
ALLOWED_CONTROLS = frozenset("\n\t\u200e\u200f\u061c")
"""Line breaks, tabs and the direction marks of right-to-left writing are part of how words are written."""


class Placement(StrEnum):
    """Where the child puts somebody: in the house, visiting it, or outside it."""

    INSIDE = "inside"
    VISITING = "visiting"
    OUTSIDE = "outside"


PLACEMENT_TITLES: dict[Placement, str] = {
    Placement.INSIDE: "Living in the house",
    Placement.VISITING: "Visiting the house",
    Placement.OUTSIDE: "Outside: not safe with",
}
"""The headings of the house's three places, on the console, the wall and in the minutes, in this order."""
PATH_TITLE = "The path to the door"
RULES_TITLE = "The house rules"


def new_key() -> str:
    return str(uuid4())


def check_child_words(text: str, what: str, longest: int = MAX_CHILD_WORDS, *, required: bool = False) -> str:
    """``text`` unchanged if it can be kept as the child's words; otherwise ValueError saying what is wrong."""
    if not isinstance(text, str):
        raise ValueError(f"{what} must be words, not {type(text).__name__}.")
    if required and not text.strip():
        raise ValueError(f"{what} needs some words.")
    if len(text) > longest:
        raise ValueError(f"{what} can be at most {longest:,} characters long, not {len(text):,}.")
    bad = [character for character in text if is_control(character) and character not in ALLOWED_CONTROLS]
    if bad:
        shown = ", ".join(dict.fromkeys(escape_controls(character) for character in bad))
        raise ValueError(f"{what} hold a character that cannot be shown ({shown}): take it out and try again.")
    return text


def check_path(value: float | None) -> float | None:
    """None (not placed yet) or a number from 0 to 10 in half points (ValueError otherwise)."""
    if value is None:
        return None
    try:
        return check_rating_value(value)
    except (TypeError, ValueError):
        raise ValueError(f"The path to the door goes from 0 to 10 in half points, not {value!r}.") from None


@dataclass
class HousePerson:
    """Somebody of the network the child placed, and what the child said about them."""

    person: int
    where: Placement = Placement.INSIDE
    words: str = ""
    consent_to_share: bool = False
    key: str = field(default_factory=new_key)
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.person = int(self.person)
        self.where = Placement(self.where)
        self.words = check_child_words(self.words, "The child's words about somebody")
        self.consent_to_share = bool(self.consent_to_share)
        self.key = self.key or new_key()


@dataclass
class HouseRule:
    """A rule of the house, in the child's exact words."""

    words: str
    consent_to_share: bool = False
    key: str = field(default_factory=new_key)
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.words = check_child_words(self.words, "A rule of the house", MAX_RULE_WORDS, required=True)
        self.consent_to_share = bool(self.consent_to_share)
        self.key = self.key or new_key()


@dataclass
class SafetyHouse:
    """One child's Safety House at one meeting; ``child`` is the child's network person id."""

    child: int
    people: list[HousePerson] = field(default_factory=list)
    rules: list[HouseRule] = field(default_factory=list)
    path: float | None = None
    """Where the child put themselves on the path to the door (0 to 10, half points); None: not yet."""
    path_words: str = ""
    path_consent: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.child = int(self.child)
        self.path = check_path(self.path)
        self.path_words = check_child_words(self.path_words, "The child's words about the path")
        self.path_consent = bool(self.path_consent)
        if len(self.people) > MAX_PLACEMENTS:
            raise ValueError(f"A Safety House can place at most {MAX_PLACEMENTS} people.")
        if len(self.rules) > MAX_RULES:
            raise ValueError(f"A Safety House can have at most {MAX_RULES} rules.")
        for what, keys in (("placement", [p.key for p in self.people]), ("rule", [r.key for r in self.rules])):
            if len(set(keys)) != len(keys):
                raise ValueError(f"Two of the Safety House's entries have the key of one {what}.")
        placed = [person.person for person in self.people]
        if len(set(placed)) != len(placed):
            raise ValueError("Somebody is placed twice in the Safety House: each person has one place in it.")

    def placed(self, where: Placement) -> list[HousePerson]:
        return [person for person in self.people if person.where is where]

    def placement(self, key: str) -> HousePerson:
        return next(person for person in self.people if person.key == key)

    def rule(self, key: str) -> HouseRule:
        return next(rule for rule in self.rules if rule.key == key)

    def is_empty(self) -> bool:
        return not (self.people or self.rules or self.path is not None or self.path_words or self.extra)


def house_of(houses: list[SafetyHouse], child: int) -> SafetyHouse | None:
    return next((house for house in houses if house.child == child), None)


def checked(house: SafetyHouse) -> SafetyHouse:
    """``house`` built again, so every limit and key is checked as a whole (ValueError if refused)."""
    return SafetyHouse(
        child=house.child,
        people=[
            HousePerson(p.person, p.where, p.words, p.consent_to_share, p.key, copy.deepcopy(p.extra))
            for p in house.people
        ],
        rules=[HouseRule(r.words, r.consent_to_share, r.key, copy.deepcopy(r.extra)) for r in house.rules],
        path=house.path,
        path_words=house.path_words,
        path_consent=house.path_consent,
        extra=copy.deepcopy(house.extra),
    )


def without_people(houses: list[SafetyHouse], present: set[int]) -> list[SafetyHouse]:
    """``houses`` with nobody no longer in the network: a house of a child who left goes, and so does a placement."""
    kept = []
    for house in houses:
        if house.child not in present:
            continue
        house = copy.deepcopy(house)
        house.people = [person for person in house.people if person.person in present]
        kept.append(house)
    return kept


def carried(houses: list[SafetyHouse]) -> list[SafetyHouse]:
    """The houses the next meeting starts from: the same people, words and rules (same keys, so a rule already in
    the plan is not taken twice); the path not placed yet (as scales are carried unrated) and every consent to be
    asked again, since the next meeting may be a different room.
    """
    following = copy.deepcopy(houses)
    for house in following:
        house.path, house.path_words, house.path_consent = None, "", False
        for person in house.people:
            person.consent_to_share = False
        for rule in house.rules:
            rule.consent_to_share = False
    return [house for house in following if not house.is_empty()]


def rules_taken(plan: SafetyPlan) -> set[str]:
    """The keys of the house rules already in ``plan``."""
    return {str(rule.extra[FROM_SAFETY_HOUSE]) for rule in plan.rules if rule.extra.get(FROM_SAFETY_HOUSE)}


def plan_rules_from(house: SafetyHouse, plan: SafetyPlan) -> list[PlanRule]:
    """The plan rules the house's rules not yet in ``plan`` become, in the house's order: each in the child's words
    (the plan trims spaces at either end) and marked with the house rule it came from.
    """
    taken = rules_taken(plan)
    return [
        PlanRule(words=rule.words, extra={FROM_SAFETY_HOUSE: rule.key})
        for rule in house.rules
        if rule.key not in taken and rule.words.strip()
    ]

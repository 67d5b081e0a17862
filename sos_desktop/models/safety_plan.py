"""The family's safety plan: how the child will be kept safe, in the family's own words, and who makes sure of it.

A case-level record that grows over meetings: each meeting holds the plan as it stood then (its own version), and
the case's next meeting starts from the last one's. A **rule** answers one or more danger statements (named by
their card keys, which last across the case's meetings) and is owned by people of the network (their ids), who are
reached by the contact the network holds for them. **Warning signs** are the triggers and red flags the network
watches for, each with what to do when it is seen. A rule says what happens when it is broken; the plan says who
has signed up to it and on which day, and when it will next be looked at again.

Pure data: no Qt, no storage. The gentle checks are in ``models.safety_plan_checks``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any
from uuid import uuid4

from sos_desktop.models.network import Network, NetworkPerson

MAX_WORDS_LENGTH = 2_000
"""Longest rule or warning sign: a few sentences the family can remember, not a report."""
MAX_NOTE_LENGTH = 2_000
"""Longest 'what happens if it is broken' or 'what to do': a few sentences."""
MAX_RULES = 200
MAX_SIGNS = 200
MAX_SIGN_UPS = 500


class SignKind(StrEnum):
    """A trigger (what makes a rule harder to keep) or a red flag (a sign the danger is back)."""

    TRIGGER = "trigger"
    RED_FLAG = "red_flag"


SIGN_KIND_LABELS: dict[SignKind, str] = {SignKind.TRIGGER: "Trigger", SignKind.RED_FLAG: "Red flag"}
SIGN_KIND_PLAIN: dict[SignKind, str] = {
    SignKind.TRIGGER: "What can make things harder",
    SignKind.RED_FLAG: "Warning signs",
}
"""The plain words the family copy uses for each kind."""


def new_key() -> str:
    return str(uuid4())


def _checked(text: str, what: str, longest: int, *, required: bool) -> str:
    text = text.strip()
    if required and not text:
        raise ValueError(f"{what} needs some words.")
    if len(text) > longest:
        raise ValueError(f"{what} can be at most {longest:,} characters long.")
    return text


def _unique_ids(ids: Iterable[int]) -> list[int]:
    return list(dict.fromkeys(int(person_id) for person_id in ids))


@dataclass
class PlanRule:
    """A rule of the plan, in the family's own words, with the danger statements it answers and who owns it."""

    words: str
    key: str = field(default_factory=new_key)
    answers: list[str] = field(default_factory=list)
    """The keys of the danger-statement cards the rule answers."""
    owners: list[int] = field(default_factory=list)
    """The ids of the network people who make sure it happens, in the order the family put them."""
    if_broken: str = ""
    """What happens if the rule is broken: who does what."""
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.words = _checked(self.words, "A rule of the safety plan", MAX_WORDS_LENGTH, required=True)
        self.if_broken = _checked(self.if_broken, "What happens if a rule is broken", MAX_NOTE_LENGTH, required=False)
        self.answers = list(dict.fromkeys(key for key in self.answers if key))
        self.owners = _unique_ids(self.owners)
        if not self.key:
            self.key = new_key()


@dataclass
class WarningSign:
    """A trigger or a red flag the network watches for, and what to do when it is seen."""

    words: str
    kind: SignKind = SignKind.RED_FLAG
    key: str = field(default_factory=new_key)
    response: str = ""
    """What to do when it is seen ("Nan takes the children to hers and rings the social worker")."""
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.kind = SignKind(self.kind)
        self.words = _checked(self.words, "A warning sign", MAX_WORDS_LENGTH, required=True)
        self.response = _checked(self.response, "What to do", MAX_NOTE_LENGTH, required=False)
        if not self.key:
            self.key = new_key()


@dataclass
class SignUp:
    """Somebody of the network who has signed up to the plan, and on which day."""

    person: int
    signed_on: date

    def __post_init__(self) -> None:
        self.person = int(self.person)


@dataclass
class SafetyPlan:
    """A case's safety plan as one meeting holds it."""

    rules: list[PlanRule] = field(default_factory=list)
    signs: list[WarningSign] = field(default_factory=list)
    sign_ups: list[SignUp] = field(default_factory=list)
    review_on: date | None = None
    """When the plan will next be looked at again with the family."""
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if len(self.rules) > MAX_RULES:
            raise ValueError(f"A safety plan can have at most {MAX_RULES} rules.")
        if len(self.signs) > MAX_SIGNS:
            raise ValueError(f"A safety plan can have at most {MAX_SIGNS} warning signs.")
        if len(self.sign_ups) > MAX_SIGN_UPS:
            raise ValueError(f"A safety plan can have at most {MAX_SIGN_UPS} people signed up.")
        _refuse_repeated_keys("rule", [rule.key for rule in self.rules])
        _refuse_repeated_keys("warning sign", [sign.key for sign in self.signs])

    def is_empty(self) -> bool:
        return not (self.rules or self.signs or self.sign_ups or self.review_on is not None or self.extra)

    def rule(self, key: str) -> PlanRule:
        return next(rule for rule in self.rules if rule.key == key)

    def sign(self, key: str) -> WarningSign:
        return next(sign for sign in self.signs if sign.key == key)

    def signs_of(self, kind: SignKind) -> list[WarningSign]:
        return [sign for sign in self.signs if sign.kind == kind]

    def signed_up(self, person_id: int) -> SignUp | None:
        return next((entry for entry in self.sign_ups if entry.person == person_id), None)

    def owner_ids(self) -> list[int]:
        """Everybody who owns a rule, in the order they first appear."""
        return list(dict.fromkeys(owner for rule in self.rules for owner in rule.owners))


def _refuse_repeated_keys(what: str, keys: list[str]) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise ValueError(f"Two of the plan's items have the key {key!r} of one {what}.")
        seen.add(key)


def copied(plan: SafetyPlan) -> SafetyPlan:
    """A deep copy: the version the next meeting starts from (the same keys, so each rule can be followed)."""
    return copy.deepcopy(plan)


def owners(rule: PlanRule, network: Network) -> list[NetworkPerson]:
    """The rule's owners who are still in the network, in the rule's order."""
    by_id = {person.id: person for person in network.people if person.id is not None}
    return [by_id[owner] for owner in rule.owners if owner in by_id]


def signers(plan: SafetyPlan, network: Network) -> list[tuple[NetworkPerson, date]]:
    """Who has signed up and when, for the people still in the network."""
    by_id = {person.id: person for person in network.people if person.id is not None}
    return [(by_id[entry.person], entry.signed_on) for entry in plan.sign_ups if entry.person in by_id]


def rules_answering(plan: SafetyPlan, danger_key: str) -> list[PlanRule]:
    return [rule for rule in plan.rules if danger_key in rule.answers]


def rules_owned_by(plan: SafetyPlan, person_id: int) -> list[PlanRule]:
    return [rule for rule in plan.rules if person_id in rule.owners]


def with_people_rules(plan: SafetyPlan, network: Network) -> SafetyPlan:
    """``plan`` with the rules people of the network were given one by one (each person's "rules they own", as
    before the case had a safety plan) that it lacks: a person's rule worded as a rule of the plan makes them one of
    its owners; any other wording is a new rule, owned by everybody who was given it.
    """
    merged = copied(plan)
    for person in network.people:
        for words in person.rules:
            words = words.strip()[:MAX_WORDS_LENGTH].strip()
            if not words or person.id is None:
                continue
            worded = [rule for rule in merged.rules if rule.words == words]
            if any(person.id in rule.owners for rule in worded):
                continue  # already theirs (of two rules in the same words, the one they own)
            rule = worded[0] if worded else PlanRule(words=words)
            if not worded:
                merged.rules.append(rule)
            rule.owners.append(person.id)
    return merged


def person_rules(plan: SafetyPlan, person: NetworkPerson) -> list[str]:
    """What a meeting file writes as a person's "rules" (format v1): the plan's rules they own, then any rule they
    were given on their own that the plan does not hold.
    """
    owned = [rule.words for rule in plan.rules if person.id is not None and person.id in rule.owners]
    return owned + [words for words in person.rules if words.strip() and words.strip() not in owned]

"""What the wall shows of the case's safety plan, already masked: each rule in the family's words with who makes
sure of it (their display names), the warning signs with what to do, who has signed up and the review date.

Rule words, what happens if a rule is broken, the signs and what to do are free text that may name the family, so
all go through the projection's masker, as every card on the wall does. People are named only by their display
name (``shown_name``); their contact numbers never reach the wall.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sos_desktop.models.chronology import MONTHS
from sos_desktop.models.names import shown_name
from sos_desktop.models.network import Network
from sos_desktop.models.safety_plan import SIGN_KIND_LABELS, SafetyPlan, SignKind, owners, signers

Mask = Callable[[str], str]

HEADING = "Safety plan"
NO_PLAN = "No safety plan yet."
RULES, SIGNS = "Rules", "Warning signs"
NOBODY = "Nobody makes sure of this yet"


@dataclass(frozen=True)
class RuleLine:
    words: str
    owners: tuple[str, ...]
    if_broken: str = ""

    @property
    def owner_line(self) -> str:
        """'Who makes sure: Nan, Dad'."""
        return f"Who makes sure: {', '.join(self.owners)}" if self.owners else NOBODY

    @property
    def broken_line(self) -> str:
        return f"If it is broken: {self.if_broken}" if self.if_broken else ""


@dataclass(frozen=True)
class SignLine:
    kind: SignKind
    words: str
    response: str = ""

    @property
    def label(self) -> str:
        return SIGN_KIND_LABELS[self.kind]

    @property
    def response_line(self) -> str:
        return f"What to do: {self.response}" if self.response else ""


@dataclass(frozen=True)
class PlanContent:
    title: str
    rules: tuple[RuleLine, ...]
    signs: tuple[SignLine, ...]
    signed: tuple[str, ...]
    """Who has signed up, by display name."""
    review_on: date | None

    @property
    def empty(self) -> bool:
        return not (self.rules or self.signs or self.signed or self.review_on)

    @property
    def sub(self) -> str:
        """'Signed up: Nan, Mum, Dad · Review on 9 January 2027'."""
        parts = [f"Signed up: {', '.join(self.signed)}" if self.signed else "Nobody has signed up yet"]
        if self.review_on is not None:
            parts.append(f"Review on {day_text(self.review_on)}")
        return " · ".join(parts)


def day_text(day: date) -> str:
    """'9 January 2027'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def plan_content(plan: SafetyPlan, network: Network, title: str, mask: Mask) -> PlanContent:
    """The wall's snapshot of ``plan``; ``title`` is masked too. Red flags come before triggers."""
    rules = tuple(
        RuleLine(
            mask(_one_line(rule.words)),
            tuple(shown_name(person) for person in owners(rule, network)),
            mask(_one_line(rule.if_broken)),
        )
        for rule in plan.rules
    )
    ordered = plan.signs_of(SignKind.RED_FLAG) + plan.signs_of(SignKind.TRIGGER)
    signs = tuple(SignLine(sign.kind, mask(_one_line(sign.words)), mask(_one_line(sign.response))) for sign in ordered)
    signed = tuple(dict.fromkeys(shown_name(person) for person, _ in signers(plan, network)))
    return PlanContent(mask(title), rules, signs, signed, plan.review_on)

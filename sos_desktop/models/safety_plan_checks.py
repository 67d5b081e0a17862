"""Gentle checks of a safety plan, as the map has them: hints beside the plan, never a block.

The practice asks that every danger statement is answered by a rule; that every rule has somebody in the network
who makes sure it happens; that a rule says what *will* happen, not only what won't (a plan of prohibitions tells
the network nothing to do, and nobody can see a rule being kept); and that everybody who owns a rule knows the
worries, because nobody can keep a child safe from a danger they have not been told about.

The prohibition check reads plain English: a rule is flagged when it has a "won't", "must not", "never", "no ..."
and nothing in it says what somebody will do. It is generous, as the map's checks are: "Dad won't drink at home;
Nan will ring him each evening" passes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sos_desktop.models.enums import Category
from sos_desktop.models.mapping import MapItem
from sos_desktop.models.network import Network
from sos_desktop.models.safety_plan import PlanRule, SafetyPlan, owners

DANGER_WITHOUT_RULE = "danger_without_rule"
RULE_WITHOUT_OWNER = "rule_without_owner"
RULE_ONLY_PROHIBITS = "rule_only_prohibits"
OWNER_NOT_TOLD = "owner_does_not_know_worries"
NOBODY_SIGNED = "nobody_signed_up"


@dataclass(frozen=True)
class PlanHint:
    """A suggestion about one part of the plan: ``about`` is a danger card's key, a rule's key or a person's id."""

    code: str
    message: str
    about: str | int

    def __str__(self) -> str:
        return self.message


_NOT = r"(?:n['’]t|\s+not)"
_NEGATIONS = (
    rf"won['’]t|will\s+not|must{_NOT}|mustn['’]t|shall\s+not|shan['’]t|can['’]t|cannot|can\s+not",
    rf"do{_NOT}|does{_NOT}|is{_NOT}\s+allowed|never|not\s+allowed|no\s+longer|avoids?|no",
    r"stop(?:s|ping)?(?!\s+(?:by|in|round|over)\b)",  # "Nan stops by each evening" is a visit, not a ban
)
# A negation with the verb it negates ("won't go", "must not be left"), taken out before looking for an action.
_PROHIBITION = re.compile(
    r"\b(?:" + "|".join(_NEGATIONS) + r")\b(?:\s+(?:be\s+|been\s+|ever\s+)?[\w'’]+)?", re.IGNORECASE
)
# Something somebody will do: "will ring", "Nan'll stay", "is going to", "always", "makes sure", "checks", ...
_ACTIONS = (
    r"will(?!\s+not)|\w+['’]ll|shall(?!\s+not)|(?:is|are|am)\s+going\s+to|always|makes?\s+sure|instead",
    r"checks?|rings?|calls?|phones?|texts?|stays?|takes?|go(?:es)?|brings?|collects?|tells?|looks?\s+after",
    r"comes?|visits?|keeps?|puts?|asks?|helps?|sleeps?|picks?\s+up|drops?\s+off",
)
_ACTION = re.compile(r"\b(?:" + "|".join(_ACTIONS) + r")\b", re.IGNORECASE)


def only_prohibits(words: str) -> bool:
    """Whether a rule's words say only what won't happen (see the module docstring)."""
    # Each "won't" is taken out with the verb it negates, so "won't go out" is not read as somebody going.
    return bool(_PROHIBITION.search(words)) and not _ACTION.search(_PROHIBITION.sub(" ", words))


def danger_statements(items: list[MapItem]) -> list[MapItem]:
    return [item for item in items if item.category == Category.DANGER]


def rule_hints(rule: PlanRule, network: Network) -> list[PlanHint]:
    """The hints about one rule: nobody owns it, it only prohibits, an owner does not know the worries."""
    found: list[PlanHint] = []
    people = owners(rule, network)
    if not people:
        found.append(
            PlanHint(RULE_WITHOUT_OWNER, "Nobody in the network owns this rule yet: who makes sure?", rule.key)
        )
    if only_prohibits(rule.words):
        found.append(
            PlanHint(
                RULE_ONLY_PROHIBITS,
                "This rule only says what won't happen: what will somebody do instead?",
                rule.key,
            )
        )
    for person in people:
        if not person.knows_worries:
            found.append(
                PlanHint(
                    OWNER_NOT_TOLD,
                    f"{person.name} owns this rule but does not know the worries yet.",
                    rule.key,
                )
            )
    return found


def plan_hints(plan: SafetyPlan, items: list[MapItem], network: Network) -> list[PlanHint]:
    """Every hint about the plan, in the order the page shows them: danger statements first, then rule by rule."""
    answered = {key for rule in plan.rules for key in rule.answers}
    found = [
        PlanHint(
            DANGER_WITHOUT_RULE,
            f"No rule answers this danger statement yet: {_short(item.text)}",
            item.key,
        )
        for item in danger_statements(items)
        if item.key not in answered
    ]
    for rule in plan.rules:
        found.extend(rule_hints(rule, network))
    if plan.rules and not plan.sign_ups:
        found.append(PlanHint(NOBODY_SIGNED, "Nobody has signed up to the plan yet.", ""))
    return found


def owners_not_told(plan: SafetyPlan, network: Network) -> list[int]:
    """The ids of people who own a rule but do not know the worries, in the order they first own one."""
    told = {person.id for person in network.people if person.knows_worries}
    present = {person.id for person in network.people}
    return [owner for owner in plan.owner_ids() if owner in present and owner not in told]


def _short(text: str, longest: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= longest else text[: longest - 1].rstrip() + "…"

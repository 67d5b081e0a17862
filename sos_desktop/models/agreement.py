"""A family network meeting's or conference's own record: per danger statement and safety goal, who at the meeting
agrees and who does not (with their words); the conference's decision; and whether the family is in the room (the
projector's family-present setting, kept with the meeting).

Statements are named by their card's key (kept across the case's meetings and through the meeting file), people by
their name as the meeting lists them (an attendee), as raters are. The plain data of :func:`family_meeting_data` is
what the store keeps (part "family_meeting") and what the meeting file carries (top-level ``family_meeting``).
Pure: no Qt, no database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sos_desktop.models.enums import Category
from sos_desktop.models.mapping import MapItem

MAX_WORDS = 10_000
"""The longest words one person's view, a reason or a decision keeps."""

STATEMENT_CATEGORIES = (Category.DANGER, Category.GOAL)
"""What the family is asked to agree with: the danger statements and the safety goals."""


def same_person(name: str) -> str:
    """A name as views are matched: spaces tidied, case ignored (the raters' rule, ``models/raters.py``)."""
    return " ".join(name.split()).casefold()


class View(StrEnum):
    """Where one person stands on one statement."""

    AGREES = "agrees"
    DISAGREES = "does_not_agree"
    NOT_SAID = "not_said"


VIEW_LABELS: dict[View, str] = {
    View.AGREES: "Agrees",
    View.DISAGREES: "Does not agree",
    View.NOT_SAID: "Not said",
}


class Outcome(StrEnum):
    """What a child protection conference decided."""

    CHILD_PROTECTION_PLAN = "child_protection_plan"
    CHILD_IN_NEED_PLAN = "child_in_need_plan"
    NO_FURTHER_ACTION = "no_further_action"
    OTHER = "other"


OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.CHILD_PROTECTION_PLAN: "Child protection plan",
    Outcome.CHILD_IN_NEED_PLAN: "Child in need plan",
    Outcome.NO_FURTHER_ACTION: "No further action",
    Outcome.OTHER: "Other",
}


@dataclass
class Agreement:
    """One person's view of one statement, in their words if they gave any."""

    item_key: str
    attendee: str
    view: View = View.NOT_SAID
    words: str = ""

    def __post_init__(self) -> None:
        self.view = View(self.view)
        if len(self.words) > MAX_WORDS:
            raise ValueError(f"A person's words can be at most {MAX_WORDS:,} characters long.")


@dataclass
class Dissent:
    """Somebody who disagreed with the decision, and why."""

    attendee: str
    why: str = ""


@dataclass
class Decision:
    """What the conference decided, why, who disagreed, when, and the chair who decided."""

    outcome: Outcome | None = None
    other: str = ""
    """What was decided, in words, when the outcome is ``OTHER``."""
    reasons: str = ""
    dissent: list[Dissent] = field(default_factory=list)
    decided_on: date | None = None
    chair: str = ""

    def __post_init__(self) -> None:
        if self.outcome is not None:
            self.outcome = Outcome(self.outcome)

    def is_empty(self) -> bool:
        return self == Decision()

    def outcome_text(self) -> str:
        """The decision as the minutes give it: its label, or the words of an 'other' decision."""
        if self.outcome is None:
            return ""
        if self.outcome is Outcome.OTHER:
            return self.other.strip() or OUTCOME_LABELS[Outcome.OTHER]
        return OUTCOME_LABELS[self.outcome]


@dataclass
class FamilyMeeting:
    agreements: list[Agreement] = field(default_factory=list)
    decision: Decision = field(default_factory=Decision)
    family_present: bool = False
    """The projector's family-present setting: jargon is flagged and professional-only cards stay off the wall."""

    def is_empty(self) -> bool:
        return self == FamilyMeeting()

    def view(self, item_key: str, attendee: str) -> Agreement:
        """``attendee``'s view of the statement ``item_key`` (not said, when they have none)."""
        wanted = same_person(attendee)
        for agreement in self.agreements:
            if agreement.item_key == item_key and same_person(agreement.attendee) == wanted:
                return agreement
        return Agreement(item_key, attendee)

    def with_view(self, item_key: str, attendee: str, view: View, words: str) -> FamilyMeeting:
        """A copy with ``attendee``'s view of ``item_key`` set (a view not said and without words is removed)."""
        wanted = same_person(attendee)
        kept = [a for a in self.agreements if not (a.item_key == item_key and same_person(a.attendee) == wanted)]
        if view is not View.NOT_SAID or words.strip():
            position = next(
                (
                    i
                    for i, a in enumerate(self.agreements)
                    if a.item_key == item_key and same_person(a.attendee) == wanted
                ),
                len(kept),
            )
            kept.insert(min(position, len(kept)), Agreement(item_key, attendee.strip(), view, words))
        return FamilyMeeting(kept, _copy_decision(self.decision), self.family_present)


def _copy_decision(decision: Decision) -> Decision:
    return Decision(
        decision.outcome,
        decision.other,
        decision.reasons,
        [Dissent(d.attendee, d.why) for d in decision.dissent],
        decision.decided_on,
        decision.chair,
    )


def statements(items: Sequence[MapItem]) -> list[MapItem]:
    """The cards people are asked to agree with: the danger statements, then the safety goals, in map order."""
    return [item for category in STATEMENT_CATEGORIES for item in items if item.category is category]


@dataclass(frozen=True)
class AgreementLine:
    """One statement's row in the minutes: who agrees and who does not (with their words)."""

    statement: MapItem
    agrees: tuple[Agreement, ...]
    disagrees: tuple[Agreement, ...]


def agreement_lines(items: Sequence[MapItem], record: FamilyMeeting) -> list[AgreementLine]:
    """Each statement with the views given on it; a statement nobody has a view on yet is still listed."""
    lines = []
    for item in statements(items):
        views = [a for a in record.agreements if a.item_key and a.item_key == item.key]
        lines.append(
            AgreementLine(
                item,
                tuple(a for a in views if a.view is View.AGREES),
                tuple(a for a in views if a.view is View.DISAGREES),
            )
        )
    return lines


# Plain data (the store's part and the meeting file) ---------------------------------------------------------------


def family_meeting_data(record: FamilyMeeting) -> dict[str, Any]:
    """``record`` as plain data; empty parts are left out ({} for an empty record)."""
    data: dict[str, Any] = {}
    if record.family_present:
        data["family_present"] = True
    if record.agreements:
        data["agreements"] = [_agreement_data(a) for a in record.agreements]
    if not record.decision.is_empty():
        data["decision"] = _decision_data(record.decision)
    return data


def _agreement_data(agreement: Agreement) -> dict[str, Any]:
    data = {"item_key": agreement.item_key, "attendee": agreement.attendee, "view": agreement.view.value}
    if agreement.words:
        data["words"] = agreement.words
    return data


def _decision_data(decision: Decision) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "outcome": None if decision.outcome is None else decision.outcome.value,
        "other": decision.other,
        "reasons": decision.reasons,
        "dissent": [
            {"attendee": d.attendee, "why": d.why} if d.why else {"attendee": d.attendee} for d in decision.dissent
        ],
        "decided_on": None if decision.decided_on is None else decision.decided_on.isoformat(),
        "chair": decision.chair,
    }
    return {key: value for key, value in fields.items() if value not in (None, "", [])}


def _text(raw: dict[str, Any], key: str, what: str) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str):
        raise ValueError(f"{what} must be text.")
    if len(value) > MAX_WORDS:
        raise ValueError(f"{what} can be at most {MAX_WORDS:,} characters long.")
    return value


def family_meeting_from(raw: Any) -> FamilyMeeting:
    """The record plain data describes; raises ValueError, saying what is wrong, for data that is not one."""
    if not isinstance(raw, dict):
        raise ValueError("The family meeting's record must be an object.")
    agreements = raw.get("agreements", [])
    if not isinstance(agreements, list) or not all(isinstance(a, dict) for a in agreements):
        raise ValueError("The agreements must be a list of objects.")
    present = raw.get("family_present", False)
    if not isinstance(present, bool):
        raise ValueError("Whether the family is present must be true or false.")
    decision = raw.get("decision", {})
    if not isinstance(decision, dict):
        raise ValueError("The decision must be an object.")
    return FamilyMeeting([_agreement_from(a) for a in agreements], _decision_from(decision), present)


def _agreement_from(raw: dict[str, Any]) -> Agreement:
    view = raw.get("view", View.NOT_SAID.value)
    if view not in {v.value for v in View}:
        raise ValueError(f"An agreement's view must be one of {', '.join(v.value for v in View)}.")
    key, attendee = _text(raw, "item_key", "A statement's key"), _text(raw, "attendee", "Who gave a view")
    if not key or not attendee.strip():
        raise ValueError("An agreement names its statement (item_key) and who gave the view (attendee).")
    return Agreement(key, attendee, View(view), _text(raw, "words", "A person's words"))


def _decision_from(raw: dict[str, Any]) -> Decision:
    outcome = raw.get("outcome")
    if outcome is not None and outcome not in {o.value for o in Outcome}:
        raise ValueError(f"A decision's outcome must be one of {', '.join(o.value for o in Outcome)}.")
    dissent = raw.get("dissent", [])
    if not isinstance(dissent, list) or not all(isinstance(d, dict) for d in dissent):
        raise ValueError("Who disagreed with the decision must be a list of objects.")
    day = raw.get("decided_on")
    try:
        decided_on = None if day is None else date.fromisoformat(day)
    except (TypeError, ValueError):
        raise ValueError("The decision's date must be a date such as 2026-12-17.") from None
    return Decision(
        None if outcome is None else Outcome(outcome),
        _text(raw, "other", "The decision's words"),
        _text(raw, "reasons", "The decision's reasons"),
        [Dissent(_text(d, "attendee", "Who disagreed"), _text(d, "why", "Why they disagreed")) for d in dissent],
        decided_on,
        _text(raw, "chair", "The chair"),
    )

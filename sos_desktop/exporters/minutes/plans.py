"""The minutes' safety plan and trajectory plan as plain data, named and masked like the rest of the snapshot; the
flowables are in :mod:`.story_plans`. The family's copy of the safety plan (:mod:`sos_desktop.exporters.family_plan`)
is printed from the same data.

Each rule says which danger statements it answers by their pair numbers (``models.mapping.pair_numbers``), else by
the danger statement's order on the map, so the minutes read "Answers danger statement 2" as the map numbers them
(in the framework's words: "worry statement" in the others).
Owners and sign-ups are named as the network section names people; how to reach an owner is the contact the
network holds for them, left out of pseudonymised output (the wall never shows a contact). The gentle checks'
hints (``models.safety_plan_checks``) are listed as what is still to think about, each naming its rule by number.
Milestones are judged late on the meeting's day, else today (``models.continuity.reference_day``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sos_desktop.exporters.minutes.naming import Namer, long_date, short_date
from sos_desktop.models import Category, MeetingBundle, NetworkPerson, items_in, pair_numbers
from sos_desktop.models.continuity import reference_day
from sos_desktop.models.safety_plan import SafetyPlan, SignKind, owners, signers
from sos_desktop.models.safety_plan_checks import NOBODY_SIGNED, plan_hints
from sos_desktop.models.scaling import number_text
from sos_desktop.models.templates import template
from sos_desktop.models.trajectory_plan import in_date_order, is_late, status_label


@dataclass(frozen=True)
class Owner:
    name: str
    contact: str = ""
    """How to reach them, as the network holds it; "" when unknown or pseudonymised."""


@dataclass(frozen=True)
class RuleView:
    number: int
    words: str
    answers: tuple[int, ...]
    """The numbers of the danger statements it answers."""
    owners: tuple[Owner, ...]
    if_broken: str
    danger_word: str = "danger statement"
    """The framework's word for a danger statement ("worry statement" in the wellbeing framework)."""

    @property
    def answers_line(self) -> str:
        """'Answers danger statement 1', 'Answers danger statements 1 and 2', '' for none."""
        if not self.answers:
            return ""
        numbers = [str(number) for number in self.answers]
        listed = numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} and {numbers[-1]}"
        return f"Answers {self.danger_word}{'' if len(numbers) == 1 else 's'} {listed}"


@dataclass(frozen=True)
class SignView:
    words: str
    response: str


@dataclass(frozen=True)
class SafetyPlanView:
    rules: tuple[RuleView, ...]
    red_flags: tuple[SignView, ...]
    triggers: tuple[SignView, ...]
    signed: tuple[tuple[str, str], ...]
    """(who, on which day): ('Nan', '10 Dec 2026')."""
    review_on: str
    """'Saturday 9 January 2027', or '' when no date is set."""
    hints: tuple[str, ...]
    contacts_left_out: bool = False


@dataclass(frozen=True)
class MilestoneRow:
    when: str
    what: str
    who: str
    status: str
    late: bool
    target: str


@dataclass(frozen=True)
class PlansView:
    safety: SafetyPlanView | None
    trajectory: tuple[MilestoneRow, ...]


def danger_numbers(bundle: MeetingBundle) -> dict[str, int]:
    """Each danger statement's number by its card key: its pair's number, else its order among the dangers."""
    numbers = pair_numbers(bundle.meeting.items)
    found: dict[str, int] = {}
    for order, item in enumerate(items_in(bundle.meeting.items, Category.DANGER), start=1):
        if item.key:
            found[item.key] = numbers.get(item.id, order) if item.id is not None else order
    return found


def safety_plan_view(
    bundle: MeetingBundle, namer: Namer, *, person: Callable[[NetworkPerson], str] | None = None
) -> SafetyPlanView | None:
    """The meeting's safety plan as printed, or None when it is empty; ``person`` names a network person (default:
    as the minutes do).
    """
    plan: SafetyPlan = bundle.meeting.safety_plan
    if plan.is_empty():
        return None
    named = person or namer.person
    network = bundle.network
    dangers = danger_numbers(bundle)
    danger_word = template(bundle.case.framework).one(Category.DANGER)
    with_contacts = not namer.pseudonymise
    rules = tuple(
        RuleView(
            number,
            namer.text(rule.words),
            tuple(sorted(dangers[key] for key in rule.answers if key in dangers)),
            tuple(Owner(named(p), p.contact.strip() if with_contacts else "") for p in owners(rule, network)),
            namer.text(rule.if_broken),
            danger_word,
        )
        for number, rule in enumerate(plan.rules, start=1)
    )

    def signs(kind: SignKind) -> tuple[SignView, ...]:
        return tuple(SignView(namer.text(sign.words), namer.text(sign.response)) for sign in plan.signs_of(kind))

    rule_numbers = {rule.key: number for number, rule in enumerate(plan.rules, start=1)}
    hints = []
    for hint in plan_hints(plan, bundle.meeting.items, network):
        if hint.code == NOBODY_SIGNED:
            continue  # the sign-ups already say that nobody has signed up
        number = rule_numbers.get(hint.about) if isinstance(hint.about, str) else None
        message = namer.text(hint.message)
        hints.append(f"Rule {number}: {message}" if number is not None else message)
    has_contacts = any(p.contact.strip() for rule in plan.rules for p in owners(rule, network))
    return SafetyPlanView(
        rules=rules,
        red_flags=signs(SignKind.RED_FLAG),
        triggers=signs(SignKind.TRIGGER),
        signed=tuple((named(p), short_date(on)) for p, on in signers(plan, network)),
        review_on=long_date(plan.review_on),
        hints=tuple(dict.fromkeys(hints)),
        contacts_left_out=has_contacts and not with_contacts,
    )


def trajectory_rows(bundle: MeetingBundle, namer: Namer, on: date) -> tuple[MilestoneRow, ...]:
    return tuple(
        MilestoneRow(
            short_date(m.planned_on) if m.planned_on is not None else "",
            namer.text(m.what),
            namer.text(m.who),
            status_label(m, on),
            is_late(m, on),
            number_text(m.target) if m.target is not None else "",
        )
        for m in in_date_order(bundle.meeting.trajectory_plan.milestones)
    )


def plans_view(bundle: MeetingBundle, namer: Namer, today: date) -> PlansView | None:
    """Both plans of ``bundle``'s meeting, or None when both are empty (``today``: the day of an undated meeting)."""
    on = reference_day(bundle.meeting, today)
    safety = safety_plan_view(bundle, namer)
    trajectory = trajectory_rows(bundle, namer, on)
    if safety is None and not trajectory:
        return None
    return PlansView(safety, trajectory)

"""What the family's copy of the safety plan says, as plain data: everything named, masked and worded for it.

It is the family's own copy, so people go by their real names, with the name the family calls them by beside it
("Pat Example (Nan)"), and each owner's contact is given so the family knows how to reach them. Asked to
pseudonymise, it follows the minutes: display names only, names in the family's words masked, and no contact.
There are no professional words in it (no "danger statement", no "red flag"): the kinds of warning sign are named
as ``models.safety_plan.SIGN_KIND_PLAIN`` has them. No reportlab here, so what the copy says is testable alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sos_desktop.exporters.minutes.naming import Namer, long_date, short_date
from sos_desktop.exporters.minutes.plans import Owner, RuleView, SignView, safety_plan_view
from sos_desktop.models import MeetingBundle, NetworkPerson, PersonRole
from sos_desktop.models.names import shown_name
from sos_desktop.models.safety_plan import SIGN_KIND_PLAIN, SignKind, signers


class NoSafetyPlanError(ValueError):
    """The meeting has no safety plan to print."""


@dataclass(frozen=True)
class Reach:
    """Somebody who makes sure of a rule: how to reach them, and which rules they look after."""

    name: str
    contact: str
    rules: tuple[int, ...]

    @property
    def rules_line(self) -> str:
        numbers = [str(number) for number in self.rules]
        listed = numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} and {numbers[-1]}"
        return f"Looks after rule{'' if len(numbers) == 1 else 's'} {listed}."


@dataclass(frozen=True)
class FamilyPlan:
    case_label: str
    made_on: str
    """'Saturday 12 December 2026': the day of the meeting the plan is from; '' when it has no date."""
    page_date: str
    children: tuple[str, ...]
    rules: tuple[RuleView, ...]
    reach: tuple[Reach, ...]
    signs: tuple[tuple[str, tuple[SignView, ...]], ...]
    """(plain title, signs): ('Warning signs', ...), ('What can make things harder', ...); kinds with none left out."""
    signed: tuple[tuple[str, str], ...]
    """(who, on which day): ('Pat Example (Nan)', '10 Dec 2026')."""
    review_on: str
    pseudonymised: bool


def _day(when: date) -> str:
    return f"{when.day} {when:%B %Y}"


def family_plan(bundle: MeetingBundle, *, pseudonymise: bool = False) -> FamilyPlan:
    """The family's copy of ``bundle``'s safety plan; NoSafetyPlanError when the meeting has none."""
    if bundle.meeting.safety_plan.is_empty():
        raise NoSafetyPlanError("This meeting has no safety plan yet.")
    namer = Namer(bundle, pseudonymise=pseudonymise)

    def person(someone: NetworkPerson) -> str:
        if pseudonymise:
            return namer.person(someone)
        name = someone.name.strip()
        called = shown_name(someone)
        if not name:
            return called
        return name if not called or called.casefold() in name.casefold() else f"{name} ({called})"

    view = safety_plan_view(bundle, namer, person=person)
    assert view is not None  # the plan is not empty
    owners: dict[str, Owner] = {}
    looks_after: dict[str, list[int]] = {}
    for rule in view.rules:
        for owner in rule.owners:
            owners.setdefault(owner.name, owner)
            looks_after.setdefault(owner.name, []).append(rule.number)
    reach = tuple(Reach(name, owner.contact, tuple(looks_after[name])) for name, owner in owners.items())
    signs = tuple(
        (SIGN_KIND_PLAIN[kind], found)
        for kind, found in ((SignKind.RED_FLAG, view.red_flags), (SignKind.TRIGGER, view.triggers))
        if found
    )
    plan = bundle.meeting.safety_plan
    held_on = bundle.meeting.held_on
    children = tuple(namer.person(p) for p in bundle.network.people if p.role is PersonRole.CHILD)
    return FamilyPlan(
        case_label=namer.text(bundle.case.label),
        made_on=long_date(held_on.date()) if held_on is not None else "",
        page_date=_day(held_on.date()) if held_on is not None else "",
        children=children,
        rules=view.rules,
        reach=reach,
        signs=signs,
        signed=tuple((person(p), short_date(on)) for p, on in signers(plan, bundle.network)),
        review_on=view.review_on,
        pseudonymised=pseudonymise,
    )

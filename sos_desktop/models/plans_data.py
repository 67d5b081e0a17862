"""The safety plan and the trajectory plan as plain data (JSON objects), one form for the store and the meeting
file. People are written by a reference the caller chooses: the store writes database ids, a meeting file its
own person ids ("p3"). Reading back gives the same plan; a reference that names nobody is dropped (``person_of``
returns None), so a file that lost a person keeps every rule.

Empty values are left out, so a plan written, read and written again is the same text.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from datetime import date
from typing import Any

from sos_desktop.models.safety_plan import PlanRule, SafetyPlan, SignUp, WarningSign
from sos_desktop.models.trajectory_plan import Milestone, TrajectoryPlan

Record = dict[str, Any]
RULE_KEYS = frozenset({"key", "words", "answers", "owners", "if_broken"})
SIGN_KEYS = frozenset({"key", "kind", "words", "response"})
SIGN_UP_KEYS = frozenset({"person", "signed_on"})
SAFETY_PLAN_KEYS = frozenset({"rules", "signs", "signed_up", "review_on"})
MILESTONE_KEYS = frozenset({"key", "what", "planned_on", "who", "status", "target", "note"})
TRAJECTORY_PLAN_KEYS = frozenset({"scale_key", "milestones"})


def _kept(fields: Record, extra: Record, *, keep: tuple[str, ...] = ()) -> Record:
    record = {key: value for key, value in fields.items() if key in keep or value not in (None, "", [])}
    for key, value in extra.items():
        record.setdefault(key, deepcopy(value))
    return record


def _extra(raw: Record, known: frozenset[str]) -> Record:
    return {key: deepcopy(value) for key, value in raw.items() if key not in known}


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _number(value: float | None) -> float | int | None:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def safety_plan_data(plan: SafetyPlan, person_ref: Callable[[int], Any]) -> Record:
    """The plan as plain data; ``person_ref`` gives the reference written for a person id (None: left out)."""

    def people(ids: list[int]) -> list[Any]:
        return [ref for ref in (person_ref(person_id) for person_id in ids) if ref is not None]

    rules = [
        _kept(
            {
                "key": rule.key,
                "words": rule.words,
                "answers": list(rule.answers),
                "owners": people(rule.owners),
                "if_broken": rule.if_broken,
            },
            rule.extra,
            keep=("key", "words"),
        )
        for rule in plan.rules
    ]
    signs = [
        _kept(
            {"key": sign.key, "kind": sign.kind.value, "words": sign.words, "response": sign.response},
            sign.extra,
            keep=("key", "kind", "words"),
        )
        for sign in plan.signs
    ]
    signed_up = [
        {"person": ref, "signed_on": entry.signed_on.isoformat()}
        for entry in plan.sign_ups
        if (ref := person_ref(entry.person)) is not None
    ]
    fields = {
        "rules": rules,
        "signs": signs,
        "signed_up": signed_up,
        "review_on": None if plan.review_on is None else plan.review_on.isoformat(),
    }
    return _kept(fields, plan.extra)


def safety_plan_from(raw: Record, person_of: Callable[[Any], int | None]) -> SafetyPlan:
    """The plan plain data describes (ValueError if a value is refused); ``person_of`` reads a person reference."""

    def people(refs: list[Any]) -> list[int]:
        return [found for found in (person_of(ref) for ref in refs) if found is not None]

    rules = [
        PlanRule(
            words=entry["words"],
            key=entry.get("key") or "",
            answers=list(entry.get("answers") or []),
            owners=people(entry.get("owners") or []),
            if_broken=entry.get("if_broken") or "",
            extra=_extra(entry, RULE_KEYS),
        )
        for entry in raw.get("rules") or []
    ]
    signs = [
        WarningSign(
            words=entry["words"],
            kind=entry.get("kind", "red_flag"),
            key=entry.get("key") or "",
            response=entry.get("response") or "",
            extra=_extra(entry, SIGN_KEYS),
        )
        for entry in raw.get("signs") or []
    ]
    sign_ups = []
    for entry in raw.get("signed_up") or []:
        person = person_of(entry["person"])
        if person is not None:
            sign_ups.append(SignUp(person=person, signed_on=date.fromisoformat(entry["signed_on"])))
    return SafetyPlan(
        rules=rules,
        signs=signs,
        sign_ups=sign_ups,
        review_on=_day(raw.get("review_on")),
        extra=_extra(raw, SAFETY_PLAN_KEYS),
    )


def trajectory_plan_data(plan: TrajectoryPlan) -> Record:
    milestones = [
        _kept(
            {
                "key": m.key,
                "what": m.what,
                "planned_on": None if m.planned_on is None else m.planned_on.isoformat(),
                "who": m.who,
                "status": m.status.value,
                "target": _number(m.target),
                "note": m.note,
            },
            m.extra,
            keep=("key", "what", "status"),
        )
        for m in plan.milestones
    ]
    return _kept({"scale_key": plan.scale_key, "milestones": milestones}, plan.extra)


def trajectory_plan_from(raw: Record) -> TrajectoryPlan:
    milestones = [
        Milestone(
            what=entry["what"],
            planned_on=_day(entry.get("planned_on")),
            who=entry.get("who") or "",
            status=entry.get("status", "planned"),
            target=entry.get("target"),
            note=entry.get("note") or "",
            key=entry.get("key") or "",
            extra=_extra(entry, MILESTONE_KEYS),
        )
        for entry in raw.get("milestones") or []
    ]
    return TrajectoryPlan(
        milestones=milestones, scale_key=raw.get("scale_key") or "", extra=_extra(raw, TRAJECTORY_PLAN_KEYS)
    )

"""The Safety Houses as plain data (JSON objects), one form for the store part "safety_houses" and the meeting file.

People are written by a reference the caller chooses, as ``models.plans_data`` does: the store writes database ids,
a meeting file its own person ids ("p3"). A house whose child names nobody is dropped, and so is a placement of
nobody; the callers say so. Words are written exactly as kept; empty values are left out, so a house written, read
and written again is the same text.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from typing import Any

from sos_desktop.models.safety_house import HousePerson, HouseRule, SafetyHouse

Record = dict[str, Any]
PERSON_KEYS = frozenset({"key", "person", "where", "words", "consent_to_share"})
RULE_KEYS = frozenset({"key", "words", "consent_to_share"})
HOUSE_KEYS = frozenset({"child", "people", "rules", "path", "path_words", "path_consent"})


def _kept(fields: Record, extra: Record, keep: tuple[str, ...]) -> Record:
    record = {key: value for key, value in fields.items() if key in keep or value not in (None, "", [], False)}
    for key, value in extra.items():
        record.setdefault(key, deepcopy(value))
    return record


def _extra(raw: Record, known: frozenset[str]) -> Record:
    return {key: deepcopy(value) for key, value in raw.items() if key not in known}


def _number(value: float | None) -> float | int | None:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def safety_house_data(house: SafetyHouse, person_ref: Callable[[int], Any]) -> Record | None:
    """One house as plain data; None when its child has no reference (``person_ref`` gives None)."""
    child = person_ref(house.child)
    if child is None:
        return None
    people = []
    for placed in house.people:
        ref = person_ref(placed.person)
        if ref is None:
            continue
        fields = {
            "key": placed.key,
            "person": ref,
            "where": placed.where.value,
            "words": placed.words,
            "consent_to_share": placed.consent_to_share,
        }
        people.append(_kept(fields, placed.extra, ("key", "person", "where")))
    rules = [
        _kept({"key": r.key, "words": r.words, "consent_to_share": r.consent_to_share}, r.extra, ("key", "words"))
        for r in house.rules
    ]
    fields = {
        "child": child,
        "people": people,
        "rules": rules,
        "path": _number(house.path),
        "path_words": house.path_words,
        "path_consent": house.path_consent,
    }
    return _kept(fields, house.extra, ("child",))


def safety_houses_data(houses: list[SafetyHouse], person_ref: Callable[[int], Any]) -> list[Record]:
    return [record for house in houses if (record := safety_house_data(house, person_ref)) is not None]


def safety_house_from(raw: Record, person_of: Callable[[Any], int | None]) -> SafetyHouse | None:
    """The house plain data describes (ValueError if a value is refused); None if its child names nobody."""
    child = person_of(raw.get("child"))
    if child is None:
        return None
    people = []
    for entry in raw.get("people") or []:
        person = person_of(entry.get("person"))
        if person is None:
            continue
        people.append(
            HousePerson(
                person=person,
                where=entry.get("where", "inside"),
                words=entry.get("words", ""),
                consent_to_share=entry.get("consent_to_share") is True,
                key=entry.get("key") or "",
                extra=_extra(entry, PERSON_KEYS),
            )
        )
    rules = [
        HouseRule(
            words=entry["words"],
            consent_to_share=entry.get("consent_to_share") is True,
            key=entry.get("key") or "",
            extra=_extra(entry, RULE_KEYS),
        )
        for entry in raw.get("rules") or []
    ]
    return SafetyHouse(
        child=child,
        people=people,
        rules=rules,
        path=raw.get("path"),
        path_words=raw.get("path_words", ""),
        path_consent=raw.get("path_consent") is True,
        extra=_extra(raw, HOUSE_KEYS),
    )


def safety_houses_from(raw: list[Record], person_of: Callable[[Any], int | None]) -> list[SafetyHouse]:
    houses = [house for entry in raw if (house := safety_house_from(entry, person_of)) is not None]
    seen: set[int] = set()
    kept = []
    for house in houses:
        if house.child not in seen:  # one house per child: the first stands
            seen.add(house.child)
            kept.append(house)
    return kept


def dropped_people(raw: list[Record], person_of: Callable[[Any], int | None]) -> list[str]:
    """What reading ``raw`` leaves out for naming nobody, one phrase each (for the warnings of an import)."""
    found = []
    for index, entry in enumerate(raw):
        if person_of(entry.get("child")) is None:
            found.append(f"Safety House {index + 1}: its child {entry.get('child')!r}")
            continue
        for placed in entry.get("people") or []:
            if person_of(placed.get("person")) is None:
                found.append(f"Safety House {index + 1}: the person {placed.get('person')!r}")
    return found

"""Checks of a meeting file that its JSON Schema cannot express: unique ids, references, pairs and real dates.

They run on a document that already keeps to the schema, so every value has its expected type. Two kinds:

- errors (duplicate ids, impossible dates, a rating without a value) refuse the file whole;
- broken references (a tie to a person not in the file, a pairing with a missing or wrong card, a scale about a
  missing card, ...) are warnings: the link is left out, every text of the file is still imported, and the user
  is told which link was dropped and where. Such files come from other systems and hand-edits (the format's own
  example ties a person who is not in it), and refusing a whole meeting for a dangling link would lose more
  than it protects.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from sos_desktop.exporters.errors import InterchangeError, JsonPath
from sos_desktop.exporters.interchange import child_tools, words_pictures
from sos_desktop.exporters.interchange.schema import order_key
from sos_desktop.models.enums import TieBond, TieKind
from sos_desktop.models.genogram import BONDS, bond_suits

Problem = tuple[JsonPath, str]

_PAIRED = {"danger": "goal", "goal": "danger"}
_PAIR_NAMES = {"danger": "a danger statement", "goal": "a safety goal"}


def first_semantic_error(document: dict[str, Any]) -> InterchangeError | None:
    """The first error (in document order) that the schema lets through, or None if there is none."""
    problems = list(_problems(document))
    if not problems:
        return None
    parts, detail = min(problems, key=lambda problem: order_key(document, problem[0]))
    return InterchangeError.at(parts, detail)


def broken_references(document: dict[str, Any]) -> list[Problem]:
    """The links of a (schema-valid, error-free) document that point nowhere or at the wrong thing, in order."""
    problems = list(_reference_problems(document))
    return sorted(problems, key=lambda problem: order_key(document, problem[0]))


def _reference_problems(document: dict[str, Any]) -> Iterator[Problem]:
    people: list[dict[str, Any]] = document.get("people") or []
    items: list[dict[str, Any]] = document.get("map") or []
    person_ids = {person["id"] for person in people if person.get("id") is not None}
    item_ids = {item["id"] for item in items if item.get("id") is not None}
    for index, person in enumerate(people):
        for position, item_id in enumerate(person.get("agrees_with") or []):
            yield from _unknown(("people", index, "agrees_with", position), item_id, item_ids, "map item")
    for index, tie in enumerate(document.get("ties") or []):
        for end in ("from", "to"):
            yield from _unknown(("ties", index, end), tie.get(end), person_ids, "person")
    yield from _pair_problems(items)
    for index, scale in enumerate(document.get("scales") or []):
        yield from _unknown(("scales", index, "about"), scale.get("about"), item_ids, "map item")
    for index, entry in enumerate(document.get("child_voice") or []):
        yield from _unknown(("child_voice", index, "child"), entry.get("child"), person_ids, "person")
    for index, then in enumerate(document.get("network_at_start") or []):
        yield from _unknown(("network_at_start", index, "person"), then.get("person"), person_ids, "person")
    for index, attendee in enumerate(document["meeting"].get("attendees") or []):
        yield from _unknown(("meeting", "attendees", index, "person"), attendee.get("person"), person_ids, "person")
    plan = document.get("safety_plan") or {}
    for index, rule in enumerate(plan.get("rules") or []):
        for position, owner in enumerate(rule.get("owners") or []):
            yield from _unknown(("safety_plan", "rules", index, "owners", position), owner, person_ids, "person")
    for index, entry in enumerate(plan.get("signed_up") or []):
        yield from _unknown(("safety_plan", "signed_up", index, "person"), entry.get("person"), person_ids, "person")
    yield from words_pictures.reference_problems(document, person_ids)
    yield from child_tools.reference_problems(document, person_ids)


def without_broken_references(document: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    """A copy of ``document`` with the links named by ``problems`` left out (a tie with a broken end as a whole)."""
    cleaned = copy.deepcopy(document)
    dropped_ties: set[int] = set()
    dropped_agreements: dict[int, set[int]] = {}
    dropped_plan: dict[tuple[str, int], set[int]] = {}
    for parts in (problem[0] for problem in problems):
        if parts[0] == "words_pictures":
            words_pictures.drop_link(cleaned, parts)
            continue
        if parts[0] in child_tools.TOP_LEVEL_KEYS:
            continue  # a house, a placement or a choice of tool naming nobody is left out as it is read
        if parts[0] == "safety_plan":
            # A rule's owner who is not in the file is left out of the rule; a signer not in it, with their entry.
            where, index = str(parts[1]), parts[2]
            assert isinstance(index, int)
            dropped_plan.setdefault((where, index), set()).add(parts[4] if where == "rules" else -1)  # type: ignore[arg-type]
            continue
        if parts[:2] == ("meeting", "attendees"):
            # An attendee whose network person is not in the file stays at the meeting, linked to nobody.
            cleaned["meeting"]["attendees"][parts[2]].pop("person", None)
            continue
        section, index = parts[0], parts[1]
        assert isinstance(index, int)
        if section == "ties":
            dropped_ties.add(index)
        elif section == "people":
            position = parts[3]
            assert isinstance(position, int)
            dropped_agreements.setdefault(index, set()).add(position)
        else:
            cleaned[str(section)][index].pop(str(parts[2]), None)
    if dropped_ties:
        cleaned["ties"] = [tie for i, tie in enumerate(cleaned["ties"]) if i not in dropped_ties]
    for index, positions in dropped_agreements.items():
        person = cleaned["people"][index]
        person["agrees_with"] = [item for i, item in enumerate(person["agrees_with"]) if i not in positions]
    plan = cleaned.get("safety_plan") or {}
    for (where, index), positions in dropped_plan.items():
        if where == "rules":
            rule = plan["rules"][index]
            rule["owners"] = [owner for i, owner in enumerate(rule["owners"]) if i not in positions]
    signers_dropped = {index for where, index in dropped_plan if where == "signed_up"}
    if signers_dropped:
        plan["signed_up"] = [entry for i, entry in enumerate(plan["signed_up"]) if i not in signers_dropped]
    return cleaned


def _problems(document: dict[str, Any]) -> Iterator[Problem]:
    people: list[dict[str, Any]] = document.get("people") or []
    items: list[dict[str, Any]] = document.get("map") or []
    scales: list[dict[str, Any]] = document.get("scales") or []
    yield from _duplicate_ids("people", people, "person")
    yield from _duplicate_ids("map", items, "map item")
    yield from _duplicate_ids("scales", scales, "scale")
    yield from _duplicate_ids("map", items, "map item", field="key")
    yield from _duplicate_ids("scales", scales, "scale", field="key")
    yield from _duplicate_ids("reviews", document.get("reviews") or [], "reviewed next step", field="key")
    for index, review in enumerate(document.get("reviews") or []):
        yield from _date_problems(("reviews", index, "due"), review.get("due"))
    for index, event in enumerate(document.get("chronology") or []):
        yield from _date_problems(("chronology", index, "happened_on"), event.get("happened_on"))
    yield from _plan_problems(document.get("safety_plan") or {}, document.get("trajectory_plan") or {})
    yield from words_pictures.picture_problems(document)
    yield from child_tools.house_problems(document)

    yield from _date_problems(("meeting", "held_on"), document["meeting"].get("held_on"), with_time=True)
    for index, person in enumerate(people):
        yield from _date_problems(("people", index, "knows_worries_since"), person.get("knows_worries_since"))
    for index, tie in enumerate(document.get("ties") or []):
        for end in ("from", "to"):
            if tie.get(end) is None:
                yield ("ties", index, end), "a tie needs both ends, 'from' and 'to', naming people."
    yield from _genogram_problems(people, document.get("ties") or [])
    for index, item in enumerate(items):
        yield from _date_problems(("map", index, "due"), item.get("due"))
    for index, scale in enumerate(scales):
        for position, rating in enumerate(scale.get("ratings") or []):
            if "value" not in rating:
                yield ("scales", index, "ratings", position, "value"), "a rating needs a value from 0 to 10."
    for index, entry in enumerate(document.get("child_voice") or []):
        if "house" not in entry:
            yield ("child_voice", index, "house"), "each of the child's words belongs in a house."
    observations = document.get("observations") or {}
    for position, rating in enumerate(observations.get("ratings") or []):
        if "value" not in rating:
            yield ("observations", "ratings", position, "value"), "a rating needs a value from 0 to 10."


def _genogram_problems(people: list[dict[str, Any]], ties: list[dict[str, Any]]) -> Iterator[Problem]:
    """A bond the tie's kind cannot have, an index child who is not a child, a second index child."""
    index_child = None
    for index, person in enumerate(people):
        if not person.get("index_child"):
            continue
        if person.get("role", "other") != "child":
            yield ("people", index, "index_child"), "only a child can be the child the case is about."
        elif index_child is not None:
            yield (
                ("people", index, "index_child"),
                f"a case has one index child, and people[{index_child}] is it already.",
            )
        else:
            index_child = index
    for index, tie in enumerate(ties):
        bond, kind = tie.get("bond", ""), tie.get("kind", "other")
        if bond and not bond_suits(TieKind(kind), TieBond(bond)):
            allowed = ", ".join(repr(b.value) for b in BONDS.get(TieKind(kind), {}) if b.value)
            offer = f"one of {allowed}, or none" if allowed else "none"
            yield ("ties", index, "bond"), f"a {kind} tie cannot be {bond!r}: its bond is {offer}."


def _plan_problems(plan: dict[str, Any], trajectory: dict[str, Any]) -> Iterator[Problem]:
    """Keys used twice and impossible dates in the safety plan and the trajectory plan."""
    yield from _duplicate_ids(("safety_plan", "rules"), plan.get("rules") or [], "rule", field="key")
    yield from _duplicate_ids(("safety_plan", "signs"), plan.get("signs") or [], "warning sign", field="key")
    yield from _date_problems(("safety_plan", "review_on"), plan.get("review_on"))
    for index, entry in enumerate(plan.get("signed_up") or []):
        yield from _date_problems(("safety_plan", "signed_up", index, "signed_on"), entry.get("signed_on"))
    milestones = trajectory.get("milestones") or []
    yield from _duplicate_ids(("trajectory_plan", "milestones"), milestones, "milestone", field="key")
    for index, milestone in enumerate(milestones):
        yield from _date_problems(("trajectory_plan", "milestones", index, "planned_on"), milestone.get("planned_on"))


def _duplicate_ids(
    section: str | tuple[str, ...], records: list[dict[str, Any]], what: str, *, field: str = "id"
) -> Iterator[Problem]:
    path = (section,) if isinstance(section, str) else section
    named = ".".join(path)
    first_at: dict[str, int] = {}
    for index, record in enumerate(records):
        record_id = record.get(field)
        if record_id is None:
            continue
        if record_id in first_at:
            yield (
                (*path, index, field),
                f"{record_id!r} is already the {field} of {named}[{first_at[record_id]}]; each {what} needs its own.",
            )
        else:
            first_at[record_id] = index


def _unknown(parts: JsonPath, record_id: str | None, known: set[str], what: str) -> Iterator[Problem]:
    if record_id is not None and record_id not in known:
        yield parts, f"{record_id!r} is not the id of any {what} in this file."


def _date_problems(parts: JsonPath, text: str | None, *, with_time: bool = False) -> Iterator[Problem]:
    """A date (or date and time) that has the right shape but is not in the calendar, such as 2026-02-30."""
    if text is None:
        return
    try:
        if with_time:
            datetime.fromisoformat(text)
        else:
            date.fromisoformat(text)
    except ValueError:
        yield parts, f"{text!r} is not a real {'date and time' if with_time else 'date'}."


def _pair_problems(items: list[dict[str, Any]]) -> Iterator[Problem]:
    """Each danger statement pairs with one safety goal and back; either side of a pair may name the other."""
    index_of: dict[str, int] = {}
    for index, item in enumerate(items):
        index_of.setdefault(item.get("id") or "", index)
    partner: dict[int, int] = {}
    for index, item in enumerate(items):
        target_id = item.get("pairs_with")
        if target_id is None:
            continue
        parts = ("map", index, "pairs_with")
        target = index_of.get(target_id)
        if target is None or not target_id:
            yield parts, f"{target_id!r} is not the id of any map item in this file."
            continue
        category, target_category = item["category"], items[target]["category"]
        if category not in _PAIRED:
            yield parts, f"only danger statements and safety goals are paired, and this is a {category!r} item."
        elif target_category != _PAIRED[category]:
            yield (
                parts,
                f"{_PAIR_NAMES[category]} pairs with {_PAIR_NAMES[_PAIRED[category]]}, "
                f"but {target_id!r} is a {target_category!r} item.",
            )
        elif partner.get(index, target) != target:
            yield parts, f"this item is already paired with map[{partner[index]}]."
        elif partner.get(target, index) != index:
            yield parts, f"{target_id!r} is already paired with map[{partner[target]}]."
        else:
            partner[index], partner[target] = target, index

"""Translation between table rows and the domain dataclasses of ``sos_desktop.models``, both ways.

Repositories hand out only what these functions build, so no row or SQLAlchemy object leaves the store.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

from sqlalchemy import Row

from sos_desktop.models import (
    AgendaPhase,
    Attendee,
    Case,
    Category,
    ChildVoiceEntry,
    MapItem,
    Meeting,
    NetworkPerson,
    ObservationNote,
    RubricRating,
    Scale,
    ScaleRating,
    Tie,
    TieBond,
)
from sos_desktop.models.chronology import ChronologyEvent
from sos_desktop.models.review import PersonThen, StepReview

CATEGORY_ORDER: dict[str, int] = {category.value: index for index, category in enumerate(Category)}
"""Map order of the categories, for sorting cards as the map shows them."""


def dump_json(value: Any) -> str:
    """JSON text for a dict or list, keeping non-ASCII characters as they are."""
    return json.dumps(value, ensure_ascii=False)


def load_dict(text: str | None) -> dict[str, Any]:
    value = json.loads(text) if text else {}
    return value if isinstance(value, dict) else {}


def load_list(text: str | None) -> list[Any]:
    value = json.loads(text) if text else []
    return value if isinstance(value, list) else []


def as_aware(moment: datetime | None) -> datetime | None:
    """A moment read back from the database, in UTC (SQLite hands back a naive datetime; we always store UTC)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def in_utc(moment: datetime | None) -> datetime | None:
    return None if moment is None else as_aware(moment) if moment.tzinfo is None else moment.astimezone(UTC)


def dump_held_on(held_on: datetime | None) -> str | None:
    """ISO text keeps the time exactly, with its offset when it has one (a DateTime column would not)."""
    return held_on.isoformat() if held_on is not None else None


def load_held_on(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def case_values(case: Case) -> dict[str, Any]:
    return {
        "reference": case.reference.strip() or None,
        "label": case.label,
        "framework": case.framework.value,
        "extra": dump_json(case.extra),
        "team": case.team.strip(),
    }


def case_from_row(row: Row[Any]) -> Case:
    return Case(
        id=row.id,
        label=row.label,
        reference=row.reference or "",
        framework=row.framework,
        extra=load_dict(row.extra),
        team=row.team or "",
    )


def meeting_values(meeting: Meeting) -> dict[str, Any]:
    """The meeting's own details (not the lists it holds)."""
    return {
        "title": meeting.title,
        "kind": meeting.kind.value,
        "held_on": dump_held_on(meeting.held_on),
        "focus_question": meeting.focus_question,
        "confidentiality_agreed": meeting.confidentiality_agreed,
        "summary": meeting.summary,
        "extra": dump_json(meeting.extra),
        "follows": meeting.follows,
        "network_at_start": people_then_values(meeting.network_at_start),
    }


def meeting_from_row(row: Row[Any]) -> Meeting:
    """A meeting with its details only; the lists are filled by the caller when it wants them."""
    return Meeting(
        id=row.id,
        case_id=row.case_id,
        title=row.title,
        kind=row.kind,
        held_on=load_held_on(row.held_on),
        focus_question=row.focus_question,
        confidentiality_agreed=bool(row.confidentiality_agreed),
        summary=row.summary,
        extra=load_dict(row.extra),
        uid=row.uid,
        file_extra=load_dict(row.file_extra),
        follows=row.follows,
        network_at_start=[people_then_from(entry) for entry in load_list(row.network_at_start)],
    )


def new_key(given: str) -> str:
    """A card's or scale's key: the one it has, else a new one."""
    return given or str(uuid4())


def people_then_values(people: list[PersonThen]) -> str:
    """The network as a continued meeting began with it, as JSON."""
    return dump_json(
        [
            {"name": p.name, "display_name": p.display_name, "person": p.person, "knows_worries": p.knows_worries}
            for p in people
        ]
    )


def people_then_from(entry: Any) -> PersonThen:
    values = entry if isinstance(entry, dict) else {}
    person = values.get("person")
    return PersonThen(
        name=str(values.get("name", "")),
        display_name=str(values.get("display_name", "")),
        person=person if isinstance(person, int) else None,
        knows_worries=bool(values.get("knows_worries", False)),
    )


def review_values(review: StepReview) -> dict[str, Any]:
    return {
        "key": review.key,
        "text": review.text,
        "owner": review.owner,
        "due": review.due,
        "status_then": None if review.status_then is None else review.status_then.value,
        "outcome": None if review.outcome is None else review.outcome.value,
        "note": review.note,
        "extra": dump_json(review.extra),
    }


def review_from_row(row: Row[Any]) -> StepReview:
    return StepReview(
        key=row.key,
        text=row.text,
        owner=row.owner,
        due=row.due,
        status_then=row.status_then,
        outcome=row.outcome,
        note=row.note,
        extra=load_dict(row.extra),
    )


def event_values(event: ChronologyEvent) -> dict[str, Any]:
    return {
        "happened_on": event.happened_on,
        "precision": event.precision.value,
        "what": event.what,
        "source": event.source,
        "item_key": event.item_key,
        "extra": dump_json(event.extra),
    }


def event_from_row(row: Row[Any]) -> ChronologyEvent:
    return ChronologyEvent(
        happened_on=row.happened_on,
        what=row.what,
        source=row.source,
        precision=row.precision,
        item_key=row.item_key,
        id=row.id,
        extra=load_dict(row.extra),
    )


def attendee_values(attendee: Attendee) -> dict[str, Any]:
    """An attendee's row; ``person_id`` is their network person's database id (the caller maps a bundle's)."""
    return {"name": attendee.name, "role": attendee.role.value, "person_id": attendee.person}


def attendee_from_row(row: Row[Any]) -> Attendee:
    return Attendee(name=row.name, role=row.role, person=row.person_id)


def phase_values(phase: AgendaPhase) -> dict[str, Any]:
    return {
        "phase": phase.phase,
        "title": phase.title,
        "planned_minutes": phase.planned_minutes,
        "actual_minutes": phase.actual_minutes,
        "started_at": in_utc(phase.started_at),
    }


def phase_from_row(row: Row[Any]) -> AgendaPhase:
    return AgendaPhase(
        phase=row.phase,
        title=row.title,
        planned_minutes=row.planned_minutes,
        actual_minutes=row.actual_minutes,
        started_at=as_aware(row.started_at),
    )


def item_values(item: MapItem) -> dict[str, Any]:
    """A card's content; its place (meeting, category, position) and pairing are the caller's business."""
    return {
        "text": item.text,
        "said_by": item.said_by,
        "owner": item.owner,
        "due": item.due,
        "status": item.status.value if item.status is not None else None,
        "extra": dump_json(item.extra),
        "professional_only": item.professional_only,
    }


def item_from_row(row: Row[Any]) -> MapItem:
    return MapItem(
        id=row.id,
        category=row.category,
        text=row.text,
        said_by=row.said_by,
        pairs_with=row.pairs_with,
        owner=row.owner,
        due=row.due,
        status=row.status,
        extra=load_dict(row.extra),
        key=row.key,
        professional_only=bool(row.professional_only),
    )


def map_order(row: Row[Any]) -> tuple[int, int, int]:
    """Sort key putting cards in map order: by category as the map shows them, then position."""
    return (CATEGORY_ORDER.get(row.category, len(CATEGORY_ORDER)), row.position, row.id)


def scale_values(scale: Scale) -> dict[str, Any]:
    """A scale's wording; its place, ``about`` and ratings are the caller's business."""
    return {
        "question": scale.question,
        "zero_means": scale.zero_means,
        "ten_means": scale.ten_means,
        "private_round": scale.private_round,
        "extra": dump_json(scale.extra),
    }


def scale_from_row(row: Row[Any], scale_ratings: list[ScaleRating]) -> Scale:
    return Scale(
        id=row.id,
        question=row.question,
        zero_means=row.zero_means,
        ten_means=row.ten_means,
        about=row.about,
        ratings=scale_ratings,
        private_round=bool(row.private_round),
        extra=load_dict(row.extra),
        key=row.key,
    )


def rating_values(rating: ScaleRating) -> dict[str, Any]:
    return {
        "rater": rating.rater,
        "value": float(rating.value),
        "reason": rating.reason,
        "one_point_higher": rating.one_point_higher,
        "extra": dump_json(rating.extra),
    }


def rating_from_row(row: Row[Any]) -> ScaleRating:
    return ScaleRating(
        rater=row.rater,
        value=row.value,
        reason=row.reason,
        one_point_higher=row.one_point_higher,
        extra=load_dict(row.extra),
    )


def voice_values(entry: ChildVoiceEntry) -> dict[str, Any]:
    """An entry's content; its place and ``child`` are the caller's business."""
    return {"house": entry.house.value, "words": entry.words, "consent_to_share": entry.consent_to_share}


def voice_from_row(row: Row[Any]) -> ChildVoiceEntry:
    return ChildVoiceEntry(
        id=row.id,
        house=row.house,
        words=row.words,
        child=row.child,
        consent_to_share=bool(row.consent_to_share),
    )


def note_values(note: ObservationNote) -> dict[str, Any]:
    return {"at_minute": note.at_minute, "phase": note.phase, "text": note.text}


def note_from_row(row: Row[Any]) -> ObservationNote:
    return ObservationNote(text=row.text, at_minute=row.at_minute, phase=row.phase)


def rubric_values(rating: RubricRating) -> dict[str, Any]:
    return {"criterion": rating.criterion, "value": float(rating.value), "comment": rating.comment}


def rubric_from_row(row: Row[Any]) -> RubricRating:
    return RubricRating(criterion=row.criterion, value=row.value, comment=row.comment)


def person_values(person: NetworkPerson) -> dict[str, Any]:
    """A person's details; ``agrees_with`` lives in its own table."""
    return {
        "name": person.name,
        "display_name": person.display_name,
        "role": person.role.value,
        "relationship": person.relationship,
        "age": person.age,
        "circle": person.circle.value if person.circle is not None else None,
        "knows_worries": person.knows_worries,
        "knows_worries_since": person.knows_worries_since,
        "rules": dump_json(list(person.rules)),
        "also_known_as": dump_json(list(person.also_known_as)),
        "contact": person.contact,
        "notes": person.notes,
        "x": person.x,
        "y": person.y,
        "extra": dump_json(person.extra),
        "gender": person.gender.value if person.gender is not None else None,
        "deceased": person.deceased,
        "index_child": person.index_child,
        "household": person.household,
    }


def person_from_row(row: Row[Any], agrees_with: list[int]) -> NetworkPerson:
    return NetworkPerson(
        id=row.id,
        name=row.name,
        display_name=row.display_name,
        role=row.role,
        relationship=row.relationship,
        age=row.age,
        circle=row.circle,
        knows_worries=bool(row.knows_worries),
        knows_worries_since=row.knows_worries_since,
        agrees_with=agrees_with,
        rules=load_list(row.rules),
        also_known_as=load_list(row.also_known_as),
        contact=row.contact,
        notes=row.notes,
        x=row.x,
        y=row.y,
        extra=load_dict(row.extra),
        gender=row.gender,
        deceased=bool(row.deceased),
        index_child=bool(row.index_child),
        household=row.household or "",
    )


def tie_values(tie: Tie) -> dict[str, Any]:
    """A tie's kind, bond and extra; its ends are ids the caller has mapped to the database's."""
    return {"kind": tie.kind.value, "extra": dump_json(tie.extra), "bond": tie.bond.value}


def tie_from_row(row: Row[Any]) -> Tie:
    return Tie(
        id=row.id,
        source=row.source,
        target=row.target,
        kind=row.kind,
        extra=load_dict(row.extra),
        bond=TieBond(row.bond or ""),
    )

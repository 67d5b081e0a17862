"""From the domain's MeetingBundle to a version 1 meeting document (plain JSON data).

Ids are written by position (``p1``, ``m1``, ``s1``) and whole numbers as integers (4, not 4.0). Inside each
record, a value that holds nothing (None, "" or an empty list) is left out, except the keys that make the record
what it is (a card's text, a person's name, a rating's rater and value...); booleans and enumerations are always
written, and so are the top-level lists. Unknown keys read into ``extra`` follow the known ones (the file's own
unknown top-level keys, kept in the meeting's ``file_extra``, come last); the meeting's ``uid`` comes first.
Export, import and export again therefore gives the same bytes.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from sos_desktop.exporters.interchange.child_tools import encode_child_tools
from sos_desktop.exporters.interchange.decode import (
    CASE_KEYS,
    EVENT_KEYS,
    FILE_KEYS,
    ITEM_KEYS,
    MEETING_KEYS,
    PERSON_KEYS,
    RATING_KEYS,
    REVIEW_KEYS,
    SCALE_KEYS,
    TIE_KEYS,
    Record,
)
from sos_desktop.exporters.interchange.schema import FORMAT, VERSION
from sos_desktop.exporters.interchange.words_pictures import encode_words_pictures
from sos_desktop.models import (
    AgendaPhase,
    Attendee,
    Category,
    MapItem,
    Meeting,
    MeetingBundle,
    NetworkPerson,
    Observations,
    Scale,
)
from sos_desktop.models.agreement import family_meeting_data
from sos_desktop.models.chronology import ChronologyEvent
from sos_desktop.models.plans_data import safety_plan_data, trajectory_plan_data
from sos_desktop.models.review import StepReview
from sos_desktop.models.safety_plan import person_rules


def _number(value: float | None) -> float | int | None:
    """4.0 is written 4; 5.5 stays 5.5."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _record(
    fields: Record, *, keep: tuple[str, ...] = (), extra: Record | None = None, known: frozenset[str] = frozenset()
) -> Record:
    """``fields`` without the values that hold nothing (but those named in ``keep``), then the unknown keys."""
    record = {
        key: value
        for key, value in fields.items()
        if key in keep or (value is not None and value != "" and value != [])
    }
    for key, value in (extra or {}).items():
        if key not in known and key not in record:
            record[key] = deepcopy(value)
    return record


def _file_ids(records: list[Any], prefix: str) -> dict[int, str]:
    """The file id of each record by its domain id: ``p1`` for the first person, and so on."""
    ids: dict[int, str] = {}
    for position, record in enumerate(records, start=1):
        if record.id is not None:
            ids.setdefault(record.id, f"{prefix}{position}")
    return ids


def _pairs(items: list[MapItem]) -> dict[int, int]:
    """The danger/goal pairs, both ways, by position; a link to nothing, or that contradicts another, is dropped."""
    position_of: dict[int, int] = {}
    for position, item in enumerate(items):
        if item.id is not None:
            position_of.setdefault(item.id, position)
    partner: dict[int, int] = {}
    for position, item in enumerate(items):
        other = None if item.pairs_with is None else position_of.get(item.pairs_with)
        if other is None or {item.category, items[other].category} != {Category.DANGER, Category.GOAL}:
            continue
        if partner.get(position, other) == other and partner.get(other, position) == position:
            partner[position], partner[other] = other, position
    return partner


def encode_bundle(bundle: MeetingBundle) -> Record:
    """The version 1 document of ``bundle``; a reference to something not in the bundle is left out."""
    case, meeting, network = bundle.case, bundle.meeting, bundle.network
    person_ids, item_ids = _file_ids(network.people, "p"), _file_ids(meeting.items, "m")
    document: Record = {
        "format": FORMAT,
        "version": VERSION,
        "case": _record(
            {"reference": case.reference, "label": case.label, "framework": case.framework.value, "team": case.team},
            keep=("label",),
            extra=case.extra,
            known=CASE_KEYS,
        ),
        "meeting": _meeting(meeting, person_ids),
        "people": [
            # People's "rules" are the plan's rules they own, for readers of the format that know only those.
            _person(position, person, item_ids, person_rules(meeting.safety_plan, person))
            for position, person in enumerate(network.people, start=1)
        ],
        "ties": [
            _record(
                {
                    "from": person_ids[tie.source],
                    "to": person_ids[tie.target],
                    "kind": tie.kind.value,
                    "bond": tie.bond.value,
                },
                extra=tie.extra,
                known=TIE_KEYS,
            )
            for tie in network.ties
            if tie.source in person_ids and tie.target in person_ids
        ],
        "map": _items(meeting.items),
        "scales": [_scale(position, scale, item_ids) for position, scale in enumerate(meeting.scales, start=1)],
        "child_voice": [
            _record(
                {
                    "child": None if entry.child is None else person_ids.get(entry.child),
                    "house": entry.house.value,
                    "words": entry.words,
                    "consent_to_share": entry.consent_to_share,
                },
                keep=("words",),
            )
            for entry in meeting.child_voice
        ],
    }
    if not meeting.observations.is_empty():
        document["observations"] = encode_observations(meeting.observations)
    # The case over time: written when there is something (a first meeting's file looks as it always did).
    if meeting.reviews:
        document["reviews"] = [_review(review) for review in meeting.reviews]
    if meeting.network_at_start:
        document["network_at_start"] = [
            _record(
                {
                    "person": None if then.person is None else person_ids.get(then.person),
                    "name": then.name,
                    "display_name": then.display_name,
                    "knows_worries": then.knows_worries,
                },
                keep=("name",),
            )
            for then in meeting.network_at_start
        ]
    if bundle.chronology:
        document["chronology"] = [_event(event) for event in bundle.chronology]
    if not meeting.safety_plan.is_empty():
        document["safety_plan"] = safety_plan_data(meeting.safety_plan, person_ids.get)
    if not meeting.trajectory_plan.is_empty():
        document["trajectory_plan"] = trajectory_plan_data(meeting.trajectory_plan)
    if not meeting.family_meeting.is_empty():
        document["family_meeting"] = family_meeting_data(meeting.family_meeting)
    document.update(encode_words_pictures(bundle, person_ids))
    document.update(encode_child_tools(bundle, person_ids))
    for key, value in meeting.file_extra.items():
        if key not in FILE_KEYS:
            document[key] = deepcopy(value)
    return document


def _review(review: StepReview) -> Record:
    fields = {
        "key": review.key,
        "text": review.text,
        "owner": review.owner,
        "due": None if review.due is None else review.due.isoformat(),
        "status_then": None if review.status_then is None else review.status_then.value,
        "outcome": None if review.outcome is None else review.outcome.value,
        "note": review.note,
    }
    return _record(fields, keep=("key", "text"), extra=review.extra, known=REVIEW_KEYS)


def _event(event: ChronologyEvent) -> Record:
    fields = {
        "happened_on": event.happened_on.isoformat(),
        "precision": event.precision.value,
        "what": event.what,
        "source": event.source,
        "item_key": event.item_key,
    }
    return _record(fields, keep=("happened_on", "what"), extra=event.extra, known=EVENT_KEYS)


def _attendee(attendee: Attendee, person_ids: dict[int, str]) -> Record:
    person = None if attendee.person is None else person_ids.get(attendee.person)
    return _record({"name": attendee.name, "role": attendee.role.value, "person": person}, keep=("name", "role"))


def _meeting(meeting: Meeting, person_ids: dict[int, str]) -> Record:
    fields = {
        "uid": meeting.uid,
        "follows": meeting.follows,
        "title": meeting.title,
        "kind": meeting.kind.value,
        "held_on": None if meeting.held_on is None else meeting.held_on.isoformat(),
        "focus_question": meeting.focus_question,
        "confidentiality_agreed": meeting.confidentiality_agreed,
        "attendees": [_attendee(attendee, person_ids) for attendee in meeting.attendees],
        "agenda": [_phase(phase) for phase in meeting.agenda],
        "summary": meeting.summary,
    }
    return _record(fields, keep=("title",), extra=meeting.extra, known=MEETING_KEYS)


def _phase(phase: AgendaPhase) -> Record:
    fields = {
        "phase": phase.phase,
        "title": phase.title,
        "planned_minutes": _number(phase.planned_minutes),
        "actual_minutes": _number(phase.actual_minutes),
    }
    return _record(fields, keep=("phase",))


def _person(position: int, person: NetworkPerson, item_ids: dict[int, str], rules: list[str]) -> Record:
    fields = {
        "id": f"p{position}",
        "name": person.name,
        "display_name": person.display_name,
        "role": person.role.value,
        "relationship": person.relationship,
        "age": person.age,
        "circle": None if person.circle is None else person.circle.value,
        "knows_worries": person.knows_worries,
        "knows_worries_since": None if person.knows_worries_since is None else person.knows_worries_since.isoformat(),
        "agrees_with": [item_ids[item_id] for item_id in person.agrees_with if item_id in item_ids],
        "rules": list(rules),
        "also_known_as": list(person.also_known_as),
        "contact": person.contact,
        "notes": person.notes,
        "x": _number(person.x),
        "y": _number(person.y),
        "gender": None if person.gender is None else person.gender.value,
        # Only when true, as a file of a network without genogram marks was before they existed.
        "deceased": True if person.deceased else None,
        "index_child": True if person.index_child else None,
        "household": person.household,
    }
    return _record(fields, keep=("name",), extra=person.extra, known=PERSON_KEYS)


def _items(items: list[MapItem]) -> list[Record]:
    partner = _pairs(items)
    records = []
    for position, item in enumerate(items):
        fields = {
            "id": f"m{position + 1}",
            "key": item.key,
            "category": item.category.value,
            "text": item.text,
            "said_by": item.said_by,
            "pairs_with": f"m{partner[position] + 1}" if position in partner else None,
            "owner": item.owner,
            "due": None if item.due is None else item.due.isoformat(),
            "status": None if item.status is None else item.status.value,
            "professional_only": True if item.professional_only else None,
        }
        records.append(_record(fields, keep=("text",), extra=item.extra, known=ITEM_KEYS))
    return records


def _scale(position: int, scale: Scale, item_ids: dict[int, str]) -> Record:
    ratings = [
        _record(
            {
                "rater": rating.rater,
                "value": _number(rating.value),
                "reason": rating.reason,
                "one_point_higher": rating.one_point_higher,
            },
            keep=("rater",),
            extra=rating.extra,
            known=RATING_KEYS,
        )
        for rating in scale.ratings
    ]
    fields = {
        "id": f"s{position}",
        "key": scale.key,
        "question": scale.question,
        "zero_means": scale.zero_means,
        "ten_means": scale.ten_means,
        "about": None if scale.about is None else item_ids.get(scale.about),
        "ratings": ratings,
        "private_round": True if scale.private_round else None,  # written only while a round is under way
    }
    return _record(fields, keep=("question",), extra=scale.extra, known=SCALE_KEYS)


def encode_observations(observations: Observations) -> Record:
    """An observer's feedback as the ``observations`` of a document."""
    notes = [
        _record({"at_minute": _number(note.at_minute), "phase": note.phase, "text": note.text}, keep=("text",))
        for note in observations.notes
    ]
    ratings = [
        _record(
            {"criterion": rating.criterion, "value": _number(rating.value), "comment": rating.comment},
            keep=("criterion",),
        )
        for rating in observations.ratings
    ]
    fields = {
        "observer": observations.observer,
        "notes": notes,
        "ratings": ratings,
        "went_well": observations.went_well,
        "even_better_if": observations.even_better_if,
    }
    return _record(fields)

"""From a valid meeting document (plain JSON data) to the domain's MeetingBundle.

File ids become provisional negative ids, unique within the bundle (the store gives each object its own id when
it saves the bundle). Unknown keys of the case, meeting, people, ties, map items, scales and ratings are kept in
their ``extra``, unknown top-level keys in the meeting's ``file_extra``; the meeting's ``uid`` is its identity. A
danger/goal pair named on one side only is set on both.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from copy import deepcopy
from datetime import date, datetime
from itertools import count
from typing import Any

from sos_desktop.exporters.errors import InterchangeError, JsonPath
from sos_desktop.exporters.interchange.child_tools import decode_child_tools
from sos_desktop.exporters.interchange.words_pictures import decode_words_pictures
from sos_desktop.models import (
    AgendaPhase,
    Attendee,
    AttendeeRole,
    Case,
    ChildVoiceEntry,
    Framework,
    MapItem,
    Meeting,
    MeetingBundle,
    MeetingKind,
    Network,
    NetworkPerson,
    ObservationNote,
    Observations,
    PersonRole,
    RubricRating,
    Scale,
    ScaleRating,
    Tie,
    TieBond,
    TieKind,
)
from sos_desktop.models.agreement import family_meeting_from
from sos_desktop.models.chronology import ChronologyEvent
from sos_desktop.models.plans_data import safety_plan_from, trajectory_plan_from
from sos_desktop.models.review import PersonThen, StepReview
from sos_desktop.models.safety_plan import SafetyPlan, with_people_rules

Record = dict[str, Any]

# The keys each kind of record reads; any other key of a record with an ``extra`` is kept there.
CASE_KEYS = frozenset({"reference", "label", "framework", "team"})
MEETING_KEYS = frozenset(
    {"uid", "title", "kind", "held_on", "focus_question", "confidentiality_agreed", "attendees", "agenda", "summary"}
    | {"follows"}
)
# The top-level keys of the file; any other is kept with the meeting (``Meeting.file_extra``) and written back.
FILE_KEYS = frozenset(
    {"format", "version", "case", "meeting", "people", "ties", "map", "scales", "child_voice", "observations"}
    | {"reviews", "network_at_start", "chronology", "safety_plan", "trajectory_plan"}
    | {"family_meeting"}
    | {"words_pictures", "pictures"}
    | {"safety_houses", "child_tools"}
)
PERSON_KEYS = frozenset(
    {"id", "name", "display_name", "role", "age", "circle", "knows_worries", "knows_worries_since", "agrees_with"}
    | {"relationship", "rules", "contact", "notes", "x", "y", "also_known_as"}
    | {"gender", "deceased", "index_child", "household"}
)
TIE_KEYS = frozenset({"from", "to", "kind", "bond"})
ITEM_KEYS = frozenset(
    {"id", "key", "category", "text", "said_by", "pairs_with", "owner", "due", "status", "professional_only"}
)
SCALE_KEYS = frozenset({"id", "key", "question", "zero_means", "ten_means", "about", "ratings", "private_round"})
REVIEW_KEYS = frozenset({"key", "text", "owner", "due", "status_then", "outcome", "note"})
EVENT_KEYS = frozenset({"happened_on", "precision", "what", "source", "item_key"})
RATING_KEYS = frozenset({"rater", "value", "reason", "one_point_higher"})


@contextmanager
def _building(parts: JsonPath) -> Iterator[None]:
    """Report a domain object's refusal of a value as a problem of the file at ``parts``."""
    try:
        yield
    except ValueError as error:
        raise InterchangeError.at(parts, str(error)) from error


def _extra(record: Record, known: frozenset[str]) -> dict[str, Any]:
    return {key: deepcopy(value) for key, value in record.items() if key not in known}


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)


def _date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _provisional_ids(records: list[Record], next_id: Iterator[int]) -> tuple[list[int], dict[str, int]]:
    """A new negative id for each record, and the new id of each file id."""
    ids = [next(next_id) for _ in records]
    by_file_id = {record["id"]: new for record, new in zip(records, ids, strict=True) if record.get("id") is not None}
    return ids, by_file_id


def decode_bundle(document: Record) -> MeetingBundle:
    """The bundle a document describes; the document has passed every check of ``interchange.parse_meeting``."""
    raw_people: list[Record] = document.get("people") or []
    raw_items: list[Record] = document.get("map") or []
    raw_scales: list[Record] = document.get("scales") or []
    next_id = count(-1, -1)
    people_new, person_ids = _provisional_ids(raw_people, next_id)
    items_new, item_ids = _provisional_ids(raw_items, next_id)
    scales_new, _ = _provisional_ids(raw_scales, next_id)

    raw_case = document["case"]
    with _building(("case",)):
        case = Case(
            label=raw_case["label"],
            reference=raw_case.get("reference") or "",
            framework=Framework(raw_case.get("framework", "safety")),
            extra=_extra(raw_case, CASE_KEYS),
            team=(raw_case.get("team") or "").strip(),
        )
    people = [_person(("people", index), raw, people_new[index], item_ids) for index, raw in enumerate(raw_people)]
    ties = []
    for index, raw in enumerate(document.get("ties") or []):
        with _building(("ties", index)):
            kind = TieKind(raw.get("kind", "other"))
            ends = person_ids[raw["from"]], person_ids[raw["to"]]
            ties.append(Tie(*ends, kind, extra=_extra(raw, TIE_KEYS), bond=TieBond(raw.get("bond", ""))))
    items = [_item(("map", index), raw, items_new[index], item_ids) for index, raw in enumerate(raw_items)]
    by_id = {item.id: item for item in items}
    for item in items:
        if item.pairs_with is not None:
            by_id[item.pairs_with].pairs_with = item.id
    scales = [_scale(("scales", index), raw, scales_new[index], item_ids) for index, raw in enumerate(raw_scales)]
    meeting = _meeting(document, person_ids)
    meeting.items, meeting.scales = items, scales
    meeting.reviews = [_review(("reviews", index), raw) for index, raw in enumerate(document.get("reviews") or [])]
    meeting.network_at_start = [
        PersonThen(
            name=raw.get("name") or "",
            display_name=raw.get("display_name") or "",
            person=None if raw.get("person") is None else person_ids[raw["person"]],
            knows_worries=raw.get("knows_worries", False),
        )
        for raw in document.get("network_at_start") or []
    ]
    chronology = [_event(("chronology", index), raw) for index, raw in enumerate(document.get("chronology") or [])]
    network = Network(people=people, ties=ties)
    _plans(document, meeting, network, person_ids)
    with _building(("words_pictures",)):
        meeting.words_pictures, pictures = decode_words_pictures(document, person_ids, next_id)
    meeting.safety_houses, meeting.child_tools = decode_child_tools(document, person_ids)
    return MeetingBundle(case=case, meeting=meeting, network=network, chronology=chronology, pictures=pictures)


def _plans(document: Record, meeting: Meeting, network: Network, person_ids: dict[str, int]) -> None:
    """The meeting's safety plan and trajectory plan. People's "rules" (all a file had before the plan, and what it
    writes for readers of the format that know only them) join the plan's rules, so a rule is kept in one place.
    """
    raw_plan = document.get("safety_plan")
    plan = SafetyPlan()
    if raw_plan is not None:
        with _building(("safety_plan",)):
            plan = safety_plan_from(raw_plan, person_ids.get)
    meeting.safety_plan = with_people_rules(plan, network)
    for person in network.people:
        person.rules = []
    raw_trajectory = document.get("trajectory_plan")
    if raw_trajectory is not None:
        with _building(("trajectory_plan",)):
            meeting.trajectory_plan = trajectory_plan_from(raw_trajectory)


def _review(parts: JsonPath, raw: Record) -> StepReview:
    with _building(parts):
        return StepReview(
            key=raw["key"],
            text=raw["text"],
            owner=raw.get("owner") or "",
            due=_date(raw.get("due")),
            status_then=raw.get("status_then"),
            outcome=raw.get("outcome"),
            note=raw.get("note") or "",
            extra=_extra(raw, REVIEW_KEYS),
        )


def _event(parts: JsonPath, raw: Record) -> ChronologyEvent:
    with _building(parts):
        return ChronologyEvent(
            happened_on=date.fromisoformat(raw["happened_on"]),
            what=raw["what"],
            source=raw.get("source") or "",
            precision=raw.get("precision", "day"),
            item_key=raw.get("item_key") or "",
            extra=_extra(raw, EVENT_KEYS),
        )


def _meeting(document: Record, person_ids: dict[str, int]) -> Meeting:
    raw = document["meeting"]
    with _building(("meeting",)):
        held_on = raw.get("held_on")
        meeting = Meeting(
            title=raw["title"],
            kind=MeetingKind(raw.get("kind", "group_supervision")),
            held_on=None if held_on is None else datetime.fromisoformat(held_on),
            focus_question=raw.get("focus_question") or "",
            confidentiality_agreed=raw.get("confidentiality_agreed", False),
            summary=raw.get("summary") or "",
            attendees=[
                Attendee(
                    person.get("name", ""),
                    AttendeeRole(person.get("role", "participant")),
                    None if person.get("person") is None else person_ids[person["person"]],
                )
                for person in raw.get("attendees") or []
            ],
            agenda=[
                AgendaPhase(
                    phase=a.get("phase") or "",
                    title=a.get("title") or "",
                    planned_minutes=_float(a.get("planned_minutes")),
                    actual_minutes=_float(a.get("actual_minutes")),
                )
                for a in raw.get("agenda") or []
            ],
            extra=_extra(raw, MEETING_KEYS),
            uid=(raw.get("uid") or "").lower(),
            follows=(raw.get("follows") or "").lower(),
            file_extra=_extra(document, FILE_KEYS),
        )
    for index, entry in enumerate(document.get("child_voice") or []):
        with _building(("child_voice", index)):
            child = entry.get("child")
            meeting.child_voice.append(
                ChildVoiceEntry(
                    house=entry["house"],
                    words=entry.get("words") or "",
                    child=None if child is None else person_ids[child],
                    consent_to_share=entry.get("consent_to_share", False),
                )
            )
    meeting.observations = decode_observations(document.get("observations") or {})
    with _building(("family_meeting",)):
        meeting.family_meeting = family_meeting_from(document.get("family_meeting") or {})
    return meeting


def decode_observations(raw: Record) -> Observations:
    """An observer's feedback as held in a valid document's ``observations``."""
    ratings = []
    for index, rating in enumerate(raw.get("ratings") or []):
        with _building(("observations", "ratings", index)):
            ratings.append(RubricRating(rating.get("criterion") or "", rating["value"], rating.get("comment") or ""))
    notes = [
        ObservationNote(
            text=note.get("text") or "", at_minute=_float(note.get("at_minute")), phase=note.get("phase") or ""
        )
        for note in raw.get("notes") or []
    ]
    return Observations(
        observer=raw.get("observer") or "",
        notes=notes,
        ratings=ratings,
        went_well=raw.get("went_well") or "",
        even_better_if=raw.get("even_better_if") or "",
    )


def _person(parts: JsonPath, raw: Record, person_id: int, item_ids: dict[str, int]) -> NetworkPerson:
    age = raw.get("age")
    with _building(parts):
        return NetworkPerson(
            name=raw.get("name") or "",
            id=person_id,
            display_name=raw.get("display_name") or "",
            role=PersonRole(raw.get("role", "other")),
            relationship=raw.get("relationship") or "",
            age=None if age is None else int(age),
            circle=raw.get("circle"),
            knows_worries=raw.get("knows_worries", False),
            knows_worries_since=_date(raw.get("knows_worries_since")),
            agrees_with=[item_ids[item_id] for item_id in raw.get("agrees_with") or []],
            rules=list(raw.get("rules") or []),
            contact=raw.get("contact") or "",
            notes=raw.get("notes") or "",
            x=_float(raw.get("x")),
            y=_float(raw.get("y")),
            extra=_extra(raw, PERSON_KEYS),
            also_known_as=[name for name in raw.get("also_known_as") or [] if name.strip()],
            gender=raw.get("gender"),
            deceased=raw.get("deceased", False),
            index_child=raw.get("index_child", False),
            household=raw.get("household") or "",
        )


def _item(parts: JsonPath, raw: Record, item_id: int, item_ids: dict[str, int]) -> MapItem:
    pairs_with = raw.get("pairs_with")
    with _building(parts):
        return MapItem(
            category=raw["category"],
            text=raw["text"],
            id=item_id,
            said_by=raw.get("said_by") or "",
            pairs_with=None if pairs_with is None else item_ids[pairs_with],
            owner=raw.get("owner") or "",
            due=_date(raw.get("due")),
            status=raw.get("status"),
            extra=_extra(raw, ITEM_KEYS),
            key=raw.get("key") or "",
            professional_only=raw.get("professional_only", False),
        )


def _scale(parts: JsonPath, raw: Record, scale_id: int, item_ids: dict[str, int]) -> Scale:
    ratings = []
    for index, rating in enumerate(raw.get("ratings") or []):
        with _building((*parts, "ratings", index)):
            ratings.append(
                ScaleRating(
                    rater=rating.get("rater") or "",
                    value=rating["value"],
                    reason=rating.get("reason") or "",
                    one_point_higher=rating.get("one_point_higher") or "",
                    extra=_extra(rating, RATING_KEYS),
                )
            )
    about = raw.get("about")
    return Scale(
        question=raw.get("question") or "",
        zero_means=raw.get("zero_means") or "",
        ten_means=raw.get("ten_means") or "",
        private_round=bool(raw.get("private_round", False)),
        id=scale_id,
        about=None if about is None else item_ids[about],
        ratings=ratings,
        extra=_extra(raw, SCALE_KEYS),
        key=raw.get("key") or "",
    )

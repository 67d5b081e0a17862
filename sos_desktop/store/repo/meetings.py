"""Meetings: their details, attendees, agenda, the child's voice and observations; whole meetings in and out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.engine import Connection

from sos_desktop.models import (
    AgendaPhase,
    Attendee,
    ChildVoiceEntry,
    Meeting,
    MeetingHeading,
    MeetingKind,
    Observations,
)
from sos_desktop.models.observation_sync import replay_change
from sos_desktop.models.review import StepReview
from sos_desktop.models.safety_plan import SafetyPlan
from sos_desktop.models.trajectory import in_time_order
from sos_desktop.models.trajectory import question_key_text as question_key_of
from sos_desktop.models.trajectory_plan import TrajectoryPlan
from sos_desktop.store import convert
from sos_desktop.store.errors import NotFoundError
from sos_desktop.store.repo.child_tools import get_child_tools, write_child_tools
from sos_desktop.store.repo.common import insert_row, map_reference, now, touch_meeting
from sos_desktop.store.repo.family_meeting import get_family_meeting, write_family_meeting
from sos_desktop.store.repo.items import get_items, insert_items
from sos_desktop.store.repo.plans import get_plans, insert_plans
from sos_desktop.store.repo.scales import get_scales, insert_scales
from sos_desktop.store.repo.words_pictures import get_words_pictures, write_words_pictures
from sos_desktop.store.tables import (
    agenda_phases,
    attendees,
    cases,
    child_voice,
    meetings,
    observation_notes,
    observation_ratings,
    observations,
    people,
    scales,
    step_reviews,
)

RUBRIC_EXTRA_KEY = "rubric"
"""Where a meeting keeps its own rubric criteria (when its observer changed them) in ``Meeting.extra``."""


def list_meetings(conn: Connection, case_id: int | None = None) -> list[Meeting]:
    """Meetings (of one case, or all) with their details only, earliest first; undated ones last."""
    query = select(meetings).order_by(meetings.c.held_on.is_(None), meetings.c.held_on, meetings.c.id)
    if case_id is not None:
        query = query.where(meetings.c.case_id == case_id)
    return [convert.meeting_from_row(row) for row in conn.execute(query)]


def meeting_headings(conn: Connection) -> list[MeetingHeading]:
    """What a list of meetings shows (id, case, title, date, kind) for every meeting, in ``list_meetings`` order:
    no ``Meeting`` is built, so a database of thousands of meetings is listed at once.
    """
    columns = (meetings.c.id, meetings.c.case_id, meetings.c.title, meetings.c.held_on, meetings.c.kind)
    query = select(*columns).order_by(meetings.c.held_on.is_(None), meetings.c.held_on, meetings.c.id)
    kinds = {kind.value: kind for kind in MeetingKind}
    return [
        MeetingHeading(row.id, row.case_id, row.title, convert.load_held_on(row.held_on), kinds[row.kind])
        for row in conn.execute(query)
    ]


def _ordered(conn: Connection, table: Table, meeting_id: int) -> list[Any]:
    query = select(table).where(table.c.meeting_id == meeting_id).order_by(table.c.position)
    return list(conn.execute(query))


def get_observations(conn: Connection, meeting_id: int) -> Observations:
    row = conn.execute(select(observations).where(observations.c.meeting_id == meeting_id)).first()
    return Observations(
        observer=row.observer if row is not None else "",
        went_well=row.went_well if row is not None else "",
        even_better_if=row.even_better_if if row is not None else "",
        notes=[convert.note_from_row(r) for r in _ordered(conn, observation_notes, meeting_id)],
        ratings=[convert.rubric_from_row(r) for r in _ordered(conn, observation_ratings, meeting_id)],
    )


def get_meeting(conn: Connection, meeting_id: int) -> Meeting:
    """The whole meeting: details, attendees, agenda, cards in map order, scales, child's voice, observations."""
    row = conn.execute(select(meetings).where(meetings.c.id == meeting_id)).first()
    if row is None:
        raise NotFoundError.missing("meeting")
    meeting = convert.meeting_from_row(row)
    meeting.attendees = [convert.attendee_from_row(r) for r in _ordered(conn, attendees, meeting_id)]
    meeting.agenda = [convert.phase_from_row(r) for r in _ordered(conn, agenda_phases, meeting_id)]
    meeting.items = get_items(conn, meeting_id)
    meeting.scales = get_scales(conn, meeting_id)
    meeting.child_voice = [convert.voice_from_row(r) for r in _ordered(conn, child_voice, meeting_id)]
    meeting.observations = get_observations(conn, meeting_id)
    meeting.reviews = [convert.review_from_row(r) for r in _ordered(conn, step_reviews, meeting_id)]
    meeting.safety_plan, meeting.trajectory_plan = get_plans(conn, meeting_id)
    meeting.family_meeting = get_family_meeting(conn, meeting_id)
    meeting.safety_houses, meeting.child_tools = get_child_tools(conn, meeting_id)
    meeting.words_pictures = get_words_pictures(conn, meeting_id)
    return meeting


def _replace_list(conn: Connection, table: Table, meeting_id: int, rows: list[dict[str, Any]]) -> None:
    conn.execute(delete(table).where(table.c.meeting_id == meeting_id))
    if rows:
        conn.execute(insert(table), [r | {"meeting_id": meeting_id, "position": i} for i, r in enumerate(rows)])


def _write_observations(conn: Connection, meeting_id: int, given: Observations) -> None:
    conn.execute(delete(observations).where(observations.c.meeting_id == meeting_id))
    if given.observer or given.went_well or given.even_better_if:
        conn.execute(
            insert(observations).values(
                meeting_id=meeting_id,
                observer=given.observer,
                went_well=given.went_well,
                even_better_if=given.even_better_if,
            )
        )
    _replace_list(conn, observation_notes, meeting_id, [convert.note_values(n) for n in given.notes])
    _replace_list(conn, observation_ratings, meeting_id, [convert.rubric_values(r) for r in given.ratings])


def _case_id(conn: Connection, meeting_id: int) -> int:
    case_id = conn.scalar(select(meetings.c.case_id).where(meetings.c.id == meeting_id))
    if case_id is None:
        raise NotFoundError.missing("meeting")
    return int(case_id)


def _write_child_voice(
    conn: Connection, meeting_id: int, entries: list[ChildVoiceEntry], person_ids: Mapping[int, int], keep_ids: bool
) -> None:
    conn.execute(delete(child_voice).where(child_voice.c.meeting_id == meeting_id))
    for position, entry in enumerate(entries):
        child = map_reference(person_ids, entry.child, "person") if entry.child is not None else None
        values = convert.voice_values(entry) | {"meeting_id": meeting_id, "position": position, "child": child}
        if keep_ids and entry.id is not None:
            values["id"] = entry.id
        conn.execute(insert(child_voice).values(values))


def case_people(conn: Connection, case_id: int) -> dict[int, int]:
    """The case's people as an identity map {id: id}, for references that are already database ids."""
    return {person_id: person_id for person_id in conn.scalars(select(people.c.id).where(people.c.case_id == case_id))}


def insert_meeting(
    conn: Connection,
    case_id: int,
    meeting: Meeting,
    person_ids: Mapping[int, int],
    *,
    uid: str | None = None,
    reuse_id: int | None = None,
) -> tuple[int, dict[int, int]]:
    """Insert a meeting with everything it holds; return its id and {the meeting's own card ids: database ids}.

    Card and scale ids in ``meeting`` are local to it; ``person_ids`` maps the people its child's-voice entries
    name to database ids. Anything pointing outside is refused (DanglingReferenceError). ``uid``: the meeting's
    identity (an import keeps the file's; by default a new one); ``reuse_id``: the id of a meeting it replaces.
    """
    stamp = now()
    values = convert.meeting_values(meeting) | {"case_id": case_id, "created_at": stamp, "updated_at": stamp}
    # Who was in the network when the meeting began names people as the bundle does: their database ids here.
    then = [
        replace(person, person=None if person.person is None else person_ids.get(person.person))
        for person in meeting.network_at_start
    ]
    values["network_at_start"] = convert.people_then_values(then)
    values["file_extra"] = convert.dump_json(meeting.file_extra)
    if uid is not None:
        values["uid"] = uid
    meeting_id = insert_row(conn, meetings, values, reuse_id)
    # A family or network member at the meeting names their network person as the bundle does: its database id here.
    present = [replace(a, person=None if a.person is None else person_ids.get(a.person)) for a in meeting.attendees]
    _replace_list(conn, attendees, meeting_id, [convert.attendee_values(a) for a in present])
    _replace_list(conn, agenda_phases, meeting_id, [convert.phase_values(p) for p in meeting.agenda])
    item_ids = insert_items(conn, meeting_id, meeting.items)
    _key_scales_by_question(conn, case_id, meeting)
    insert_scales(conn, meeting_id, meeting.scales, item_ids)
    _replace_list(conn, step_reviews, meeting_id, [convert.review_values(r) for r in meeting.reviews])
    _write_child_voice(conn, meeting_id, meeting.child_voice, person_ids, keep_ids=False)
    _write_observations(conn, meeting_id, meeting.observations)
    insert_plans(conn, meeting_id, meeting.safety_plan, meeting.trajectory_plan, person_ids)
    write_family_meeting(conn, meeting_id, meeting.family_meeting)
    write_child_tools(conn, meeting_id, meeting.safety_houses, meeting.child_tools, person_ids)
    write_words_pictures(conn, meeting_id, meeting.words_pictures, person_ids)
    return meeting_id, item_ids


def _key_scales_by_question(conn: Connection, case_id: int, meeting: Meeting) -> None:
    """Give each of ``meeting``'s scales that has no key the key of the case's latest scale asking the same question
    (a meeting file written before scales had keys joins the case's trajectory as its wording did).
    """
    if all(scale.key for scale in meeting.scales):
        return
    query = (
        select(scales.c.question, scales.c.key)
        .join(meetings, meetings.c.id == scales.c.meeting_id)
        .where(meetings.c.case_id == case_id)
        .order_by(scales.c.id)
    )
    known = {question_key_of(row.question): row.key for row in conn.execute(query)}
    for scale in meeting.scales:
        if not scale.key:
            scale.key = known.get(question_key_of(scale.question), "")


def set_reviews(conn: Connection, meeting_id: int, reviews: list[StepReview]) -> None:
    """Replace the meeting's review of last time's next steps."""
    touch_meeting(conn, meeting_id)
    _replace_list(conn, step_reviews, meeting_id, [convert.review_values(r) for r in reviews])


def add_meeting(conn: Connection, meeting: Meeting) -> Meeting:
    """Save a new meeting of case ``meeting.case_id`` with all it holds; its child's voice names the case's people."""
    case_id = meeting.case_id
    if case_id is None or conn.scalar(select(cases.c.id).where(cases.c.id == case_id)) is None:
        raise NotFoundError.missing("case")
    if meeting.safety_plan.is_empty() and meeting.trajectory_plan.is_empty():
        meeting = replace(meeting)
        meeting.safety_plan, meeting.trajectory_plan = _latest_plans(conn, case_id)
    meeting_id, _ = insert_meeting(conn, case_id, meeting, case_people(conn, case_id))
    return get_meeting(conn, meeting_id)


def _latest_plans(conn: Connection, case_id: int) -> tuple[SafetyPlan, TrajectoryPlan]:
    """The plans of the case's latest meeting (in time order) that has any, which a new meeting starts from."""
    for earlier in reversed(in_time_order(list_meetings(conn, case_id))):
        assert earlier.id is not None
        plans = get_plans(conn, earlier.id)
        if not (plans[0].is_empty() and plans[1].is_empty()):
            return plans
    return SafetyPlan(), TrajectoryPlan()


def update_meeting_details(conn: Connection, meeting: Meeting) -> None:
    """Save title, kind, held_on, focus question, confidentiality, summary and extra.

    The meeting's own rubric in ``extra`` is the observer's, saved only with their feedback (``set_rubric``): a
    details save keeps what is stored, so an observer's renamed criterion on another laptop is never put back by
    the facilitator's copy from before it.
    """
    if meeting.id is None:
        raise NotFoundError.missing("meeting")
    touch_meeting(conn, meeting.id)
    values = convert.meeting_values(meeting)
    stored = convert.load_dict(conn.scalar(select(meetings.c.extra).where(meetings.c.id == meeting.id)))
    extra = dict(meeting.extra)
    if RUBRIC_EXTRA_KEY in stored:
        extra[RUBRIC_EXTRA_KEY] = stored[RUBRIC_EXTRA_KEY]
    else:
        extra.pop(RUBRIC_EXTRA_KEY, None)
    values["extra"] = convert.dump_json(extra)
    conn.execute(update(meetings).where(meetings.c.id == meeting.id).values(values))


def set_attendees(conn: Connection, meeting_id: int, given: list[Attendee]) -> None:
    touch_meeting(conn, meeting_id)
    _replace_list(conn, attendees, meeting_id, [convert.attendee_values(a) for a in given])


def set_agenda(conn: Connection, meeting_id: int, agenda: list[AgendaPhase]) -> None:
    touch_meeting(conn, meeting_id)
    _replace_list(conn, agenda_phases, meeting_id, [convert.phase_values(p) for p in agenda])


def set_observations(
    conn: Connection, meeting_id: int, given: Observations, base: Observations | None = None
) -> Observations:
    """Save the observer's feedback as the change from ``base`` (what the writer last knew; None: what is stored)
    to ``given``, laid over what is stored now (``models.observation_sync``), and return what is stored after.

    The observer's part of a meeting may be written from another laptop while the facilitator's console edits
    the rest: so this raises no meeting version (the console's other saves never go stale because an observer
    wrote) and merges instead of checking one; the meeting's row is locked first, so two writers take turns.
    """
    found = conn.scalar(select(meetings.c.id).where(meetings.c.id == meeting_id).with_for_update())
    if found is None:
        raise NotFoundError.missing("meeting")
    stored = get_observations(conn, meeting_id)
    merged = replay_change(stored, stored if base is None else base, given)
    conn.execute(update(meetings).where(meetings.c.id == meeting_id).values(updated_at=now()))
    _write_observations(conn, meeting_id, merged)
    return merged


def set_child_voice(conn: Connection, meeting_id: int, entries: list[ChildVoiceEntry]) -> list[ChildVoiceEntry]:
    """Replace the meeting's child's-voice entries (keeping their ids where given); ``child`` is a person id."""
    touch_meeting(conn, meeting_id)
    _write_child_voice(conn, meeting_id, entries, case_people(conn, _case_id(conn, meeting_id)), keep_ids=True)
    return [convert.voice_from_row(r) for r in _ordered(conn, child_voice, meeting_id)]


def delete_meeting(conn: Connection, meeting_id: int) -> None:
    """Delete the meeting and everything in it (the case and its network stay)."""
    result = conn.execute(delete(meetings).where(meetings.c.id == meeting_id))
    if result.rowcount == 0:
        raise NotFoundError.missing("meeting")

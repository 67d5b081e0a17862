"""The team's audit across cases read in bulk: a handful of queries over the whole database (never one per case),
each reading only the columns the figures need (never a card's words, a person's name or a label).

The meetings are read first, so the latest meeting of each case is known (``models.audit.latest_meeting``); the
cards, scales and safety plans are then read for those meetings only, a few thousand ids at a time.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, case, exists, func, select
from sqlalchemy.engine import Connection

from sos_desktop.models.audit import (
    CardRecord,
    CaseFigures,
    CaseRecord,
    MeetingRecord,
    case_figures,
    latest_meeting,
)
from sos_desktop.models.enums import AttendeeRole
from sos_desktop.store.convert import load_held_on
from sos_desktop.store.tables import (
    attendees,
    cases,
    child_voice,
    map_items,
    meeting_parts,
    meeting_plans,
    meetings,
    people,
    ratings,
    scales,
)

CHUNK = 2000
"""Meeting ids bound in one query (well under SQLite's and PostgreSQL's limits on bound values)."""

CHILD_VOICE_PARTS = {"safety_houses": "houses", "child_tools": "children", "words_pictures": "stories"}
"""The meeting parts that are a child's-voice tool, with the list in each that holds what was done."""


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])


def _rows_for(conn: Connection, query: Select[Any], column: Any, ids: Sequence[int]) -> Iterator[Any]:
    for chunk in _chunks(ids):
        yield from conn.execute(query.where(column.in_(chunk)))


def _listed(data: str, key: str) -> bool:
    """Whether a part's JSON holds a non-empty list under ``key`` (a malformed part counts as unused)."""
    try:
        value = json.loads(data)
    except ValueError:
        return False
    return isinstance(value, dict) and isinstance(value.get(key), list) and bool(value[key])


def _rules(data: str) -> int:
    try:
        value = json.loads(data)
    except ValueError:
        return 0
    rules = value.get("rules") if isinstance(value, dict) else None
    return len(rules) if isinstance(rules, list) else 0


def _voiced_cases(conn: Connection) -> set[int]:
    """The cases that used a child's-voice tool at any meeting."""
    voiced = set(
        conn.scalars(select(meetings.c.case_id).where(exists().where(child_voice.c.meeting_id == meetings.c.id)))
    )
    parts = select(meetings.c.case_id, meeting_parts.c.part, meeting_parts.c.data).join(
        meetings, meetings.c.id == meeting_parts.c.meeting_id
    )
    for row in conn.execute(parts.where(meeting_parts.c.part.in_(list(CHILD_VOICE_PARTS)))):
        if row.case_id not in voiced and _listed(row.data, CHILD_VOICE_PARTS[row.part]):
            voiced.add(row.case_id)
    return voiced


def _meetings_of_cases(conn: Connection) -> dict[int, list[MeetingRecord]]:
    of_case: dict[int, list[MeetingRecord]] = defaultdict(list)
    for row in conn.execute(select(meetings.c.id, meetings.c.case_id, meetings.c.held_on)):
        of_case[row.case_id].append(MeetingRecord(row.id, load_held_on(row.held_on)))
    return of_case


def _presenters(conn: Connection, ids: Sequence[int]) -> dict[int, str]:
    """Each meeting's first presenter, by meeting id."""
    found: dict[int, str] = {}
    query = select(attendees.c.meeting_id, attendees.c.name).where(attendees.c.role == AttendeeRole.PRESENTER)
    for row in _rows_for(conn, query.order_by(attendees.c.position), attendees.c.meeting_id, ids):
        found.setdefault(row.meeting_id, row.name.strip())
    return found


def _cards(conn: Connection, ids: Sequence[int]) -> dict[int, list[CardRecord]]:
    found: dict[int, list[CardRecord]] = defaultdict(list)
    columns = map_items.c
    query = select(columns.meeting_id, columns.id, columns.category, columns.pairs_with, columns.due, columns.status)
    for row in _rows_for(conn, query, columns.meeting_id, ids):
        found[row.meeting_id].append(CardRecord(row.id, row.category, row.pairs_with, row.due, row.status))
    return found


def _rated_about(conn: Connection, ids: Sequence[int]) -> dict[int, set[int]]:
    """The cards each meeting's rated scales are about."""
    found: dict[int, set[int]] = defaultdict(set)
    query = select(scales.c.meeting_id, scales.c.about).where(
        scales.c.about.is_not(None), exists().where(ratings.c.scale_id == scales.c.id)
    )
    for row in _rows_for(conn, query, scales.c.meeting_id, ids):
        found[row.meeting_id].add(row.about)
    return found


def _plan_rules(conn: Connection, ids: Sequence[int]) -> dict[int, int]:
    query = select(meeting_plans.c.meeting_id, meeting_plans.c.safety_plan)
    return {row.meeting_id: _rules(row.safety_plan) for row in _rows_for(conn, query, meeting_plans.c.meeting_id, ids)}


def _networks(conn: Connection) -> dict[int, tuple[int, int]]:
    """Each case's network size and how many of them know the worries."""
    knowing = func.sum(case((people.c.knows_worries, 1), else_=0))
    query = select(people.c.case_id, func.count(), knowing).group_by(people.c.case_id)
    return {case_id: (int(size), int(known or 0)) for case_id, size, known in conn.execute(query)}


def audit_cases(conn: Connection, today: date) -> list[CaseFigures]:
    """Every case's audit figures on ``today``, by case id."""
    teams = {case_id: team for case_id, team in conn.execute(select(cases.c.id, cases.c.team))}
    of_case = _meetings_of_cases(conn)
    latest: dict[int, int] = {}
    for case_id, records in of_case.items():
        found = latest_meeting(records)
        if found is not None:
            latest[case_id] = found.id
    ids = sorted(latest.values())
    presenters, cards, rated = _presenters(conn, ids), _cards(conn, ids), _rated_about(conn, ids)
    rules, network, voiced = _plan_rules(conn, ids), _networks(conn), _voiced_cases(conn)
    figures = []
    for case_id in sorted(teams):
        meeting_id = latest.get(case_id, -1)
        size, knowing = network.get(case_id, (0, 0))
        record = CaseRecord(
            case_id=case_id,
            team=(teams[case_id] or "").strip(),
            meetings=tuple(of_case.get(case_id, ())),
            worker=presenters.get(meeting_id, ""),
            cards=tuple(cards.get(meeting_id, ())),
            rated_about=frozenset(rated.get(meeting_id, ())),
            safety_plan_rules=rules.get(meeting_id, 0),
            child_voice=case_id in voiced,
            network_size=size,
            network_know_worries=knowing,
        )
        figures.append(case_figures(record, today))
    return figures

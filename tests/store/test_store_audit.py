"""``Store.audit``: a small database built through the store with known answers, and a seeded random one (the
benchmarks' filler at small scale) whose every figure the test recomputes independently from the whole meetings
and networks the store gives back. Both on SQLite and, when configured, PostgreSQL.
"""

from __future__ import annotations

import importlib.util
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from types import ModuleType

from sos_desktop.models import (
    Attendee,
    Case,
    Category,
    ChildVoiceEntry,
    MapItem,
    Meeting,
    NetworkPerson,
    Scale,
    ScaleRating,
)
from sos_desktop.models.audit import MAP_CATEGORIES, CaseFigures
from sos_desktop.models.enums import AttendeeRole, House, NextStepStatus
from sos_desktop.models.safety_house import SafetyHouse
from sos_desktop.models.safety_plan import PlanRule, SafetyPlan
from sos_desktop.models.trajectory import in_time_order
from sos_desktop.store.store import Store

TODAY = date(2026, 12, 3)
BENCH = Path(__file__).resolve().parents[2] / "bench"


def bench_fixtures() -> ModuleType:
    """The benchmarks' fixture module (its filler builds the random database)."""
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("bench_fixtures_for_audit", BENCH / "fixtures.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, tzinfo=UTC)


def one_of_each() -> list[MapItem]:
    return [MapItem(category, f"{category.value} card") for category in MAP_CATEGORIES if category != Category.DANGER]


def test_known_answers(database_url: str) -> None:
    store = Store.open(database_url)
    try:
        case = store.add_case(Case("Family A (invented)", "REF-A", team="North Team"))
        bare = store.add_case(Case("Family B (invented)"))
        assert case.id is not None and bare.id is not None
        assert store.get_case(case.id).team == "North Team"
        assert store.case_teams() == ["North Team"]
        store.add_person(case.id, NetworkPerson("Mum (invented)", knows_worries=True))
        child = store.add_person(case.id, NetworkPerson("Lily (invented)"))
        assert child.id is not None
        store.add_meeting(
            Meeting(
                "First",
                case_id=case.id,
                held_on=at(date(2026, 6, 1)),
                attendees=[Attendee("Old Worker", AttendeeRole.PRESENTER)],
                child_voice=[ChildVoiceEntry(House.DREAMS, "A dog.")],
            )
        )
        latest = store.add_meeting(
            Meeting(
                "Second",
                case_id=case.id,
                held_on=at(date(2026, 11, 1)),
                attendees=[Attendee("Chair", AttendeeRole.FACILITATOR), Attendee("Sam Patel", AttendeeRole.PRESENTER)],
                items=[
                    *one_of_each(),
                    MapItem(Category.DANGER, "paired and scaled", id=-1, pairs_with=-2),
                    MapItem(Category.GOAL, "its goal", id=-2, pairs_with=-1),
                    MapItem(Category.DANGER, "scaled only", id=-3),
                    MapItem(Category.DANGER, "neither", id=-4),
                    MapItem(Category.NEXT_STEP, "late", due=date(2026, 11, 20), status=NextStepStatus.AGREED),
                    MapItem(Category.NEXT_STEP, "late but done", due=date(2026, 11, 20), status=NextStepStatus.DONE),
                ],
                scales=[
                    Scale("Safe?", about=-1, ratings=[ScaleRating("Sam", 4)]),
                    Scale("Safe now?", about=-3, ratings=[ScaleRating("Sam", 5)]),
                    Scale("Not rated", about=-4),
                ],
                safety_plan=SafetyPlan(rules=[PlanRule("Mum checks in every evening")]),
            )
        )
        assert latest.id is not None
        rows = {row.case_id: row for row in store.audit(TODAY)}
    finally:
        store.close()
    found = rows[case.id]
    assert (found.team, found.worker, found.meetings) == ("North Team", "Sam Patel", 2)
    assert found.meeting_dates == (date(2026, 6, 1), date(2026, 11, 1))
    assert (found.days_since_last, found.last_met) == (32, date(2026, 11, 1))
    assert found.map_complete
    assert (found.danger_statements, found.dangers_paired, found.dangers_scaled) == (3, 1, 2)
    assert not found.dangers_all_paired_and_scaled
    assert found.safety_plan and found.child_voice  # the voice was at the first meeting
    assert (found.network_size, found.network_know_worries) == (2, 1)
    assert (found.next_steps, found.overdue_steps) == (3, 1)
    empty = rows[bare.id]
    assert (empty.team, empty.worker, empty.meetings, empty.days_since_last, empty.network_size) == ("", "", 0, None, 0)
    assert not (empty.map_complete or empty.safety_plan or empty.child_voice)


def test_a_safety_house_is_the_childs_voice_and_the_latest_meeting_gives_the_map(database_url: str) -> None:
    store = Store.open(database_url)
    try:
        case = store.add_case(Case("Family C (invented)"))
        assert case.id is not None
        child = store.add_person(case.id, NetworkPerson("Noah (invented)"))
        assert child.id is not None
        newer = store.add_meeting(Meeting("Newer", case_id=case.id, held_on=at(date(2026, 10, 1))))
        store.add_meeting(Meeting("Older", case_id=case.id, held_on=at(date(2026, 9, 1)), items=one_of_each()))
        assert newer.id is not None
        assert not store.audit(TODAY)[0].child_voice
        store.set_safety_houses(newer.id, [SafetyHouse(child.id)])
        found = store.audit(TODAY)[0]
    finally:
        store.close()
    assert found.child_voice
    assert not found.map_complete  # the older meeting's full map is not the latest


def expected(store: Store, case: Case, today: date) -> CaseFigures:
    """A case's figures worked out from its whole meetings and network, without the audit's code."""
    assert case.id is not None
    meetings = store.case_meetings(case.id)
    people = store.get_network(case.id).people
    dates = tuple(sorted(m.held_on.date() for m in meetings if m.held_on is not None))
    latest = in_time_order(meetings)[-1] if meetings else Meeting("none")
    by_id = {item.id: item for item in latest.items}
    dangers = [item for item in latest.items if item.category == Category.DANGER]
    rated = {scale.about for scale in latest.scales if scale.ratings}
    steps = [item for item in latest.items if item.category == Category.NEXT_STEP]
    presenters = [a.name for a in latest.attendees if a.role == AttendeeRole.PRESENTER]
    paired = [d for d in dangers if d.pairs_with in by_id and by_id[d.pairs_with].category == Category.GOAL]
    return CaseFigures(
        case_id=case.id,
        team=case.team,
        worker=presenters[0] if presenters else "",
        meeting_dates=dates,
        meetings=len(meetings),
        map_complete={item.category for item in latest.items} >= set(MAP_CATEGORIES),
        danger_statements=len(dangers),
        dangers_paired=len(paired),
        dangers_scaled=sum(1 for d in dangers if d.id in rated),
        safety_plan=bool(latest.safety_plan.rules),
        child_voice=any(m.child_voice or m.safety_houses or m.child_tools or m.words_pictures for m in meetings),
        network_size=len(people),
        network_know_worries=sum(1 for person in people if person.knows_worries),
        overdue_steps=sum(1 for s in steps if s.due is not None and s.due < today and s.status != NextStepStatus.DONE),
        days_since_last=(today - dates[-1]).days if dates else None,
        last_met=dates[-1] if dates else None,
        next_steps=len(steps),
    )


def test_a_seeded_random_database_gives_the_figures_recomputed_independently(database_url: str) -> None:
    fixtures = bench_fixtures()
    store = Store.open(database_url)
    try:
        fixtures.fill_small_meetings(store, 200, seed=7)  # 40 cases of five meetings
        today = fixtures.AUDIT_DAY
        audited = store.audit(today)
        cases = sorted(store.list_cases(), key=lambda case: case.id or 0)
        recomputed = [expected(store, case, today) for case in cases]
    finally:
        store.close()
    assert len(audited) == 40
    assert audited == recomputed
    # The data is varied enough that each figure is tested both ways.
    assert {row.map_complete for row in audited} == {True, False}
    assert {row.dangers_all_paired_and_scaled for row in audited} == {True, False}
    assert {row.safety_plan for row in audited} == {True, False}
    assert {row.child_voice for row in audited} == {True, False}
    assert {row.overdue_steps > 0 for row in audited} == {True, False}
    assert len({row.team for row in audited}) > 2 and len({row.worker for row in audited}) > 5
    assert sum(row.network_know_worries for row in audited) > 0

"""The team audit's figures of one case, from hand-built records: each field, and the edges (no meetings, undated
meetings, nothing paired); the filters, the summary, teams and workers.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from sos_desktop.models.audit import (
    MAP_CATEGORIES,
    AuditFilter,
    CardRecord,
    CaseFigures,
    CaseRecord,
    MeetingRecord,
    audit_summary,
    case_figures,
    filter_cases,
    latest_meeting,
    teams,
    workers,
)
from sos_desktop.models.enums import Category

TODAY = date(2026, 12, 3)


def held(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, tzinfo=UTC)


def full_map() -> tuple[CardRecord, ...]:
    return tuple(CardRecord(n + 1, category.value) for n, category in enumerate(MAP_CATEGORIES))


def figures(**record: object) -> CaseFigures:
    return case_figures(CaseRecord(case_id=1, **record), TODAY)  # type: ignore[arg-type]


def test_a_case_with_no_meetings_has_nothing_done() -> None:
    found = figures(team="North")
    assert (found.meetings, found.meeting_dates, found.days_since_last, found.last_met) == (0, (), None, None)
    assert not (found.map_complete or found.safety_plan or found.child_voice or found.dangers_all_paired_and_scaled)
    assert (found.danger_statements, found.overdue_steps, found.network_size) == (0, 0, 0)
    assert found.team == "North"


def test_dates_are_the_dated_meetings_oldest_first_and_days_count_from_the_last() -> None:
    meetings = (
        MeetingRecord(3, held(date(2026, 11, 19))),
        MeetingRecord(1, held(date(2026, 9, 1))),
        MeetingRecord(2, None),
    )
    found = figures(meetings=meetings)
    assert found.meetings == 3
    assert found.meeting_dates == (date(2026, 9, 1), date(2026, 11, 19))
    assert (found.last_met, found.days_since_last) == (date(2026, 11, 19), 14)


def test_only_undated_meetings_give_no_days() -> None:
    found = figures(meetings=(MeetingRecord(1, None), MeetingRecord(2, None)))
    assert (found.meetings, found.meeting_dates, found.days_since_last) == (2, (), None)


def test_the_latest_meeting_is_the_trajectorys_last_undated_after_dated() -> None:
    early, late = MeetingRecord(5, held(date(2026, 1, 1))), MeetingRecord(4, held(date(2026, 2, 1)))
    assert latest_meeting([late, early]) == late
    undated = MeetingRecord(2, None)
    assert latest_meeting([late, undated, early]) == undated
    assert latest_meeting([MeetingRecord(7, None), MeetingRecord(3, None)]) == MeetingRecord(7, None)
    assert latest_meeting([]) is None
    # An offset is compared in UTC: 09:00 at +02:00 is before 08:00 UTC on the same day.
    plus_two = MeetingRecord(1, datetime(2026, 3, 1, 9, tzinfo=timezone(timedelta(hours=2))))
    utc = MeetingRecord(2, datetime(2026, 3, 1, 8, tzinfo=UTC))
    assert latest_meeting([utc, plus_two]) == utc


def test_a_map_is_complete_with_a_card_in_each_of_the_seven_categories() -> None:
    assert len(MAP_CATEGORIES) == 7 and Category.GREY not in MAP_CATEGORIES
    assert figures(cards=full_map()).map_complete
    for missing in MAP_CATEGORIES:
        cards = tuple(card for card in full_map() if card.category != missing)
        cards += (CardRecord(99, Category.GREY.value),)
        assert not figures(cards=cards).map_complete, missing


def test_dangers_paired_with_a_goal_and_scaled_with_a_rated_scale() -> None:
    cards = (
        CardRecord(1, "danger", pairs_with=10),
        CardRecord(2, "danger", pairs_with=11),  # paired with a card that is not a goal
        CardRecord(3, "danger"),
        CardRecord(10, "goal", pairs_with=1),
        CardRecord(11, "strength"),
    )
    found = figures(cards=cards, rated_about=frozenset({1, 3, 11}))
    assert (found.danger_statements, found.dangers_paired, found.dangers_scaled) == (3, 1, 2)
    assert not found.dangers_all_paired_and_scaled
    done = figures(cards=(CardRecord(1, "danger", 10), CardRecord(10, "goal", 1)), rated_about=frozenset({1}))
    assert done.dangers_all_paired_and_scaled


def test_none_paired_and_no_dangers_are_not_done() -> None:
    found = figures(cards=(CardRecord(1, "danger"), CardRecord(2, "goal")))
    assert (found.dangers_paired, found.dangers_scaled, found.dangers_all_paired_and_scaled) == (0, 0, False)
    assert not figures(cards=(CardRecord(2, "goal"),)).dangers_all_paired_and_scaled


def test_overdue_next_steps_are_due_before_the_day_and_not_done() -> None:
    steps = (
        CardRecord(1, "next_step", due=TODAY - timedelta(days=1), status="agreed"),
        CardRecord(2, "next_step", due=TODAY - timedelta(days=30), status=None),
        CardRecord(3, "next_step", due=TODAY - timedelta(days=30), status="done"),
        CardRecord(4, "next_step", due=TODAY, status="idea"),  # due today: not yet overdue
        CardRecord(5, "next_step", due=None, status="agreed"),
        CardRecord(6, "goal", due=TODAY - timedelta(days=9)),  # only next steps count
    )
    found = figures(cards=steps)
    assert (found.next_steps, found.overdue_steps) == (5, 2)


def test_plan_voice_network_and_worker_are_carried() -> None:
    found = figures(safety_plan_rules=2, child_voice=True, network_size=9, network_know_worries=4, worker="Sam")
    assert (found.safety_plan, found.child_voice, found.network_size, found.network_know_worries) == (True, True, 9, 4)
    assert found.worker == "Sam"
    assert not figures(safety_plan_rules=0).safety_plan


def row(case_id: int, team: str = "", worker: str = "", *days: date, **values: object) -> CaseFigures:
    meetings = tuple(MeetingRecord(n, held(day)) for n, day in enumerate(days))
    return case_figures(CaseRecord(case_id, team, meetings, worker, **values), TODAY)  # type: ignore[arg-type]


ROWS = [
    row(1, "North", "Sam", date(2026, 1, 10), date(2026, 11, 30)),
    row(2, "North", "Ann", date(2025, 6, 1)),
    row(3, "South", "Sam", date(2026, 6, 15)),
    row(4, "", ""),
]


@pytest.mark.parametrize(
    ("chosen", "kept"),
    [
        (AuditFilter(), [1, 2, 3, 4]),
        (AuditFilter(team="North"), [1, 2]),
        (AuditFilter(team=""), [4]),
        (AuditFilter(worker="Sam"), [1, 3]),
        (AuditFilter(since=date(2026, 6, 15)), [1, 3]),
        (AuditFilter(until=date(2026, 1, 10)), [1, 2]),
        (AuditFilter(since=date(2026, 2, 1), until=date(2026, 6, 14)), []),
        (AuditFilter(since=date(2026, 6, 15), until=date(2026, 6, 15)), [3]),
        (AuditFilter(team="North", worker="Sam", since=date(2026, 11, 1)), [1]),
    ],
)
def test_filters(chosen: AuditFilter, kept: list[int]) -> None:
    assert [found.case_id for found in filter_cases(ROWS, chosen)] == kept


def test_teams_and_workers_for_the_filters() -> None:
    assert teams(ROWS) == ["North", "South"]
    assert workers([*ROWS, row(5, "x", "ann")]) == ["Ann", "ann", "Sam"]


def test_the_summary_counts_and_buckets() -> None:
    rows = [
        row(
            1,
            "N",
            "",
            TODAY - timedelta(days=42),
            cards=full_map(),
            safety_plan_rules=1,
            network_size=4,
            network_know_worries=3,
        ),
        row(2, "N", "", TODAY - timedelta(days=43), child_voice=True, network_size=6, network_know_worries=1),
        row(
            3,
            "N",
            "",
            TODAY - timedelta(days=92),
            network_size=10,
            cards=(CardRecord(1, "next_step", due=TODAY - timedelta(days=2)),) * 2,
        ),
        row(4, "N", ""),
    ]
    summary = audit_summary(rows)
    assert (summary.cases, summary.maps_complete, summary.safety_plans, summary.child_voice) == (4, 1, 1, 1)
    assert (summary.cases_with_overdue, summary.overdue_steps) == (1, 2)
    assert summary.median_network_size == 5.0
    assert (summary.network_people, summary.know_worries, summary.know_worries_share) == (20, 4, 0.2)
    assert (summary.met_recently, summary.met_within_three_months, summary.met_longer_ago, summary.never_dated) == (
        1,
        1,
        1,
        1,
    )
    assert summary.percent(1) == 25.0


def test_an_empty_summary_has_no_shares() -> None:
    summary = audit_summary([])
    assert (summary.cases, summary.median_network_size, summary.know_worries_share, summary.percent(0)) == (
        0,
        None,
        None,
        None,
    )

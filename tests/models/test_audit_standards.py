"""The audit's pictures in figures: cases meeting each standard, and how long ago cases last met."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sos_desktop.models.audit import AuditFilter, CaseFigures
from sos_desktop.models.audit_standards import (
    NOT_DATED,
    STANDARDS,
    by_group,
    days_since_bands,
    filter_words,
    standards_met,
)

GOOD = CaseFigures(
    case_id=1, team="North", worker="Sam", meeting_dates=(date(2026, 10, 1),), meetings=1, map_complete=True,
    danger_statements=2, dangers_paired=2, dangers_scaled=2, safety_plan=True, child_voice=True, network_size=4,
    network_know_worries=4, overdue_steps=0, days_since_last=10,
)  # fmt: skip
POOR = replace(
    GOOD, case_id=2, team="South", map_complete=False, dangers_scaled=1, safety_plan=False, child_voice=False,
    network_size=6, network_know_worries=2, overdue_steps=2, days_since_last=None,
)  # fmt: skip


def test_a_case_meeting_every_standard_counts_in_every_bar_and_a_poor_one_in_none() -> None:
    met = standards_met([GOOD, POOR])
    assert [name for name, _met, _of in met] == list(STANDARDS)
    network = dict((name, (cases, of)) for name, cases, of in met)["Network people who know the worries"]
    assert network == (6, 10)  # people, not cases
    assert [(cases, of) for name, cases, of in met if name != STANDARDS[4]] == [(1, 2)] * 6
    assert all(of == 0 for _name, _cases, of in standards_met([]))


def test_each_team_has_its_own_figures() -> None:
    [(north, north_counts, north_cases), (south, south_counts, _)] = by_group([POOR, GOOD], lambda f: f.team)
    assert (north, north_cases, south) == ("North", 1, "South")
    assert north_counts[0] == (1, 1) and south_counts[0] == (0, 1)
    assert south_counts[4] == (2, 6)


def test_days_since_the_last_meeting_fall_in_bands_and_old_ones_are_flagged() -> None:
    rows = [replace(GOOD, days_since_last=days) for days in (0, 42, 43, 91, 92, 365, 366, 2000, -3, None)]
    bands = days_since_bands(rows)
    assert [(label, count) for label, count, _flag in bands] == [
        ("0–42 days", 3),
        ("43–91 days", 2),
        ("92–182 days", 1),
        ("183–365 days", 1),
        ("Over 365 days", 2),
        (NOT_DATED, 1),
    ]
    assert [flag for _label, _count, flag in bands] == [False, False, True, True, True, True]


def test_the_filter_is_put_in_words() -> None:
    assert filter_words(AuditFilter()) == "All teams · all workers · any time"
    flt = AuditFilter(team="North", worker="Sam", since=date(2026, 1, 1), until=date(2026, 6, 30))
    assert filter_words(flt) == "Team North · worker Sam · met 2026-01-01 to 2026-06-30"

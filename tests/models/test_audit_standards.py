"""The audit's pictures in figures: cases meeting each standard, and how long ago cases last met."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sos_desktop.models.audit import CaseFigures
from sos_desktop.models.audit_standards import NOT_DATED, STANDARDS, days_since_bands, standards_met

GOOD = CaseFigures(
    case_id=1, team="North", worker="Sam", meeting_dates=(date(2026, 10, 1),), meetings=1, map_complete=True,
    danger_statements=2, dangers_paired=2, dangers_scaled=2, safety_plan=True, child_voice=True, network_size=4,
    network_know_worries=4, overdue_steps=0, days_since_last=10,
)  # fmt: skip


def test_a_case_meeting_every_standard_counts_in_every_bar_and_a_poor_one_in_none() -> None:
    poor = replace(
        GOOD, case_id=2, map_complete=False, dangers_scaled=1, safety_plan=False, child_voice=False,
        network_know_worries=3, overdue_steps=2, days_since_last=None,
    )  # fmt: skip
    assert standards_met([GOOD, poor]) == [(standard.name, 1, 2) for standard in STANDARDS]
    assert standards_met([]) == [(standard.name, 0, 0) for standard in STANDARDS]


def test_an_empty_network_does_not_know_the_worries_and_no_danger_statement_is_not_paired() -> None:
    empty = replace(
        GOOD, network_size=0, network_know_worries=0, danger_statements=0, dangers_paired=0, dangers_scaled=0
    )
    met = dict((name, cases) for name, cases, _of in standards_met([empty]))
    assert met["Whole network knows the worries"] == 0
    assert met["Every danger statement paired and scaled"] == 0


def test_days_since_the_last_meeting_fall_in_bands_and_old_ones_are_flagged() -> None:
    rows = [replace(GOOD, days_since_last=days) for days in (0, 30, 31, 90, 91, 365, 366, 2000, -3, None)]
    bands = days_since_bands(rows)
    assert [(label, count) for label, count, _flag in bands] == [
        ("0–30 days", 3),
        ("31–90 days", 2),
        ("91–180 days", 1),
        ("181–365 days", 1),
        ("Over 365 days", 2),
        (NOT_DATED, 1),
    ]
    assert [flag for _label, _count, flag in bands] == [False, False, True, True, True, True]

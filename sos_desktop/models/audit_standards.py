"""The audit's pictures in figures, worked out once for the console's charts and the PDF summary's: how many of the
cases meet each standard the practice sets, and how long ago the cases last met, in bands.

Pure: plain ``CaseFigures`` in, plain tuples out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sos_desktop.models.audit import AuditFilter, CaseFigures

STALE_DAYS = 90
"""A case whose last meeting is longer ago than this is flagged: a quarter without a meeting."""


@dataclass(frozen=True)
class Standard:
    name: str
    met: Callable[[CaseFigures], bool]


STANDARDS: tuple[Standard, ...] = (
    Standard("Map complete", lambda f: f.map_complete),
    Standard("Every danger statement paired and scaled", lambda f: f.dangers_all_paired_and_scaled),
    Standard("Safety plan in place", lambda f: f.safety_plan),
    Standard("Child's voice heard", lambda f: f.child_voice),
    Standard("Whole network knows the worries", lambda f: 0 < f.network_size == f.network_know_worries),
    Standard("No overdue next steps", lambda f: f.overdue_steps == 0),
    Standard(
        f"Met in the last {STALE_DAYS} days",
        lambda f: f.days_since_last is not None and f.days_since_last <= STALE_DAYS,
    ),
)


def standards_met(rows: Sequence[CaseFigures]) -> list[tuple[str, int, int]]:
    """Each standard's name, how many of ``rows`` meet it, and of how many."""
    return [(standard.name, sum(1 for f in rows if standard.met(f)), len(rows)) for standard in STANDARDS]


DAY_BANDS: tuple[tuple[int, int | None], ...] = ((0, 30), (31, 90), (91, 180), (181, 365), (366, None))
NOT_DATED = "No dated meeting"


def band_label(low: int, high: int | None) -> str:
    return f"Over {low - 1} days" if high is None else f"{low}–{high} days"


def days_since_bands(rows: Iterable[CaseFigures]) -> list[tuple[str, int, bool]]:
    """How many cases last met in each band of days (and with no dated meeting); True marks a band to notice
    (longer ago than :data:`STALE_DAYS`, or never dated).
    """
    counts = [0] * (len(DAY_BANDS) + 1)
    for figures in rows:
        days = figures.days_since_last
        if days is None:
            counts[-1] += 1
            continue
        days = max(0, days)  # a meeting planned ahead counts as this month's
        band = next(i for i, (low, high) in enumerate(DAY_BANDS) if high is None or days <= high)
        counts[band] += 1
    bands = [(band_label(low, high), counts[i], low > STALE_DAYS) for i, (low, high) in enumerate(DAY_BANDS)]
    return [*bands, (NOT_DATED, counts[-1], True)]


def case_code(case_id: int) -> str:
    """The code a de-identified summary names a case by: its number in the database, which only somebody with the
    database can turn back into the family ("Case 0042").
    """
    return f"Case {case_id:04d}"


def filter_words(flt: AuditFilter, date_text: Callable[[date], str] = date.isoformat) -> str:
    """The filter in words, as the PDF summary heads its figures: "Team North · all workers · met from 2026-01-01"."""
    team = "all teams" if flt.team is None else (f"team {flt.team}" if flt.team else "no team")
    worker = "all workers" if flt.worker is None else (f"worker {flt.worker}" if flt.worker else "no worker")
    if flt.since and flt.until:
        period = f"met {date_text(flt.since)} to {date_text(flt.until)}"
    elif flt.since:
        period = f"met from {date_text(flt.since)}"
    elif flt.until:
        period = f"met until {date_text(flt.until)}"
    else:
        period = "any time"
    words = f"{team} · {worker} · {period}"
    return words[:1].upper() + words[1:]


def by_group(rows: Iterable[CaseFigures], key: Callable[[CaseFigures], str]) -> list[tuple[str, list[int], int]]:
    """For each group of ``rows`` (a team, a worker: ``key``), by name: the cases meeting each standard of
    :data:`STANDARDS`, and how many cases the group has.
    """
    groups: dict[str, list[CaseFigures]] = {}
    for figures in rows:
        groups.setdefault(key(figures), []).append(figures)
    result = []
    for name in sorted(groups, key=str.casefold):
        cases = groups[name]
        result.append((name, [sum(1 for f in cases if standard.met(f)) for standard in STANDARDS], len(cases)))
    return result

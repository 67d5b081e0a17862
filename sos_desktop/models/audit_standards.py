"""The audit's pictures in figures, worked out once for the console's charts and the PDF summary's: how many of the
cases meet each standard the practice sets, and how long ago the cases last met, in bands.

The counts come from the audit's own summary (``models/audit.audit_summary``), so the console, the PDF and the CSV
agree. Pure: plain ``CaseFigures`` in, plain tuples out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from sos_desktop.models.audit import QUARTER_DAYS, RECENT_DAYS, AuditFilter, CaseFigures, audit_summary

STALE_DAYS = QUARTER_DAYS
"""A case whose last meeting is longer ago than this is flagged: three months without a meeting."""

STANDARDS: tuple[str, ...] = (
    "Map complete",
    "Every danger statement paired and scaled",
    "Safety plan in place",
    "Child's voice heard",
    "Network people who know the worries",
    "No overdue next steps",
    "Met in the last three months",
)
"""The standards the charts and the summary show, in their order (see :func:`standards_met`)."""


def standards_met(rows: Sequence[CaseFigures]) -> list[tuple[str, int, int]]:
    """Each standard's name, how many meet it, and of how many, from the audit's summary of ``rows``: cases, but
    for the network, where it is the network people (over all the cases) who know the worries.
    """
    summary = audit_summary(rows)
    cases = summary.cases
    counts = (
        (summary.maps_complete, cases),
        (summary.dangers_paired_and_scaled, cases),
        (summary.safety_plans, cases),
        (summary.child_voice, cases),
        (summary.know_worries, summary.network_people),
        (cases - summary.cases_with_overdue, cases),
        (summary.met_recently + summary.met_within_three_months, cases),
    )
    return [(name, met, of) for name, (met, of) in zip(STANDARDS, counts, strict=True)]


DAY_BANDS: tuple[tuple[int, int | None], ...] = (
    (0, RECENT_DAYS),
    (RECENT_DAYS + 1, QUARTER_DAYS),
    (QUARTER_DAYS + 1, 182),
    (183, 365),
    (366, None),
)
"""The histogram's bands of days: within six weeks, within three months, six months, a year, longer."""
NOT_DATED = "No dated meeting"


def band_label(low: int, high: int | None) -> str:
    return f"Over {low - 1} days" if high is None else f"{low}–{high} days"


def days_since_bands(rows: Iterable[CaseFigures]) -> list[tuple[str, int, bool]]:
    """How many cases last met in each band of days (and with no dated meeting); True marks a band to notice
    (longer ago than three months, or never dated).
    """
    counts = [0] * (len(DAY_BANDS) + 1)
    for figures in rows:
        days = figures.days_since_last
        if days is None:
            counts[-1] += 1
            continue
        days = max(0, days)  # a meeting planned ahead counts as a recent one
        band = next(i for i, (low, high) in enumerate(DAY_BANDS) if high is None or days <= high)
        counts[band] += 1
    bands = [(band_label(low, high), counts[i], low > QUARTER_DAYS) for i, (low, high) in enumerate(DAY_BANDS)]
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


def by_group(
    rows: Iterable[CaseFigures], key: Callable[[CaseFigures], str]
) -> list[tuple[str, list[tuple[int, int]], int]]:
    """For each group of ``rows`` (a team, a worker: ``key``), by name: how many meet each standard of
    :data:`STANDARDS` and of how many (:func:`standards_met`), and how many cases the group has.
    """
    groups: dict[str, list[CaseFigures]] = {}
    for figures in rows:
        groups.setdefault(key(figures), []).append(figures)
    result = []
    for name in sorted(groups, key=str.casefold):
        cases = groups[name]
        result.append((name, [(met, of) for _standard, met, of in standards_met(cases)], len(cases)))
    return result

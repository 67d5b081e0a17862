"""The case chronology: significant events in the child's life, each with its date, what happened and who said
so (the source). A case-level record, like the network: every meeting of the case sees the same chronology.

A date is known to the day, the month or only the year (``precision``); events sort by date, an event known to
the month before the days of that month. A harm card that says when it happened (``date_in_text``) can be put on
the chronology in one action (:func:`event_from_card`), keeping the card's key so the event can name it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sos_desktop.models.mapping import MapItem

MAX_WHAT_LENGTH = 10_000
"""Longest account of one event: a paragraph, not a report."""
MAX_SOURCE_LENGTH = 300
"""Longest source: who said so, or which record it comes from."""

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class DatePrecision(StrEnum):
    """How much of an event's date is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


PRECISION_LABELS: dict[DatePrecision, str] = {
    DatePrecision.DAY: "Day known",
    DatePrecision.MONTH: "Month known",
    DatePrecision.YEAR: "Year only",
}


@dataclass
class ChronologyEvent:
    """One event: ``happened_on`` (its day, or the first day of its month or year when only that is known)."""

    happened_on: date
    what: str
    source: str = ""
    precision: DatePrecision = DatePrecision.DAY
    item_key: str = ""
    """The key of the map card the event was put on the chronology from ("" when added by hand)."""
    id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.precision = DatePrecision(self.precision)
        self.happened_on = as_precise(self.happened_on, self.precision)
        self.what = self.what.strip()
        self.source = " ".join(self.source.split())
        if not self.what:
            raise ValueError("An event on the chronology needs to say what happened.")
        if len(self.what) > MAX_WHAT_LENGTH:
            raise ValueError(f"What happened can be at most {MAX_WHAT_LENGTH:,} characters long.")
        if len(self.source) > MAX_SOURCE_LENGTH:
            raise ValueError(f"An event's source can be at most {MAX_SOURCE_LENGTH} characters long.")


def as_precise(day: date, precision: DatePrecision) -> date:
    """``day`` as an event known to ``precision`` holds it (the first of its month or year)."""
    if precision == DatePrecision.MONTH:
        return day.replace(day=1)
    if precision == DatePrecision.YEAR:
        return day.replace(month=1, day=1)
    return day


def date_label(event: ChronologyEvent) -> str:
    """The event's date as people write it: '3 March 2026', 'March 2026' or '2026'."""
    day = event.happened_on
    if event.precision == DatePrecision.YEAR:
        return str(day.year)
    if event.precision == DatePrecision.MONTH:
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def sort_text(event: ChronologyEvent) -> str:
    """A text that sorts events as the chronology orders them (for a table's sorting): by date, the vaguer date
    first within its first day (March 2026 before 1 March 2026), then in the order they were added.
    """
    vagueness = {DatePrecision.YEAR: 0, DatePrecision.MONTH: 1, DatePrecision.DAY: 2}[event.precision]
    added = event.id if event.id is not None and event.id > 0 else 0
    return f"{event.happened_on.isoformat()}-{vagueness}-{added:012d}"


def in_date_order(events: Iterable[ChronologyEvent], *, newest_first: bool = False) -> list[ChronologyEvent]:
    """The events by date, oldest first (or newest first); events of the same date keep the order they were added."""
    ordered = sorted(events, key=sort_text)
    return ordered[::-1] if newest_first else ordered


_MONTH_NAMES = {name.lower(): number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NAMES.update({name[:3].lower(): number for number, name in enumerate(MONTHS, start=1)})
_MONTH_NAMES["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS: tuple[tuple[re.Pattern[str], DatePrecision], ...] = (
    (re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"), DatePrecision.DAY),
    (re.compile(r"\b(?P<day>\d{1,2})[/.](?P<mnum>\d{1,2})[/.]" + _YEAR + r"\b"), DatePrecision.DAY),
    (
        re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I),
        DatePrecision.DAY,
    ),
    (re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b", re.I), DatePrecision.DAY),
    (re.compile(r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I), DatePrecision.MONTH),
    (
        re.compile(r"\b(?:in|since|during|from|of|summer|winter|spring|autumn)\s+" + _YEAR + r"\b", re.I),
        DatePrecision.YEAR,
    ),
)


def date_in_text(text: str) -> tuple[date, DatePrecision] | None:
    """The first date a card's words give (UK order: 3/4/2026 is 3 April), with how much of it is known; None
    when the words give no date (a bare number such as "2019 incidents" is not taken for a year).
    """
    found: list[tuple[int, date, DatePrecision]] = []
    for pattern, precision in _PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else _MONTH_NAMES.get((parts.get("month") or "").lower())
            try:
                when = date(
                    int(parts["year"]),
                    month or 1,
                    int(parts["day"]) if parts.get("day") else 1,
                )
            except ValueError:
                continue
            found.append((match.start(), when, precision))
            break
    if not found:
        return None
    # The earliest mention in the text wins; of two readings at one place, the more precise.
    rank = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}
    _, when, precision = min(found, key=lambda hit: (hit[0], rank[hit[2]]))
    return when, precision


def event_from_card(item: MapItem, *, source: str, on: date, precision: DatePrecision) -> ChronologyEvent:
    """The chronology event a map card becomes: its words, on the day given, naming the card by its key."""
    return ChronologyEvent(happened_on=on, what=item.text, source=source, precision=precision, item_key=item.key)


def on_chronology(events: Iterable[ChronologyEvent], item: MapItem) -> bool:
    """Whether a card has been put on the chronology already."""
    return bool(item.key) and any(event.item_key == item.key for event in events)

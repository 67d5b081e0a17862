"""The team's collaborative audit across cases: how the practice is used, case by case, worked out once for the
console's audit view, its PDF summary and ``sos-desktop audit --csv``.

The store reads each case's latest state in bulk and hands :func:`case_figures` plain records; nothing here
touches a database or Qt. The audit view, the PDF summary and the CSV all build on the figures below.

What the figures mean (the audit's decisions, written down once):

- The *latest meeting* of a case is the last in the trajectory's time order (oldest first by ``held_on``, undated
  meetings after the dated ones, ties by id), so the audit and the trajectory agree on which meeting is newest.
- A map is *complete* when the latest meeting has at least one card in each of the seven categories of the map
  (harm, danger statements, complicating factors, existing strengths, existing safety, safety goals, next steps);
  grey areas are not asked for.
- A danger statement is *paired* when it is paired with a safety goal of the same meeting, and *scaled* when a
  scale of that meeting is about it and has at least one rating.
- A next step is *overdue* when its due day is before the audit's day and it is not done.
- *Days since the last meeting* count from the case's last dated meeting, whatever meeting is latest; a meeting
  dated after the audit's day (planned ahead) gives a negative number.
- *Child's voice* is any entry of the child's voice, Safety House, chosen child's tool or Words and Pictures
  story at any of the case's meetings.
"""

from __future__ import annotations

import bisect
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sos_desktop.models.enums import Category, NextStepStatus

MAP_CATEGORIES: tuple[Category, ...] = tuple(category for category in Category if category != Category.GREY)
"""The seven categories a complete map has a card in."""

RECENT_DAYS = 42
"""Six weeks: a case met within them is seen recently."""
QUARTER_DAYS = 91
"""Three months: beyond them a case has not met for long."""


@dataclass(frozen=True)
class CaseFigures:
    """One case in the audit, as its meetings stand (the figures of its latest meeting, unless a field says)."""

    case_id: int
    team: str
    """The case's team ("" when not said)."""
    worker: str
    """The case's worker: the presenter of its latest meeting ("" when none is recorded)."""
    meeting_dates: tuple[date, ...]
    """The days of the case's dated meetings, oldest first (the period filter keeps a case that met in it)."""
    meetings: int
    """How many meetings the case has had (dated or not)."""
    map_complete: bool
    """The latest meeting's map has every category the practice asks for (harm, danger statements, complicating
    factors, existing strengths, existing safety, safety goals, next steps)."""
    danger_statements: int
    dangers_paired: int
    """Danger statements paired with a safety goal."""
    dangers_scaled: int
    """Danger statements with a scale about them that somebody rated."""
    safety_plan: bool
    """The latest meeting holds a safety plan with at least one rule."""
    child_voice: bool
    """Any child's-voice tool used at any of the case's meetings (Three Houses, Fairy/Wizard, Safety House, Words
    and Pictures)."""
    network_size: int
    network_know_worries: int
    """Network people who know the worries."""
    overdue_steps: int
    """Next steps of the latest meeting past their due day on the audit's day and not done."""
    days_since_last: int | None
    """Days from the case's last dated meeting to the audit's day; None when no meeting is dated."""
    last_met: date | None = None
    """The day of the case's last dated meeting (None when none is dated)."""
    next_steps: int = 0
    """Next steps on the latest meeting's map."""

    @property
    def dangers_all_paired_and_scaled(self) -> bool:
        """Every danger statement is paired and scaled (a case with none does not count as done)."""
        return self.danger_statements > 0 and self.dangers_paired == self.dangers_scaled == self.danger_statements

    def met_between(self, since: date | None, until: date | None) -> bool:
        """The case had a dated meeting in the period (both ends included; an open end is no limit)."""
        if since is None and until is None:
            return True
        first = 0 if since is None else bisect.bisect_left(self.meeting_dates, since)
        return first < len(self.meeting_dates) and (until is None or self.meeting_dates[first] <= until)


@dataclass(frozen=True)
class AuditFilter:
    """Which cases the audit looks at: a team, a worker, a period (each None for all)."""

    team: str | None = None
    worker: str | None = None
    since: date | None = None
    until: date | None = None


# The plain records the store hands over ------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingRecord:
    """One of a case's meetings: its id and when it was held (None when undated)."""

    id: int
    held_on: datetime | None


@dataclass(frozen=True)
class CardRecord:
    """One card of the latest meeting's map, as much of it as the audit reads (never its words)."""

    id: int
    category: str
    pairs_with: int | None = None
    due: date | None = None
    status: str | None = None


@dataclass(frozen=True)
class CaseRecord:
    """What the store reads of one case for the audit."""

    case_id: int
    team: str = ""
    meetings: tuple[MeetingRecord, ...] = ()
    worker: str = ""
    """The presenter of the latest meeting."""
    cards: tuple[CardRecord, ...] = ()
    """The latest meeting's cards."""
    rated_about: frozenset[int] = field(default_factory=frozenset)
    """The cards of the latest meeting that a rated scale is about."""
    safety_plan_rules: int = 0
    """Rules in the latest meeting's safety plan."""
    child_voice: bool = False
    network_size: int = 0
    network_know_worries: int = 0


def _moment(held_on: datetime) -> datetime:
    return held_on.astimezone(UTC).replace(tzinfo=None) if held_on.tzinfo is not None else held_on


def time_order_key(meeting: MeetingRecord) -> tuple[bool, datetime, int]:
    """The trajectory's time order (``trajectory.in_time_order``): by date, undated last, ties by id."""
    held = meeting.held_on
    return held is None, datetime.max if held is None else _moment(held), meeting.id


def latest_meeting(meetings: Iterable[MeetingRecord]) -> MeetingRecord | None:
    """The case's latest meeting in the trajectory's time order (None when it has none)."""
    return max(meetings, key=time_order_key, default=None)


def case_figures(record: CaseRecord, today: date) -> CaseFigures:
    """The audit's figures of one case on the audit's day ``today``."""
    dates = tuple(sorted(meeting.held_on.date() for meeting in record.meetings if meeting.held_on is not None))
    categories = {card.category for card in record.cards}
    goals = {card.id for card in record.cards if card.category == Category.GOAL}
    dangers = [card for card in record.cards if card.category == Category.DANGER]
    steps = [card for card in record.cards if card.category == Category.NEXT_STEP]
    last = dates[-1] if dates else None
    return CaseFigures(
        case_id=record.case_id,
        team=record.team,
        worker=record.worker,
        meeting_dates=dates,
        meetings=len(record.meetings),
        map_complete=all(category in categories for category in MAP_CATEGORIES),
        danger_statements=len(dangers),
        dangers_paired=sum(1 for card in dangers if card.pairs_with in goals),
        dangers_scaled=sum(1 for card in dangers if card.id in record.rated_about),
        safety_plan=record.safety_plan_rules > 0,
        child_voice=record.child_voice,
        network_size=record.network_size,
        network_know_worries=record.network_know_worries,
        overdue_steps=sum(1 for card in steps if is_overdue(card, today)),
        days_since_last=None if last is None else (today - last).days,
        last_met=last,
        next_steps=len(steps),
    )


def is_overdue(card: CardRecord, today: date) -> bool:
    """A next step past its due day on ``today`` and not done."""
    return card.due is not None and card.due < today and card.status != NextStepStatus.DONE


# Filtering and the summary -------------------------------------------------------------------------------------


def filter_cases(rows: Sequence[CaseFigures], chosen: AuditFilter) -> list[CaseFigures]:
    """The cases the filter keeps, in the order given: of the team, of the worker, met in the period."""
    team, worker, since, until = chosen.team, chosen.worker, chosen.since, chosen.until
    kept = list(rows)
    if team is not None:
        kept = [row for row in kept if row.team == team]
    if worker is not None:
        kept = [row for row in kept if row.worker == worker]
    if since is not None or until is not None:
        kept = [row for row in kept if row.met_between(since, until)]
    return kept


def _by_name(name: str) -> tuple[str, str]:
    return name.casefold(), name


def teams(rows: Iterable[CaseFigures]) -> list[str]:
    """The teams the cases belong to, sorted without regard to case (none for "")."""
    return sorted({row.team for row in rows if row.team}, key=_by_name)


def workers(rows: Iterable[CaseFigures]) -> list[str]:
    """The cases' workers, sorted without regard to case (none for "")."""
    return sorted({row.worker for row in rows if row.worker}, key=_by_name)


@dataclass(frozen=True)
class AuditSummary:
    """The counts the view, the PDF summary and the CSV share, over the cases looked at."""

    cases: int
    maps_complete: int
    dangers_paired_and_scaled: int
    """Cases whose every danger statement is paired and scaled (a case with none does not count)."""
    safety_plans: int
    child_voice: int
    median_network_size: float | None
    network_people: int
    know_worries: int
    """Network people, over all the cases, who know the worries."""
    cases_with_overdue: int
    overdue_steps: int
    met_recently: int
    """Cases last met within six weeks of the audit's day."""
    met_within_three_months: int
    """Cases last met more than six weeks but within three months before."""
    met_longer_ago: int
    never_dated: int
    """Cases with no dated meeting."""

    @property
    def know_worries_share(self) -> float | None:
        """The share (0 to 1) of network people who know the worries; None when there are none."""
        return self.know_worries / self.network_people if self.network_people else None

    def percent(self, count: int) -> float | None:
        """``count`` as a percentage of the cases (None when there are no cases)."""
        return 100.0 * count / self.cases if self.cases else None


def audit_summary(rows: Sequence[CaseFigures]) -> AuditSummary:
    """The summary of the cases given."""
    gaps = [row.days_since_last for row in rows]
    return AuditSummary(
        cases=len(rows),
        maps_complete=sum(1 for row in rows if row.map_complete),
        dangers_paired_and_scaled=sum(1 for row in rows if row.dangers_all_paired_and_scaled),
        safety_plans=sum(1 for row in rows if row.safety_plan),
        child_voice=sum(1 for row in rows if row.child_voice),
        median_network_size=float(statistics.median(row.network_size for row in rows)) if rows else None,
        network_people=sum(row.network_size for row in rows),
        know_worries=sum(row.network_know_worries for row in rows),
        cases_with_overdue=sum(1 for row in rows if row.overdue_steps),
        overdue_steps=sum(row.overdue_steps for row in rows),
        met_recently=sum(1 for gap in gaps if gap is not None and gap <= RECENT_DAYS),
        met_within_three_months=sum(1 for gap in gaps if gap is not None and RECENT_DAYS < gap <= QUARTER_DAYS),
        met_longer_ago=sum(1 for gap in gaps if gap is not None and gap > QUARTER_DAYS),
        never_dated=sum(1 for gap in gaps if gap is None),
    )

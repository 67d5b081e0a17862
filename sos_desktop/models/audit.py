"""The team's collaborative audit across cases: how the practice is used, case by case, worked out once for the
console's audit view, its PDF summary and ``sos-desktop audit --csv``.

CONTRACT (foundation, filled in by the audit's builder): the store reads each case's latest state in bulk and
hands :func:`case_figures` plain records; nothing here touches a database or Qt. The names and fields below are
what the audit view, the PDF summary and the CSV build on; add fields, do not rename them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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

    @property
    def dangers_all_paired_and_scaled(self) -> bool:
        """Every danger statement is paired and scaled (a case with none does not count as done)."""
        return self.danger_statements > 0 and self.dangers_paired == self.dangers_scaled == self.danger_statements


@dataclass(frozen=True)
class AuditFilter:
    """Which cases the audit looks at: a team, a worker, a period (each None for all)."""

    team: str | None = None
    worker: str | None = None
    since: date | None = None
    until: date | None = None

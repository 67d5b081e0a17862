"""The agenda's clock: starting, moving on, pausing and resuming time-boxed phases, and how long each has run.

Pure functions over the meeting's ``AgendaPhase`` list, with the time passed in, so a test can run a whole
supervision in a moment. At most one phase runs at a time. A running phase keeps ``started_at`` and its earlier
minutes in ``actual_minutes``; stopping it adds the run to ``actual_minutes``. Because the start is saved, a meeting
whose program was closed or killed is still timed correctly when it reopens: the room carried on meanwhile.

Also what a phase is called, and how an observer's note is stamped ("12′ · Mapping"; a note taken while no phase
runs is "Before the start" or "After the end"), once for the observer's window and the minutes.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass
from datetime import datetime

from sos_desktop.models.meeting import AgendaPhase
from sos_desktop.models.observation import ObservationNote

BEFORE_THE_START = "Before the start"
"""The phase of a note taken before the meeting's clock started."""
AFTER_THE_END = "After the end"
"""The phase of a note taken once the meeting has ended (its clock stopped after its last phase)."""


@dataclass(frozen=True)
class AgendaState:
    """Where a meeting is in its agenda at a moment."""

    current: int | None
    """The index of the running phase, or of the phase paused in (None before the start and after the end: a
    meeting stopped in its last phase has ended; Start resumes it if the group carries on)."""
    running: bool
    phase_minutes: float
    """Minutes spent in the current phase so far, the run under way included."""
    meeting_minutes: float
    """Minutes into the meeting: every phase's time added up."""
    over: bool
    """The current phase has run past its planned minutes."""


def _minutes_between(start: datetime, end: datetime) -> float:
    return max(0.0, (end - start).total_seconds() / 60)


def spent(phase: AgendaPhase, now: datetime) -> float:
    """Minutes spent in ``phase`` by ``now``, including a run still going."""
    minutes = phase.actual_minutes or 0.0
    if phase.started_at is not None:
        minutes += _minutes_between(phase.started_at, now)
    return minutes


def running_index(agenda: list[AgendaPhase]) -> int | None:
    return next((index for index, phase in enumerate(agenda) if phase.started_at is not None), None)


def _stopped(phase: AgendaPhase, now: datetime) -> None:
    if phase.started_at is not None:
        phase.actual_minutes = round(spent(phase, now), 4)
        phase.started_at = None


def _last_touched(agenda: list[AgendaPhase]) -> int | None:
    """The last phase that has any time: where a paused meeting stands."""
    touched = [index for index, phase in enumerate(agenda) if phase.actual_minutes]
    return touched[-1] if touched else None


def state(agenda: list[AgendaPhase], now: datetime) -> AgendaState:
    running = running_index(agenda)
    current = running if running is not None else _last_touched(agenda)
    if running is None and current == len(agenda) - 1:
        current = None  # the last phase done and the clock stopped: the meeting has ended
    total = sum(spent(phase, now) for phase in agenda)
    if current is None:
        return AgendaState(None, False, 0.0, total, False)
    phase = agenda[current]
    minutes = spent(phase, now)
    over = phase.planned_minutes is not None and minutes > phase.planned_minutes
    return AgendaState(current, running is not None, minutes, total, over)


def go_to(agenda: list[AgendaPhase], index: int, now: datetime) -> list[AgendaPhase]:
    """A copy of ``agenda`` with ``index`` running from ``now`` and any other phase stopped (its time kept)."""
    if not 0 <= index < len(agenda):
        raise IndexError(f"The agenda has no phase {index + 1}.")
    changed = copy.deepcopy(agenda)
    for position, phase in enumerate(changed):
        if position != index:
            _stopped(phase, now)
    if changed[index].started_at is None:
        changed[index].started_at = now
    return changed


def start_or_resume(agenda: list[AgendaPhase], now: datetime) -> list[AgendaPhase]:
    """Start the meeting at its first phase, or resume the phase it was paused in."""
    current = _last_touched(agenda)
    return go_to(agenda, 0 if current is None else current, now)


def next_phase(agenda: list[AgendaPhase], now: datetime) -> list[AgendaPhase]:
    """Stop the current phase and start the next; after the last phase the meeting ends (nothing runs)."""
    current = running_index(agenda)
    if current is None:
        current = _last_touched(agenda)
        if current is None:
            return start_or_resume(agenda, now)
    if current + 1 < len(agenda):
        return go_to(agenda, current + 1, now)
    return pause(agenda, now)


def pause(agenda: list[AgendaPhase], now: datetime) -> list[AgendaPhase]:
    """Stop the clock, keeping each phase's minutes so far."""
    changed = copy.deepcopy(agenda)
    for phase in changed:
        _stopped(phase, now)
    return changed


def clock_text(minutes: float) -> str:
    """Minutes as a clock reads: 4.5 gives "4:30", 65 gives "1:05:00"."""
    seconds = round(minutes * 60)
    hours, rest = divmod(seconds, 3600)
    whole_minutes, seconds = divmod(rest, 60)
    return f"{hours}:{whole_minutes:02d}:{seconds:02d}" if hours else f"{whole_minutes}:{seconds:02d}"


def phase_name(phase: AgendaPhase) -> str:
    """What to call ``phase``: its title, else its key in words ("case_overview" is "Case overview")."""
    return phase.title or phase.phase.replace("_", " ").capitalize()


def phase_title(agenda: list[AgendaPhase], key: str) -> str:
    """What to call the phase ``key`` of ``agenda`` (a note keeps the key; the phase may have been renamed since)."""
    named = next((phase for phase in agenda if phase.phase == key and phase.title), None)
    return phase_name(named or AgendaPhase(key))


def note_phase(agenda: list[AgendaPhase], note: ObservationNote) -> str:
    """The phase ``note`` was taken in; with none running, "Before the start" (no minute yet) or "After the end"."""
    if note.phase:
        return phase_title(agenda, note.phase)
    return AFTER_THE_END if note.at_minute else BEFORE_THE_START


def minute_text(minutes: float | None) -> str:
    """The minute a note was taken in, as a match report gives it: 12.7 minutes in is "12′"."""
    return "" if minutes is None else f"{math.floor(minutes)}′"

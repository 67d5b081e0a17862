"""The agenda's clock as pure functions: phases started, moved on, paused and resumed, minutes kept; and what a
phase is called, as an observer's note is stamped with it (console and minutes alike).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sos_desktop.models import ObservationNote
from sos_desktop.models.agenda import (
    AFTER_THE_END,
    BEFORE_THE_START,
    clock_text,
    go_to,
    minute_text,
    next_phase,
    note_phase,
    pause,
    phase_title,
    start_or_resume,
    state,
)
from sos_desktop.models.demo import default_agenda

START = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)


def test_a_meeting_runs_through_its_phases_and_each_keeps_its_minutes() -> None:
    agenda = default_agenda()
    assert state(agenda, START).current is None
    agenda = start_or_resume(agenda, at(0))
    assert state(agenda, at(3)).current == 0 and state(agenda, at(3)).running
    agenda = next_phase(agenda, at(4.5))
    agenda = next_phase(agenda, at(16))  # the overview ran 11.5 minutes against 10 planned
    now = state(agenda, at(20))
    assert (now.current, now.phase_minutes, now.meeting_minutes) == (2, pytest.approx(4), pytest.approx(20))
    assert [phase.actual_minutes for phase in agenda[:2]] == [pytest.approx(4.5), pytest.approx(11.5)]
    for minute in (45, 55, 60, 63):
        agenda = next_phase(agenda, at(minute))
    assert state(agenda, at(64)).current == 6
    agenda = next_phase(agenda, at(66))  # after the last phase the clock stops: the meeting has ended
    ended = state(agenda, at(90))
    assert not ended.running and ended.meeting_minutes == pytest.approx(66)
    assert all(phase.started_at is None for phase in agenda)


def test_pause_stops_the_clock_and_resume_carries_on_in_the_same_phase() -> None:
    agenda = next_phase(start_or_resume(default_agenda(), at(0)), at(5))
    agenda = pause(agenda, at(8))
    assert state(agenda, at(30)).phase_minutes == pytest.approx(3)
    assert not state(agenda, at(30)).running
    agenda = start_or_resume(agenda, at(30))
    assert state(agenda, at(32)).current == 1
    assert state(agenda, at(32)).phase_minutes == pytest.approx(5)


def test_a_phase_over_its_time_is_flagged_and_going_back_adds_to_its_minutes() -> None:
    agenda = start_or_resume(default_agenda(), at(0))
    assert not state(agenda, at(4)).over
    assert state(agenda, at(6)).over  # purpose planned for 5 minutes
    agenda = go_to(agenda, 3, at(6))
    agenda = go_to(agenda, 0, at(10))
    assert state(agenda, at(11)).phase_minutes == pytest.approx(7)
    with pytest.raises(IndexError):
        go_to(agenda, 99, at(11))


def test_the_clock_reads_as_people_say_it() -> None:
    assert [clock_text(m) for m in (0, 4.5, 12 + 5 / 60, 65)] == ["0:00", "4:30", "12:05", "1:05:00"]


def test_the_original_agenda_is_never_changed_in_place() -> None:
    agenda = default_agenda()
    started = start_or_resume(agenda, at(0))
    assert agenda[0].started_at is None and started[0].started_at == at(0)


def test_a_note_is_stamped_with_the_phase_it_was_taken_in_or_before_the_start_or_after_the_end() -> None:
    agenda = default_agenda()
    agenda[1].title = "Why we are here"  # renamed after the note was taken: the note says so
    stamps = [
        (minute_text(note.at_minute), note_phase(agenda, note))
        for note in (
            ObservationNote("Waiting for the presenter", 0.0),
            ObservationNote("Clear question", 4.3, agenda[1].phase),
            ObservationNote("Kept the genogram brief", 12.7, "case_overview"),
            ObservationNote("Stayed to talk it through", 95.2),
        )
    ]
    assert stamps == [
        ("0′", BEFORE_THE_START),
        ("4′", "Why we are here"),
        ("12′", "Case overview"),
        ("95′", AFTER_THE_END),
    ]
    assert minute_text(None) == ""
    assert phase_title(agenda, "no_such_phase") == "No such phase"

"""An observer on another laptop, over a shared PostgreSQL database: their notes reach the console's process within
five seconds, they never make the facilitator's saves stale, both sides' notes survive, and a killed observer loses
nothing committed. The second laptop is a second process (``observer_process.py``). On SQLite there is no watch.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from sos_desktop.models import Meeting, ObservationNote, Observations
from sos_desktop.store import Store
from sos_desktop.store.live import ObservationWatch

POSTGRES_URL = os.environ.get("SOS_DESKTOP_TEST_POSTGRES_URL", "")
OBSERVER = Path(__file__).with_name("observer_process.py")
REACH_SECONDS = 5.0

postgres_only = pytest.mark.parametrize(
    "database_url",
    [
        pytest.param(
            "postgresql", marks=pytest.mark.skipif(not POSTGRES_URL, reason="needs SOS_DESKTOP_TEST_POSTGRES_URL")
        )
    ],
    indirect=True,
)


def observer(url: str, meeting_id: int, count: int, label: str) -> subprocess.Popen[str]:
    """The observer's laptop: a second process adding ``count`` notes (0: until killed)."""
    command = [sys.executable, str(OBSERVER), url, str(meeting_id), str(count), label]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def committed(process: subprocess.Popen[str]) -> Iterator[tuple[int, float]]:
    """Each commit the observer reports: the note's number and the moment (monotonic, shared by processes)."""
    assert process.stdout is not None
    for line in process.stdout:
        _, number, moment = line.split()
        yield int(number), float(moment)


class Heard:
    """What a watch reports, with when and the notes then stored (``on_change`` runs on the watch's thread)."""

    def __init__(self, store: Store, meeting_id: int) -> None:
        self.store, self.meeting_id = store, meeting_id
        self.event = threading.Event()
        self.reports: list[tuple[float, list[str]]] = []

    def __call__(self) -> None:
        moment = time.monotonic()
        notes = [note.text for note in self.store.observer_feedback(self.meeting_id)[0].notes]
        self.reports.append((moment, notes))
        self.event.set()

    def next(self, timeout: float) -> float:
        """Wait for the next report; its moment."""
        assert self.event.wait(timeout), f"nothing heard within {timeout} s"
        self.event.clear()
        return self.reports[-1][0]

    def note_heard(self, text: str, timeout: float) -> float:
        """The moment of the first report after which the note ``text`` was known, waiting for it if need be."""
        deadline = time.monotonic() + timeout
        while True:
            found = next((moment for moment, notes in list(self.reports) if text in notes), None)
            if found is not None:
                return found
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"“{text}” not heard within {timeout} s"
            self.event.wait(remaining)
            self.event.clear()


@pytest.fixture
def listening(store: Store, meeting: Meeting) -> Iterator[tuple[ObservationWatch, Heard]]:
    """A watch on ``meeting``, connected, its first report (what was there already) taken."""
    assert meeting.id is not None
    heard = Heard(store, meeting.id)
    watch = store.watch_observations(meeting.id, heard)
    assert watch is not None
    assert watch.connected.wait(REACH_SECONDS)
    heard.next(REACH_SECONDS)
    yield watch, heard
    watch.stop(wait=2)


@postgres_only
def test_notes_from_a_second_process_reach_the_first_within_five_seconds(
    store: Store, meeting: Meeting, database_url: str, listening: tuple[ObservationWatch, Heard]
) -> None:
    assert meeting.id is not None
    _, heard = listening
    process = observer(database_url, meeting.id, 3, "Observer")
    for number, moment in committed(process):  # each commit heard within five seconds (two may be heard as one)
        assert heard.note_heard(f"Observer {number}", REACH_SECONDS) - moment < REACH_SECONDS
    assert process.wait(REACH_SECONDS) == 0
    observations, _ = store.observer_feedback(meeting.id)
    assert [note.text for note in observations.notes] == ["Observer 0", "Observer 1", "Observer 2"]
    assert [(r.criterion, r.value) for r in observations.ratings] == [("Rated by Observer", 7.5)]


@postgres_only
def test_a_dropped_listening_connection_is_made_again_and_nothing_is_missed(
    store: Store, meeting: Meeting, database_url: str, listening: tuple[ObservationWatch, Heard]
) -> None:
    assert meeting.id is not None
    watch, heard = listening
    with store.engine.connect() as conn:  # the server ends the watch's connection, as a dropped network would
        ended = conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE query LIKE 'LISTEN sos_observations%' AND pid <> pg_backend_pid() "
                "AND datname = current_database()"
            )
        ).all()
        conn.commit()
    assert ended and all(row[0] for row in ended)
    process = observer(database_url, meeting.id, 1, "After the drop")
    (_, moment), *_ = committed(process)
    assert heard.note_heard("After the drop 0", REACH_SECONDS) - moment < REACH_SECONDS
    assert process.wait(REACH_SECONDS) == 0
    assert watch.connected.wait(REACH_SECONDS)  # listening again


@postgres_only
def test_the_facilitators_saves_of_other_parts_still_go_through_after_the_observer_wrote(
    store: Store, meeting: Meeting, database_url: str
) -> None:
    assert meeting.id is not None
    console = store.get_meeting(meeting.id)  # the console read the meeting: its saves check the version it saw
    process = observer(database_url, meeting.id, 2, "Observer")
    assert process.wait(30) == 0
    console.title = "Group supervision, renamed"
    store.update_meeting_details(console)  # no StaleWriteError
    store.set_agenda(meeting.id, console.agenda)
    again = store.get_meeting(meeting.id)
    assert again.title == "Group supervision, renamed"
    assert [note.text for note in again.observations.notes] == ["Observer 0", "Observer 1"]


@postgres_only
def test_notes_added_at_once_on_both_laptops_all_survive(store: Store, meeting: Meeting, database_url: str) -> None:
    assert meeting.id is not None
    process = observer(database_url, meeting.id, 0, "Observer")
    reports = committed(process)
    next(reports)  # the observer is writing; the console now writes at the same time
    mine = Observations()  # the console never reads the observer's notes back: each save starts from its own
    for number in range(25):
        changed = Observations(notes=[*mine.notes, ObservationNote(f"Facilitator {number}", 100.0 + number)])
        store.set_observations(meeting.id, changed, mine)
        mine = changed
    process.kill()
    process.wait(REACH_SECONDS)
    theirs = ["Observer 0", *(f"Observer {number}" for number, _ in reports)]
    texts = [note.text for note in store.observer_feedback(meeting.id)[0].notes]
    assert set(texts) >= {f"Facilitator {n}" for n in range(25)} | set(theirs)
    assert len(texts) == len(set(texts))  # none twice
    assert len(theirs) > 1  # the observer did write while the console wrote


@postgres_only
def test_killing_the_observers_process_loses_none_of_its_committed_notes(
    store: Store, meeting: Meeting, database_url: str
) -> None:
    assert meeting.id is not None
    process = observer(database_url, meeting.id, 0, "Observer")
    reported = []
    for number, _ in committed(process):
        reported.append(f"Observer {number}")
        if len(reported) == 8:
            process.kill()
            break
    process.wait(REACH_SECONDS)
    assert process.stdout is not None
    process.stdout.close()
    texts = [note.text for note in store.observer_feedback(meeting.id)[0].notes]
    assert texts[: len(reported)] == reported  # every note it said it committed, in order (one more may be in)
    assert len(texts) - len(reported) <= 1


def test_an_observers_save_makes_no_other_save_stale(store: Store, meeting: Meeting, database_url: str) -> None:
    assert meeting.id is not None
    console = store.get_meeting(meeting.id)
    with Store.open(database_url) as laptop:
        base = laptop.observer_feedback(meeting.id)[0]
        laptop.set_observations(meeting.id, Observations("Jo Reid", [ObservationNote("Calm opening", 1.0)]), base)
    console.summary = "Agreed next steps"
    store.update_meeting_details(console)
    assert store.get_meeting(meeting.id).observations.observer == "Jo Reid"


def test_on_sqlite_there_is_no_watch(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as store:
        assert store.watch_observations(1, lambda: None) is None

"""The console following an observer on another laptop: on a shared PostgreSQL database the notes another process
writes appear in the open meeting within five seconds, as no undo step, and the facilitator's own edits still save;
on SQLite there is no feed and an observer's file is merged as before; a server lost on the observer's side keeps
what they wrote and says so.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from sos_desktop.app import open_settings
from sos_desktop.models import ObservationNote, Observations
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store import Store
from sos_desktop.store.errors import ServerNotAnsweringError
from sos_desktop.store.tables import metadata
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.observation.live_feed import ARRIVED, LiveFeed
from sos_desktop.ui.observation.window import KEPT_NOTE, SAVED_NOTE, SHARED_NOTE, ObserverWindow
from sos_desktop.ui.shell.main_window import MainWindow

POSTGRES_URL = os.environ.get("SOS_DESKTOP_TEST_POSTGRES_URL", "")
OBSERVER = Path(__file__).parents[2] / "store" / "observer_process.py"
on_postgres = pytest.mark.skipif(not POSTGRES_URL, reason="needs PostgreSQL (SOS_DESKTOP_TEST_POSTGRES_URL)")


@pytest.fixture
def shared_store() -> Iterator[tuple[Store, int]]:
    """The shared PostgreSQL database, emptied, with the demo meeting in it (and that meeting's id)."""
    engine = create_engine(POSTGRES_URL)
    with engine.begin() as conn:
        metadata.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
    store = Store.open(POSTGRES_URL)
    saved = store.save_bundle(demo_bundle())
    assert saved.meeting.id is not None
    yield store, saved.meeting.id
    store.close()


def observer_writes(meeting_id: int, count: int) -> subprocess.CompletedProcess[str]:
    """The observer's laptop: another process adds ``count`` notes and a rating, then ends."""
    command = [sys.executable, str(OBSERVER), POSTGRES_URL, str(meeting_id), str(count), "From the laptop"]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)


def note_texts(document: MeetingDocument) -> list[str]:
    return [note.text for note in document.observations.notes]


@on_postgres
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagateSizeHints")
def test_the_consoles_meeting_shows_notes_written_on_another_laptop_within_five_seconds(
    qtbot: QtBot, shared_store: tuple[Store, int], tmp_path: Path
) -> None:
    store, meeting_id = shared_store
    console = MainWindow(store, open_settings(tmp_path / "data"))
    qtbot.addWidget(console)
    console.open_meeting(meeting_id)
    document = console.document
    assert document is not None and console.meeting_menu.live_feed is not None
    assert console.meeting_menu.live_feed.active
    window = console.meeting_menu.open_observer()
    assert window is not None
    qtbot.waitExposed(window)
    before = note_texts(document)
    steps = document.undo_stack.count()

    observer_writes(meeting_id, 2)
    qtbot.waitUntil(lambda: "From the laptop 1" in note_texts(document), timeout=5000)

    assert note_texts(document) == [*before, "From the laptop 0", "From the laptop 1"]
    assert window.notes.view.model().rowCount() == len(before) + 2
    assert "Rated by From the laptop" in document.rubric_criteria()
    assert document.undo_stack.count() == steps  # not an undo step of the facilitator's
    assert console.statusBar().currentMessage() == ARRIVED
    assert window.status.text() == ARRIVED  # the window's status line hears of it too, then says it is shared
    window.grab().save(str(tmp_path / "observer.png"))
    laptop = ObserverWindow(MeetingDocument(store, meeting_id))
    qtbot.addWidget(laptop)
    assert laptop.status.text() == SHARED_NOTE

    document.set_detail("title", "Group supervision, observed from a laptop")  # the facilitator's own edit
    assert not document.stale and not document.pending
    assert store.get_meeting(meeting_id).title == "Group supervision, observed from a laptop"
    note = document.add_observation_note("Asked the family's words for the worry")
    stored = [n.text for n in store.get_meeting(meeting_id).observations.notes]
    assert stored == [*before, "From the laptop 0", "From the laptop 1", note.text]
    document.undo_stack.undo()  # takes out the facilitator's note, not the laptop's
    assert note_texts(document) == [*before, "From the laptop 0", "From the laptop 1"]
    console.close_meeting(dropping=True)
    assert console.meeting_menu.live_feed is None


def test_on_sqlite_there_is_no_feed_and_an_observers_file_is_still_merged(demo_document: MeetingDocument) -> None:
    feed = LiveFeed(demo_document)
    assert not feed.active
    before = note_texts(demo_document)
    added = demo_document.merge_observations_from(Observations("Sam Hale", [ObservationNote("Calm opening", 1.0)]))
    assert added.notes == 1
    assert "Calm opening" in [
        n.text for n in demo_document.store.get_meeting(demo_document.meeting_id).observations.notes
    ]
    assert len(note_texts(demo_document)) == len(before) + 1


def test_a_lost_server_on_the_observers_side_keeps_what_they_wrote_and_says_so(
    qtbot: QtBot, demo_document: MeetingDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = ObserverWindow(demo_document)
    qtbot.addWidget(window)
    store = demo_document.store
    saving = store.set_observations

    def server_gone(*args: object, **kwargs: object) -> Observations:
        raise ServerNotAnsweringError()

    monkeypatch.setattr(store, "set_observations", server_gone)
    demo_document.add_observation_note("Named the danger in plain words")
    assert "Named the danger in plain words" in note_texts(demo_document)  # still on screen
    assert window.status.text().startswith("Not saved: The database server did not answer")
    assert window.status.text().endswith(KEPT_NOTE)
    monkeypatch.setattr(store, "set_observations", saving)
    assert demo_document.pending.flush()
    assert window.status.text() == SAVED_NOTE
    assert "Named the danger in plain words" in [
        n.text for n in store.get_meeting(demo_document.meeting_id).observations.notes
    ]


def test_the_console_on_sqlite_follows_no_feed(window: MainWindow) -> None:
    feed = window.meeting_menu.live_feed
    assert feed is not None and window.document is not None
    assert not feed.active
    window.close_meeting(dropping=True)
    assert window.meeting_menu.live_feed is None

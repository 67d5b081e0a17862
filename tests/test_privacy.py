"""Privacy as a user relies on it: no network connection is ever opened, logs hold ids and kinds of error but never
a name, a case label or the words on a card, and a deleted case is gone from the database file for good.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sos_desktop.exporters.interchange.files import read_meeting_file
from sos_desktop.exporters.minutes import MinutesOptions, write_minutes_pdf
from sos_desktop.models import Case, Category
from sos_desktop.store import DuplicateReferenceError, Store

DATA = Path(__file__).parent / "exporters" / "data"
EXAMPLE = DATA / "spec-example.json"
SECRETS = (
    "Family S",
    "Mia Spencer",
    "Kelly Spencer",
    "Alex Morgan",
    "Sam Patel",
    "Dad throw a plate",
    "Visit Dad at home",
    "Secret card about Mia",
)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Any attempt to reach the network fails the test (and is recorded, in case a caller swallows the error)."""
    attempts: list[str] = []

    def refuse(what: str) -> object:
        def fail(*args: object, **kwargs: object) -> object:
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            pytest.fail(f"a network connection was attempted: {what}")

        return fail

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    yield attempts
    assert attempts == []


def _full_session(tmp_path: Path, qtbot: QtBot) -> None:
    """Open a store, import a file, edit through the meeting document, export minutes, project offscreen, and
    run into a store error and a layout error on the way.
    """
    from PySide6.QtCore import QSize

    from sos_desktop.ui.document.meeting import MeetingDocument
    from sos_desktop.ui.network.layout_runner import LayoutRunner
    from sos_desktop.ui.shell.snapshot import render_view

    with Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}") as store:
        bundle = store.save_bundle(read_meeting_file(EXAMPLE))
        meeting_id = bundle.meeting.id or 0
        document = MeetingDocument(store, meeting_id)
        document.add_item(Category.HARM, "Secret card about Mia")
        document.undo_stack.undo()
        document.undo_stack.redo()
        with pytest.raises(DuplicateReferenceError):
            store.add_case(Case(label="Family S", reference=bundle.case.reference))
        failed: list[str] = []
        document.saveFailed.connect(failed.append)
        store.close()
        (tmp_path / "db.sqlite3").rename(tmp_path / "moved.sqlite3")
        (tmp_path / "db.sqlite3").mkdir()  # the database is gone and a folder is in its way: the edit fails
        document.add_item(Category.HARM, "Secret card about Mia, not saved")
        assert failed
        (tmp_path / "db.sqlite3").rmdir()
        (tmp_path / "moved.sqlite3").rename(tmp_path / "db.sqlite3")
        loaded = store.load_bundle(meeting_id)
        write_minutes_pdf(loaded, tmp_path / "minutes.pdf", options=MinutesOptions())
        image = render_view(store, meeting_id, "projector", QSize(960, 540))
        assert not image.isNull()

        runner = LayoutRunner()

        def broken_layout(network: object) -> dict[int, tuple[float, float]]:
            raise ValueError("Mia Spencer lives with Kelly Spencer")

        with qtbot.waitSignal(runner.failed, timeout=10_000):
            runner.start("spring", loaded.network, broken_layout)
        runner.wait()
        document.deleteLater()


def test_a_full_session_opens_no_network_connection_and_logs_nothing_that_identifies_a_family(
    tmp_path: Path, qtbot: QtBot, no_network: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    _full_session(tmp_path, qtbot)
    logged = "\n".join(
        f"{record.getMessage()} {record.exc_text or ''} {record.stack_info or ''}" for record in caplog.records
    )
    assert "Network layout failed: ValueError" in logged  # the layout error was logged, by kind only
    for secret in SECRETS:
        assert secret not in logged, f"the log names {secret!r}"


def test_secure_delete_is_on_for_every_store_connection(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_a_deleted_case_leaves_no_trace_in_the_database_file_or_its_log(tmp_path: Path) -> None:
    database = tmp_path / "db.sqlite3"
    distinctive = "Zebediah Quarrington-Vasquez said the uncle hit him"
    with Store.open(f"sqlite:///{database}") as store:
        store.add_case(Case(label="Family Kept"))
        bundle = read_meeting_file(EXAMPLE)
        bundle.case.label = "Family Zebediah Quarrington-Vasquez"
        bundle.meeting.items[0].text = distinctive
        saved = store.save_bundle(bundle)
        for number in range(50):
            store.add_case(Case(label=f"Filler {number}"))
        assert saved.case.id is not None
        store.delete_case(saved.case.id)
    files = [database, database.with_name("db.sqlite3-wal")]
    for path in files:
        if path.exists():
            data = path.read_bytes()
            for secret in (distinctive, "Zebediah", "Quarrington"):
                assert secret.encode("utf-8") not in data, f"{secret!r} is still in {path.name}"
    with Store.open(f"sqlite:///{database}") as store:
        assert [case.label for case in store.list_cases()][:1] == ["Family Kept"]

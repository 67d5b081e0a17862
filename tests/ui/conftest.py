"""Fixtures for the console: a store in a temporary folder and a main window over it, with dialogs answered; the
demo console as a first run opens it (``window``, its ``document``, and on screen ``console``); and the demo meeting
saved in a fresh ``store`` as a document on its own (``demo_document``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from sos_desktop.app import build_window, open_settings
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store.engine import resolve_database_url
from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.shell.main_window import MainWindow


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def open_window(qtbot: QtBot, data_dir: Path) -> Iterator[Callable[[], MainWindow]]:
    """Opens a console on the test's data folder, as a restart of the app would."""
    stores: list[Store] = []

    def factory() -> MainWindow:
        store = Store.open(resolve_database_url(None, data_dir))
        stores.append(store)
        settings: QSettings = open_settings(data_dir)
        window = MainWindow(store, settings)
        qtbot.addWidget(window)
        window.restore_state()
        window.show()
        qtbot.waitExposed(window)
        return window

    yield factory
    for store in stores:
        store.close()


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the run: any the test did not expect fails it at once instead."""
    from sos_desktop.ui.common import dialogs

    def unexpected(name: str) -> Callable[..., object]:
        def fail(*args: object, **kwargs: object) -> object:
            pytest.fail(f"An unexpected dialog opened: dialogs.{name}{args[1:]!r}")

        return fail

    for name in (
        "tell",
        "inform",
        "confirm",
        "ask_open_path",
        "ask_save_path",
        "ask_case",
        "ask_text",
        "ask_minutes_options",
        "ask_unsaved",
        "ask_kept_changes",
    ):
        if hasattr(dialogs, name):
            monkeypatch.setattr(dialogs, name, unexpected(name))


@pytest.fixture(autouse=True)
def practise_on_one_screen(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The offscreen platform has one screen, so F5 would first ask whether to practise in a window: tests answer
    yes, as a facilitator who knows the room cannot see the screen. The list records each question (mirrored?).
    """
    from sos_desktop.ui.projector import wall_state

    asked: list[bool] = []

    def practise(parent: object, mirrored: bool) -> bool:
        asked.append(mirrored)
        return True

    monkeypatch.setattr(wall_state, "ask_practice_window", practise)
    return asked


@pytest.fixture(autouse=True)
def project_with_names(monkeypatch: pytest.MonkeyPatch) -> list[list[tuple[str, list[str]]]]:
    """F5 warns when the wall would show a full name it cannot hide: tests answer "project anyway". The list records
    each warning (which texts hold which names).
    """
    from sos_desktop.ui.projector import name_check

    warned: list[list[tuple[str, list[str]]]] = []

    def project(parent: object, found: list[tuple[str, list[str]]]) -> bool:
        warned.append(found)
        return True

    monkeypatch.setattr(name_check, "ask_project_with_names", project)
    return warned


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    """The console as a first run opens it, on the demo meeting in the test's data folder (not shown)."""
    opened, problem = build_window(argparse.Namespace(data_dir=data_dir, db=None, command=None))
    assert opened is not None and opened.document is not None, problem
    qtbot.addWidget(opened)
    yield opened
    opened.store.close()


@pytest.fixture
def document(window: MainWindow) -> MeetingDocument:
    """The demo meeting's document, the one ``window`` has open."""
    assert window.document is not None
    return window.document


@pytest.fixture
def console(qtbot: QtBot, window: MainWindow) -> Iterator[MainWindow]:
    """``window`` on screen; closed at the end, before its database is."""
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A new database in the test's folder."""
    opened = Store.open(resolve_database_url(None, tmp_path))
    yield opened
    opened.close()


@pytest.fixture
def demo_document(store: Store) -> MeetingDocument:
    """The demo meeting saved in ``store`` and opened as a document on its own, with no console around it."""
    saved = store.save_bundle(demo_bundle())
    assert saved.meeting.id is not None
    return MeetingDocument(store, saved.meeting.id)


@pytest.fixture
def person_id() -> Callable[[MeetingDocument, str], int]:
    """``person_id(document, name)``: the id of the person called ``name`` in the network of the document's case."""

    def find(document: MeetingDocument, name: str) -> int:
        person = next(p for p in document.network.people if p.name == name)
        assert person.id is not None
        return person.id

    return find

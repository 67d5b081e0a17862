"""Fixtures for the console: a store in a temporary folder and a main window over it, with dialogs answered."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from sos_desktop.app import open_settings
from sos_desktop.store.engine import resolve_database_url
from sos_desktop.store.store import Store
from sos_desktop.ui.main_window import MainWindow


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
    from sos_desktop.ui import dialogs

    def unexpected(name: str) -> Callable[..., object]:
        def fail(*args: object, **kwargs: object) -> object:
            pytest.fail(f"An unexpected dialog opened: dialogs.{name}{args[1:]!r}")

        return fail

    for name in ("tell", "inform", "confirm", "ask_open_path", "ask_save_path", "ask_case", "ask_text"):
        if hasattr(dialogs, name):
            monkeypatch.setattr(dialogs, name, unexpected(name))

"""Start-up in two steps: the console's frame paints before the store is opened, then fills in.

The frame must look like the console (menu titles, the navigator's pane, a message saying the database is being
opened), the store's work must follow the first paint, and a database that cannot be opened must still be reported
with nothing changed.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from sos_desktop import app as start_up
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store.store import Store
from sos_desktop.ui.shell.main_window import MENU_TITLES, OPENING_MESSAGE, MainWindow


def _args(data_dir: Path) -> argparse.Namespace:
    return argparse.Namespace(data_dir=data_dir, db=None, command=None)


def _settings(data_dir: Path) -> QSettings:
    return start_up.open_settings(data_dir)


def _menu_titles(window: MainWindow) -> list[tuple[str, bool]]:
    return [(action.text(), action.isEnabled()) for action in window.menuBar().actions()]


def test_the_frame_looks_like_the_console_and_says_the_database_is_opening(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(None, _settings(tmp_path))
    qtbot.addWidget(window)
    assert not window.attached
    assert _menu_titles(window) == [(title, False) for title in MENU_TITLES]
    opening = window.stack.currentWidget()
    assert isinstance(opening, QLabel) and OPENING_MESSAGE in opening.text()
    assert window.statusBar().currentMessage() == OPENING_MESSAGE
    assert not hasattr(window, "navigator")  # the pane is there, the tree comes with the store


def test_attaching_the_store_fills_the_frame_in_place(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(None, _settings(tmp_path / "data"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}") as store:
        meeting_id = store.save_bundle(demo_bundle()).meeting.id
        window.attach_store(store)
        # The same titles in the same order, now enabled: the menu bar does not jump when the store arrives.
        assert [text for text, _ in _menu_titles(window)] == list(MENU_TITLES)
        assert all(enabled for _, enabled in _menu_titles(window))
        assert window.navigator.case_count() == 1
        assert window.splitter.widget(0) is window.navigator
        assert window.statusBar().currentMessage() == "All changes saved"
        assert window.stack.currentWidget() is window.empty and "New meeting" in window.empty.text()
        assert meeting_id is not None
        window.open_meeting(meeting_id)
        assert window.map_panel is not None
        window.close()


def test_a_window_closed_before_the_store_opened_keeps_its_size_and_nothing_else(qtbot: QtBot, tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.close()
    assert settings.value("window/geometry") is not None
    assert not [key for key in settings.allKeys() if key.startswith("databases/")]


def _start_over_the_frame(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[start_up.ConsoleStart, list[tuple[QWidget | None, str]], list[int]]:
    """Steps 5 to 7 run over a frame, with what the error dialogs said and the statuses the app ended with."""
    told: list[tuple[QWidget | None, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda parent, _title, text, *rest: told.append((parent, text)))
    )
    # No event loop runs here for exit() to end; Qt would end the next test's at once instead.
    ended: list[int] = []
    monkeypatch.setattr(start_up.QCoreApplication, "exit", staticmethod(ended.append))
    settings = _settings(data_dir)
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    start = start_up.ConsoleStart(window, _args(data_dir), settings)
    start.start()
    return start, told, ended


def test_a_damaged_database_is_reported_over_the_frame_and_left_untouched(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    damaged = data_dir / "sos-desktop.sqlite3"
    damaged.write_bytes(b"this is not a database" * 100)
    start, told, ended = _start_over_the_frame(qtbot, data_dir, monkeypatch)
    window = start.window
    assert start.status == 1 and ended == [1]
    assert told and told[0][0] is window and "database" in told[0][1].lower()
    assert not window.attached
    assert damaged.read_bytes() == b"this is not a database" * 100
    start.finish()


def test_the_store_is_opened_once_the_frame_has_painted(qtbot: QtBot, tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    start = start_up.ConsoleStart(window, argparse.Namespace(**vars(_args(tmp_path)), exit_when_ready=True), settings)
    window.show()
    qtbot.waitUntil(lambda: window.attached, timeout=10_000)
    assert window.document is not None  # the first run's demo meeting, reopened
    assert gc.get_freeze_count() > 0  # start-up's objects set aside from the collector's full passes
    gc.unfreeze()  # (this process goes on to run other tests)
    window.close()
    start.finish()


def _start(*arguments: str) -> subprocess.CompletedProcess[str]:
    environment = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "sos_desktop", *arguments],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=120,
    )


def test_the_first_paint_comes_before_sqlalchemy_and_the_pages_are_imported(tmp_path: Path) -> None:
    code = (
        "import json, sys\n"
        "from sos_desktop.cli import main\n"
        f"status = main(['--data-dir', {str(tmp_path)!r}, '--exit-after-first-paint'])\n"
        "print(json.dumps({'status': status, 'modules': sorted(sys.modules)}))\n"
    )
    environment = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    import json

    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded["status"] == 0
    modules = set(loaded["modules"])
    assert "PySide6.QtWidgets" in modules and "sos_desktop.ui.shell.main_window" in modules
    late = {
        "sqlalchemy",
        "alembic",
        "jsonschema",
        "reportlab",
        "networkx",
        "numpy",
        "sos_desktop.store.store",
        "sos_desktop.models.meeting",
        "sos_desktop.ui.document.meeting",
        "sos_desktop.ui.map.panel",
        "sos_desktop.ui.projector",
        "sos_desktop.exporters.interchange.files",
    }
    assert not modules & late, f"imported before the first paint: {sorted(modules & late)}"
    assert not (tmp_path / "sos-desktop.sqlite3").exists()  # the store was not even opened


def test_exit_when_ready_opens_the_store_and_the_demo_meeting(tmp_path: Path) -> None:
    result = _start("--data-dir", str(tmp_path), "--exit-when-ready")
    assert result.returncode == 0, result.stderr
    assert "ready: meeting 1 open" in result.stdout
    assert (tmp_path / "sos-desktop.sqlite3").exists()


def test_an_empty_database_file_is_reported_as_damaged_and_its_newest_backup_offered(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    database = data_dir / "sos-desktop.sqlite3"
    with Store.open(f"sqlite:///{database}") as store:
        store.save_bundle(demo_bundle())
        store.automatic_backup(force=True)
    database.write_bytes(b"")  # what a crash or a full disk can leave
    asked: list[str] = []

    def decline(parent: object, title: str, text: str, *rest: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(decline))
    start, told, ended = _start_over_the_frame(qtbot, data_dir, monkeypatch)
    assert asked and "empty" in asked[0] and "The newest backup is" in asked[0]  # not the demo, silently
    assert start.status == 1 and ended == [1] and told and "empty" in told[0][1]
    assert not start.window.attached
    assert database.read_bytes() == b""  # left as it is, for whoever wants to look at it
    assert len(list((data_dir / "backups").iterdir())) == 1  # and no backup of nothing was made
    start.finish()


@pytest.mark.parametrize("flag", ["--exit-when-ready", "--exit-after-first-paint"])
def test_a_scripted_start_says_on_stderr_why_it_cannot_start_and_exits(tmp_path: Path, flag: str) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("", "utf-8")
    result = _start("--data-dir", str(blocker / "data"), flag)  # would wait on a dialog for ever before
    assert result.returncode == 1
    assert "The data folder cannot be used" in result.stderr and "Traceback" not in result.stderr


def test_a_scripted_start_on_a_damaged_database_says_so_with_the_backup_and_exits(tmp_path: Path) -> None:
    database = tmp_path / "sos-desktop.sqlite3"
    with Store.open(f"sqlite:///{database}") as store:
        store.save_bundle(demo_bundle())
        made = store.automatic_backup(force=True)
    assert made is not None
    database.write_bytes(b"")
    result = _start("--data-dir", str(tmp_path), "--exit-when-ready")
    assert result.returncode == 1 and "ready:" not in result.stdout
    assert f"sos-desktop: {database}: The database file is empty" in result.stderr
    assert f'sos-desktop restore "{made.path}"' in result.stderr
    assert database.read_bytes() == b""


def test_a_scripted_start_on_an_encrypted_database_asks_no_passphrase(tmp_path: Path) -> None:
    pytest.importorskip("sqlcipher3")
    Store.open(f"sqlite:///{tmp_path / 'sos-desktop.sqlite3'}", "correct horse").close()
    environment = {key: value for key, value in os.environ.items() if key != "SOS_DESKTOP_PASSPHRASE"}
    result = subprocess.run(
        [sys.executable, "-m", "sos_desktop", "--data-dir", str(tmp_path), "--exit-when-ready"],
        capture_output=True,
        text=True,
        env=environment | {"QT_QPA_PLATFORM": "offscreen"},
        check=False,
        timeout=120,
    )
    assert result.returncode == 1 and "encrypted" in result.stderr and "SOS_DESKTOP_PASSPHRASE" in result.stderr

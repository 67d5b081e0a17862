"""Changes kept in the journal by a session that ended while they waited (a kill, a crash, a quit all the same)
are offered back when the meeting is next opened: restored in place (after a backup), added as a copy, or left.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sos_desktop.app import build_window
from sos_desktop.models import Category
from sos_desktop.store.errors import DiskFullError
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.shell.main_window import MainWindow

KEPT = "Nan will stay over on Friday nights while Dad is at work"


def args_for(data_dir: Path) -> argparse.Namespace:
    return argparse.Namespace(data_dir=data_dir, db=None, command=None)


def end_a_session_with_a_change_waiting(qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A session whose disk was full when the card was added, closed before the disk was freed."""
    window, _ = build_window(args_for(data_dir))
    assert window is not None and window.document is not None
    monkeypatch.setattr(dialogs, "tell", lambda *args: None)
    with monkeypatch.context() as broken:

        def refuse(*args: object, **kwargs: object) -> None:
            raise DiskFullError()

        broken.setattr(window.store, "add_item", refuse)
        window.document.add_item(Category.SAFETY, KEPT)
        assert window.unsaved.journal_path is not None
        kept = window.unsaved.journal_path
        monkeypatch.setattr(dialogs, "ask_unsaved", lambda *args: "close")  # quit all the same
        window.close()
    window.store.close()
    assert kept.is_file()
    return kept


def reopen(qtbot: QtBot, data_dir: Path) -> MainWindow:
    window, _ = build_window(args_for(data_dir))
    assert window is not None and window.document is not None
    qtbot.addWidget(window)
    return window


def safety(window: MainWindow, meeting_id: int) -> list[str]:
    return [i.text for i in window.store.get_meeting(meeting_id).items if i.category is Category.SAFETY]


def test_kept_changes_are_restored_in_place_after_a_backup(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = end_a_session_with_a_change_waiting(qtbot, tmp_path, monkeypatch)
    window = reopen(qtbot, tmp_path)
    assert window.document is not None
    meeting_id = window.document.meeting_id
    assert KEPT not in safety(window, meeting_id)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_kept_changes", lambda parent, message: asked.append(message) or "restore")
    window.offer_kept_changes_from_now()  # start-up's last step
    qtbot.waitUntil(lambda: bool(asked) and window.document is not None and KEPT in safety(window, meeting_id))
    assert str(kept) in asked[0]
    assert window.document is not None and window.document.meeting_id == meeting_id  # the same meeting, reopened
    assert KEPT in [item.text for item in window.document.items(Category.SAFETY)]
    assert not kept.exists()
    assert "backup" in window.statusBar().currentMessage()
    assert len(window.store.list_meetings()) == 3  # the demo's three: in place, not a copy
    window.store.close()


def test_kept_changes_can_be_added_beside_the_meeting_or_left_for_later(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = end_a_session_with_a_change_waiting(qtbot, tmp_path, monkeypatch)
    window = reopen(qtbot, tmp_path)
    assert window.document is not None
    original = window.document.meeting_id
    answers = ["later", "copy"]
    monkeypatch.setattr(dialogs, "ask_kept_changes", lambda parent, message: answers.pop(0))
    window.offer_kept_changes_from_now()
    qtbot.waitUntil(lambda: answers == ["copy"])
    assert kept.exists() and len(window.store.list_meetings()) == 3  # later: nothing changed, asked again next time
    window.offer_kept_changes_from_now()
    qtbot.waitUntil(lambda: not answers and window.document is not None and window.document.meeting_id != original)
    assert window.document is not None
    assert KEPT in safety(window, window.document.meeting_id) and KEPT not in safety(window, original)
    assert not kept.exists()
    window.store.close()


KILLED_SESSION = """
import argparse, os, signal, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from sos_desktop.app import build_window
from sos_desktop.models import Category
from sos_desktop.store.errors import DiskFullError
from sos_desktop.ui.common import dialogs
dialogs.tell = lambda *args: None
window, _ = build_window(argparse.Namespace(data_dir=Path(sys.argv[1]), db=None, command=None))
def refuse(*args, **kwargs):
    raise DiskFullError()
window.store.add_item = refuse
window.document.add_item(Category.SAFETY, sys.argv[2])
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_a_change_waiting_when_the_program_is_killed_is_offered_back(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_SESSION, str(tmp_path), KEPT], env=environment, timeout=120, check=False
    )
    assert killed.returncode == -signal.SIGKILL
    window = reopen(qtbot, tmp_path)
    assert window.document is not None
    meeting_id = window.document.meeting_id
    monkeypatch.setattr(dialogs, "ask_kept_changes", lambda parent, message: "restore")
    window.offer_kept_changes_from_now()
    qtbot.waitUntil(lambda: window.document is not None and KEPT in safety(window, meeting_id))
    window.store.close()

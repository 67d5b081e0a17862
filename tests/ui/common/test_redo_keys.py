"""Redo answers to both keys people use, Ctrl+Shift+Z and Ctrl+Y, whatever the platform's standard Redo is (on
Linux it is Ctrl+Shift+Z alone), and the F1 sheet lists both once.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from sos_desktop.app import build_window
from sos_desktop.models import Category
from sos_desktop.ui.common import actions
from sos_desktop.ui.common.actions import Key, KeyLike, key_sequences
from sos_desktop.ui.guide.shortcuts_sheet import sheet_rows
from sos_desktop.ui.shell.main_window import MainWindow

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def linux_console(qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """The demo console on a platform whose standard Redo is Ctrl+Shift+Z alone, as KDE's and GNOME's are (the
    offscreen platform's standard also has Ctrl+Y, which would hide the fault).
    """
    standard = actions.sequences

    def linux(keys: KeyLike) -> list[QKeySequence]:
        if keys == QKeySequence.StandardKey.Redo:
            return [QKeySequence("Ctrl+Shift+Z")]
        return standard(keys)

    monkeypatch.setattr(actions, "sequences", linux)
    window, problem = build_window(argparse.Namespace(data_dir=data_dir, db=None, command=None))
    assert window is not None and window.document is not None, problem
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.navigator.setFocus()  # the list of cases: no text field of its own to take the keys
    yield window
    window.close()
    window.store.close()


@pytest.mark.parametrize(
    ("key", "modifiers"), [(Qt.Key.Key_Z, CTRL | SHIFT), (Qt.Key.Key_Y, CTRL)], ids=["Ctrl+Shift+Z", "Ctrl+Y"]
)
def test_both_redo_keys_redo_on_the_console(
    qtbot: QtBot, linux_console: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    document = linux_console.document
    assert document is not None
    before = len(document.meeting.items)
    document.add_item(Category.HARM, "Dad shouted at Lily in October")
    assert len(document.meeting.items) == before + 1
    qtbot.keyClick(linux_console.navigator, Qt.Key.Key_Z, CTRL)
    assert len(document.meeting.items) == before
    qtbot.keyClick(linux_console.navigator, key, modifiers)
    assert len(document.meeting.items) == before + 1
    assert "Dad shouted at Lily in October" in [item.text for item in document.meeting.items]


def test_the_registry_and_the_sheet_give_redo_both_keys_once() -> None:
    bound = [sequence.toString() for sequence in key_sequences(Key.REDO)]
    assert "Ctrl+Shift+Z" in bound and "Ctrl+Y" in bound and len(bound) == len(set(bound))
    rows = {what: keys for _, section in sheet_rows() for keys, what in section}
    assert sorted(rows["Redo it"].split(" / ")) == ["Ctrl+Shift+Z", "Ctrl+Y"]  # each once, as a user types it

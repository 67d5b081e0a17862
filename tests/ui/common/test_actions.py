"""Every key of the app goes through the registry (``ui/common/actions.py``), and the F1 sheet is made from it."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QAction, QShortcut
from pytestqt.qtbot import QtBot

from sos_desktop.ui.common.actions import KEYS, SPECS, key_sequences, sequences
from sos_desktop.ui.guide.shortcuts_sheet import ShortcutsSheet, sheet_rows
from sos_desktop.ui.shell.main_window import MainWindow

UI = Path(__file__).resolve().parents[3] / "sos_desktop" / "ui"
# A key written out: a sequence from a literal or a standard key, a shortcut made by hand, a key matched by code.
# (Enter and Escape inside an editor are the editor's own, listed among the registry's gestures.)
BINDING = re.compile(
    r"QKeySequence\(\s*(QKeySequence\.StandardKey|[\"'])|setShortcuts?\(\s*(QKeySequence|[\"'])|QShortcut\("
    r"|Qt\.Key\.Key_(?!Return|Enter|Escape)"
)


def test_no_key_is_bound_outside_the_registry() -> None:
    offenders = [
        f"{path.relative_to(UI)}:{number}"
        for path in UI.rglob("*.py")
        if path.name != "actions.py"
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if BINDING.search(line)
    ]
    assert offenders == []


def _registered() -> set[str]:
    found = {sequence.toString() for key in KEYS for sequence in key_sequences(key)}
    found |= {
        sequence.toString() for spec in SPECS.values() if spec.keys is not None for sequence in sequences(spec.keys)
    }
    return found


def test_every_key_bound_in_the_console_is_in_the_registry(qtbot: QtBot, window: MainWindow) -> None:
    window.show_network()
    bound = {s.toString() for action in window.findChildren(QAction) for s in action.shortcuts()}
    bound |= {shortcut.key().toString() for shortcut in window.findChildren(QShortcut)}
    bound.discard("")
    assert len(bound) > 30  # the walk saw the console's keys, the pages' and the projector menu's
    assert bound <= _registered(), bound - _registered()


def test_the_sheet_lists_every_key_of_the_registry_that_it_shows() -> None:
    rows = [keys for _, section in sheet_rows() for keys, _ in section]
    shown = [spec for spec in KEYS.values() if spec.sheet != ""]
    assert len(rows) >= len(shown)
    for spec in shown:
        if spec.sheet:
            assert spec.sheet in rows
    assert "Ctrl+Alt+S / Ctrl+Alt+T / Ctrl+Alt+N" in rows and "F6" in rows and "Shift+F6" in rows


def test_the_sheet_stands_in_two_columns_within_the_screen(qtbot: QtBot, window: MainWindow) -> None:
    sheet = ShortcutsSheet(window)
    qtbot.addWidget(sheet)
    room = window.screen().availableGeometry()
    assert sheet.height() <= room.height() and sheet.width() <= room.width()
    left, right = (column.text() for column in sheet.columns)
    assert "<h3>Mapping</h3>" in left and "<h3>Menus</h3>" in right  # the console's keys, then the wall's and menus'
    assert "F14" not in left + right  # a standard key is written as a user types it

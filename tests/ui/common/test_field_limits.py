"""A one-line field that cuts a long text says so, as editing a card in place does: a pasted 200,000-character
text was cut to 100,000 without a word.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from sos_desktop.models import Category
from sos_desktop.models.mapping import MAX_TEXT_LENGTH
from sos_desktop.ui.shell.main_window import MainWindow


# The notice beside the field is a tooltip, which the offscreen platform cannot raise.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagate")
def test_a_paste_too_long_for_the_entry_line_is_cut_and_the_user_told(qtbot: QtBot, console: MainWindow) -> None:
    assert console.map_panel is not None and console.document is not None
    entry = console.map_panel.box(Category.HARM).entry
    entry.setFocus()
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("Dad shouted. " * 16_000)  # 208,000 characters
    entry.paste()
    assert len(entry.text()) == MAX_TEXT_LENGTH
    told = f"The text was cut to {MAX_TEXT_LENGTH:,} characters, the most one field holds."
    assert console.statusBar().currentMessage() == told
    assert entry.property("cut_notice") == told


def test_a_short_paste_is_left_alone(qtbot: QtBot, console: MainWindow) -> None:
    assert console.map_panel is not None
    entry = console.map_panel.box(Category.GOAL).entry
    entry.setFocus()
    QGuiApplication.clipboard().setText("Lily is safe at home")
    entry.paste()
    assert entry.text() == "Lily is safe at home" and entry.property("cut_notice") is None

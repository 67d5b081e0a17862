"""The F1 sheet stands on the screen it opens on: within nine tenths of its free area, whole on a 1080-line screen,
in more columns when the screen is wide but short, scrolling only when nothing else will do.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from pytestqt.qtbot import QtBot

from sos_desktop.ui.guide.shortcuts_sheet import ShortcutsSheet, _balanced_columns, sheet_rows

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _shown(qtbot: QtBot, room: QRect) -> ShortcutsSheet:
    sheet = ShortcutsSheet()
    qtbot.addWidget(sheet)
    sheet.fit_within(room)
    sheet.show()
    qtbot.waitExposed(sheet)
    sheet.outer.activate()
    return sheet


@pytest.mark.parametrize("room", [QRect(0, 0, 1280, 690), QRect(0, 0, 1366, 728), QRect(0, 27, 1920, 1053)])
def test_the_sheet_stays_within_nine_tenths_of_the_screen(qtbot: QtBot, room: QRect) -> None:
    sheet = _shown(qtbot, room)
    assert sheet.height() <= room.height() * 9 // 10 and sheet.width() <= room.width() * 9 // 10
    assert room.contains(QRect(room.topLeft(), sheet.size()))


@pytest.mark.parametrize("room", [QRect(0, 27, 1920, 1053), QRect(0, 0, 1920, 1040), QRect(0, 0, 2560, 1400)])
def test_on_a_1080_line_screen_the_sheet_stands_whole(qtbot: QtBot, room: QRect) -> None:
    sheet = _shown(qtbot, room)
    assert sheet.scroll_area.verticalScrollBar().maximum() == 0  # every row in view, none to scroll to
    assert sheet.scroll_area.viewport().height() >= sheet.body.heightForWidth(sheet.scroll_area.viewport().width())


def test_a_wide_short_screen_gets_more_columns_and_a_tiny_one_scrolls(qtbot: QtBot) -> None:
    wide = _shown(qtbot, QRect(0, 0, 1920, 560))
    assert len(wide.columns) >= 3 and wide.scroll_area.verticalScrollBar().maximum() == 0
    assert wide.height() <= 504
    tiny = _shown(qtbot, QRect(0, 0, 800, 480))
    assert tiny.height() <= 432 and tiny.scroll_area.verticalScrollBar().maximum() > 0  # scrolls, never cut off


def test_the_columns_keep_the_sections_in_order_and_balanced() -> None:
    sections = sheet_rows()
    for count in (2, 3, 4):
        columns = _balanced_columns(sections, count)
        assert len(columns) == count
        assert [section for column in columns for section in column] == sections
        lines = [sum(len(rows) + 2 for _, rows in column) for column in columns]
        assert max(lines) <= 2 * min(lines) + 12, lines  # about even, no column of one short section

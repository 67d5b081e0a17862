"""Rating from the keyboard on the Scaling page: the arrow keys move half a point, Page Up and Down a whole point,
and the first Page Up from "not rated" lands on a whole number; every number is on the half-point grid.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sos_desktop.ui.scaling.rater_row import RaterRow
from sos_desktop.ui.shell.main_window import MainWindow


def priya(window: MainWindow) -> RaterRow:
    panel = window.scales_panel
    assert panel is not None
    row = next(row for row in panel.rows if row.name == "Priya Shah")
    assert row.value.text() == "not rated"
    return row


def rating(window: MainWindow) -> float | None:
    assert window.document is not None
    found = window.document.store.get_meeting(window.document.meeting_id).scales[0].ratings
    return next((r.value for r in found if r.rater == "Priya Shah"), None)


def test_page_up_from_not_rated_counts_whole_points(qtbot: QtBot, window: MainWindow) -> None:
    row = priya(window)
    row.slider.setFocus()
    shown = []
    for _ in range(4):
        qtbot.keyClick(row.slider, Qt.Key.Key_PageUp)
        shown.append(row.value.text())
    assert shown == ["1", "2", "3", "4"]  # it was "0.5", "1.5", "2.5", "3.5"
    assert rating(window) == 4.0


def test_arrows_move_half_a_point_and_pages_keep_to_the_grid(qtbot: QtBot, window: MainWindow) -> None:
    row = priya(window)
    row.slider.setFocus()
    qtbot.keyClick(row.slider, Qt.Key.Key_Right)
    assert row.value.text() == "0"  # the first arrow press gives 0, a whole number
    for _ in range(9):
        qtbot.keyClick(row.slider, Qt.Key.Key_Right)
    assert row.value.text() == "4.5"
    qtbot.keyClick(row.slider, Qt.Key.Key_PageUp)
    assert row.value.text() == "5.5"
    for _ in range(6):
        qtbot.keyClick(row.slider, Qt.Key.Key_PageUp)
    assert row.value.text() == "10"  # no further than 10
    for _ in range(10):
        qtbot.keyClick(row.slider, Qt.Key.Key_PageDown)
    assert row.value.text() == "0" and rating(window) == 0.0
    qtbot.keyClick(row.slider, Qt.Key.Key_PageDown)
    assert row.value.text() == "not rated" and rating(window) is None
    qtbot.keyClick(row.slider, Qt.Key.Key_PageDown)
    assert row.value.text() == "not rated"

"""Rating the rubric from the keyboard in the observer's window: the arrow keys move half a point, Page Up and Down
a whole point, and the first Page Up from "Not rated" lands on 1 (it gave 4.5); every rating is on the half-point
grid, saved at once (a run of presses on one box is one undo step, as a slider's drag is).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sos_desktop.models.scaling import paged_rating
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.observation.rubric_table import HalfPointBox, RubricTable

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def first_box(qtbot: QtBot, document: MeetingDocument) -> tuple[HalfPointBox, str]:
    """The rating box of the rubric's first criterion, focused, in a window of its own; and the criterion."""
    table = RubricTable(document)
    qtbot.addWidget(table)
    with qtbot.waitActive(table):
        table.show()
        table.activateWindow()
    box = table.rating_box(0)
    box.setFocus()
    assert box.text() == "Not rated"
    return box, table.shown[0]


def stored_rating(document: MeetingDocument, criterion: str) -> float | None:
    ratings = document.store.get_meeting(document.meeting_id).observations.ratings
    return next((r.value for r in ratings if r.criterion == criterion), None)


def test_page_up_from_not_rated_counts_whole_points(qtbot: QtBot, document: MeetingDocument) -> None:
    box, criterion = first_box(qtbot, document)
    shown = []
    for _ in range(4):
        qtbot.keyClick(box, Qt.Key.Key_PageUp)
        shown.append(box.text())
    assert shown == ["1", "2", "3", "4"]  # the first press gave 4.5, then 9.5, 10
    assert stored_rating(document, criterion) == 4.0
    document.undo_stack.undo()
    assert box.text() == "Not rated" and stored_rating(document, criterion) is None


def test_arrows_move_half_a_point_and_pages_keep_to_the_grid(qtbot: QtBot, document: MeetingDocument) -> None:
    box, criterion = first_box(qtbot, document)
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.text() == "0"
    for _ in range(7):
        qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.text() == "3.5"
    qtbot.keyClick(box, Qt.Key.Key_PageUp)
    assert box.text() == "4.5"
    for _ in range(7):
        qtbot.keyClick(box, Qt.Key.Key_PageUp)
    assert box.text() == "10"  # no further than 10
    for _ in range(10):
        qtbot.keyClick(box, Qt.Key.Key_PageDown)
    assert box.text() == "0" and stored_rating(document, criterion) == 0.0
    qtbot.keyClick(box, Qt.Key.Key_PageDown)
    assert box.text() == "Not rated" and stored_rating(document, criterion) is None


def test_one_rule_for_the_sliders_and_the_rubric() -> None:
    assert [paged_rating(v, up=True) for v in (None, 0.0, 3.5, 9.5, 10.0)] == [1.0, 1.0, 4.5, 10.0, 10.0]
    assert [paged_rating(v, up=False) for v in (None, 0.0, 0.5, 3.5, 10.0)] == [None, None, 0.0, 2.5, 9.0]

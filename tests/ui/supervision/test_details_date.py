"""The meeting's date on the Meeting details page: the shared optional date field with the time beside it, so the
calendar opens at today when there is no date and a date typed day first or as ISO is taken as one undo step.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.supervision.details_panel import DetailsPanel

pytestmark = pytest.mark.qt_log_ignore(  # the offscreen platform has no window stack and no keyboard to grab
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


def test_with_no_date_the_calendar_opens_at_today(
    qtbot: QtBot, document: MeetingDocument, details: DetailsPanel
) -> None:
    document.set_detail("held_on", None)
    panel = details
    field = panel.held_on.date
    field.today = lambda: date(2026, 11, 21)
    assert field.line.text() == "" and panel.held_on.time.text() == ""
    field.line.setFocus()
    qtbot.keyClick(field.line, Qt.Key.Key_F4)
    assert field.popup is not None and field.popup.isVisible()
    assert (field.popup.calendar.yearShown(), field.popup.calendar.monthShown()) == (2026, 11)
    assert field.popup.calendar.selectedDate() == QDate(2026, 11, 21)
    field.popup.calendar.activated.emit(QDate(2026, 11, 23))
    assert document.meeting.held_on == datetime(2026, 11, 23)


@pytest.mark.parametrize("text", ["5/3/2027", "5 March 2027", "2027-03-05"])
def test_a_date_typed_the_uk_way_or_as_iso_is_one_undo_step_and_keeps_the_time(
    qtbot: QtBot, document: MeetingDocument, details: DetailsPanel, text: str
) -> None:
    document.set_detail("held_on", datetime(2026, 11, 21, 10, 0))
    panel = details
    assert (panel.held_on.date.line.text(), panel.held_on.time.text()) == ("21 Nov 2026", "10:00")
    line = panel.held_on.date.line
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert document.meeting.held_on == datetime(2027, 3, 5, 10, 0)
    assert document.store.get_meeting(document.meeting_id).held_on == datetime(2027, 3, 5, 10, 0)
    assert line.text() == "5 Mar 2027"
    document.undo_stack.undo()
    assert document.meeting.held_on == datetime(2026, 11, 21, 10, 0) and line.text() == "21 Nov 2026"
    document.undo_stack.redo()
    assert line.text() == "5 Mar 2027"


def test_a_typed_time_changes_only_the_time(qtbot: QtBot, document: MeetingDocument, details: DetailsPanel) -> None:
    document.set_detail("held_on", datetime(2026, 11, 21, 10, 0))
    panel = details
    panel.held_on.time.setFocus()
    panel.held_on.time.selectAll()
    qtbot.keyClicks(panel.held_on.time, "14:30")
    qtbot.keyClick(panel.held_on.time, Qt.Key.Key_Return)
    assert document.meeting.held_on == datetime(2026, 11, 21, 14, 30)
    document.undo_stack.undo()
    assert panel.held_on.time.text() == "10:00"

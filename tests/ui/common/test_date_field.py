"""The optional date field: a date typed day first (UK) or as ISO is taken, one that is not a date is marked and the
old one kept, emptying the field clears it at once, and the calendar opens at the date set or at today. Its
date-and-time variant keeps the time (and time zone) across a new date and reads typed times.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from sos_desktop.models import Category
from sos_desktop.ui.common.date_field import (
    OptionalDateField,
    OptionalDateTimeField,
    parse_typed_date,
    parse_typed_time,
)
from sos_desktop.ui.map.panel import CategoryBox
from sos_desktop.ui.shell.main_window import MainWindow

TODAY = date(2026, 11, 21)
pytestmark = pytest.mark.qt_log_ignore(  # the offscreen platform has no window stack and no keyboard to grab
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


def shown(qtbot: QtBot, made: QWidget) -> QWidget:
    """``made`` in a small window of its own, after a field to Tab from (as in a form); the window, active."""
    holder = QWidget()
    qtbot.addWidget(holder)
    before = QLineEdit(holder)
    before.setObjectName("before")
    layout = QVBoxLayout(holder)
    layout.addWidget(before)
    layout.addWidget(made)
    with qtbot.waitActive(holder):
        holder.show()
        holder.activateWindow()
    return holder


@pytest.fixture
def field(qtbot: QtBot) -> Iterator[OptionalDateField]:
    """The field, in a small window of its own."""
    made = OptionalDateField("By when")
    made.today = lambda: TODAY
    holder = shown(qtbot, made)
    yield made
    holder.close()


def typed(qtbot: QtBot, field: OptionalDateField, text: str) -> list[object]:
    """Type ``text`` over whatever the field shows and press Enter; the edits it reported."""
    edits: list[object] = []
    field.dateEdited.connect(edits.append)
    field.line.setFocus()
    field.line.selectAll()
    qtbot.keyClicks(field.line, text)
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    return edits


@pytest.mark.parametrize("text", ["5/3/2027", "05/03/2027", "5 Mar 2027", "2027-03-05", "5th March 2027", "5.3.27"])
def test_a_typed_date_is_read_day_first_or_as_iso(qtbot: QtBot, field: OptionalDateField, text: str) -> None:
    assert typed(qtbot, field, text) == [date(2027, 3, 5)]
    assert field.value() == date(2027, 3, 5)
    assert field.line.text() == "5 Mar 2027"
    assert not field.is_invalid()


def test_something_that_is_not_a_date_is_marked_and_the_old_date_stays(qtbot: QtBot, field: OptionalDateField) -> None:
    field.set_value(date(2027, 3, 5))
    for text in ("31/2/2027", "next Tuesday", "3/2027"):
        assert typed(qtbot, field, text) == []
        assert field.value() == date(2027, 3, 5)
        assert field.is_invalid() and field.problem.isVisible()
        assert "it stays 5 Mar 2027" in field.problem.text()
        assert field.line.text() == text  # the typing is there to correct
    qtbot.keyClick(field.line, Qt.Key.Key_Escape)
    assert field.line.text() == "5 Mar 2027" and not field.problem.isVisible()
    assert typed(qtbot, field, "6/3/2027") == [date(2027, 3, 6)]
    assert not field.problem.isVisible()


def test_tab_then_one_key_clears_the_date(qtbot: QtBot, field: OptionalDateField) -> None:
    before = field.parentWidget().findChild(QLineEdit, "before")
    edits: list[object] = []
    field.dateEdited.connect(edits.append)
    for key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        field.set_value(date(2027, 3, 5))
        before.setFocus()
        qtbot.keyClick(before, Qt.Key.Key_Tab)  # Tab into the field selects all it shows
        assert field.line.hasFocus() and field.line.selectedText() == "5 Mar 2027"
        qtbot.keyClick(field.line, key)
        assert field.value() is None and field.line.text() == ""
    assert edits == [None, None]  # each cleared at once, with no Enter
    assert "Delete or Backspace" in field.line.toolTip()


def test_the_calendar_opens_at_today_when_empty_and_at_the_date_when_set(
    qtbot: QtBot, field: OptionalDateField
) -> None:
    field.open_calendar()
    popup = field.popup
    assert popup is not None and popup.isVisible()
    calendar = popup.calendar
    assert calendar.selectedDate() == QDate(2026, 11, 21)
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 11)
    edits: list[object] = []
    field.dateEdited.connect(edits.append)
    calendar.activated.emit(QDate(2026, 12, 4))  # Enter on a day
    assert not popup.isVisible()
    assert edits == [date(2026, 12, 4)] and field.line.text() == "4 Dec 2026"

    field.set_value(date(2027, 3, 5))
    field.open_calendar()
    assert calendar.selectedDate() == QDate(2027, 3, 5)
    assert (calendar.yearShown(), calendar.monthShown()) == (2027, 3)
    popup.clear.click()
    assert edits[-1] is None and field.value() is None and not popup.isVisible()


def test_the_keys_of_the_registry_open_the_calendar(qtbot: QtBot, field: OptionalDateField) -> None:
    field.line.setFocus()
    qtbot.keyClick(field.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert field.popup is not None and field.popup.isVisible()


def test_two_digit_years_and_month_names_are_read_the_british_way() -> None:
    assert parse_typed_date("5 sept 27") == date(2027, 9, 5)
    assert parse_typed_date(" 12 / 1 / 2027 ") == date(2027, 1, 12)  # 12 January, not 1 December
    for wrong in ("5 Ma 2027", "5 Foo 2027", "5/13/2027"):
        with pytest.raises(ValueError, match="not a"):
            parse_typed_date(wrong)


def test_a_next_steps_by_when_takes_a_typed_date_as_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    assert window.map_panel is not None and window.document is not None
    window.show()
    qtbot.waitExposed(window)
    boxes = {box.category: box for box in window.map_panel.findChildren(CategoryBox)}
    steps = boxes[Category.NEXT_STEP]
    steps.select_row(0)
    editor = steps.next_step
    assert editor is not None
    step_id = steps.model.item_at(0).id
    assert step_id is not None
    before = window.document.item(step_id).due
    editor.due.line.setFocus()
    editor.due.line.selectAll()
    qtbot.keyClicks(editor.due.line, "5/3/2027")
    qtbot.keyClick(editor.due.line, Qt.Key.Key_Return)
    assert window.document.item(step_id).due == date(2027, 3, 5)
    window.document.undo_stack.undo()
    assert window.document.item(step_id).due == before
    assert editor.due.line.text() == ("" if before is None else editor.due.line.text())
    window.document.undo_stack.redo()
    assert editor.due.line.text() == "5 Mar 2027"
    window.close()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("10:00", time(10)), ("9.30", time(9, 30)), ("930", time(9, 30)), ("2pm", time(14)), ("2:30 p.m.", time(14, 30))],
)
def test_a_typed_time_is_read_on_the_24_hour_clock_or_with_am_pm(text: str, expected: time) -> None:
    assert parse_typed_time(text) == expected


def test_a_time_that_is_not_one_is_refused() -> None:
    for wrong in ("25:00", "10:75", "13pm", "half ten"):
        with pytest.raises(ValueError, match="not a"):
            parse_typed_time(wrong)


@pytest.fixture
def moment(qtbot: QtBot) -> Iterator[OptionalDateTimeField]:
    """The date-and-time field, in a small window of its own."""
    made = OptionalDateTimeField("the meeting")
    made.date.today = lambda: TODAY
    holder = shown(qtbot, made)
    yield made
    holder.close()


def test_a_new_date_keeps_the_time_and_its_zone_and_a_typed_time_keeps_the_date(
    qtbot: QtBot, moment: OptionalDateTimeField
) -> None:
    zone = timezone(timedelta(hours=1))
    moment.set_value(datetime(2026, 11, 21, 10, 0, 30, tzinfo=zone))
    assert (moment.date.line.text(), moment.time.text()) == ("21 Nov 2026", "10:00")
    edits: list[object] = []
    moment.dateTimeEdited.connect(edits.append)
    assert typed(qtbot, moment.date, "2026-12-05") == [date(2026, 12, 5)]
    assert edits == [datetime(2026, 12, 5, 10, 0, 30, tzinfo=zone)]
    moment.time.setFocus()
    moment.time.selectAll()
    qtbot.keyClicks(moment.time, "2.15pm")
    qtbot.keyClick(moment.time, Qt.Key.Key_Return)
    assert edits[-1] == datetime(2026, 12, 5, 14, 15, tzinfo=zone) and moment.time.text() == "14:15"
    moment.time.selectAll()
    qtbot.keyClicks(moment.time, "lunchtime")
    qtbot.keyClick(moment.time, Qt.Key.Key_Return)
    assert len(edits) == 2 and "it stays 14:15" in moment.time_problem.text()
    qtbot.keyClick(moment.time, Qt.Key.Key_Escape)
    assert moment.time.text() == "14:15" and moment.time_problem.isHidden()
    moment.date.line.setFocus()
    moment.date.line.selectAll()
    qtbot.keyClick(moment.date.line, Qt.Key.Key_Delete)
    assert edits[-1] is None and moment.time.text() == ""


def test_a_time_typed_before_the_date_joins_it(qtbot: QtBot, moment: OptionalDateTimeField) -> None:
    edits: list[object] = []
    moment.dateTimeEdited.connect(edits.append)
    moment.time.setFocus()
    qtbot.keyClicks(moment.time, "9:30")
    qtbot.keyClick(moment.time, Qt.Key.Key_Return)
    assert edits == [] and moment.time.text() == "09:30"
    moment.date.open_calendar()
    assert moment.date.popup is not None
    assert moment.date.popup.calendar.selectedDate() == QDate(2026, 11, 21)  # today, with no date set
    moment.date.popup.calendar.activated.emit(QDate(2026, 11, 24))
    assert edits == [datetime(2026, 11, 24, 9, 30)]

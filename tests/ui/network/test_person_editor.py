"""The person editor's "Knows the worries since" is the shared optional date field, as a next step's "By when":
a date typed the UK way or as ISO is taken as one undo step, one key clears it, and the calendar opens at today when
no date is recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication
from pytestqt.qtbot import QtBot

from sos_desktop.models.demo import demo_bundle
from sos_desktop.ui.common.date_field import OptionalDateField
from sos_desktop.ui.network.panel import NetworkPanel
from sos_desktop.ui.network.person_editor import PersonForm
from sos_desktop.ui.shell.main_window import MainWindow

TODAY = date(2026, 11, 21)
pytestmark = pytest.mark.qt_log_ignore(  # the offscreen platform has no window stack and no keyboard to grab
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


@pytest.fixture
def panel(open_window: Callable[[], MainWindow], qtbot: QtBot) -> NetworkPanel:
    window = open_window()
    saved = window.store.save_bundle(demo_bundle())
    window.open_meeting(saved.meeting.id or 0)
    found = window.show_network()
    assert found is not None
    qtbot.wait_until(found.view.isVisible)
    found.editor.person_form.since.today = lambda: TODAY
    return found


def form_for(panel: NetworkPanel, display_name: str) -> tuple[PersonForm, int]:
    person = next(p for p in panel.document.network.people if p.display_name == display_name)
    panel.scene.select([person.id or 0])
    form = panel.editor.person_form
    assert panel.editor.currentWidget() is form and form.person_id == person.id
    return form, person.id or 0


def type_into(qtbot: QtBot, field: OptionalDateField, text: str) -> None:
    field.line.setFocus()
    field.line.selectAll()
    qtbot.keyClicks(field.line, text)
    qtbot.keyClick(field.line, Qt.Key.Key_Return)


@pytest.mark.parametrize("typed", ["5/3/2026", "05.03.26", "5 March 2026", "2026-03-05"])
def test_a_date_typed_the_uk_way_or_as_iso_is_saved_as_one_undo_step(
    panel: NetworkPanel, qtbot: QtBot, typed: str
) -> None:
    document = panel.document
    form, dad = form_for(panel, "Dad")
    assert isinstance(form.since, OptionalDateField)
    assert document.person(dad).knows_worries_since is None
    assert form.since.line.text() == "" and "Not recorded" in form.since.line.placeholderText()
    steps = document.undo_stack.count()
    type_into(qtbot, form.since, typed)
    assert document.person(dad).knows_worries_since == date(2026, 3, 5)
    assert form.since.line.text() == "5 Mar 2026" and not form.since.is_invalid()
    saved = next(p for p in document.store.get_network(document.case_id).people if p.id == dad)
    assert saved.knows_worries_since == date(2026, 3, 5)
    assert document.undo_stack.count() == steps + 1
    document.undo_stack.undo()  # shown at once, though the cursor is still in the field
    assert document.person(dad).knows_worries_since is None and form.since.line.text() == ""
    document.undo_stack.redo()
    assert form.since.line.text() == "5 Mar 2026"


def test_one_key_clears_the_date_and_a_wrong_one_is_refused(panel: NetworkPanel, qtbot: QtBot) -> None:
    document = panel.document
    form, mum = form_for(panel, "Mum")
    recorded = document.person(mum).knows_worries_since
    assert recorded is not None
    assert form.since.line.text() == f"{recorded.day} {recorded.strftime('%b')} {recorded.year}"
    form.knows.setFocus()
    qtbot.keyClick(form.knows, Qt.Key.Key_Tab)  # Tab into the field selects what it shows
    assert form.since.line.hasFocus() and form.since.line.selectedText() == form.since.line.text()
    qtbot.keyClick(form.since.line, Qt.Key.Key_Delete)
    assert document.person(mum).knows_worries_since is None
    document.undo_stack.undo()
    assert document.person(mum).knows_worries_since == recorded

    type_into(qtbot, form.since, "31/2/2026")
    assert form.since.is_invalid() and document.person(mum).knows_worries_since == recorded


def test_the_calendar_opens_at_today_when_no_date_is_recorded(panel: NetworkPanel, qtbot: QtBot) -> None:
    form, dad = form_for(panel, "Dad")
    form.since.open_calendar()
    popup = form.since.popup
    assert popup is not None and popup.isVisible()
    assert popup.calendar.selectedDate() == QDate(2026, 11, 21)
    assert (popup.calendar.yearShown(), popup.calendar.monthShown()) == (2026, 11)
    popup.calendar.activated.emit(QDate(2026, 11, 18))
    assert panel.document.person(dad).knows_worries_since == date(2026, 11, 18)


def test_at_1280_by_720_nothing_in_a_persons_details_scrolls_sideways(panel: NetworkPanel, qtbot: QtBot) -> None:
    window = panel.window()
    window.resize(1280, 720)
    form, _dad = form_for(panel, "Dad")
    qtbot.wait_until(lambda: form.agrees.isVisible() and form.agrees.count() > 0)
    QApplication.processEvents()
    assert "worried" in form.agrees.item(0).text()  # a long worry, wider than the list
    sideways = [area for area in form.findChildren(QAbstractScrollArea) if area.horizontalScrollBar().isVisible()]
    assert sideways == []

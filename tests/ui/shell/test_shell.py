"""The facilitator's console as a user drives it: cases, meetings, map items, details, undo/redo and restart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sos_desktop.models import Attendee, AttendeeRole, Case, Category, Framework, MeetingKind
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.actions import ActionId
from sos_desktop.ui.shell.main_window import MainWindow
from sos_desktop.ui.shell.navigator import CASE, MEETING


def texts(window: MainWindow, category: Category) -> list[str]:
    assert window.map_panel is not None
    model = window.map_panel.box(category).model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def stored_texts(window: MainWindow, category: Category) -> list[str]:
    assert window.document is not None
    meeting = window.store.get_meeting(window.document.meeting_id)
    return [item.text for item in meeting.items if item.category == category]


def type_text(widget: QWidget, text: str) -> None:
    """Type any Unicode text as key presses (QTest's keyClicks only knows ASCII)."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character))


def type_card(qtbot: QtBot, window: MainWindow, category: Category, text: str) -> None:
    assert window.map_panel is not None
    entry = window.map_panel.box(category).entry
    entry.setFocus()
    type_text(entry, text)
    qtbot.keyClick(entry, Qt.Key.Key_Return)


@pytest.fixture
def meeting_window(open_window: Callable[[], MainWindow], monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    window = open_window()
    monkeypatch.setattr(dialogs, "ask_case", lambda parent, case=None, framework=None: Case("Family T", "CP-2026-0001"))
    monkeypatch.setattr(dialogs, "ask_text", lambda *args: "Group supervision")
    window.new_case()
    window.new_meeting()
    assert window.document is not None
    return window


def test_new_case_and_meeting_open_an_empty_map_labelled_by_the_framework(meeting_window: MainWindow) -> None:
    window = meeting_window
    assert window.document is not None
    assert window.document.case.label == "Family T"
    assert window.windowTitle().startswith("Group supervision · Family T")
    assert window.map_panel is not None
    assert window.map_panel.box(Category.DANGER).title() == "Danger statements"
    assert window.map_panel.column_headers[next(iter(window.map_panel.column_headers))].text() == (
        "What are we worried about?"
    )
    assert all(not texts(window, c) for c in Category)
    # The meeting comes with the group-supervision agenda and the framework's safety scale.
    assert [p.phase for p in window.document.meeting.agenda][:2] == ["purpose", "overview"]
    assert "close the case" in window.document.meeting.scales[0].question


def test_typing_cards_saves_each_at_once_and_undo_redo_walk_them_back(qtbot: QtBot, meeting_window: MainWindow) -> None:
    window = meeting_window
    type_card(qtbot, window, Category.HARM, "Bruise on Mia's arm, 3 November")
    type_card(qtbot, window, Category.HARM, "Shouting heard by neighbours")
    type_card(qtbot, window, Category.STRENGTH, "Nan collects Mia from nursery every day")
    assert texts(window, Category.HARM) == ["Bruise on Mia's arm, 3 November", "Shouting heard by neighbours"]
    assert stored_texts(window, Category.HARM) == texts(window, Category.HARM)
    assert window.map_panel is not None
    assert window.map_panel.box(Category.HARM).entry.text() == ""

    window.undo_action.trigger()
    assert texts(window, Category.STRENGTH) == []
    assert stored_texts(window, Category.STRENGTH) == []
    window.undo_action.trigger()
    assert texts(window, Category.HARM) == ["Bruise on Mia's arm, 3 November"]
    assert stored_texts(window, Category.HARM) == ["Bruise on Mia's arm, 3 November"]
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert stored_texts(window, Category.HARM) == ["Bruise on Mia's arm, 3 November", "Shouting heard by neighbours"]
    assert stored_texts(window, Category.STRENGTH) == ["Nan collects Mia from nursery every day"]
    assert "Add to Existing strengths" in window.undo_action.text()


def test_edit_delete_reorder_and_move_between_categories_are_each_one_undo_step(
    qtbot: QtBot, meeting_window: MainWindow
) -> None:
    window = meeting_window
    for text in ("first", "second", "third"):
        type_card(qtbot, window, Category.HARM, text)
    assert window.map_panel is not None and window.document is not None
    box = window.map_panel.box(Category.HARM)
    stack = window.document.undo_stack

    box.model.setData(box.model.index(1, 0), "second, reworded")
    assert stored_texts(window, Category.HARM) == ["first", "second, reworded", "third"]

    box.list.setFocus()
    box.select_row(0)
    qtbot.keyClick(box.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert texts(window, Category.HARM) == ["second, reworded", "first", "third"]
    assert stored_texts(window, Category.HARM) == texts(window, Category.HARM)

    qtbot.keyClick(box.list, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # harm -> danger statements
    assert texts(window, Category.DANGER) == ["first"]
    assert stored_texts(window, Category.HARM) == ["second, reworded", "third"]

    assert window.map_panel.box(Category.DANGER).list.hasFocus()  # the moved card is followed, still selected
    box.list.setFocus()
    box.select_row(1)
    qtbot.keyClick(box.list, Qt.Key.Key_Delete)
    assert stored_texts(window, Category.HARM) == ["second, reworded"]

    count = stack.count()
    stack.undo()  # delete
    assert stored_texts(window, Category.HARM) == ["second, reworded", "third"]
    stack.undo()  # move across
    assert stored_texts(window, Category.HARM) == ["second, reworded", "first", "third"]
    assert stored_texts(window, Category.DANGER) == []
    stack.undo()  # reorder
    stack.undo()  # edit
    assert stored_texts(window, Category.HARM) == ["first", "second", "third"]
    for _ in range(4):
        stack.redo()
    assert stored_texts(window, Category.HARM) == ["second, reworded"]
    assert stored_texts(window, Category.DANGER) == ["first"]
    assert stack.count() == count


def test_details_typing_is_one_undo_step_and_saved(qtbot: QtBot, meeting_window: MainWindow) -> None:
    window = meeting_window
    panel = window.details_panel
    assert panel is not None and window.document is not None
    window.show_details()
    panel.title.selectAll()
    type_text(panel.title, "Supervision with Zoë & Łukasz")
    assert window.store.get_meeting(window.document.meeting_id).title == "Supervision with Zoë & Łukasz"
    assert "Supervision with Zoë & Łukasz" in window.navigator.selected_text()
    window.document.undo_stack.undo()
    assert panel.title.text() == "Group supervision"
    assert window.store.get_meeting(window.document.meeting_id).title == "Group supervision"

    panel.kind.setCurrentIndex(panel.kind.findData(MeetingKind.REVIEW.value))
    panel.kind.activated.emit(panel.kind.currentIndex())
    panel.confidentiality.click()
    panel.focus_question.setPlainText("How can we help Dad take part?")
    panel.new_name.setText("Ayşe Yılmaz")
    panel.new_role.setCurrentIndex(panel.new_role.findData(AttendeeRole.MANAGER.value))
    qtbot.keyClick(panel.new_name, Qt.Key.Key_Return)
    stored = window.store.get_meeting(window.document.meeting_id)
    assert stored.kind == MeetingKind.REVIEW
    assert stored.confidentiality_agreed is True
    assert stored.focus_question == "How can we help Dad take part?"
    assert [(a.name, a.role) for a in stored.attendees] == [("Ayşe Yılmaz", AttendeeRole.MANAGER)]
    window.document.undo_stack.undo()
    assert panel.attendees.rowCount() == 0
    assert window.store.get_meeting(window.document.meeting_id).attendees == []


def test_restart_finds_the_meeting_open_with_everything_in_it(
    qtbot: QtBot, meeting_window: MainWindow, open_window: Callable[[], MainWindow]
) -> None:
    window = meeting_window
    type_card(qtbot, window, Category.DANGER, "Sam is worried that Mia will be hurt")
    type_card(qtbot, window, Category.NEXT_STEP, "Meet Dad — by Friday 🙂")
    assert window.map_panel is not None
    danger = window.map_panel.box(Category.DANGER).model
    danger.setData(danger.index(0, 0), "Sam is worried that Mia\nwill be hurt")
    assert window.document is not None
    meeting_id = window.document.meeting_id
    size = (max(700, window.minimumSizeHint().width()), max(500, window.minimumSizeHint().height()))
    window.resize(*size)  # smaller than the default, and within the offscreen platform's 800 x 800 screen
    window.close()

    again = open_window()
    assert again.document is not None and again.document.meeting_id == meeting_id
    assert texts(again, Category.DANGER) == ["Sam is worried that Mia\nwill be hurt"]
    assert texts(again, Category.NEXT_STEP) == ["Meet Dad — by Friday 🙂"]
    assert (again.width(), again.height()) == size
    assert again.navigator.selected() == (MEETING, meeting_id)


def test_deleting_asks_first_and_keeps_everything_when_declined(
    meeting_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = meeting_window
    assert window.document is not None
    meeting_id = window.document.meeting_id
    questions: list[str] = []

    def answer(reply: bool) -> None:
        monkeypatch.setattr(dialogs, "confirm", lambda parent, title, q: questions.append(q) or reply)

    answer(False)
    window.delete_selected()
    assert questions and "cannot be undone" in questions[-1]
    assert [m.id for m in window.store.list_meetings()] == [meeting_id]
    answer(True)
    window.delete_selected()
    assert window.store.list_meetings() == []
    assert window.document is None
    assert window.stack.currentWidget() is window.empty

    case_id = window.store.list_cases()[0].id
    assert case_id is not None
    window.navigator.select(CASE, case_id)
    window.delete_selected()
    assert "Family T" in questions[-1]
    assert window.store.list_cases() == []


def test_changing_the_framework_relabels_the_map_and_keeps_the_content(
    qtbot: QtBot, meeting_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = meeting_window
    type_card(qtbot, window, Category.DANGER, "Worry about drinking")
    assert window.document is not None and window.map_panel is not None
    case = window.document.case
    wellbeing = Case(case.label, case.reference, Framework.WELLBEING, id=case.id)
    monkeypatch.setattr(dialogs, "ask_case", lambda parent, case=None, framework=None: wellbeing)
    window.edit_case()
    assert window.map_panel.box(Category.DANGER).title() == "Worry statements"
    assert window.map_panel.box(Category.GOAL).title() == "Wellbeing goals"
    assert texts(window, Category.DANGER) == ["Worry about drinking"]
    assert window.store.get_case(wellbeing.id or 0).framework == Framework.WELLBEING


def test_rename_case_from_the_navigator(meeting_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window = meeting_window
    case_id = window.store.list_cases()[0].id
    assert case_id is not None
    window.navigator.select(CASE, case_id)
    monkeypatch.setattr(dialogs, "ask_text", lambda *args: "Family T (Siobhán)")
    window.rename_selected()
    assert window.store.get_case(case_id).label == "Family T (Siobhán)"
    assert window.navigator.case_text(0).startswith("Family T (Siobhán)")


def test_the_card_list_model_passes_qt_model_checks(
    qtbot: QtBot, qtmodeltester: object, meeting_window: MainWindow
) -> None:
    window = meeting_window
    for text in ("one", "two"):
        type_card(qtbot, window, Category.SAFETY, text)
    assert window.map_panel is not None
    model = window.map_panel.box(Category.SAFETY).model
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    assert model.rowCount() == 2
    assert model.setData(model.index(0, 0), "  Nan said: “we’ll manage”  ")
    assert stored_texts(window, Category.SAFETY)[0] == "  Nan said: “we’ll manage”  "
    assert not model.setData(model.index(1, 0), "   ")  # emptying a card does not delete it
    assert stored_texts(window, Category.SAFETY)[1] == "two"


def test_ctrl_z_in_an_empty_entry_line_or_a_details_field_undoes_the_meeting_edit(
    qtbot: QtBot, meeting_window: MainWindow
) -> None:
    window = meeting_window
    type_card(qtbot, window, Category.HARM, "Card to take back")
    assert window.map_panel is not None and window.details_panel is not None
    entry = window.map_panel.box(Category.HARM).entry
    qtbot.keyClick(entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_texts(window, Category.HARM) == []
    assert entry.text() == ""

    type_text(entry, "draft")  # a half-typed card: Ctrl+Z works on the draft, the map is untouched
    qtbot.keyClick(entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert entry.text() == ""

    window.show_details()
    field = window.details_panel.focus_question
    field.setFocus()
    type_text(field, "Focus")
    assert window.document is not None
    assert window.document.meeting.focus_question == "Focus"
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.meeting.focus_question == ""
    assert field.toPlainText() == ""


def test_a_pause_in_typing_starts_a_new_undo_step(meeting_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from sos_desktop.ui.document import base as commands

    window = meeting_window
    panel = window.details_panel
    assert panel is not None and window.document is not None
    clock = [1000.0]
    monkeypatch.setattr(commands.time, "monotonic", lambda: clock[0])
    panel.title.setFocus()
    panel.title.selectAll()
    type_text(panel.title, "Review")
    clock[0] += commands.MERGE_WINDOW_SECONDS + 1
    type_text(panel.title, " of Family T")
    assert window.document.meeting.title == "Review of Family T"
    window.document.undo_stack.undo()
    assert window.document.meeting.title == "Review"
    window.document.undo_stack.undo()
    assert window.document.meeting.title == "Group supervision"


def test_an_absurdly_long_paste_is_cut_to_what_a_field_holds_and_the_user_is_told(
    meeting_window: MainWindow,
) -> None:
    window = meeting_window
    assert window.document is not None and window.details_panel is not None and window.map_panel is not None
    huge = "Ελένη said: " + "x" * 150_000
    window.details_panel.focus_question.setPlainText(huge)
    stored = window.store.get_meeting(window.document.meeting_id)
    assert stored.focus_question == huge[:100_000]
    assert window.details_panel.focus_question.toPlainText() == huge[:100_000]
    assert "100,000" in window.statusBar().currentMessage()
    window.document.add_item(Category.HARM, huge)
    assert stored_texts(window, Category.HARM) == [huge[:100_000]]
    window.document.set_attendees([Attendee("Дмитрий " * 100, AttendeeRole.ADVISOR)])
    assert len(window.store.get_meeting(window.document.meeting_id).attendees[0].name) == 200


@pytest.mark.parametrize(
    "redo_keys",
    [
        (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier),
    ],
    ids=["ctrl+shift+z", "ctrl+y"],
)
def test_undo_and_redo_by_keyboard(
    qtbot: QtBot, meeting_window: MainWindow, redo_keys: tuple[Qt.Key, Qt.KeyboardModifier]
) -> None:
    window = meeting_window
    type_card(qtbot, window, Category.GOAL, "Calm evenings for six months")
    assert window.map_panel is not None
    box = window.map_panel.box(Category.GOAL)
    box.list.setFocus()
    qtbot.keyClick(box.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_texts(window, Category.GOAL) == []
    qtbot.keyClick(box.list, *redo_keys)
    assert stored_texts(window, Category.GOAL) == ["Calm evenings for six months"]


def test_a_name_too_long_is_refused_with_a_reason_and_nothing_changes(
    meeting_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = meeting_window
    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell", lambda parent, title, message: told.append(message))
    monkeypatch.setattr(dialogs, "ask_text", lambda *args: "L" * 300)
    case_id = window.store.list_cases()[0].id
    assert case_id is not None
    window.navigator.select(CASE, case_id)
    window.rename_selected()
    assert window.store.get_case(case_id).label == "Family T"
    assert window.new_meeting() is None
    assert len(window.store.list_meetings()) == 1
    assert len(told) == 2 and all("at most 200" in message for message in told)


def test_passing_through_the_date_field_changes_nothing(qtbot: QtBot, meeting_window: MainWindow) -> None:
    window = meeting_window
    panel = window.details_panel
    assert panel is not None and window.document is not None
    old = datetime(1999, 6, 1, 9, 0, 30, 123456)
    window.document.set_detail("held_on", old)
    count = window.document.undo_stack.count()
    window.show_details()
    panel.held_on.date.line.setFocus()
    panel.held_on.time.setFocus()
    panel.title.setFocus()
    panel.held_on.date.line.editingFinished.emit()
    panel.held_on.time.editingFinished.emit()
    assert window.document.meeting.held_on == old
    assert window.store.get_meeting(window.document.meeting_id).held_on == old
    assert window.document.undo_stack.count() == count

    panel.held_on.date.line.setText("2/6/1999")
    panel.held_on.date.line.editingFinished.emit()  # a new day keeps the time, to the microsecond
    assert window.store.get_meeting(window.document.meeting_id).held_on == datetime(1999, 6, 2, 9, 0, 30, 123456)


def test_choosing_a_case_in_the_navigator_enables_new_meeting(
    open_window: Callable[[], MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window()
    assert "No cases yet" in window.empty.text()
    new_meeting = window.actions_by_id[ActionId.NEW_MEETING]
    assert not new_meeting.isEnabled()
    case = window.store.add_case(Case("Family U"))
    window.navigator.reload()
    assert not new_meeting.isEnabled()
    assert case.id is not None
    window.navigator.select(CASE, case.id)
    assert new_meeting.isEnabled()


def test_a_notice_about_one_meeting_is_gone_when_another_is_opened(window: MainWindow) -> None:
    document = window.document
    assert document is not None
    document.noticed.emit("4 rules of the Safety House put into the safety plan.")
    assert "Safety House" in window.statusBar().currentMessage()
    other = next(m.id for m in window.store.list_meetings() if m.id != document.meeting_id)
    assert other is not None
    window.open_meeting(other)
    assert window.document is not None and window.document.meeting_id == other
    assert window.statusBar().currentMessage() == ""

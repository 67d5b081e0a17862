"""The best questions on the console: captured in one keystroke with the running phase and the category in hand,
offered as prompts that follow the phase, and put on the wall only when asked.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from sos_desktop.models import Category
from sos_desktop.ui.shell.best_questions import BestQuestionsControl
from sos_desktop.ui.shell.main_window import MainWindow

QUESTION = "Who would notice first if things went well at bedtime?"


def control_of(console: MainWindow) -> BestQuestionsControl:
    return console.best_questions


def press_capture(qtbot: QtBot, console: MainWindow) -> None:
    focus = console.focusWidget() or console
    qtbot.keyClick(focus, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def start_at(console: MainWindow, phase: str) -> None:
    document = console.document
    assert document is not None
    document.start_agenda()
    while document.meeting.agenda[document.agenda_state().current or 0].phase != phase:
        document.next_agenda_phase()


def test_the_key_captures_with_the_phase_and_the_category_in_hand(qtbot: QtBot, console: MainWindow) -> None:
    start_at(console, "mapping")
    assert console.map_panel is not None
    console.map_panel.box(Category.STRENGTH).entry.setFocus()
    qtbot.waitUntil(lambda: console.focusWidget() is console.map_panel.box(Category.STRENGTH).entry)
    before = len(console.store.best_questions())
    press_capture(qtbot, console)
    box = control_of(console).capture_box
    assert box is not None and box.isVisible()
    assert box.chosen_tags() == ("mapping", "strength")
    qtbot.keyClicks(box.line, QUESTION)
    qtbot.keyClick(box.line, Qt.Key.Key_Return)
    library = console.store.best_questions()
    assert len(library) == before + 1
    kept = library[0]
    assert (kept.text, kept.tags) == (QUESTION, ("mapping", "strength"))
    assert kept.meeting_uid == console.document.meeting.uid and kept.meeting_uid
    assert kept.added_by  # the demo meeting's facilitator
    assert console.statusBar().currentMessage() == f"Best question kept: {QUESTION}"
    assert not box.isVisible()
    assert QUESTION in control_of(console).dock.texts()  # the prompts read the library again


def test_the_selected_words_fill_the_box_and_esc_keeps_nothing(qtbot: QtBot, console: MainWindow) -> None:
    assert console.map_panel is not None
    entry = console.map_panel.box(Category.DANGER).entry
    entry.setText("What would Lily say about the evenings?")
    entry.setFocus()
    entry.setSelection(0, 15)
    before = console.store.best_questions()
    press_capture(qtbot, console)
    box = control_of(console).capture_box
    assert box is not None
    assert box.line.text() == "What would Lily"
    assert box.chosen_tags() == ("danger",)  # no phase running yet
    qtbot.keyClick(box.line, Qt.Key.Key_Escape)
    assert not box.isVisible()
    assert console.store.best_questions() == before


def test_a_refused_question_is_said_and_its_words_kept(qtbot: QtBot, console: MainWindow) -> None:
    box = control_of(console).capture()
    assert box is not None
    qtbot.keyClicks(box.line, "   ")
    qtbot.keyClick(box.line, Qt.Key.Key_Return)
    assert box.isVisible() and box.error.text() == "A question needs some words."
    box.line.setText("Bad \x07 bell")
    qtbot.keyClick(box.line, Qt.Key.Key_Return)
    assert box.isVisible() and "control characters" in box.error.text()
    assert box.line.text() == "Bad \x07 bell"


def test_the_prompts_follow_the_phase(console: MainWindow) -> None:
    control_of(console).view_action.setChecked(True)
    dock = control_of(console).dock
    assert dock.isVisible()
    assert len(dock.texts()) == 4  # before the clock starts: the demo library's newest
    start_at(console, "scaling")
    console.tabs.setCurrentWidget(console.scales_panel)
    assert "Scaling" in dock.heading.text()
    scaling = dock.texts()
    assert (
        "What would one point higher look like? Who would notice first?" in scaling
    )  # none of the team's: the practice's
    assert "the practice's questions" in dock.heading.text()
    start_at(console, "next_steps")
    assert "Next steps" in dock.heading.text()
    assert dock.texts() != scaling
    library = {q.text: q for q in console.store.best_questions()}
    assert "Who would be the first to notice if things started to slip?" in dock.texts()
    assert all(not library[t].tags or "next_steps" in library[t].tags for t in dock.texts() if t in library)


def test_the_view_menu_hides_the_prompts_and_remembers(console: MainWindow) -> None:
    control = control_of(console)
    assert not control.view_action.isChecked() and not control.dock.isVisible()  # off until asked
    control.view_action.setChecked(True)
    assert control.dock.isVisible()
    assert console.settings.value("view/best_questions", type=bool) is True
    control.view_action.setChecked(False)
    assert not control.dock.isVisible()
    assert console.settings.value("view/best_questions", type=bool) is False
    control.view_action.setChecked(True)
    assert control.dock.isVisible()
    console.close_meeting()
    assert not control.dock.isVisible()
    assert not control.capture_action.isEnabled()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform has no window stack
def test_a_question_is_on_the_wall_only_when_asked(qtbot: QtBot, console: MainWindow) -> None:
    control = control_of(console)
    control.view_action.setChecked(True)
    window = console.projector.open()
    assert window is not None
    offered = control.dock.texts()[0]
    assert offered not in window.view.drawn_texts()
    before = window.view.grab().toImage()
    assert not control.dock.off_wall.isEnabled()
    button = control.dock.findChild(QToolButton, "prompt-wall-0")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert offered in window.view.drawn_texts()
    assert window.view.grab().toImage() != before
    assert control.dock.off_wall.isEnabled()
    qtbot.mouseClick(control.dock.off_wall, Qt.MouseButton.LeftButton)
    assert offered not in window.view.drawn_texts()
    assert not control.dock.off_wall.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # Esc on the projector takes it off too
    assert offered not in window.view.drawn_texts()
    assert not control.dock.off_wall.isEnabled()

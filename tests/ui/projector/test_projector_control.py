"""The console drives the projector: open it, follow the open meeting live, blank it, steer its view and theme."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QKeyEvent, QScreen
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sos_desktop.models import Category, Column
from sos_desktop.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagate")


def test_f5_opens_the_projector_on_the_open_meeting_and_edits_show_there_at_once(
    qtbot: QtBot, console: MainWindow
) -> None:
    control = console.projector
    control.show_action.trigger()
    assert control.window is not None and control.window.isVisible()
    assert control.show_action.isChecked()
    view = control.window.view
    assert view.document is console.document
    assert console.document is not None
    console.document.add_item(Category.STRENGTH, "Lily's teacher says she is settled")
    assert "L's teacher says she is settled" in view.drawn_texts()  # masked, and live: no copy to refresh
    assert not any("Lily" in text for text in view.drawn_texts())

    control.blank_action.trigger()
    assert view.is_blank() and control.blank_action.isChecked()
    qtbot.keyClick(console, Qt.Key.Key_B)  # B on the console, not in a text field
    assert not view.is_blank()

    control.set_mode(Column.WORKING_WELL)
    assert view.mode() == Column.WORKING_WELL
    assert control.mode_actions[Column.WORKING_WELL].isChecked()
    control.set_theme("light")
    assert view.theme().name == "light"
    assert console.settings.value("projector/theme") == "light"

    control.show_action.trigger()
    assert not control.window.isVisible() and not control.show_action.isChecked()


def test_closing_the_meeting_empties_the_projector_and_opening_another_follows(console: MainWindow) -> None:
    control = console.projector
    window = control.open()
    console.close_meeting()
    assert window.view.document is None
    first = console.store.list_meetings()[0].id
    assert first is not None
    console.open_meeting(first)
    assert window.view.document is console.document


def test_the_view_menu_speaks_the_framework_s_words(console: MainWindow) -> None:
    control = console.projector
    assert control.mode_actions[Column.WORRIES].text() == "What are we worried about?"
    assert control.mode_actions[Category.DANGER].text().strip() == "Danger statements"


def test_after_f5_typing_goes_to_the_console_not_the_wall(qtbot: QtBot, console: MainWindow) -> None:
    """The fault seen in a real supervision: F5, then Ctrl+5 and text added no card, "." blanked, "T" rethemed."""
    assert console.document is not None and console.map_panel is not None
    console.activateWindow()
    harm = console.map_panel.box(Category.HARM)
    harm.list.setFocus()
    console.projector.show_action.trigger()
    window = console.projector.window
    assert window is not None and window.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is console)
    assert QApplication.focusWidget() is harm.list  # the console kept its keyboard and its cursor
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    entry = console.map_panel.box(Category.STRENGTH).entry
    assert entry.hasFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "Nan visits. Tuesdays too")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert "Nan visits. Tuesdays too" in [i.text for i in console.document.items(Category.STRENGTH)]
    assert not window.view.is_blank() and window.view.theme().name == "projector"


def press_on(window: QWidget, key: Qt.Key, text: str = "", modifiers: Qt.KeyboardModifier | None = None) -> None:
    """A key press handed to ``window`` itself, as when a window manager gave it the keyboard: called directly,
    since a key sent through the application would first be matched against the (active) console's shortcuts.
    """
    plain = Qt.KeyboardModifier.NoModifier if modifiers is None else modifiers
    window.keyPressEvent(QKeyEvent(QEvent.Type.KeyPress, key, plain, text))


def test_a_key_that_reaches_the_wall_all_the_same_goes_to_the_console(qtbot: QtBot, console: MainWindow) -> None:
    """Some window managers give a window the keyboard whatever it asks: its keys still work the console."""
    assert console.document is not None and console.map_panel is not None
    console.document.add_item(Category.HARM, "Added just before the projector opened")
    window = console.projector.open(console.screen())  # a practice window on the console's own screen
    assert window is not None
    entry = console.map_panel.box(Category.STRENGTH).entry
    entry.setFocus()
    press_on(window, Qt.Key.Key_T, "T")  # text: into the console's field with the cursor, not a new theme
    press_on(window, Qt.Key.Key_Period, ".")
    assert entry.text() == "T." and window.view.theme().name == "projector" and not window.view.is_blank()
    entry.clear()
    console.map_panel.box(Category.HARM).list.setFocus()
    press_on(window, Qt.Key.Key_Z, "", Qt.KeyboardModifier.ControlModifier)  # a shortcut: the console's undo
    assert "Added just before the projector opened" not in [i.text for i in console.document.items(Category.HARM)]
    press_on(window, Qt.Key.Key_Period, ".")  # with no text field in the way, the clicker's "." blanks
    assert window.view.is_blank()


def test_closing_the_projector_window_unticks_the_menu_and_console_keys_steer_it(
    qtbot: QtBot, console: MainWindow
) -> None:
    control = console.projector
    window = control.open()
    view = window.view
    console.activateWindow()
    console.setFocus()
    qtbot.keyClick(console, Qt.Key.Key_Period)
    assert view.is_blank()
    qtbot.keyClick(console, Qt.Key.Key_Period)
    qtbot.keyClick(console, Qt.Key.Key_V)
    assert view.mode() is not None
    window.close()
    qtbot.waitUntil(lambda: not control.show_action.isChecked())
    assert not control.blank_action.isEnabled()


def test_the_projector_shows_the_scale_chosen_on_the_scaling_page_and_its_trajectory(console: MainWindow) -> None:
    from sos_desktop.ui.projector import ScalesMode, TrajectoryMode

    assert console.document is not None and console.scales_panel is not None
    control = console.projector
    window = control.open()
    second = console.document.add_scale("How willing is Dad to work with us?", "Not at all", "Fully")
    assert second.id is not None
    console.document.set_rating(second.id, "Sam Patel", 3.5)
    console.scales_panel.list.setCurrentRow(0)
    control.scale_action.trigger()
    assert window.view.mode() == ScalesMode(0)
    console.scales_panel.list.setCurrentRow(1)
    assert window.view.mode() == ScalesMode(1)  # the projector follows the facilitator's choice
    assert "How willing is Dad to work with us?" in window.view.drawn_texts()
    assert control.scale_action.isChecked()
    control.trajectory_action.trigger()
    assert isinstance(window.view.mode(), TrajectoryMode)
    assert control.case_meetings is not None and len(control.case_meetings) == 3  # the demo, follow-up, conference


def test_snapshots_of_the_scale_and_the_trajectory(tmp_path: Path) -> None:
    import io

    from PySide6.QtGui import QImage

    from sos_desktop.cli import main

    out = io.StringIO()
    main(["--data-dir", str(tmp_path), "demo"], out=out)
    meeting_id = out.getvalue().strip()
    for view in ("scales", "trajectory"):
        picture = tmp_path / f"{view}.png"
        status = main(["--data-dir", str(tmp_path), "snapshot", meeting_id, "--view", view, "--out", str(picture)])
        assert status == 0
        assert QImage(str(picture)).width() == 1920


class MirrorScreen:
    """A second screen showing the same part of the desktop as ``like``: a laptop mirroring its display."""

    def __init__(self, like: QScreen, offset: int = 0) -> None:
        self.area = like.geometry().translated(offset, 0)

    def geometry(self) -> QRect:
        return self.area


def test_with_one_screen_f5_asks_before_projecting_and_cancel_projects_nothing(
    monkeypatch: pytest.MonkeyPatch, console: MainWindow, practise_on_one_screen: list[bool]
) -> None:
    from sos_desktop.ui.projector import wall_state

    asked: list[bool] = []
    monkeypatch.setattr(wall_state, "ask_practice_window", lambda parent, mirrored: asked.append(mirrored) or False)
    control = console.projector
    control.show_action.trigger()
    assert asked == [False]  # one screen: said so, and not mirrored
    assert control.window is None and not control.show_action.isChecked()
    assert control.chip.text() == "Projector off"


def test_mirrored_screens_are_named_and_a_yes_is_not_asked_again(
    monkeypatch: pytest.MonkeyPatch, console: MainWindow, practise_on_one_screen: list[bool]
) -> None:
    from sos_desktop.ui.projector import window as window_module

    own = console.screen()
    mirror = MirrorScreen(own)
    monkeypatch.setattr(window_module.QGuiApplication, "screens", staticmethod(lambda: [own, mirror]))
    control = console.projector
    assert window_module.projector_screens(own) == []  # a mirror is not a screen of the projector's own
    opened = control.open()
    assert practise_on_one_screen == [True]  # the question says the displays mirror each other
    assert opened is not None and opened.full_screen_on is None  # a practice window, never full screen on a mirror
    control.close()
    control.open()
    assert practise_on_one_screen == [True]  # agreed once: not asked again this session
    control.close()
    control._screens_changed(own)  # a screen came or went: ask again
    control.open()
    assert practise_on_one_screen == [True, True]


def test_a_screen_of_its_own_is_used_without_asking(
    monkeypatch: pytest.MonkeyPatch, console: MainWindow, practise_on_one_screen: list[bool]
) -> None:
    from sos_desktop.ui.projector import window as window_module

    own = console.screen()
    beside = MirrorScreen(own, offset=own.geometry().width())
    monkeypatch.setattr(window_module.QGuiApplication, "screens", staticmethod(lambda: [own, beside]))
    assert window_module.projector_screens(own) == [beside]
    assert console.projector.may_project(None)
    assert practise_on_one_screen == []


def test_the_status_bar_chip_says_what_the_wall_shows(qtbot: QtBot, console: MainWindow) -> None:
    control = console.projector
    chip = control.chip
    assert chip.isVisibleTo(console) and chip.text() == "Projector off"
    control.open()
    assert chip.text() == "Wall (practice window): the whole map"
    control.set_mode(Column.WORRIES)
    assert chip.text() == "Wall (practice window): What are we worried about?"
    control.toggle_blank()
    assert chip.text() == "Wall: BLANK" and chip.state == "blank"
    control.toggle_blank()
    control.set_mode(Category.DANGER)
    assert chip.text().endswith(": Danger statements")
    control.window.view.cycle_mode()  # changed from the view itself: the chip follows its signal
    assert "Danger statements" not in chip.text()
    control.close()
    assert chip.text() == "Projector off"

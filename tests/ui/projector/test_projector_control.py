"""The console drives the projector: open it, follow the open meeting live, blank it, steer its view and theme."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
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


def test_undo_works_while_the_projector_window_has_the_keyboard(qtbot: QtBot, console: MainWindow) -> None:
    assert console.document is not None
    console.document.add_item(Category.HARM, "Added just before the projector opened")
    window = console.projector.open(console.screen())  # windowed on the console's own screen
    window.activateWindow()
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Added just before the projector opened" not in [i.text for i in console.document.items(Category.HARM)]


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
    assert control.case_meetings is not None and len(control.case_meetings) == 1


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

"""The Settings dialog: each setting is saved where the code that uses it reads it, and is then used: a new case
starts in the default framework, the minutes dialog with the marking, the projector with the theme and type size,
new meetings with the team's agenda (each kind of meeting its own), the observer with the team's rubric, the cards
with the team's jargon list; the backup keys are there to read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sos_desktop.models import Case, Framework, MeetingKind
from sos_desktop.models.demo import default_agenda
from sos_desktop.models.jargon import DEFAULT_JARGON
from sos_desktop.models.observation import DEFAULT_RUBRIC
from sos_desktop.store.team_settings import AGENDA_TEMPLATE_KEY, RUBRIC_SETTING_KEY, team_agenda, team_jargon
from sos_desktop.ui.common import case_dialog, dialogs
from sos_desktop.ui.common.minutes_dialog import MinutesDialog
from sos_desktop.ui.common.settings_keys import (
    BACKUP_FOLDER_KEY,
    BACKUP_KEEP_KEY,
    backup_folder,
    backup_keep,
    type_scale,
)
from sos_desktop.ui.shell.main_window import MainWindow
from sos_desktop.ui.shell.navigator import CASE
from sos_desktop.ui.shell.settings_dialog import SettingsDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagate")


@pytest.fixture
def dialog(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    opened = SettingsDialog(window)
    qtbot.addWidget(opened)
    return opened


def test_a_new_case_starts_in_the_default_framework(
    dialog: SettingsDialog, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.framework.setCurrentIndex(dialog.framework.findData(Framework.WELLBEING.value))
    assert dialog.save()
    shown: list[Framework] = []

    def answer(parent: MainWindow, case: Case | None = None, framework: Framework | None = None) -> Case:
        form = case_dialog.CaseDialog(parent, case, framework)  # the real form, as the user would see it
        shown.append(Framework(form.framework.currentData()))
        form.label.setText("Family W")
        return form.case(case)

    monkeypatch.setattr(dialogs, "ask_case", answer)
    window.new_case()
    assert shown == [Framework.WELLBEING]
    selected = window.navigator.selected()
    assert selected is not None and selected[0] == CASE
    assert window.store.get_case(selected[1]).framework is Framework.WELLBEING
    # An existing case keeps its own framework when its details are edited.
    existing = window.store.get_case(selected[1])
    existing.framework = Framework.SUCCESS
    form = case_dialog.CaseDialog(window, existing, Framework.WELLBEING)
    assert form.framework.currentData() == Framework.SUCCESS.value


def test_the_minutes_dialog_starts_with_the_marking(dialog: SettingsDialog, window: MainWindow) -> None:
    dialog.marking.setText("  OFFICIAL-SENSITIVE   PERSONAL ")
    assert dialog.save()
    minutes = MinutesDialog(window.settings, window, has_feedback=False)
    assert minutes.marking.text() == "OFFICIAL-SENSITIVE PERSONAL"


def test_the_projector_opens_with_the_theme_and_type_size(
    qtbot: QtBot, dialog: SettingsDialog, window: MainWindow
) -> None:
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.type_scale.setCurrentIndex(dialog.type_scale.findData(1.3))
    assert dialog.save()
    assert type_scale(window.settings) == pytest.approx(1.3)
    projector = window.projector.open()
    qtbot.addWidget(projector)
    projection = projector.view.projection
    assert projection.theme.name == "dark"
    assert projection.type_scale == pytest.approx(1.3)
    # The theme's own size is scaled, not replaced: the dark theme's type scale times 1.3.
    from sos_desktop.ui.projector.themes import load_theme

    assert projection.theme.type_scale == pytest.approx(load_theme("dark").type_scale * 1.3)
    # Changed again with the projector open: the wall follows at once.
    again = SettingsDialog(window)
    qtbot.addWidget(again)
    again.theme.setCurrentIndex(again.theme.findData("light"))
    again.type_scale.setCurrentIndex(again.type_scale.findData(1.0))
    assert again.save()
    assert projection.theme.name == "light" and projection.type_scale == 1.0
    window.projector.close()


def test_the_team_agenda_is_saved_in_the_database_and_new_meetings_use_it(
    dialog: SettingsDialog, window: MainWindow
) -> None:
    table = dialog.agenda.table
    while table.rowCount() > 2:
        table.setCurrentCell(table.rowCount() - 1, 0)
        dialog.agenda.remove.click()
    first_title = table.item(0, 0)
    assert first_title is not None
    first_title.setText("Welcome and roles")
    minutes = table.item(0, 1)
    assert minutes is not None
    minutes.setData(Qt.ItemDataRole.EditRole, 7)
    table.setCurrentCell(1, 0)
    dialog.agenda.add.click()
    assert table.rowCount() == 3
    assert dialog.save()
    saved = window.store.get_setting(AGENDA_TEMPLATE_KEY)
    assert saved[0]["title"] == "Welcome and roles"
    assert saved[0]["planned_minutes"] == 7
    assert saved[2]["title"] == "New phase" and saved[2]["phase"].startswith("custom-")
    window.navigator.select(CASE, window.store.list_cases()[0].id or 0)
    window.new_meeting("Review")
    assert window.document is not None
    assert [phase.title for phase in window.document.meeting.agenda] == [entry["title"] for entry in saved]


def test_the_team_rubric_is_saved_in_the_database(dialog: SettingsDialog, window: MainWindow) -> None:
    assert dialog.rubric.toPlainText().splitlines() == list(DEFAULT_RUBRIC)
    dialog.rubric.setPlainText("Time-keeping\n\n  Plain language  \nTime-keeping\nCurious questions")
    assert dialog.save()
    assert window.store.get_setting(RUBRIC_SETTING_KEY) == ["Time-keeping", "Plain language", "Curious questions"]
    assert window.document is not None
    meeting_id = window.document.meeting_id
    window.close_meeting()  # the team's rubric is read once per open meeting: open it again
    window.open_meeting(meeting_id)
    assert window.document is not None
    assert window.document.rubric_criteria()[:3] == ["Time-keeping", "Plain language", "Curious questions"]
    reopened = SettingsDialog(window)
    assert reopened.rubric.toPlainText().splitlines() == ["Time-keeping", "Plain language", "Curious questions"]
    reopened.deleteLater()


def test_backup_folder_and_how_many_to_keep_are_written_for_the_backups(
    dialog: SettingsDialog, window: MainWindow, tmp_path: object
) -> None:
    assert dialog.backup_keep.value() == backup_keep(window.settings) == 10
    dialog.backup_folder.setText(f"  {tmp_path}/backups  ")
    dialog.backup_keep.setValue(25)
    assert dialog.save()
    assert window.settings.value(BACKUP_FOLDER_KEY) == f"{tmp_path}/backups"
    assert int(window.settings.value(BACKUP_KEEP_KEY)) == 25
    assert backup_keep(window.settings) == 25
    assert backup_folder(window.settings) == Path(f"{tmp_path}/backups")


def test_cancel_changes_nothing(qtbot: QtBot, dialog: SettingsDialog, window: MainWindow) -> None:
    dialog.show()
    dialog.marking.setText("SECRET")
    dialog.rubric.setPlainText("Only this")
    dialog.reject()
    assert window.settings.value("export/marking") is None
    assert window.store.get_setting(RUBRIC_SETTING_KEY) is None


def test_edit_settings_opens_from_the_menu_with_ctrl_comma(qtbot: QtBot, console: MainWindow) -> None:
    action = console.guide.settings_action
    assert action.shortcut().toString() == "Ctrl+,"
    assert action in console.menuBar().actions()[1].menu().actions()
    action.trigger()
    shown = console.findChild(SettingsDialog)
    assert shown is not None
    qtbot.waitExposed(shown)
    shown.close()


def test_each_kind_of_meeting_has_its_own_agenda_and_a_new_conference_starts_with_it(
    dialog: SettingsDialog, window: MainWindow
) -> None:
    dialog.agenda.show_kind(MeetingKind.CONFERENCE)
    table = dialog.agenda.table
    assert table.item(0, 0).text() == "Welcome and purpose"  # type: ignore[union-attr]
    assert [table.item(row, 0).text() for row in range(table.rowCount())][6] == "The decision"  # type: ignore[union-attr]
    table.item(0, 0).setText("Welcome, and what today is for")  # type: ignore[union-attr]
    dialog.agenda.show_kind(MeetingKind.GROUP_SUPERVISION)
    assert table.item(0, 0).text() == "Purpose and roles"  # type: ignore[union-attr]
    assert dialog.save()
    assert team_agenda(window.store, MeetingKind.CONFERENCE)[0].title == "Welcome, and what today is for"
    assert team_agenda(window.store) == default_agenda()
    window.navigator.select(CASE, window.store.list_cases()[0].id or 0)
    window.new_meeting("Conference")
    document = window.document
    assert document is not None
    document.set_detail("kind", MeetingKind.CONFERENCE)
    assert document.meeting.agenda[0].title == "Welcome, and what today is for"


def test_the_team_s_jargon_list_is_edited_in_settings(
    dialog: SettingsDialog, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert dialog.jargon.toPlainText().splitlines() == list(DEFAULT_JARGON)
    dialog.jargon.setPlainText("  LAC \nlac\n\nCore group")
    assert dialog.save()
    assert team_jargon(window.store) == ["LAC", "Core group"]
    told: list[str] = []
    dialog.jargon.setPlainText("x" * 81)
    monkeypatch.setattr(dialogs, "tell", lambda parent, title, text: told.append(text))
    assert not dialog.save()
    assert told and "at most 80 characters" in told[0]
    assert team_jargon(window.store) == ["LAC", "Core group"]  # nothing of the refused list was kept

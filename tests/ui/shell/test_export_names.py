"""Where File › Export saves and under what name: the Save dialog starts in Documents, then wherever the last
export from this database went, and offers "<case> <meeting> <date>" made safe for any file system (the
pseudonymised case and meeting for pseudonymised minutes); the minutes dialog offers this database's last choices.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from sos_desktop.exporters.minutes import MinutesOptions
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.minutes_dialog import MinutesDialog
from sos_desktop.ui.shell.export_menu import _file_name
from sos_desktop.ui.shell.main_window import MainWindow

REAL_ASK_SAVE_PATH = dialogs.ask_save_path  # before the fixtures stand in for the dialogs


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The folder and name each Save dialog offered (the user's home is a fresh folder with a Documents folder);
    each dialog is answered with the name offered, in ``tmp_path / "chosen"``.
    """
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    (tmp_path / "chosen").mkdir()
    monkeypatch.setenv("HOME", str(home))
    offered: list[str] = []

    def save_dialog(parent: QWidget, title: str, start: str, file_filter: str) -> tuple[str, str]:
        offered.append(start)
        return str(tmp_path / "chosen" / Path(start).name), file_filter

    monkeypatch.setattr(dialogs, "ask_save_path", REAL_ASK_SAVE_PATH)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    return offered


def test_the_save_dialog_starts_in_documents_then_where_the_last_export_went(
    window: MainWindow, asked: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = window.document
    assert document is not None and document.meeting.held_on is not None
    day = document.meeting.held_on.date().isoformat()
    window.export_menu.export_meeting_file()
    documents = tmp_path / "home" / "Documents"
    assert asked == [str(documents / f"Family Demo (invented) Group supervision (demo) {day}.json")]
    assert (tmp_path / "chosen" / Path(asked[0]).name).is_file()
    monkeypatch.setattr(dialogs, "ask_minutes_options", lambda *args, **kwargs: None)
    monkeypatch.setattr(dialogs, "tell", lambda *args: None)
    window.export_menu.export_network_picture()
    assert Path(asked[1]).parent == tmp_path / "chosen"  # the folder of the last export, not the working folder
    assert Path(asked[1]).name == f"Safety network {day}.png"


def test_the_minutes_are_named_by_case_meeting_and_date_pseudonymised_when_they_are(
    window: MainWindow, asked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    document = window.document
    assert document is not None and document.meeting.held_on is not None
    day = document.meeting.held_on.date().isoformat()
    document.meeting.title = "Supervision: Lily Example's move"
    databases: list[str] = []
    chosen = MinutesOptions(pseudonymise=True)

    def options(*args: object, database: str = "", **kwargs: object) -> MinutesOptions:
        databases.append(database)
        return chosen

    monkeypatch.setattr(dialogs, "ask_minutes_options", options)
    monkeypatch.setattr(window.export_menu, "_run", lambda *args: None)  # the name is what is tested, not the PDF
    window.export_menu.export_minutes()
    chosen = MinutesOptions()
    window.export_menu.export_minutes()
    pseudonymised, plain = (Path(start).name for start in asked)
    assert databases == [window.store.url] * 2  # the dialog offers this database's last choices
    assert plain == f"Family Demo (invented) Supervision- Lily Example's move {day}.pdf"
    assert pseudonymised.startswith("Family Demo (invented) Supervision- ") and pseudonymised.endswith(f"{day}.pdf")
    assert not [person.name for person in document.network.people if person.name in pseudonymised], pseudonymised
    assert "Lily Example" in plain


def test_a_file_name_holds_nothing_a_file_system_refuses() -> None:
    assert _file_name("Family A/B", 'Review: "week 3" <draft>?', "2026-11-30") == (
        "Family A-B Review- -week 3- -draft-- 2026-11-30"
    )
    assert _file_name("Family\tC \n", "...", "") == "Family C"  # no trailing dots or spaces (Windows drops them)
    for name in (_file_name("a|b*c\\d", "x\ny"), _file_name("  ", "")):
        assert not set(name) & set('/\\:*?"<>|\n\t') and name.strip() == name and name


def test_the_minutes_dialog_offers_the_last_choices_made_for_the_same_database(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = MinutesDialog(settings, has_feedback=True, database="sqlite:///one.db")
    qtbot.addWidget(first)
    assert not first.pseudonymise.isChecked() and not first.feedback.isChecked()
    first.pseudonymise.setChecked(True)
    first.feedback.setChecked(True)
    first.password.setText("never kept")
    first.again.setText("never kept")
    first._accept()
    again = MinutesDialog(settings, has_feedback=True, database="sqlite:///one.db")
    other = MinutesDialog(settings, has_feedback=True, database="sqlite:///two.db")
    nothing_to_include = MinutesDialog(settings, has_feedback=False, database="sqlite:///one.db")
    for dialog in (again, other, nothing_to_include):
        qtbot.addWidget(dialog)
    assert again.pseudonymise.isChecked() and again.feedback.isChecked() and again.password.text() == ""
    assert not other.pseudonymise.isChecked() and not other.feedback.isChecked()
    assert not nothing_to_include.options().include_feedback
    settings.sync()
    assert "never kept" not in (tmp_path / "settings.ini").read_text("utf-8")

"""File › Back up now… and Restore from a backup…, the backup offered when the database cannot be opened, and the
warning a second window on the same database gives.
"""

from __future__ import annotations

import argparse
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from sos_desktop.app import build_window
from sos_desktop.models import Case, Category
from sos_desktop.store import Store, backup
from sos_desktop.store.backup import newest_backup
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.shell import backup_menu, instance_lock
from sos_desktop.ui.shell.main_window import MainWindow


def _args(data_dir: Path) -> argparse.Namespace:
    return argparse.Namespace(data_dir=data_dir, db=None, command=None)


def test_the_file_menu_offers_both_backup_actions(window: MainWindow) -> None:
    texts = [action.text() for action in window.menuBar().actions()[0].menu().actions()]
    assert "&Back up now…" in texts and "&Restore from a backup…" in texts


def test_opening_makes_an_automatic_backup(window: MainWindow, data_dir: Path) -> None:
    made = newest_backup(data_dir / "sos-desktop.sqlite3")
    assert made is not None and made.path.parent == data_dir / "backups"


def test_back_up_now_writes_a_whole_copy_where_the_user_says(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "usb stick" / "meeting backup.sqlite3"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: target)
    window.backup_menu.backup_action.trigger()
    assert window.statusBar().currentMessage() == f"Backed up to {target}"
    with Store.open(f"sqlite:///{target}") as copy:
        assert [case.label for case in copy.list_cases()] == ["Family Demo (invented)"]


def test_restoring_with_a_meeting_open_closes_it_restores_and_opens_it_again(
    window: MainWindow, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.document is not None
    meeting_id = window.document.meeting_id
    saved = tmp_path / "saved.sqlite3"
    window.store.backup(saved)
    window.document.add_item(Category.HARM, "Added after the backup")
    told: list[str] = []
    monkeypatch.setattr(backup_menu, "ask_backup_to_restore", lambda parent, folder: saved)
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, question: "kept beside it" in question)
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, message: told.append(message))
    window.backup_menu.restore_action.trigger()
    assert told and "is now the database" in told[0] and "before-restore-" in told[0]
    assert window.document is not None and window.document.meeting_id == meeting_id
    texts = [item.text for item in window.document.items(Category.HARM)]
    assert "Added after the backup" not in texts
    [aside] = data_dir.glob("sos-desktop.sqlite3.before-restore-*Z")
    with Store.open(f"sqlite:///{aside}") as kept:  # the edit made after the backup is kept, not lost
        assert "Added after the backup" in [item.text for item in kept.get_meeting(meeting_id).items]
    window.document.add_item(Category.HARM, "Added after the restore")  # and the restored file takes edits
    assert "Added after the restore" in [item.text for item in window.store.get_meeting(meeting_id).items]


def test_a_damaged_database_at_start_offers_its_newest_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    database = tmp_path / "sos-desktop.sqlite3"
    with Store.open(f"sqlite:///{database}") as store:
        store.add_case(Case(label="Family S"))
        store.automatic_backup(force=True)
    database.write_text("Minutes typed over the database by mistake.", "utf-8")
    window, problem = build_window(_args(tmp_path))
    assert window is None and problem is not None
    asked: list[str] = []

    def answer(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert backup_menu.restore_at_start(problem, _args(tmp_path))
    assert "The newest backup is" in asked[0] and "not deleted" in asked[0]
    window, problem = build_window(_args(tmp_path))
    assert window is not None, problem
    assert [case.label for case in window.store.list_cases()] == ["Family S"]
    window.store.close()
    window.deleteLater()
    [aside] = tmp_path.glob("sos-desktop.sqlite3.before-restore-*Z")
    assert aside.read_text("utf-8") == "Minutes typed over the database by mistake."


def test_a_locked_database_is_not_offered_a_restore(tmp_path: Path) -> None:
    assert not backup_menu.restore_at_start("The database is busy: another program has it.", _args(tmp_path))


def test_a_second_window_on_the_same_database_is_warned(tmp_path: Path, qtbot: QtBot) -> None:
    database = tmp_path / "sos-desktop.sqlite3"
    first, other = instance_lock.claim(database)
    assert first is not None and other is None
    try:
        second, holder = instance_lock.claim(database)
        assert second is None and holder == os.getpid()
        assert "already open on this database" in instance_lock.second_window_warning(holder)
    finally:
        first.unlock()
    third, other = instance_lock.claim(database)  # let go: the next window opens without a warning
    assert third is not None and other is None
    third.unlock()


def test_a_lock_left_by_a_killed_app_is_taken_over_without_a_warning(tmp_path: Path) -> None:
    import subprocess

    database = tmp_path / "sos-desktop.sqlite3"
    gone = subprocess.Popen(["true"])
    gone.wait()
    (tmp_path / "sos-desktop.sqlite3.lock").write_text(f"{gone.pid}\nsos-desktop\n{os.uname().nodename}\n", "utf-8")
    lock, other = instance_lock.claim(database)
    assert lock is not None and other is None
    lock.unlock()


def test_automatic_backups_go_where_the_settings_say_and_keep_as_many(window: MainWindow, tmp_path: Path) -> None:
    elsewhere = tmp_path / "team share" / "backups"
    window.settings.setValue("backups/folder", str(elsewhere))
    window.settings.setValue("backups/keep", 2)
    database = window.store.database_file
    assert database is not None
    for hour in (9, 10, 11):  # three earlier backups, an hour apart, in the chosen folder
        stale = backup.automatic_backup_path(database, datetime(2026, 11, 20, hour, tzinfo=UTC), elsewhere)
        stale.parent.mkdir(parents=True, exist_ok=True)
        window.store.backup(stale)
    backup_menu.automatic_backup(window.store, window.settings)
    kept = backup.backups_of(database, elsewhere)
    assert len(kept) == 2 and kept[0].made_at.date() != datetime(2026, 11, 20, tzinfo=UTC).date()

"""File › Back up now… and Restore from a backup…, and the offer of a backup when the database cannot be opened.

Restoring while a meeting is open closes the meeting, lets go of the database, puts the backup in its place (the
current file kept aside, never deleted), brings the restored file up to date, and opens the meeting again if it is
in the backup. PostgreSQL databases are backed up by the council, not by the app: both actions say so.
"""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from sos_desktop import APP_NAME
from sos_desktop.store import backup
from sos_desktop.store.engine import resolve_database_url, sqlite_file
from sos_desktop.store.errors import EmptyDatabaseError, StoreError
from sos_desktop.store.store import Store
from sos_desktop.ui.common import dialogs, settings_keys

if TYPE_CHECKING:
    from sos_desktop.ui.common.console import Console

BACKUP_FILTER = "SoS Desktop backups (*.sqlite3);;All files (*)"


def ask_backup_to_restore(parent: QWidget, folder: Path) -> Path | None:
    """The backup file the user picks, starting in the backups folder; None if they cancel."""
    name, _ = QFileDialog.getOpenFileName(parent, "Restore from a backup", str(folder), BACKUP_FILTER)
    return Path(name) if name else None


class BackupMenu(QObject):
    """The two backup actions of the File menu, working on the window's store."""

    def __init__(self, window: Console) -> None:
        super().__init__(window)
        self.window = window
        self.backup_action = QAction("&Back up now…", window)
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction("&Restore from a backup…", window)
        self.restore_action.triggered.connect(self.restore_from_backup)

    def add_to(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addAction(self.backup_action)
        menu.addAction(self.restore_action)

    def back_up_now(self) -> None:
        store = self.window.store
        database = store.database_file
        if database is None:
            dialogs.tell(self.window, "No backup made", backup.POSTGRES_MESSAGE)
            return
        suggestion = backup.automatic_backup_path(database).name
        path = dialogs.ask_save_path(self.window, "Back up now", suggestion, BACKUP_FILTER)
        if path is None:
            return
        try:
            written = store.backup(path)
        except StoreError as error:
            dialogs.tell(self.window, "No backup made", str(error))
            return
        self.window.statusBar().showMessage(f"Backed up to {written}", 10_000)

    def restore_from_backup(self) -> None:
        database = self.window.store.database_file
        if database is None:
            dialogs.tell(self.window, "Nothing restored", backup.POSTGRES_MESSAGE)
            return
        chosen = ask_backup_to_restore(
            self.window, backup.backup_folder(database, settings_keys.backup_folder(self.window.settings))
        )
        if chosen is None:
            return
        try:
            backup.verify_backup(chosen, self.window.store.passphrase)
        except StoreError as error:
            dialogs.tell(self.window, "Nothing restored", str(error))
            return
        question = (
            f"Put the backup {chosen.name} in the place of the database? Everything saved since that backup was "
            "made is then no longer shown, but nothing is deleted: the current database is kept beside it, named "
            "…before-restore-<date and time>."
        )
        if not dialogs.confirm(self.window, "Restore from a backup", question):
            return
        self._restore(chosen, database)

    def _restore(self, chosen: Path, database: Path) -> None:
        window = self.window
        reopen = window.document.meeting_id if window.document is not None else None
        if not window.close_meeting():
            return
        window.store.close()  # every connection let go; the store reconnects to the restored file when next used
        try:
            aside = backup.restore(chosen, database, passphrase=window.store.passphrase)
            url = window.store.engine.url.render_as_string(hide_password=False)
            Store.open(url, window.store.passphrase).close()  # brought up to date
        except (StoreError, OSError) as error:
            message = str(error) if isinstance(error, StoreError) else (error.strerror or "the system refused")
            dialogs.tell(window, "Nothing restored", f"{message} The database in use was not changed.")
            window.reload_cases()
            return
        window.reload_cases()
        if reopen is not None and window.lists_meeting(reopen):
            window.open_meeting(reopen)
        kept = f" The database as it was is kept as {aside.name}." if aside is not None else ""
        dialogs.inform(window, "Backup restored", f"The backup {chosen.name} is now the database.{kept}")


def automatic_backup(store: Store, settings: QSettings) -> None:
    """The backup made as the app opens a database (at most one an hour), where Settings says and keeping as many
    as it says; a failure must not stop the app.
    """
    folder = settings_keys.backup_folder(settings)
    with contextlib.suppress(StoreError, OSError):  # the next start tries again; the database itself is fine
        database = store.database_file
        if database is not None:  # backups an earlier version left readable by all are the user's alone now
            backup.keep_backups_private(database, folder)
        store.automatic_backup(folder=folder, keep=settings_keys.backup_keep(settings))


def restorable(problem: str) -> bool:
    """Whether the start-up ``problem`` is one a backup can mend (a damaged or empty database, or one this version
    cannot bring up to date), told by how its sentence begins.
    """
    kinds = (*backup.RESTORABLE, EmptyDatabaseError)
    return any(problem.startswith(kind.opening) for kind in kinds)


def restore_at_start(problem: str, args: argparse.Namespace, parent: QWidget | None = None) -> bool:
    """Offer the newest backup when the database cannot be opened; True if the user restored it."""
    if not restorable(problem):
        return False
    try:
        database = sqlite_file(resolve_database_url(args.db, args.data_dir))
        newest = backup.newest_backup(database) if database is not None else None
    except (StoreError, OSError):
        return False
    if database is None or newest is None:
        return False
    answer = QMessageBox.question(
        parent,
        APP_NAME,
        f"{problem}\n\nThe newest backup is {newest.describe()}. Restore it now? The current file is kept "
        "beside it, not deleted.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    from sos_desktop.store.encryption import looks_encrypted
    from sos_desktop.ui.shell.encryption_menu import passphrase_opening

    passphrase: str | None = None
    if looks_encrypted(newest.path):  # the backup of an encrypted database is read with its passphrase
        passphrase = passphrase_opening(
            newest.path, parent, "The backup is encrypted: type the passphrase of the database it was made from."
        )
        if passphrase is None:
            return False
    try:
        backup.restore(newest.path, database, passphrase=passphrase)
    except (StoreError, OSError) as error:
        message = str(error) if isinstance(error, StoreError) else (error.strerror or "the system refused")
        QMessageBox.critical(parent, APP_NAME, f"The backup was not restored: {message}")
        return False
    return True

"""File › Encrypt this database… and Change the passphrase…, and asking for the passphrase when the app starts.

An encrypted database opens with ``SOS_DESKTOP_PASSPHRASE`` when it is set; otherwise a password box asks for the
passphrase, again after a wrong one or none at all (just OK: SQLCipher cannot take an empty key), until it is right
or the user cancels (the app then says so and quits; the file is never touched). Before that, what an encryption
cut short left beside the file is put right, and the user told (``store/encryption.py``: finish_interrupted).
Encrypting or re-keying closes the open meeting, lets go of the database, does the work
(see ``store/encryption.py``), reconnects the same Store with the new passphrase and opens the meeting again.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QMessageBox, QWidget

from sos_desktop import APP_NAME
from sos_desktop.store import encryption
from sos_desktop.store.engine import PASSPHRASE_ENV_VAR, read_only_uri, sqlite_file
from sos_desktop.store.errors import PassphraseNeededError, StoreError, WrongPassphraseError
from sos_desktop.store.store import Store
from sos_desktop.ui.common import dialogs

if TYPE_CHECKING:
    from sos_desktop.ui.common.console import Console

NOT_OPENED = (
    "The database is encrypted and no passphrase was given, so it was not opened. It was left untouched; start "
    f"SoS Desktop again to type the passphrase, or set {PASSPHRASE_ENV_VAR}."
)
POSTGRES_MESSAGE = (
    "Only a SQLite database file can be encrypted by SoS Desktop. A PostgreSQL server keeps its data encrypted "
    "(or not) as its administrators set it up; ask your council's database team. Nothing was changed."
)


def ask_passphrase(parent: QWidget | None, message: str) -> str | None:
    """The passphrase typed into a password box (never shown), or None if the user cancels."""
    text, ok = QInputDialog.getText(parent, APP_NAME, message + "\n\nPassphrase:", QLineEdit.EchoMode.Password)
    return text if ok else None


def ask_new_passphrase(parent: QWidget | None, message: str) -> str | None:
    """A new passphrase, typed twice the same (and not empty); None if the user cancels."""
    while True:
        first = ask_passphrase(parent, message)
        if first is None:
            return None
        if encryption.blank(first):
            message = "The passphrase cannot be empty or only spaces; choose another."
            continue
        second = ask_passphrase(parent, "Type the same passphrase again.")
        if second is None:
            return None
        if second == first:
            return first
        message = "The two passphrases differ; type the new passphrase again."


def finish_interrupted(url: str, parent: QWidget | None) -> None:
    """Put right what an encryption cut short left beside the database at ``url``, and say what was done."""
    database = sqlite_file(url)
    if database is None:
        return
    for note in encryption.finish_interrupted(database):
        print(f"sos-desktop: note: {note}", file=sys.stderr)
        QMessageBox.information(parent, APP_NAME, note)


def open_store(url: str, parent: QWidget | None = None) -> Store:
    """Open the database: an encrypted one with ``SOS_DESKTOP_PASSPHRASE``, else with a passphrase asked for."""
    finish_interrupted(url, parent)
    try:
        return Store.open(url, os.environ.get(PASSPHRASE_ENV_VAR) or None)
    except (PassphraseNeededError, WrongPassphraseError) as error:
        message = str(error)
    while True:
        given = ask_passphrase(parent, message)
        if given is None:
            raise PassphraseNeededError(NOT_OPENED)
        if not given:
            message = encryption.EMPTY_PASSPHRASE
            continue
        try:
            return Store.open(url, given)
        except WrongPassphraseError as error:
            message = str(error)


def passphrase_opening(path: Path, parent: QWidget | None, message: str) -> str | None:
    """The passphrase that opens the encrypted file at ``path`` (a backup, say): ``SOS_DESKTOP_PASSPHRASE`` if it
    does, else one asked for (``message`` first), again after a wrong or empty one; None if the user cancels.
    """
    given = os.environ.get(PASSPHRASE_ENV_VAR) or None
    while True:
        if given:
            try:
                encryption.check_encrypted(path, given, read_only_uri(path))
            except WrongPassphraseError as error:
                message = str(error)
            except StoreError:
                return given  # it opens the file; what else is wrong with it is for the caller to say
            else:
                return given
        given = ask_passphrase(parent, message)
        if given is None:
            return None
        if not given:
            message = encryption.EMPTY_PASSPHRASE


class EncryptionMenu(QObject):
    """The two encryption actions of the File menu, working on the window's store."""

    def __init__(self, window: Console) -> None:
        super().__init__(window)
        self.window = window
        self.encrypt_action = QAction("E&ncrypt this database…", window)
        self.encrypt_action.triggered.connect(self.encrypt)
        self.change_action = QAction("Change the &passphrase…", window)
        self.change_action.triggered.connect(self.change_passphrase)

    def add_to(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addAction(self.encrypt_action)
        menu.addAction(self.change_action)
        menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    def update_actions(self) -> None:
        encrypted = self.window.store.passphrase is not None
        self.encrypt_action.setEnabled(not encrypted)
        self.change_action.setEnabled(encrypted)

    def encrypt(self) -> None:
        database = self.window.store.database_file
        if database is None:
            dialogs.tell(self.window, "Not encrypted", POSTGRES_MESSAGE)
            return
        question = (
            "Encrypt this database with a passphrase? From now on it opens only with that passphrase: keep it "
            "safe, as nobody (not even your support team) can open the database without it. The unencrypted file "
            "is overwritten; backups made before now stay unencrypted, so delete them once a new one is made."
        )
        if not dialogs.confirm(self.window, "Encrypt this database", question):
            return
        passphrase = ask_new_passphrase(self.window, "Choose the passphrase that will open this database.")
        if passphrase is None:
            return
        self._while_closed(lambda: encryption.encrypt_database(database, passphrase), passphrase, "encrypted")

    def change_passphrase(self) -> None:
        store = self.window.store
        database = store.database_file
        if database is None or store.passphrase is None:
            return
        old = ask_passphrase(self.window, "Type the database's current passphrase.")
        if old is None:
            return
        new = ask_new_passphrase(self.window, "Choose the new passphrase.")
        if new is None:
            return
        self._while_closed(lambda: encryption.change_passphrase(database, old, new), new, "given its new passphrase")

    def _while_closed(self, work: Callable[[], None], passphrase: str, done: str) -> None:
        """Close the meeting and the database, do ``work``, and open both again (with ``passphrase`` if it worked)."""
        window = self.window
        store = window.store
        reopen = window.document.meeting_id if window.document is not None else None
        if not window.close_meeting():
            return
        store.close()
        try:
            work()
        except (StoreError, OSError) as error:
            message = str(error) if isinstance(error, StoreError) else (error.strerror or "the system refused")
            dialogs.tell(window, "Nothing changed", message)
        else:
            store.reopen(passphrase)
            window.statusBar().showMessage(f"The database was {done}.", 10_000)
        window.reload_cases()
        if reopen is not None:
            window.open_meeting(reopen)
        self.update_actions()

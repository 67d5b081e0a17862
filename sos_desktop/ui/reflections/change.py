"""Changing a learning journal's passphrase: the present one, then the new one twice.

The store re-seals every reflection under the new passphrase in one transaction, so a failure part way leaves the
journal whole under the old one. The dialog says in itself why a change was refused.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from sos_desktop.store import StoreError
from sos_desktop.store.sealing import PASSPHRASE_MIN, JournalKey
from sos_desktop.store.store import Store


def secret_line(name: str) -> QLineEdit:
    """A field that shows a passphrase as dots."""
    line = QLineEdit()
    line.setEchoMode(QLineEdit.EchoMode.Password)
    line.setAccessibleName(name)
    return line


class PassphraseChange(QDialog):
    """Asks for the journal's passphrase and a new one; :attr:`key` is the journal's new key once accepted."""

    def __init__(self, store: Store, author: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.author = author
        self.key: JournalKey | None = None
        self.setWindowTitle("Change the journal's passphrase")
        self.old = secret_line("Present passphrase")
        self.new = secret_line("New passphrase")
        self.again = secret_line("New passphrase again")
        form = QFormLayout()
        form.addRow("&Present passphrase:", self.old)
        form.addRow("&New passphrase:", self.new)
        form.addRow("New passphrase &again:", self.again)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("Change", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def change(self) -> None:
        """Re-seal the journal under the new passphrase, or say why not."""
        if len(self.new.text()) < PASSPHRASE_MIN:
            self.problem.setText(f"Choose a new passphrase of at least {PASSPHRASE_MIN} characters.")
            return
        if self.new.text() != self.again.text():
            self.problem.setText("The two new passphrases are not the same. Type them again.")
            return
        try:
            self.key = self.store.change_journal_passphrase(self.author, self.old.text(), self.new.text())
        except StoreError as error:
            self.problem.setText(str(error))
            return
        finally:
            for line in (self.old, self.new, self.again):
                line.clear()
        self.accept()

"""The door to a learning journal: whose journal, and its passphrase (asked twice for a new journal).

Opening it derives the key (slow on purpose) and checks it against the journal's sealed token, so a wrong
passphrase is said here, in the dialog, and the journal stays shut. A forgotten passphrase cannot be recovered by
anyone; "Forgotten the passphrase…" offers, after a stern warning, to delete that journal so its author can start
again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.store import StoreError
from sos_desktop.store.sealing import PASSPHRASE_MIN, JournalKey
from sos_desktop.store.store import Store
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.reflections.change import secret_line

FORGOTTEN = (
    "Nobody can open {author}'s journal without its passphrase: not a colleague, not the team's administrator, not "
    "SoS Desktop. That is what keeps it private.\n\nDelete {author}'s journal and every reflection in it, for good, "
    "so that a new one can be started? This cannot be undone."
)


class JournalDoor(QDialog):
    """Asks whose journal and its passphrase; :attr:`key` holds the opened journal's key once accepted."""

    def __init__(self, store: Store, suggestion: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.key: JournalKey | None = None
        self.setWindowTitle("Learning journal")
        self.authors = store.journal_authors()
        intro = QLabel(
            "Your learning journal is private to you: each reflection is sealed with your passphrase, so nobody "
            "else using this database can read it. Keep the passphrase safe; it cannot be recovered."
        )
        intro.setWordWrap(True)
        self.author = QComboBox()
        self.author.setEditable(True)
        self.author.setAccessibleName("Whose journal")
        self.author.addItems(self.authors)
        self.author.setCurrentText(suggestion if suggestion else (self.authors[0] if self.authors else ""))
        self.passphrase = secret_line("Passphrase")
        self.again = secret_line("Passphrase again")
        self.again_label = QLabel("Passphrase &again:")
        self.again_label.setBuddy(self.again)
        form = QFormLayout()
        form.addRow("&Whose journal:", self.author)
        form.addRow("&Passphrase:", self.passphrase)
        form.addRow(self.again_label, self.again)
        self.problem = QLabel()
        self.problem.setObjectName("journal-door-problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.open_button = self.buttons.addButton("Open", QDialogButtonBox.ButtonRole.AcceptRole)
        self.forgotten = QPushButton("Forgotten the passphrase…")
        self.buttons.addButton(self.forgotten, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.open_journal)
        self.buttons.rejected.connect(self.reject)
        self.forgotten.clicked.connect(self.forget)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.author.currentTextChanged.connect(self._follow_author)
        self._follow_author()
        self.resize(480, self.sizeHint().height())

    def is_new(self) -> bool:
        return self.author.currentText().strip() not in self.authors

    def _follow_author(self) -> None:
        new = self.is_new()
        self.again.setVisible(new)
        self.again_label.setVisible(new)
        self.forgotten.setVisible(not new)
        self.open_button.setText("Start the journal" if new else "Open")
        self.problem.clear()

    def open_journal(self) -> None:
        """Open (or start) the journal named, or say in the dialog why not."""
        author, passphrase = self.author.currentText().strip(), self.passphrase.text()
        if self.is_new() and len(passphrase) < PASSPHRASE_MIN:
            self.problem.setText(f"Choose a passphrase of at least {PASSPHRASE_MIN} characters.")
            return
        if self.is_new() and passphrase != self.again.text():
            self.problem.setText("The two passphrases are not the same. Type them again.")
            return
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.is_new():
                self.key = self.store.start_journal(author, passphrase)
            else:
                self.key = self.store.unlock_journal(author, passphrase)
        except StoreError as error:
            self.problem.setText(str(error))
            self.passphrase.selectAll()
            return
        finally:
            self.unsetCursor()
            self.passphrase.clear()
            self.again.clear()
        self.accept()

    def forget(self) -> None:
        """After a stern warning, delete the named journal (its passphrase forgotten) so a new one can begin."""
        author = self.author.currentText().strip()
        if self.is_new() or not dialogs.confirm(self, "Delete the journal?", FORGOTTEN.format(author=author)):
            return
        try:
            self.store.delete_journal(author)
        except StoreError as error:
            self.problem.setText(str(error))
            return
        self.authors = self.store.journal_authors()
        self._follow_author()
        self.problem.setText(f"{author}'s journal was deleted. Choose a passphrase to start a new one.")

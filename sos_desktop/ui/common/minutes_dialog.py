"""Asking how the minutes are to be made: the protective marking, pseudonymised or not, observer feedback in or
out, and an optional password. The marking is remembered for next time, and the two choices for the database the
meeting is in (a team's other database may be used for other work); the password never is.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.exporters.minutes import DEFAULT_MARKING, MinutesOptions
from sos_desktop.ui.common.fields import limit_length
from sos_desktop.ui.common.settings_keys import EXPORT_FEEDBACK, EXPORT_PSEUDONYMISE, MARKING_KEY, database_setting

MAX_MARKING = 120


class MinutesDialog(QDialog):
    def __init__(
        self, settings: QSettings, parent: QWidget | None = None, *, has_feedback: bool = True, database: str = ""
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.pseudonymise_key = database_setting(database, EXPORT_PSEUDONYMISE)
        self.feedback_key = database_setting(database, EXPORT_FEEDBACK)
        self.setWindowTitle("Minutes as PDF")
        self.marking = QLineEdit(str(settings.value(MARKING_KEY, DEFAULT_MARKING)))
        limit_length(self.marking, MAX_MARKING)
        self.marking.setAccessibleName("Protective marking")
        self.marking.setToolTip("Printed at the top and bottom of every page, for example OFFICIAL-SENSITIVE")
        self.pseudonymise = QCheckBox("Pseudonymise: display names only, no family member's full name anywhere")
        self.pseudonymise.setToolTip("Names inside the text are replaced as on the projector; also the file's details")
        self.pseudonymise.setChecked(bool(settings.value(self.pseudonymise_key, False, type=bool)))
        self.feedback = QCheckBox("Include the observer's feedback")
        self.feedback.setEnabled(has_feedback)
        self.feedback.setChecked(has_feedback and bool(settings.value(self.feedback_key, False, type=bool)))
        self.feedback.setToolTip(
            "Feedback on the facilitation usually goes in its own report, not on the child's file"
            if has_feedback
            else "No observer's feedback was recorded in this meeting"
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password")
        self.password.setPlaceholderText("Leave empty for no password")
        self.password.setToolTip("The PDF opens only with this password")
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName("Password again")
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a00000;")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Protective &marking", self.marking)
        form.addRow("", self.pseudonymise)
        form.addRow("", self.feedback)
        form.addRow("&Password", self.password)
        form.addRow("Password &again", self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def options(self) -> MinutesOptions:
        return MinutesOptions(
            marking=" ".join(self.marking.text().split()) or DEFAULT_MARKING,
            pseudonymise=self.pseudonymise.isChecked(),
            password=self.password.text() or None,
            include_feedback=self.feedback.isChecked() and self.feedback.isEnabled(),
        )

    def _accept(self) -> None:
        if self.password.text() != self.again.text():
            self.problem.setText("The two passwords are not the same.")
            return
        options = self.options()
        self.settings.setValue(MARKING_KEY, options.marking)
        self.settings.setValue(self.pseudonymise_key, options.pseudonymise)
        if self.feedback.isEnabled():  # a meeting with no feedback to include says nothing of the choice
            self.settings.setValue(self.feedback_key, options.include_feedback)
        self.accept()

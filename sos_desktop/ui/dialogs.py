"""Small dialogs the console asks with: case details, a name, a yes/no before deleting, a file to open or save.

Kept as module functions so tests can answer them without a person at the keyboard.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from sos_desktop.exporters.minutes import MinutesOptions
from sos_desktop.models import Case, Framework
from sos_desktop.models.meeting import MAX_LABEL_LENGTH
from sos_desktop.models.templates import template
from sos_desktop.ui.minutes_dialog import MinutesDialog

JSON_FILTER = "Meeting files (*.json);;All files (*)"
PDF_FILTER = "PDF documents (*.pdf)"


class CaseDialog(QDialog):
    """Name, reference and framework of a case."""

    def __init__(self, parent: QWidget | None, case: Case | None, default: Framework | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Case details" if case else "New case")
        self.setMinimumWidth(520)
        self.label = QLineEdit(case.label if case else "")
        self.label.setMaxLength(MAX_LABEL_LENGTH)
        self.label.setPlaceholderText("For example: Family S (avoid a child's full name)")
        self.label.setAccessibleName("Case name")
        self.reference = QLineEdit(case.reference if case else "")
        self.reference.setMaxLength(MAX_LABEL_LENGTH)
        self.reference.setPlaceholderText("The case number in your records system (optional)")
        self.reference.setAccessibleName("Case reference")
        self.framework = QComboBox()
        self.framework.setAccessibleName("Practice framework")
        for framework in Framework:
            self.framework.addItem(template(framework).name, framework.value)
        chosen = case.framework if case else default  # a new case starts in the default set in Settings
        if chosen is not None:
            self.framework.setCurrentIndex(self.framework.findData(chosen.value))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.label.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.ok.setEnabled(bool(self.label.text().strip()))
        form = QFormLayout(self)
        form.addRow("&Name", self.label)
        form.addRow("&Reference", self.reference)
        form.addRow("&Framework", self.framework)
        form.addRow(buttons)

    def case(self, base: Case | None) -> Case:
        return Case(
            label=self.label.text(),
            reference=self.reference.text().strip(),
            framework=Framework(self.framework.currentData()),
            id=base.id if base else None,
            extra=dict(base.extra) if base else {},
        )


def ask_case(parent: QWidget, case: Case | None = None, framework: Framework | None = None) -> Case | None:
    """A case's details; a new case starts in ``framework`` (the default set in Settings)."""
    dialog = CaseDialog(parent, case, framework)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.case(case)


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    value = value.strip()
    return value if ok and value else None


def confirm(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def tell(parent: QWidget, title: str, message: str) -> None:
    """Something went wrong or was refused: a warning."""
    QMessageBox.warning(parent, title, message)


def inform(parent: QWidget, title: str, message: str) -> None:
    """Something was done, or there was nothing to do: plain information, no warning sign."""
    QMessageBox.information(parent, title, message)


def ask_open_path(parent: QWidget, title: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, "", JSON_FILTER)
    return Path(name) if name else None


def ask_save_path(parent: QWidget, title: str, suggestion: str, file_filter: str = JSON_FILTER) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, suggestion, file_filter)
    return Path(name) if name else None


def ask_minutes_options(parent: QWidget, settings: QSettings, *, has_feedback: bool) -> MinutesOptions | None:
    """How the minutes are to be made (marking, pseudonymised, feedback, password), or None if cancelled."""
    dialog = MinutesDialog(settings, parent, has_feedback=has_feedback)
    return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None

"""The case details form: name, reference, team and practice framework of a case (asked through
``dialogs.ask_case``); the team offers the database's known teams as completions.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from sos_desktop.models import Case, Framework
from sos_desktop.models.meeting import MAX_LABEL_LENGTH
from sos_desktop.models.templates import template
from sos_desktop.ui.common.fields import limit_length


class CaseDialog(QDialog):
    """Name, reference, team and framework of a case."""

    def __init__(
        self,
        parent: QWidget | None,
        case: Case | None,
        default: Framework | None = None,
        teams: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Case details" if case else "New case")
        self.setMinimumWidth(520)
        self.label = QLineEdit(case.label if case else "")
        limit_length(self.label, MAX_LABEL_LENGTH)
        self.label.setPlaceholderText("For example: Family S (avoid a child's full name)")
        self.label.setAccessibleName("Case name")
        self.reference = QLineEdit(case.reference if case else "")
        limit_length(self.reference, MAX_LABEL_LENGTH)
        self.reference.setPlaceholderText("The case number in your records system (optional)")
        self.reference.setAccessibleName("Case reference")
        self.team = QLineEdit(case.team if case else "")
        limit_length(self.team, MAX_LABEL_LENGTH)
        self.team.setPlaceholderText("The team the case belongs to, for the team's audit (optional)")
        self.team.setAccessibleName("Team")
        completer = QCompleter(list(teams), self.team)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.team.setCompleter(completer)
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
        form.addRow("&Team", self.team)
        form.addRow("&Framework", self.framework)
        form.addRow(buttons)

    def case(self, base: Case | None) -> Case:
        return Case(
            label=self.label.text(),
            reference=self.reference.text().strip(),
            framework=Framework(self.framework.currentData()),
            id=base.id if base else None,
            extra=dict(base.extra) if base else {},
            team=" ".join(self.team.text().split()),
        )

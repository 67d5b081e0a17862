"""The joint case audit form: the auditor and the case's worker grade how the practice was used, question by
question (Outstanding, Good, Requires improvement, Inadequate, or not graded), with a comment on each, an overall
comment and the worker's reflection.

The case's earlier audits are listed at the top; "New audit" starts a blank one with the practice's questions.
The form is team-wide data, not a meeting: Save writes it to the store at once (no undo), and a failure is told in
a message with everything typed left in the form.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models.case_audit import (
    GRADE_LABELS,
    GRADED,
    MAX_NAME_LENGTH,
    AuditAnswer,
    CaseAudit,
    Grade,
    new_audit,
)
from sos_desktop.store.errors import StoreError
from sos_desktop.store.store import Store
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.date_field import OptionalDateField, date_text
from sos_desktop.ui.common.fields import PlainTextField, limit_length

NEW = "New audit"
GRADE_ORDER = (*GRADED, Grade.NOT_GRADED)


def audit_title(audit: CaseAudit) -> str:
    """How the list of the case's audits names one: "5 Mar 2026 by Ruth Mensah"."""
    return f"{date_text(audit.audited_on)} by {audit.auditor}"


class AnswerRow:
    """One question of the form: its words, a grade chooser and a comment field."""

    def __init__(self, grid: QGridLayout, row: int, answer: AuditAnswer) -> None:
        self.question = answer.question
        self.label = QLabel(f"{row + 1}. {answer.question}")
        self.label.setWordWrap(True)
        self.grade = QComboBox()
        self.grade.setAccessibleName(f"Grade for question {row + 1}")
        for grade in GRADE_ORDER:
            self.grade.addItem(GRADE_LABELS[grade], grade)
        self.grade.setCurrentIndex(GRADE_ORDER.index(answer.grade))
        self.comment = PlainTextField(f"Comment on question {row + 1}")
        self.comment.setFixedHeight(self.comment.fontMetrics().lineSpacing() * 2 + 12)
        self.comment.setPlaceholderText("What was seen, and what would make it even better")
        self.comment.setPlainText(answer.comment)
        grid.addWidget(self.label, row, 0)
        grid.addWidget(self.grade, row, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.comment, row, 2)

    def answer(self) -> AuditAnswer:
        return AuditAnswer(self.question, Grade(self.grade.currentData()), self.comment.toPlainText())


class CaseAuditDialog(QDialog):
    """The joint audits of one case (``case_label`` shown in the title): pick one, or start a new one, and save."""

    saved = Signal()

    def __init__(
        self, store: Store, case_id: int, case_label: str, worker: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.case_id = case_id
        self.worker_default = worker
        self.today: Callable[[], date] = date.today
        self.audits: list[CaseAudit] = []
        self.current: CaseAudit | None = None
        self.rows: list[AnswerRow] = []
        self.setWindowTitle(f"Joint case audit — {case_label}")
        self.chooser = QComboBox()
        self.chooser.setAccessibleName("The case's audits")
        self.chooser.setToolTip("The case's joint audits, newest first, or a new one")
        self.audited_on = OptionalDateField("Date of the audit", "No date")
        self.auditor = QLineEdit()
        self.auditor.setAccessibleName("Auditor")
        limit_length(self.auditor, MAX_NAME_LENGTH)
        self.worker = QLineEdit()
        self.worker.setAccessibleName("Worker")
        limit_length(self.worker, MAX_NAME_LENGTH)
        self.overall = PlainTextField("Overall comment")
        self.overall.setPlaceholderText("The auditor's overall view of the practice on this case")
        self.reflection = PlainTextField("The worker's reflection")
        self.reflection.setPlaceholderText("What the worker takes from the audit, in their own words")
        self.problem = QLabel()
        self.problem.setObjectName("audit-problem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.problem.hide()

        heading = QFormLayout()
        heading.addRow("&Audit", self.chooser)
        heading.addRow("&Date", self.audited_on)
        heading.addRow("Audi&tor", self.auditor)
        heading.addRow("&Worker", self.worker)
        self.questions = QWidget()
        self.grid = QGridLayout(self.questions)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(2, 4)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.questions)
        closing = QFormLayout()
        closing.addRow("&Overall comment", self.overall)
        closing.addRow("Worker's &reflection", self.reflection)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton("&Save")
        self.save_button.setDefault(True)
        self.delete_button = QPushButton("De&lete this audit…")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ApplyRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(QLabel("<b>Questions</b> — grade each, with a comment"))
        layout.addWidget(scroll, 1)
        layout.addLayout(closing)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.resize(1100, 820)
        self.reload()

    # Reading -----------------------------------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        """Read the case's audits again and show ``select_id`` (the newest, or a new one when there is none)."""
        try:
            self.audits = self.store.case_audits(self.case_id)
        except StoreError as error:
            self.audits = []
            self._show_problem(f"The case's audits could not be read: {error}")
        self.chooser.blockSignals(True)
        self.chooser.clear()
        self.chooser.addItem(NEW, None)
        for audit in self.audits:
            self.chooser.addItem(audit_title(audit), audit.id)
        index = next((i + 1 for i, a in enumerate(self.audits) if a.id == select_id), 1 if self.audits else 0)
        self.chooser.setCurrentIndex(index)
        self.chooser.blockSignals(False)
        self._chosen(index)

    def _chosen(self, index: int) -> None:
        audit_id = self.chooser.itemData(index)
        found = next((a for a in self.audits if a.id == audit_id), None) if audit_id is not None else None
        self.current = found
        if found is None:
            # A new audit: the practice's questions, today, the auditor of the case's last audit offered.
            last = self.audits[0].auditor if self.audits else ""
            self.show_audit(new_audit(self.today(), last or "-", self.worker_default), auditor=last)
        else:
            self.show_audit(found)
        self.delete_button.setEnabled(found is not None)

    def show_audit(self, audit: CaseAudit, auditor: str | None = None) -> None:
        self.audited_on.set_value(audit.audited_on)
        self.auditor.setText(audit.auditor if auditor is None else auditor)
        self.worker.setText(audit.worker)
        self.overall.setPlainText(audit.overall)
        self.reflection.setPlainText(audit.reflection)
        for row in self.rows:
            for widget in (row.label, row.grade, row.comment):
                self.grid.removeWidget(widget)
                widget.deleteLater()
        self.rows = [AnswerRow(self.grid, number, answer) for number, answer in enumerate(audit.answers)]
        self.problem.hide()

    # Saving ------------------------------------------------------------------------------------------------------

    def audit_on_form(self) -> CaseAudit:
        """The audit as the form holds it; ValueError (one sentence) when something must be put right first."""
        day = self.audited_on.value()
        if day is None or self.audited_on.is_invalid():
            raise ValueError("The audit needs its date, such as 5/3/2026.")
        audit = CaseAudit(
            day,
            self.auditor.text(),
            self.worker.text(),
            [row.answer() for row in self.rows],
            self.overall.toPlainText(),
            self.reflection.toPlainText(),
        )
        if self.current is not None:
            audit.id, audit.case_id = self.current.id, self.case_id
        return audit

    def save(self) -> bool:
        """Write the form to the store; True when saved, otherwise the reason shown and the form kept."""
        try:
            audit = self.audit_on_form()
        except ValueError as error:
            self._show_problem(str(error))
            return False
        try:
            if audit.id is None:
                audit = self.store.add_case_audit(self.case_id, audit)
            else:
                self.store.update_case_audit(audit)
        except StoreError as error:
            dialogs.tell(self, "Could not save the audit", str(error))
            return False
        self.reload(select_id=audit.id)
        self.saved.emit()
        return True

    def delete(self) -> None:
        if self.current is None or self.current.id is None:
            return
        question = f"Delete the audit of {audit_title(self.current)} for good? This cannot be undone."
        if not dialogs.confirm(self, "Delete audit", question):
            return
        try:
            self.store.delete_case_audit(self.current.id)
        except StoreError as error:
            dialogs.tell(self, "Could not delete the audit", str(error))
            return
        self.reload()
        self.saved.emit()

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

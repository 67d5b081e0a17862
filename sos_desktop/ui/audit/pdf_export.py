"""Export PDF… of the team audit: where to write it and whether to print the cases' labels (de-identified, by
case code, unless ticked), then the summary of the cases the filter shows, written all or nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sos_desktop.exporters.audit.pdf import AuditReport, write_audit_pdf
from sos_desktop.exporters.errors import ExportError
from sos_desktop.models.audit import AuditFilter, CaseFigures
from sos_desktop.store.errors import StoreError
from sos_desktop.store.store import Store
from sos_desktop.ui.common import dialogs

PDF_FILTER = "PDF files (*.pdf)"


class AuditPdfDialog(QDialog):
    """Asks whether the summary names the cases by label."""

    def __init__(self, cases: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export the audit summary")
        self.labels = QCheckBox("With case &labels")
        self.labels.setToolTip("Off: cases are named by their code only, so the file names no family")
        explain = QLabel(
            f"The summary of the {cases:,} cases shown, for managers. Without labels the cases are named by their "
            "code (Case 0042), which only somebody with the database can turn back into a family."
        )
        explain.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.labels)
        layout.addWidget(buttons)


def export_audit_pdf(
    parent: QWidget,
    store: Store,
    rows: Sequence[CaseFigures],
    audit_filter: AuditFilter,
    labels: Mapping[int, str],
    today: date,
) -> bool:
    """Ask, then write the summary; True when written. Failures are told in one sentence and write nothing."""
    choice = AuditPdfDialog(len(rows), parent)
    if choice.exec() != QDialog.DialogCode.Accepted:
        return False
    path = dialogs.ask_save_path(parent, "Export the audit summary", f"team-audit-{today.isoformat()}.pdf", PDF_FILTER)
    if path is None:
        return False
    try:
        audits = store.case_audits()
        report = AuditReport(rows, audit_filter, today, audits, dict(labels) if choice.labels.isChecked() else None)
        write_audit_pdf(path, report)
    except (StoreError, ExportError) as error:
        dialogs.tell(parent, "Could not export the audit summary", str(error))
        return False
    dialogs.inform(parent, "Audit summary exported", f"The summary was written to {path}.")
    return True

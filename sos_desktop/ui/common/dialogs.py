"""Small dialogs the console asks with: case details (:mod:`.case_dialog`), a name, a yes/no before deleting, a
file to open or save.

Kept as module functions so tests can answer them without a person at the keyboard.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

if TYPE_CHECKING:
    from sos_desktop.exporters.minutes.options import MinutesOptions
    from sos_desktop.models import Case, Framework

JSON_FILTER = "Meeting files (*.json);;All files (*)"
PDF_FILTER = "PDF documents (*.pdf)"


def ask_case(parent: QWidget, case: Case | None = None, framework: Framework | None = None) -> Case | None:
    """A case's details; a new case starts in ``framework`` (the default set in Settings)."""
    from sos_desktop.ui.common.case_dialog import CaseDialog

    dialog = CaseDialog(parent, case, framework, _known_teams(parent))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.case(case)


def _known_teams(parent: QWidget) -> list[str]:
    """The teams of the parent window's database, for the case form's completions (none when it has no store)."""
    from sos_desktop.store.errors import StoreError

    case_teams = getattr(getattr(parent, "store", None), "case_teams", None)
    if case_teams is None:
        return []
    try:
        return list(case_teams())
    except StoreError:
        return []  # the form still works: the team is typed in full


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


def ask_unsaved(parent: QWidget, message: str, doing: str) -> str:
    """Edits are still waiting for the database: "wait" (keep trying), "export" (a meeting file first) or "close"
    (go on and ``doing``, e.g. "quit").
    """
    from sos_desktop.ui.common.choice import ask_choice

    role = QMessageBox.ButtonRole
    buttons = [
        ("&Keep trying", role.RejectRole, "wait"),
        ("&Export meeting file…", role.ActionRole, "export"),
        (f"{doing[:1].upper()}{doing[1:]} &anyway", role.DestructiveRole, "close"),
    ]
    texts = (message, "SoS Desktop tries to save them every few seconds while it is open.")
    return ask_choice(parent, QMessageBox.Icon.Warning, "Changes not saved yet", texts, buttons, "wait")


def ask_kept_changes(parent: QWidget, message: str) -> str:
    """A journal of unsaved changes from an earlier session: "restore", "copy", "discard" or "later"."""
    from sos_desktop.ui.common.choice import ask_choice

    role = QMessageBox.ButtonRole
    buttons = [
        ("&Restore them", role.AcceptRole, "restore"),
        ("Keep both (add as a &copy)", role.ActionRole, "copy"),
        ("&Discard them", role.DestructiveRole, "discard"),
        ("Decide &later", role.RejectRole, "later"),
    ]
    texts = (
        message,
        "Restore puts the meeting as it was on screen in place of the one in the database (a backup is made "
        "first). Keep both adds it as a new meeting beside it. Decide later asks again next time.",
    )
    return ask_choice(parent, QMessageBox.Icon.Warning, "Unsaved changes were kept", texts, buttons, "later")


def inform(parent: QWidget, title: str, message: str) -> None:
    """Something was done, or there was nothing to do: plain information, no warning sign."""
    QMessageBox.information(parent, title, message)


def ask_open_path(parent: QWidget, title: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, "", JSON_FILTER)
    return Path(name) if name else None


def ask_save_path(parent: QWidget, title: str, suggestion: str, file_filter: str = JSON_FILTER) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, suggestion, file_filter)
    return Path(name) if name else None


def ask_minutes_options(
    parent: QWidget, settings: QSettings, *, has_feedback: bool, database: str = ""
) -> MinutesOptions | None:
    """How the minutes are to be made (marking, pseudonymised, feedback, password), or None if cancelled; the
    choices made last time for ``database`` (its URL) are offered first.
    """
    from sos_desktop.ui.common.minutes_dialog import MinutesDialog

    dialog = MinutesDialog(settings, parent, has_feedback=has_feedback, database=database)
    return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None

"""The console's Practice menu: what a practice leader and the team keep beyond any one meeting — a leader's
development plan, the team's best questions, a practitioner's own learning journal and the team's audit across
cases.

Each entry opens its room's window over the console's store (the window is built when first asked for, so the menu
costs nothing at start-up). The menu is the same whether or not a meeting is open; entries that act on the open
meeting say so and ask for one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from sos_desktop.ui.common.console import Console


class PracticeMenu(QObject):
    """The Practice menu of ``window``; each room adds its entries in :meth:`__init__`, in the order shown."""

    def __init__(self, window: Console) -> None:
        super().__init__(window)
        self.window = window
        self.menu = QMenu("&Practice", window)
        self.add("&Development plan…", "development", self.show_development, "A practice leader's two-year plan")
        self.add("&Best questions…", "questions", self.show_questions, "The team's library of questions that helped")
        self.add("Learning &journal…", "journal", self.show_journal, "Your reflections, sealed with your passphrase")
        self.add("Team &audit…", "audit", self.show_audit, "How the practice is used across the team's cases")
        self.add("Audit this &case…", "case-audit", self.audit_case, "The open meeting's case: its joint case audits")

    def show_development(self) -> object:
        """A practice leader's development plan and report (see ``ui/development``)."""
        from sos_desktop.ui.development.plan_window import DevelopmentPlanWindow

        window = DevelopmentPlanWindow(self.window.store, self.window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        return window

    def show_questions(self) -> object:
        """The team's library of best questions (see ``ui/questions``); the console's prompts follow its changes."""
        from sos_desktop.ui.shell.best_questions import BestQuestionsControl

        control = self.window.findChild(BestQuestionsControl)
        return control.open_library() if control is not None else None

    def show_journal(self) -> object:
        """A practitioner's own learning journal, after its passphrase (see ``ui/reflections``)."""
        from sos_desktop.ui.reflections.opening import open_journal

        return open_journal(self.window)

    def show_audit(self) -> object:
        """The team's audit across cases (see ``ui/audit``), its figures read in the background."""
        from sos_desktop.ui.audit.window import AuditWindow

        window = AuditWindow(self.window.store, self.window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        window.load()
        return window

    def audit_case(self) -> object:
        """The joint audits of the open meeting's case (the presenter offered as the worker); asks for a meeting."""
        from sos_desktop.models import AttendeeRole
        from sos_desktop.ui.audit.case_audit_dialog import CaseAuditDialog
        from sos_desktop.ui.common import dialogs

        document = self.window.document
        if document is None or document.case.id is None:
            dialogs.inform(self.window, "Audit this case", "Open a meeting of the case to audit first.")
            return None
        presenters = [a.name for a in document.meeting.attendees if a.role == AttendeeRole.PRESENTER]
        worker = presenters[0] if presenters else ""
        dialog = CaseAuditDialog(self.window.store, document.case.id, document.case.label, worker, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def add(self, text: str, name: str, slot: Callable[[], object], tip: str) -> QAction:
        """An entry of the menu called ``text`` (object name ``practice-<name>``) that runs ``slot``."""
        action = QAction(text, self.window)
        action.setObjectName(f"practice-{name}")
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

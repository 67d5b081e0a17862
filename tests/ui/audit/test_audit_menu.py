"""The console's ways into the audit: Practice › Team audit… and Practice › Audit this case… (the open meeting's)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sos_desktop.ui.audit.case_audit_dialog import CaseAuditDialog
from sos_desktop.ui.audit.window import AuditWindow
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.shell.main_window import MainWindow


def _trigger(window: MainWindow, name: str) -> None:
    [action] = [a for a in window.practice_menu.menu.actions() if a.objectName() == f"practice-{name}"]
    action.trigger()


def _opened(kind: type) -> list[object]:
    return [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, kind) and widget.isVisible()]


def test_team_audit_opens_over_the_console_s_database(qtbot: QtBot, window: MainWindow) -> None:
    _trigger(window, "audit")
    [audit] = _opened(AuditWindow)
    assert isinstance(audit, AuditWindow)
    qtbot.waitUntil(lambda: audit.loaded, timeout=10_000)
    assert audit.model.rowCount() == len(window.store.list_cases())
    audit.close()


def test_audit_this_case_opens_the_open_meeting_s_case(window: MainWindow) -> None:
    assert window.document is not None
    _trigger(window, "case-audit")
    [dialog] = _opened(CaseAuditDialog)
    assert isinstance(dialog, CaseAuditDialog)
    assert dialog.case_id == window.document.case.id
    assert window.document.case.label in dialog.windowTitle()
    dialog.close()


def test_audit_this_case_asks_for_a_meeting(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, message: told.append(message))
    window.close_meeting()
    _trigger(window, "case-audit")
    assert told == ["Open a meeting of the case to audit first."]
    assert _opened(CaseAuditDialog) == []

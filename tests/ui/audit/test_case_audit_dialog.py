"""The joint case audit form: graded questions saved to the store at once and read back; a failure is told."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sos_desktop.models import Case
from sos_desktop.models.case_audit import DEFAULT_QUESTIONS, Grade
from sos_desktop.store.errors import StoreError
from sos_desktop.store.store import Store
from sos_desktop.ui.audit.case_audit_dialog import NEW, CaseAuditDialog
from sos_desktop.ui.common import dialogs


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(f"sqlite:///{tmp_path / 'audit.sqlite3'}")


def _dialog(qtbot: QtBot, store: Store, case_id: int) -> CaseAuditDialog:
    dialog = CaseAuditDialog(store, case_id, "Family T", "Sam Patel")
    qtbot.addWidget(dialog)
    return dialog


def test_a_new_audit_is_graded_saved_and_read_back(qtbot: QtBot, store: Store) -> None:
    case = store.add_case(Case(label="Family T"))
    assert case.id is not None
    dialog = _dialog(qtbot, store, case.id)
    assert dialog.chooser.currentText() == NEW
    assert [row.question for row in dialog.rows] == list(DEFAULT_QUESTIONS)
    assert dialog.worker.text() == "Sam Patel"
    dialog.audited_on.set_value(date(2026, 11, 2))
    dialog.auditor.setText("Ruth Mensah")
    dialog.rows[3].grade.setCurrentIndex(dialog.rows[3].grade.findData(Grade.INADEQUATE))
    dialog.rows[3].comment.setPlainText("Two danger statements have no goal")
    dialog.reflection.setPlainText("I will write the goals with the family")
    assert dialog.save()
    [saved] = store.case_audits(case.id)
    assert saved.auditor == "Ruth Mensah" and saved.audited_on == date(2026, 11, 2)
    assert saved.answers[3].grade is Grade.INADEQUATE
    assert saved.reflection == "I will write the goals with the family"
    again = _dialog(qtbot, store, case.id)
    assert again.chooser.currentText() == "2 Nov 2026 by Ruth Mensah"
    assert again.rows[3].grade.currentData() == Grade.INADEQUATE
    assert again.rows[3].comment.toPlainText() == "Two danger statements have no goal"
    again.overall.setPlainText("Better")
    assert again.save()
    assert [a.overall for a in store.case_audits(case.id)] == ["Better"]


def test_an_audit_without_an_auditor_is_refused_on_the_form(qtbot: QtBot, store: Store) -> None:
    case = store.add_case(Case(label="Family T"))
    assert case.id is not None
    dialog = _dialog(qtbot, store, case.id)
    dialog.auditor.setText("   ")
    assert not dialog.save()
    assert "auditor" in dialog.problem.text()
    assert not dialog.problem.isHidden()
    assert store.case_audits(case.id) == []


def test_a_failed_save_is_told_and_the_form_keeps_what_was_typed(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = store.add_case(Case(label="Family T"))
    assert case.id is not None
    dialog = _dialog(qtbot, store, case.id)
    dialog.auditor.setText("Ruth")
    dialog.overall.setPlainText("Kept")
    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell", lambda parent, title, message: told.append(title))

    def refuse(*args: object) -> None:
        raise StoreError("The database is read-only.")

    monkeypatch.setattr(store, "add_case_audit", refuse)
    assert not dialog.save()
    assert told == ["Could not save the audit"]
    assert dialog.overall.toPlainText() == "Kept"


def test_an_audit_is_deleted_after_asking(qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    case = store.add_case(Case(label="Family T"))
    assert case.id is not None
    dialog = _dialog(qtbot, store, case.id)
    dialog.auditor.setText("Ruth")
    assert dialog.save()
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)
    dialog.delete()
    assert store.case_audits(case.id) == []
    assert dialog.chooser.currentText() == NEW

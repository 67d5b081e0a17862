"""The team audit window: figures read in the background, filters change the rows and the summary, sorting, the
case's joint audit opened from the table, the PDF exported de-identified.
"""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from sos_desktop.models import Attendee, AttendeeRole, Case, Meeting
from sos_desktop.store.store import Store
from sos_desktop.ui.audit import pdf_export
from sos_desktop.ui.audit.case_audit_dialog import CaseAuditDialog
from sos_desktop.ui.audit.table_model import COLUMNS, natural_key
from sos_desktop.ui.audit.window import AuditWindow
from sos_desktop.ui.common import dialogs

TODAY = date(2026, 12, 3)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(f"sqlite:///{tmp_path / 'audit.sqlite3'}")
    for label, team, worker, held_on in (
        ("Family North A", "North", "Sam Patel", datetime(2026, 11, 20, 10)),
        ("Family North B", "North", "Jo Reed", datetime(2026, 3, 1, 10)),
        ("Family South", "South", "Jo Reed", datetime(2025, 6, 1, 10)),
    ):
        case = store.add_case(Case(label=label, team=team))
        assert case.id is not None
        presenter = Attendee(worker, AttendeeRole.PRESENTER)
        store.add_meeting(Meeting(title="Mapping", case_id=case.id, held_on=held_on, attendees=[presenter]))
    return store


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> AuditWindow:
    window = AuditWindow(store, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    window.load()
    qtbot.waitUntil(lambda: window.loaded, timeout=10_000)
    return window


def _labels(window: AuditWindow) -> list[str]:
    return [window.model.index(row, 0).data() for row in range(window.model.rowCount())]


def test_the_figures_arrive_and_fill_the_table_tiles_and_charts(window: AuditWindow) -> None:
    assert _labels(window) == ["Family North A", "Family North B", "Family South"]
    assert window.tiles["cases"].figure == "3"
    assert window.status.text() == "3 of 3 cases shown"
    assert window.filters.team.count() == 3  # all teams, North, South
    assert window.standards.bars[0].of == 3
    assert sum(b.count for b in window.histogram.bins) == 3
    assert window.pdf_button.isEnabled()


def test_filters_change_the_rows_and_the_summary(window: AuditWindow) -> None:
    window.filters.team.setCurrentIndex(window.filters.team.findData("North"))
    assert _labels(window) == ["Family North A", "Family North B"]
    assert window.tiles["cases"].figure == "2"
    window.filters.worker.setCurrentIndex(window.filters.worker.findData("Jo Reed"))
    assert _labels(window) == ["Family North B"]
    window.filters.show_all()
    window.filters.set_period(date(2026, 1, 1), None)
    assert _labels(window) == ["Family North A", "Family North B"]
    window.filters.set_period(date(2027, 1, 1), None)
    assert _labels(window) == []
    assert "no case matches the filter" in window.status.text()
    assert window.tiles["map"].figure == "—"


def test_sorting_by_days_since_the_last_meeting(window: AuditWindow) -> None:
    days = [heading for heading, *_ in COLUMNS].index("Days since last")
    window.table.sortByColumn(days, Qt.SortOrder.DescendingOrder)
    assert _labels(window) == ["Family South", "Family North B", "Family North A"]
    assert window.model.index(0, days).data() == str((TODAY - date(2025, 6, 1)).days)
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _labels(window) == ["Family North A", "Family North B", "Family South"]


def test_a_double_click_opens_the_case_s_joint_audit(qtbot: QtBot, window: AuditWindow, store: Store) -> None:
    figures = window.model.case_at(1)
    assert figures is not None
    dialog = window.open_case_audit(figures)
    assert isinstance(dialog, CaseAuditDialog)
    assert dialog.windowTitle() == "Joint case audit — Family North B"
    assert dialog.worker.text() == "Jo Reed"
    dialog.auditor.setText("Ruth Mensah")
    assert dialog.save()
    assert [a.auditor for a in store.case_audits(figures.case_id)] == ["Ruth Mensah"]
    dialog.close()


def test_the_pdf_is_exported_without_case_labels_unless_ticked(
    window: AuditWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "summary.pdf"
    monkeypatch.setattr(pdf_export.AuditPdfDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: target)
    told: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, message: told.append(title))
    window.export_pdf()
    assert told == ["Audit summary exported"]
    assert target.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Family South" not in text
    assert "Case 0003" in text  # the case not met for over a year, by its code


def test_the_csv_is_exported_de_identified(
    window: AuditWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "audit.csv"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: target)
    monkeypatch.setattr(dialogs, "inform", lambda *args: None)
    window.filters.team.setCurrentIndex(window.filters.team.findData("North"))
    assert window.export_csv()
    text = target.read_text(encoding="utf-8-sig")
    assert len(text.strip().splitlines()) == 3  # the header and the two cases of North
    assert "Family" not in text and "Jo Reed" not in text


def test_the_table_model_passes_qt_s_model_checks_and_names_a_team_whole(window: AuditWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.model)
    team = window.model.index(0, 1)
    assert team.data(Qt.ItemDataRole.ToolTipRole) == team.data() == "North"


def test_cases_sort_by_their_numbers_as_people_read_them() -> None:
    labels = ["Family 10", "family 2", "Family 1 (invented)", "Family B"]
    assert sorted(labels, key=natural_key) == ["Family 1 (invented)", "family 2", "Family 10", "Family B"]


def test_closing_while_the_figures_are_read_loses_nothing_and_raises_nothing(qtbot: QtBot, store: Store) -> None:
    from PySide6.QtCore import QThreadPool

    early = AuditWindow(store, today=lambda: TODAY)
    early.show()
    early.load()
    early.close()
    early.reject()  # a second close is harmless
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)  # the finished signal, if it came, is delivered now
    assert not early.loaded

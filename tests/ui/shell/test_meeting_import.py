"""File › Import meeting file… of a meeting that is already in the database: the console asks first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from sos_desktop.exporters.interchange.files import write_meeting_file
from sos_desktop.store.repo.bundles import ImportMode
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.shell import meeting_import
from sos_desktop.ui.shell.main_window import MainWindow


def _export_open_meeting(window: MainWindow, folder: Path) -> Path:
    assert window.document is not None
    path = folder / "meeting.json"
    write_meeting_file(window.store.load_bundle(window.document.meeting_id), path)
    return path


def _answering(monkeypatch: pytest.MonkeyPatch, path: Path, choice: ImportMode | None) -> tuple[list[str], list[str]]:
    """Import ``path``, answering the question with ``choice``; returns the questions asked and the reports told."""
    asked: list[str] = []
    told: list[str] = []

    def ask(parent: QWidget, refusal: str) -> ImportMode | None:
        asked.append(refusal)
        return choice

    monkeypatch.setattr(dialogs, "ask_open_path", lambda parent, title: path)
    monkeypatch.setattr(meeting_import, "ask_import_again", ask)
    monkeypatch.setattr(dialogs, "tell", lambda parent, title, message: told.append(f"{title}: {message}"))
    return asked, told


def test_importing_the_open_meeting_again_asks_and_leaving_it_adds_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.document is not None
    meeting_id = window.document.meeting_id
    asked, told = _answering(monkeypatch, _export_open_meeting(window, tmp_path), None)
    window.import_file()
    assert asked == [
        "This meeting is already in the database: 'Group supervision (demo)' held on 2026-11-21 in case DEMO-0001 "
        f"(meeting {meeting_id})."
    ]
    assert told == []
    assert len(window.store.meeting_headings()) == 3  # the demo's three meetings, nothing added


def test_adding_it_as_a_new_meeting_opens_the_copy(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.document is not None
    original = window.document.meeting_id
    _answering(monkeypatch, _export_open_meeting(window, tmp_path), ImportMode.AS_COPY)
    window.import_file()
    assert len(window.store.meeting_headings()) == 4  # the demo's three and the copy
    assert window.document is not None and window.document.meeting_id != original


def test_replacing_it_keeps_its_id_and_reports_the_backup_to_restore(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.document is not None
    meeting_id = window.document.meeting_id
    path = _export_open_meeting(window, tmp_path)
    document = json.loads(path.read_text("utf-8"))
    document["meeting"]["title"] = "Group supervision (demo, corrected)"
    document["case"]["label"] = "Family D"
    path.write_text(json.dumps(document), "utf-8")
    _, told = _answering(monkeypatch, path, ImportMode.REPLACE)
    window.import_file()
    assert [heading.id for heading in window.store.meeting_headings()] == [meeting_id, meeting_id + 1, meeting_id + 2]
    assert window.store.get_meeting(meeting_id).title == "Group supervision (demo, corrected)"
    assert window.document is not None and window.document.meeting_id == meeting_id
    [report] = told
    assert report.startswith(
        "Imported, with notes: Case DEMO-0001 is 'Family Demo (invented)' (Signs of Safety) here; the file says "
        "'Family D' (Signs of Safety). The meeting was filed under the existing case, unchanged."
    )
    newest = window.store.newest_backup()
    assert newest is not None and f"backed up as {newest.path}" in report
    assert "File › Restore from a backup…" in report


def test_the_question_offers_a_copy_a_replacement_or_leaving_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[list[str]] = []

    def answer(box: QMessageBox) -> int:
        seen.append([button.text() for button in box.buttons()])
        assert box.defaultButton().text() == "&Leave it"
        box.grab().save(str(tmp_path / "ask-import-again.png"))
        replace = next(button for button in box.buttons() if button.text() == "&Replace it")
        replace.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    chosen = meeting_import.ask_import_again(parent, "This meeting is already in the database: 'M' (meeting 1).")
    assert chosen is ImportMode.REPLACE
    assert sorted(seen[0]) == ["&Leave it", "&Replace it", "Add as a new &meeting"]

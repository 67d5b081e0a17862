"""The console with an encrypted database (opened, encrypted, re-keyed) and with a meeting someone else changed.

Passphrases: nothing typed is refused with a sentence (the console hung on "Opening the database…"), a new one of
spaces is refused, an encryption cut short is put right before the console opens, and the offer of the newest
backup restores an encrypted database with its passphrase.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from sos_desktop.app import build_window
from sos_desktop.models import MapItem
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store import encryption
from sos_desktop.store.engine import resolve_database_url, sqlite_file
from sos_desktop.store.errors import StaleWriteError
from sos_desktop.store.store import Store
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.shell import backup_menu, encryption_menu
from sos_desktop.ui.shell.main_window import MainWindow

PASSPHRASE = "a passphrase for the team"


def _args(data_dir: Path) -> argparse.Namespace:
    return argparse.Namespace(data_dir=data_dir, db=None, command=None)


def _database(data_dir: Path) -> Path:
    path = sqlite_file(resolve_database_url(None, data_dir))
    assert path is not None
    return path


@pytest.fixture
def encrypted_dir(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder whose database is encrypted with PASSPHRASE and holds the demo meeting."""
    pytest.importorskip("sqlcipher3", reason="SQLCipher (the 'encryption' extra) is not installed")
    monkeypatch.delenv("SOS_DESKTOP_PASSPHRASE", raising=False)
    with Store.open(resolve_database_url(None, data_dir), PASSPHRASE) as store:
        store.save_bundle(demo_bundle())
    return data_dir


def _open(qtbot: QtBot, data_dir: Path) -> MainWindow:
    window, problem = build_window(_args(data_dir))
    assert window is not None, problem
    qtbot.addWidget(window)
    return window


def test_the_console_opens_an_encrypted_database_with_the_passphrase_from_the_environment(
    qtbot: QtBot, encrypted_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOS_DESKTOP_PASSPHRASE", PASSPHRASE)
    window = _open(qtbot, encrypted_dir)
    assert window.store.passphrase == PASSPHRASE
    assert [case.label for case in window.store.list_cases()] == ["Family Demo (invented)"]
    assert not window.encryption_menu.encrypt_action.isEnabled()
    assert window.encryption_menu.change_action.isEnabled()
    window.store.close()


def test_the_console_asks_again_after_a_wrong_passphrase(
    qtbot: QtBot, encrypted_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answers = iter(["not it", PASSPHRASE])
    monkeypatch.setattr(
        encryption_menu, "ask_passphrase", lambda _parent, message: asked.append(message) or next(answers)
    )
    window = _open(qtbot, encrypted_dir)
    assert asked[0].startswith("This database is encrypted; give its passphrase")
    assert asked[1].startswith("The passphrase does not open this database")
    assert window.store.passphrase == PASSPHRASE
    window.store.close()


def test_cancelling_the_passphrase_opens_nothing_and_leaves_the_file_untouched(
    encrypted_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _database(encrypted_dir).read_bytes()
    monkeypatch.setattr(encryption_menu, "ask_passphrase", lambda _parent, _message: None)
    window, problem = build_window(_args(encrypted_dir))
    assert window is None
    assert problem == encryption_menu.NOT_OPENED
    assert _database(encrypted_dir).read_bytes() == before


def test_encrypting_from_the_file_menu_keeps_the_meeting_open(
    qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("sqlcipher3", reason="SQLCipher (the 'encryption' extra) is not installed")
    assert window.document is not None
    meeting_id = window.document.meeting_id
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    monkeypatch.setattr(encryption_menu, "ask_passphrase", lambda _parent, _message: PASSPHRASE)

    window.encryption_menu.encrypt_action.trigger()

    assert window.store.passphrase == PASSPHRASE
    assert b"Family Demo" not in _database(data_dir).read_bytes()
    assert window.document is not None and window.document.meeting_id == meeting_id
    window.document.set_detail("title", "Saved encrypted")
    with pytest.raises(Exception, match="encrypted"):
        Store.open(resolve_database_url(None, data_dir))
    with Store.open(resolve_database_url(None, data_dir), PASSPHRASE) as other:
        assert other.get_meeting(meeting_id).title == "Saved encrypted"

    answers = iter([PASSPHRASE, "the new one", "the new one"])
    monkeypatch.setattr(encryption_menu, "ask_passphrase", lambda _parent, _message: next(answers))
    window.encryption_menu.change_action.trigger()
    assert window.store.passphrase == "the new one"
    assert window.store.get_meeting(meeting_id).title == "Saved encrypted"


def test_a_change_someone_else_saved_first_is_reported_and_the_meeting_reloaded(
    qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = window.document
    assert document is not None
    card = document.meeting.items[0]
    assert card.id is not None
    with Store.open(resolve_database_url(None, data_dir)) as colleague:
        colleague.get_meeting(document.meeting_id)
        colleague.update_item(MapItem(id=card.id, category=card.category, text="The colleague's wording"))
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, _title, question: questions.append(question) or True)

    with qtbot.waitSignal(document.saveFailed) as failed:
        document.set_item_text(card.id, "My wording")

    assert failed.args == [StaleWriteError.default_message]
    assert document.stale
    assert questions and questions[0].startswith("Someone else changed this meeting since you opened it")
    qtbot.waitUntil(lambda: window.document is not document)
    assert window.document is not None
    assert next(i for i in window.document.meeting.items if i.id == card.id).text == "The colleague's wording"
    window.document.set_item_text(card.id, "My wording, after reloading")
    assert next(i for i in window.store.get_meeting(document.meeting_id).items if i.id == card.id).text == (
        "My wording, after reloading"
    )


def _answers(monkeypatch: pytest.MonkeyPatch, *answers: str | None) -> list[str]:
    """Answer the passphrase box with ``answers`` in turn; returns what each box said."""
    asked: list[str] = []
    queue = iter(answers)

    def answer(_parent: object, message: str) -> str | None:
        asked.append(message)
        return next(queue)

    monkeypatch.setattr(encryption_menu, "ask_passphrase", answer)
    return asked


def test_nothing_typed_as_the_passphrase_is_refused_in_a_sentence_and_asked_again(
    qtbot: QtBot, encrypted_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _answers(monkeypatch, "", PASSPHRASE)

    window, problem = build_window(_args(encrypted_dir))

    assert window is not None, problem
    qtbot.addWidget(window)
    assert asked[1].startswith("No passphrase was typed. Type the passphrase that opens this database")
    assert window.store.passphrase == PASSPHRASE
    window.store.close()


def test_nothing_typed_then_cancel_stops_with_a_sentence_and_touches_nothing(
    encrypted_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _database(encrypted_dir).read_bytes()
    _answers(monkeypatch, "", None)

    window, problem = build_window(_args(encrypted_dir))

    assert window is None
    assert problem == encryption_menu.NOT_OPENED
    assert _database(encrypted_dir).read_bytes() == before


def test_a_new_passphrase_of_only_spaces_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _answers(monkeypatch, "   ", "a real one", "a real one")

    assert encryption_menu.ask_new_passphrase(None, "Choose the passphrase.") == "a real one"
    assert asked == [
        "Choose the passphrase.",
        "The passphrase cannot be empty or only spaces; choose another.",
        "Type the same passphrase again.",
    ]


def test_a_plain_copy_left_by_an_encryption_cut_short_is_removed_before_the_console_opens(
    qtbot: QtBot, encrypted_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = _database(encrypted_dir)
    aside = encryption.plain_aside(database)
    with Store.open(f"sqlite:///{aside}") as plain:
        plain.save_bundle(demo_bundle())
    assert b"Lily Example" in aside.read_bytes()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    monkeypatch.setenv("SOS_DESKTOP_PASSPHRASE", PASSPHRASE)

    window, problem = build_window(_args(encrypted_dir))

    assert window is not None, problem
    qtbot.addWidget(window)
    assert not aside.exists()
    assert len(told) == 1 and "overwritten with zeros and removed" in told[0]
    window.store.close()


def test_the_offer_of_the_newest_backup_restores_an_encrypted_database_with_its_passphrase(
    qtbot: QtBot, encrypted_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = _database(encrypted_dir)
    with Store.open(resolve_database_url(None, encrypted_dir), PASSPHRASE) as store:
        store.automatic_backup()
        backup_file = store.newest_backup()
    assert backup_file is not None and encryption.looks_encrypted(backup_file.path)
    damaged = os.urandom(4096) * 3  # whole pages that look random but open with no passphrase: damaged
    database.write_bytes(b"SQLite format 3\x00" + damaged[16:])
    asked = _answers(monkeypatch, "", "not it", PASSPHRASE)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    refused: list[Any] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: refused.append(args))
    _, problem = build_window(_args(encrypted_dir))
    assert problem is not None and backup_menu.restorable(problem), problem

    assert backup_menu.restore_at_start(problem, _args(encrypted_dir), None)

    assert refused == []
    assert asked[0].startswith("The backup is encrypted: type the passphrase")
    assert asked[1].startswith("No passphrase was typed")
    assert asked[2].startswith("The passphrase does not open this database")
    assert encryption.looks_encrypted(database)
    with Store.open(resolve_database_url(None, encrypted_dir), PASSPHRASE) as store:
        assert [case.label for case in store.list_cases()] == ["Family Demo (invented)"]
    kept = [path for path in encrypted_dir.iterdir() if ".before-restore-" in path.name]
    assert kept and kept[0].read_bytes().startswith(b"SQLite format 3\x00")  # the damaged file kept, not deleted

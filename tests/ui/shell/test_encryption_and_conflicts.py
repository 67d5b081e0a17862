"""The console with an encrypted database (opened, encrypted, re-keyed) and with a meeting someone else changed."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sos_desktop.app import build_window
from sos_desktop.models import MapItem
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store.engine import resolve_database_url, sqlite_file
from sos_desktop.store.errors import StaleWriteError
from sos_desktop.store.store import Store
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.shell import encryption_menu
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

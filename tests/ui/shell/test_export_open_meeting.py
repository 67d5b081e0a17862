"""File › Export takes the open meeting as the console holds it: when a save fails, the console tells the user to
export the meeting to keep a copy, so the edit kept on screen (but not in the store) must be in the meeting file,
the minutes and the feedback report; a meeting that is not open is still read from the store.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from sos_desktop.exporters.minutes import MinutesOptions
from sos_desktop.models import Category
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store.errors import StoreError
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.shell.main_window import MainWindow

EDITED = "Dad now collects Lily from school every day and has done since March."


def _refuse(*args: object, **kwargs: object) -> None:
    raise StoreError("The database is locked by another program.")


def _answer(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Answer the save dialog with ``path`` and the minutes' options with the defaults; collect what is told."""
    told: list[str] = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: path)
    monkeypatch.setattr(dialogs, "ask_minutes_options", lambda *args, **kwargs: MinutesOptions())
    monkeypatch.setattr(dialogs, "tell", lambda parent, title, message: told.append(title))
    # The edit still waits when the test ends: its window then quits all the same, as a user may choose to.
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *args: "close")
    return told


def _edit_a_card_the_store_refuses(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> tuple[MeetingDocument, str]:
    document = window.document
    assert document is not None
    card = document.items(Category.STRENGTH)[0]
    assert card.id is not None
    before = card.text
    monkeypatch.setattr(window.store, "update_item", _refuse)
    document.set_item_text(card.id, EDITED)
    assert document.item(card.id).text == EDITED  # kept on screen
    assert window.store.get_meeting(document.meeting_id).items != document.meeting.items  # but not in the store
    return document, before


def _pdf_text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(path).pages))


def test_the_meeting_file_holds_the_edit_a_failed_save_kept_on_screen(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "meeting.json"
    told = _answer(monkeypatch, out)
    document, before = _edit_a_card_the_store_refuses(window, monkeypatch)
    assert told == ["Your change could not be saved yet"]

    window.export_menu.export_meeting_file()

    exported = json.loads(out.read_text("utf-8"))
    texts = [card["text"] for card in exported["map"]]
    assert EDITED in texts and before not in texts
    assert told == ["Your change could not be saved yet"]  # and nothing more: the export went through
    # A copy: the file is made from the document's state, not its live objects.
    assert window.export_menu.window.document is document
    bundle = document.bundle()
    assert bundle.meeting is not document.meeting and bundle.meeting.items[0] is not document.meeting.items[0]
    assert bundle.network.people[0] is not document.network.people[0]


def test_the_minutes_hold_the_edit_a_failed_save_kept_on_screen(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "minutes.pdf"
    _answer(monkeypatch, out)
    _edit_a_card_the_store_refuses(window, monkeypatch)

    job = window.export_menu.export_minutes()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass

    text = _pdf_text(out)
    assert EDITED in text


def test_the_feedback_report_holds_feedback_a_failed_save_kept_on_screen(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "feedback.pdf"
    _answer(monkeypatch, out)
    document = window.document
    assert document is not None
    monkeypatch.setattr(window.store, "set_observations", _refuse)
    monkeypatch.setattr(window.store, "set_rubric", _refuse)
    document.set_went_well("Kept the group to the family's own words throughout.")
    document.set_rubric_rating("Time-keeping", 7.5)

    job = window.export_menu.export_feedback()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass

    text = _pdf_text(out)
    assert "Kept the group to the family's own words throughout." in text
    assert "Time-keeping 7.5" in text  # the development table counts the open meeting as it stands too


def test_a_meeting_that_is_not_open_is_read_from_the_store(window: MainWindow) -> None:
    other = window.store.save_bundle(demo_bundle())
    assert other.meeting.id is not None and window.document is not None
    assert other.meeting.id != window.document.meeting_id
    assert window.export_menu.bundle_of(other.meeting.id) == window.store.load_bundle(other.meeting.id)
    assert window.export_menu.bundle_of(window.document.meeting_id) == window.document.bundle()

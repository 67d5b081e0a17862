"""The library window: edit, delete, add, search, filter, export and import (a malformed file adds nothing)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sos_desktop.models.best_questions import BestQuestion
from sos_desktop.store.store import Store
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.questions.library import LibraryWindow


@pytest.fixture
def library(qtbot: QtBot, store: Store) -> LibraryWindow:
    store.add_best_question(BestQuestion("Who noticed the good evenings?", ("strength",), added_by="Jo Reid"))
    store.add_best_question(BestQuestion("What would one point higher look like?", ("scaling",)))
    window = LibraryWindow(store)
    qtbot.addWidget(window)
    return window


def choose(window: LibraryWindow, text: str) -> None:
    row = next(r for r in range(window.list.count()) if window.list.item(r).data(Qt.ItemDataRole.UserRole).text == text)
    window.list.setCurrentRow(row)


def test_it_lists_newest_first_and_searches_and_filters(library: LibraryWindow) -> None:
    assert [q.text for q in library.shown()] == [
        "What would one point higher look like?",
        "Who noticed the good evenings?",
    ]
    library.search.setText("EVENINGS")
    assert [q.text for q in library.shown()] == ["Who noticed the good evenings?"]
    library.search.clear()
    library.tag_filter.setCurrentIndex(library.tag_filter.findData("scaling"))
    assert [q.text for q in library.shown()] == ["What would one point higher look like?"]


def test_edits_save_at_once_and_a_refused_edit_keeps_the_words(library: LibraryWindow, store: Store) -> None:
    choose(library, "Who noticed the good evenings?")
    library.words.setPlainText("Who noticed the calm evenings first?")
    library.set_tags(("strength", "mapping"))
    assert library.save_chosen()
    saved = next(q for q in store.best_questions() if q.added_by == "Jo Reid")
    assert (saved.text, saved.tags) == ("Who noticed the calm evenings first?", ("strength", "mapping"))
    choose(library, "Who noticed the calm evenings first?")
    library.words.setPlainText("x" * 501)
    assert not library.save_chosen()
    assert "at most 500" in library.status.text()
    assert library.words.toPlainText() == "x" * 501
    assert saved.text in [q.text for q in store.best_questions()]


def test_add_and_delete_after_asking(library: LibraryWindow, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    library.words.setPlainText("What did we not ask today?")
    library.set_tags(("reflection",))
    assert library.add_new() is not None
    assert store.best_questions()[0].text == "What did we not ask today?"
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, _title, question: asked.append(question) or False)
    choose(library, "What did we not ask today?")
    assert not library.delete_chosen()
    assert len(store.best_questions()) == 3 and "cannot be undone" in asked[0]
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    assert library.delete_chosen()
    assert "What did we not ask today?" not in [q.text for q in store.best_questions()]


def test_export_then_import_adds_only_what_is_new(
    library: LibraryWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "team.json"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_args: out)
    assert library.export_file()
    exported = json.loads(out.read_text("utf-8"))
    assert "Jo Reid" not in out.read_text("utf-8")
    assert len(exported["questions"]) == 2
    told: list[str] = []
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_args: out)
    monkeypatch.setattr(dialogs, "inform", lambda _parent, _title, message: told.append(message))
    assert library.import_file()
    assert told == ["0 questions added; 2 already in the library."]


def test_a_malformed_file_says_so_and_adds_nothing(
    library: LibraryWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "sos-desktop-best-questions", "questions": [{"text": 5}', "utf-8")
    told: list[str] = []
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_args: bad)
    monkeypatch.setattr(dialogs, "tell", lambda _parent, _title, message: told.append(message))
    before = store.best_questions()
    assert not library.import_file()
    assert len(told) == 1 and told[0].startswith("Nothing was imported.")
    assert store.best_questions() == before

"""Start-up as a user meets it: the demo on the first run only, a refused database, and saving that fails."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sos_desktop.app import build_window
from sos_desktop.models import Category
from sos_desktop.store.errors import DatabaseReadOnlyError
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.map.model import UnsavedRole


def args_for(data_dir: Path, db: str | None = None) -> argparse.Namespace:
    return argparse.Namespace(data_dir=data_dir, db=db, command=None)


def test_first_run_opens_the_demo_and_a_later_run_does_not_bring_it_back(qtbot: QtBot, tmp_path: Path) -> None:
    window, problem = build_window(args_for(tmp_path))
    assert window is not None and problem is None
    qtbot.addWidget(window)
    assert window.document is not None
    assert window.document.case.reference == "DEMO-0001"
    assert window.map_panel is not None
    assert window.map_panel.box(Category.DANGER).model.rowCount() == 1
    case_id = window.document.case.id
    assert case_id is not None
    window.close_meeting()
    window.store.delete_case(case_id)
    window.close()
    window.store.close()

    again, _ = build_window(args_for(tmp_path))
    assert again is not None
    qtbot.addWidget(again)
    assert again.store.list_cases() == []
    assert again.document is None
    assert again.stack.currentWidget() is again.empty
    again.store.close()


def test_a_file_that_is_not_a_database_is_refused_in_plain_words_and_left_alone(tmp_path: Path) -> None:
    database = tmp_path / "sos-desktop.sqlite3"
    database.write_text("Minutes of the meeting, typed in the wrong file.", "utf-8")
    window, problem = build_window(args_for(tmp_path))
    assert window is None
    assert problem is not None and "untouched" in problem and "Traceback" not in problem
    assert database.read_text("utf-8") == "Minutes of the meeting, typed in the wrong file."


def test_an_edit_that_cannot_be_saved_is_kept_retried_journalled_and_quit_asks_first(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The field's repro: a save refused (a read-only disk here) stayed on screen, was never retried, Quit said
    nothing, and a later edit of the card said it "may have been deleted". Now it waits, is kept, and goes through.
    """
    window, _ = build_window(args_for(tmp_path))
    assert window is not None and window.document is not None and window.map_panel is not None
    qtbot.addWidget(window)
    document = window.document
    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell", lambda parent, title, message: told.append(message))
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda parent, message, doing: asked.append(message) or "wait")
    real_add, real_update = window.store.add_item, window.store.update_item

    def refuse(*args: object, **kwargs: object) -> None:
        raise DatabaseReadOnlyError()

    monkeypatch.setattr(window.store, "add_item", refuse)
    monkeypatch.setattr(window.store, "update_item", refuse)
    card = document.add_item(Category.HARM, "Said in the meeting while the disk was read-only")
    box = window.map_panel.box(Category.HARM)
    assert box.model.data(box.model.index(1, 0)) == "Said in the meeting while the disk was read-only"
    assert box.model.data(box.model.index(1, 0), UnsavedRole) is True  # drawn with a dashed red edge
    assert box.model.data(box.model.index(0, 0), UnsavedRole) is False
    window.resize(1280, 720)
    window.map_panel.grab().save(str(tmp_path / "unsaved-card.png"))
    assert len(told) == 1 and "will be saved as soon as the database takes it again" in told[0]
    kept = tmp_path / "sos-desktop.sqlite3.unsaved" / f"meeting-{document.meeting_id}.json"
    assert str(kept) in told[0] and kept.is_file()
    assert "Said in the meeting while the disk was read-only" in kept.read_text("utf-8")
    assert kept.stat().st_mode & 0o777 == 0o600 and kept.parent.stat().st_mode & 0o777 == 0o700
    note = window.unsaved.note
    assert note.isVisibleTo(window) and note.text() == "1 change not saved yet: trying again"
    assert card.id is not None
    document.set_item_text(card.id, "Said in the meeting while the disk was read-only, by Dad")
    assert len(told) == 1  # told once; the note in the status bar counts the rest
    assert note.text() == "2 changes not saved yet: trying again"
    assert "by Dad" in kept.read_text("utf-8")
    window.close()  # Quit: asked first, and "Keep trying" keeps the window open
    assert len(asked) == 1 and "2 changes" in asked[0] and str(kept) in asked[0]
    assert window.attached and window.document is document
    monkeypatch.setattr(window.store, "add_item", real_add)
    monkeypatch.setattr(window.store, "update_item", real_update)
    assert document.pending.flush()  # what the retry timer does every few seconds
    assert not note.isVisibleTo(window) and window.statusBar().currentMessage() == "All changes saved"
    assert not kept.exists()
    assert box.model.data(box.model.index(1, 0), UnsavedRole) is False
    texts = [item.text for item in window.store.get_meeting(document.meeting_id).items]
    assert "Said in the meeting while the disk was read-only, by Dad" in texts
    window.close()
    assert len(asked) == 1  # nothing waits: no question
    window.store.close()


def test_undoing_a_delete_gives_back_the_pairing_the_scale_and_who_agreed(qtbot: QtBot, tmp_path: Path) -> None:
    window, _ = build_window(args_for(tmp_path))
    assert window is not None and window.document is not None
    qtbot.addWidget(window)
    document = window.document
    store = window.store
    danger = document.items(Category.DANGER)[0]
    goal = document.items(Category.GOAL)[0]
    assert danger.id is not None and goal.id is not None
    assert document.case.id is not None
    nan = next(p for p in store.get_network(document.case.id).people if p.display_name == "Nan")
    nan.agrees_with = [danger.id]
    store.update_person(nan)

    document.delete_item(danger.id)
    stored = store.get_meeting(document.meeting_id)
    assert stored.scales[0].about is None
    assert next(i for i in stored.items if i.id == goal.id).pairs_with is None

    document.undo_stack.undo()
    stored = store.get_meeting(document.meeting_id)
    assert stored.scales[0].about == danger.id
    assert next(i for i in stored.items if i.id == goal.id).pairs_with == danger.id
    assert next(p for p in store.get_network(document.case.id).people if p.id == nan.id).agrees_with == [danger.id]
    assert document.meeting.scales[0].about == danger.id
    store.close()


def test_without_a_screen_the_gui_says_so_instead_of_crashing(monkeypatch: pytest.MonkeyPatch) -> None:
    from sos_desktop import app

    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(app.sys, "platform", "linux")
    reason = app.no_screen_reason()
    assert reason is not None and "no screen" in reason
    monkeypatch.setenv("DISPLAY", ":0")
    assert app.no_screen_reason() is None


def test_each_database_gets_its_own_demo_and_its_own_last_meeting(qtbot: QtBot, tmp_path: Path) -> None:
    first, _ = build_window(args_for(tmp_path))
    assert first is not None and first.document is not None
    qtbot.addWidget(first)
    first.close()
    first.store.close()
    other = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    second, _ = build_window(args_for(tmp_path, db=other))
    assert second is not None and second.document is not None
    qtbot.addWidget(second)
    # The team database got its own demo, opened by its own id, not by the first database's remembered one.
    assert second.store.url == other
    assert second.document.meeting_id == second.store.list_meetings()[0].id
    second.store.close()

"""The learning journal in the console: started with a passphrase asked twice, written, closed (locked) and opened
again; a wrong passphrase said in the door; a reflection linked to the open meeting; a forgotten journal deleted.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sos_desktop.models.reflections import Reflection
from sos_desktop.store import sealing
from sos_desktop.store.repo.reflections import DEMO_PASSPHRASE
from sos_desktop.store.store import Store
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.reflections import opening
from sos_desktop.ui.reflections.change import PassphraseChange
from sos_desktop.ui.reflections.door import JournalDoor
from sos_desktop.ui.reflections.window import JournalWindow
from sos_desktop.ui.shell.main_window import MainWindow

PASS = "my own passphrase"


@pytest.fixture(autouse=True)
def _cheap_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sealing, "COST", sealing.DEMO_COST)


def _door(qtbot: QtBot, store: Store, author: str, passphrase: str, again: str | None = None) -> JournalDoor:
    door = JournalDoor(store, author)
    qtbot.addWidget(door)
    door.passphrase.setText(passphrase)
    door.again.setText(passphrase if again is None else again)
    door.open_journal()
    return door


def test_a_journal_is_started_written_locked_and_opened_again(qtbot: QtBot, store: Store) -> None:
    door = _door(qtbot, store, "Sam Patel", PASS)
    assert door.key is not None and door.passphrase.text() == ""
    journal = JournalWindow(store, door.key)
    qtbot.addWidget(journal)
    journal.show()
    qtbot.keyClicks(journal.title, "Holding the silence")
    qtbot.keyClicks(journal.text, "I let the scaling question sit.")
    journal.text.insertPlainText(" Ça a marché 👍")  # as a paste: keyClicks types one key per character
    journal.close()  # saves what is left, forgets the key
    assert journal.key is None

    wrong = _door(qtbot, store, "Sam Patel", "not my passphrase")
    assert wrong.key is None and "does not open this journal" in wrong.problem.text()
    assert not wrong.again.isVisible()
    right = _door(qtbot, store, "Sam Patel", PASS)
    assert right.key is not None
    again = JournalWindow(store, right.key)
    qtbot.addWidget(again)
    assert again.list.count() == 1
    assert again.title.text() == "Holding the silence"
    assert again.text.toPlainText() == "I let the scaling question sit. Ça a marché 👍"


def test_a_new_journal_asks_for_the_passphrase_twice(qtbot: QtBot, store: Store) -> None:
    assert "not the same" in _door(qtbot, store, "Sam Patel", PASS, again="my own passphrasf").problem.text()
    assert "at least 8" in _door(qtbot, store, "Sam Patel", "short").problem.text()
    assert store.journal_authors() == []


def test_typing_is_saved_after_a_pause(qtbot: QtBot, store: Store) -> None:
    key = store.start_journal("Sam Patel", PASS)
    journal = JournalWindow(store, key)
    qtbot.addWidget(journal)
    qtbot.keyClicks(journal.text, "Asked Nan first")
    qtbot.waitUntil(lambda: journal.status.text() == "Saved and sealed.", timeout=3000)
    assert [entry.text for entry in store.reflections(key)] == ["Asked Nan first"]
    journal.close()


def test_the_demo_door_suggests_the_facilitator_and_opens_alex_morgan_s_journal(
    qtbot: QtBot, console: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer(store: Store, suggestion: str, parent: object) -> sealing.JournalKey:
        asked.append(suggestion)
        door = _door(qtbot, store, suggestion, DEMO_PASSPHRASE)
        assert not door.is_new() and door.key is not None
        return door.key

    monkeypatch.setattr(opening, "ask_journal_key", answer)
    [action] = [a for a in console.practice_menu.menu.actions() if a.objectName() == "practice-journal"]
    assert action.text() == "Learning &journal…"
    action.trigger()
    journal = console.findChild(JournalWindow)
    assert journal is not None and asked == ["Alex Morgan"]
    assert journal.list.count() == 2
    journal.resize(1440, 900)
    journal.grab().save("/tmp/journal-demo.png")
    journal.close()


def test_reflect_on_this_meeting_links_the_new_reflection_to_it(
    qtbot: QtBot, console: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = console.store.start_journal("Sam Patel", PASS)
    monkeypatch.setattr(opening, "ask_journal_key", lambda store, suggestion, parent: key)
    assert console.document is not None
    meeting = console.document.meeting
    [action] = [a for a in console.meeting_menu.menu.actions() if a.text() == "&Reflect on this meeting…"]
    action.trigger()
    journal = console.findChild(JournalWindow)
    assert journal is not None
    assert meeting.title in journal.meeting.currentText()
    qtbot.keyClicks(journal.text, "The danger statement landed when Mum wrote it with us.")
    qtbot.mouseClick(journal.save_button, Qt.MouseButton.LeftButton)
    [entry] = console.store.reflections(key)
    assert entry.meeting is not None and entry.meeting.uid == meeting.uid
    journal.resize(1440, 900)
    journal.grab().save("/tmp/journal-linked.png")
    journal.close()


def test_linking_to_any_meeting_from_the_store(qtbot: QtBot, console: MainWindow) -> None:
    key = console.store.start_journal("Sam Patel", PASS)
    journal = JournalWindow(console.store, key)
    qtbot.addWidget(journal)
    items = [journal.meeting.itemText(index) for index in range(journal.meeting.count())]
    conference = next(index for index, text in enumerate(items) if "onference" in text)
    journal.meeting.setCurrentIndex(conference)
    journal.meeting.activated.emit(conference)
    qtbot.keyClicks(journal.text, "x")
    assert journal.save()
    [entry] = console.store.reflections(key)
    assert entry.meeting is not None and "onference" in entry.meeting.title
    journal.close()


def test_a_forgotten_passphrase_s_journal_is_deleted_only_after_a_stern_warning(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.start_journal("Sam Patel", PASS)
    warnings: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: warnings.append(text) or False)
    door = JournalDoor(store, "Sam Patel")
    qtbot.addWidget(door)
    door.forget()
    assert store.journal_authors() == ["Sam Patel"] and "Nobody can open" in warnings[0]
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: True)
    door.forget()
    assert store.journal_authors() == [] and door.is_new()


def test_a_new_reflection_then_back_to_the_newest_entry(qtbot: QtBot, store: Store) -> None:
    key = store.start_journal("Sam Patel", PASS)
    store.add_reflection(key, Reflection(date(2026, 12, 1), "Kept"))
    journal = JournalWindow(store, key)
    qtbot.addWidget(journal)
    assert journal.text.toPlainText() == "Kept"
    qtbot.mouseClick(journal.new_button, Qt.MouseButton.LeftButton)
    assert journal.text.toPlainText() == "" and journal.current is not None and journal.current.id is None
    journal.list.setCurrentRow(0)
    assert journal.text.toPlainText() == "Kept"
    journal.resize(1440, 900)
    door = JournalDoor(store, "Ruth Mensah")
    qtbot.addWidget(door)
    assert door.again.isVisibleTo(door) and door.open_button.text() == "Start the journal"
    door.grab().save("/tmp/journal-door.png")
    journal.close()


def test_the_passphrase_is_changed_and_only_the_new_one_opens(qtbot: QtBot, store: Store) -> None:
    key = store.start_journal("Sam Patel", PASS)
    store.add_reflection(key, Reflection(date(2026, 12, 1), "Kept"))
    change = PassphraseChange(store, "Sam Patel")
    qtbot.addWidget(change)
    change.old.setText("not the one")
    change.new.setText("a brand new passphrase")
    change.again.setText("a brand new passphrase")
    change.change()
    assert change.key is None and "does not open" in change.problem.text()
    change.old.setText(PASS)
    change.new.setText("a brand new passphrase")
    change.again.setText("a brand new passphras")
    change.change()
    assert "not the same" in change.problem.text()
    new = "a brand new passphrase"
    for line, text in ((change.old, PASS), (change.new, new), (change.again, new)):
        line.setText(text)
    change.change()
    assert change.key is not None
    assert _door(qtbot, store, "Sam Patel", PASS).key is None
    assert [entry.text for entry in store.reflections(change.key)] == ["Kept"]

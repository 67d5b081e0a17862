"""A save that fails is kept and retried in order until the store takes it: nothing typed is dropped.

The repro from the field: add card A, the disk fills, add card B (refused), the disk is freed, add card C. B used to
be gone. Here the fault is a real one (another connection holding the database's write lock) or a store method that
refuses as a full disk would.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from sos_desktop.models import Category
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store import engine
from sos_desktop.store.engine import resolve_database_url
from sos_desktop.store.errors import DiskFullError
from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument

pytestmark = pytest.mark.usefixtures("qapp")  # the retry timer needs Qt's event loop


def stored_texts(store: Store, meeting_id: int, category: Category) -> list[str]:
    return [item.text for item in store.get_meeting(meeting_id).items if item.category is category]


class Fault:
    """Makes chosen store methods refuse as a full disk does, until ``clear``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, store: Store) -> None:
        self.monkeypatch = monkeypatch
        self.store = store
        self.on = False

    def break_(self, *names: str) -> None:
        for name in names:
            real: Callable[..., Any] = getattr(self.store, name)

            def refusing(*args: Any, real: Callable[..., Any] = real, **kwargs: Any) -> Any:
                if self.on:
                    raise DiskFullError()
                return real(*args, **kwargs)

            self.monkeypatch.setattr(self.store, name, refusing)
        self.on = True

    def clear(self) -> None:
        self.on = False


@pytest.fixture
def fault(monkeypatch: pytest.MonkeyPatch, demo_document: MeetingDocument) -> Fault:
    return Fault(monkeypatch, demo_document.store)


def test_a_card_refused_by_a_full_disk_is_saved_in_order_once_the_disk_is_freed(
    qtbot: QtBot, demo_document: MeetingDocument, fault: Fault
) -> None:
    document = demo_document
    store = document.store
    failures: list[str] = []
    document.saveFailed.connect(failures.append)
    document.add_item(Category.STRENGTH, "A: Nan visits on Sundays")
    fault.break_("add_item", "update_item")
    card_b = document.add_item(Category.STRENGTH, "B: Dad has joined a parenting group")
    assert len(failures) == 1 and "full" in failures[0].lower()
    assert card_b.id is not None and card_b.id < 0  # provisional until the store takes it
    assert document.unsaved_ids() == {card_b.id}
    assert len(document.pending) == 1
    fault.clear()
    card_c = document.add_item(Category.STRENGTH, "C: Lily sleeps through the night")  # waits behind B
    qtbot.waitUntil(lambda: not document.pending, timeout=10_000)  # the retry timer, a few seconds on
    assert document.unsaved_ids() == set()
    texts = stored_texts(store, document.meeting_id, Category.STRENGTH)
    assert texts[-3:] == [
        "A: Nan visits on Sundays",
        "B: Dad has joined a parenting group",
        "C: Lily sleeps through the night",
    ]
    assert card_b.id is not None and card_b.id > 0 and card_c.id is not None and card_c.id > 0


def test_edits_made_while_the_store_refuses_wait_behind_the_refused_one_and_keep_their_order(
    demo_document: MeetingDocument, fault: Fault
) -> None:
    document = demo_document
    store = document.store
    fault.break_("add_item", "update_item", "delete_item")
    card = document.add_item(Category.HARM, "Lily saw the argument")
    provisional = card.id
    assert provisional is not None
    document.set_item_text(provisional, "Lily saw and heard the argument")  # waits behind the add
    doomed = document.add_item(Category.HARM, "A card added and deleted while the disk was full")
    assert doomed.id is not None
    document.delete_item(doomed.id)
    assert len(document.pending) == 4
    fault.clear()
    assert document.pending.flush()
    texts = stored_texts(store, document.meeting_id, Category.HARM)
    assert "Lily saw and heard the argument" in texts
    assert "Lily saw the argument" not in texts
    assert "A card added and deleted while the disk was full" not in texts
    # The card now has its database id; undo steps that hold the provisional one still find it.
    assert card.id is not None and card.id > 0 and document.real_id(provisional) == card.id
    document.undo_stack.undo()  # the delete
    document.undo_stack.undo()  # the add of the doomed card
    document.undo_stack.undo()  # the text
    assert "Lily saw the argument" in stored_texts(store, document.meeting_id, Category.HARM)
    document.undo_stack.undo()  # the add, by its provisional id
    assert "Lily saw the argument" not in stored_texts(store, document.meeting_id, Category.HARM)
    assert not document.pending


def test_a_paired_goal_and_an_agreeing_person_follow_the_card_to_its_database_id(
    demo_document: MeetingDocument, fault: Fault
) -> None:
    document = demo_document
    fault.break_("add_item")
    danger = document.add_item(Category.DANGER, "Social workers are worried that Lily could be hurt")
    goal = document.add_item(Category.GOAL, "Lily is safe when her parents argue")
    assert danger.id is not None and goal.id is not None
    document.pair_items(danger.id, goal.id)
    fault.clear()
    assert document.pending.flush()
    assert danger.id > 0 and goal.id > 0
    stored = {item.id: item for item in document.store.get_meeting(document.meeting_id).items}
    assert stored[danger.id].pairs_with == goal.id and stored[goal.id].pairs_with == danger.id


@pytest.fixture
def locked_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Store, Path]]:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 50)  # fail fast when another program holds the lock
    store = Store.open(resolve_database_url(None, tmp_path))
    yield store, tmp_path / "sos-desktop.sqlite3"
    store.close()


def test_a_database_locked_by_another_program_keeps_the_edit_until_the_lock_is_let_go(
    locked_store: tuple[Store, Path],
) -> None:
    store, path = locked_store
    saved = store.save_bundle(demo_bundle())
    assert saved.meeting.id is not None
    document = MeetingDocument(store, saved.meeting.id)
    other = sqlite3.connect(path, timeout=0)
    other.execute("BEGIN EXCLUSIVE")  # another program writing, and not letting go
    try:
        card = document.add_item(Category.SAFETY, "Nan collects Lily from nursery")
        assert len(document.pending) == 1 and card.id is not None and card.id < 0
        assert not document.pending.flush()  # still locked: still waiting, nothing lost
    finally:
        other.rollback()
        other.close()
    assert document.pending.flush()
    assert "Nan collects Lily from nursery" in stored_texts(store, document.meeting_id, Category.SAFETY)


def test_a_fault_that_lasts_is_tried_less_and_less_often_and_a_success_starts_again(
    demo_document: MeetingDocument, fault: Fault
) -> None:
    """A locked database or a silent server holds the console at each try, so the waits double up to a minute."""
    from sos_desktop.ui.document.pending import LONGEST_WAIT_MILLISECONDS, RETRY_MILLISECONDS

    document = demo_document
    fault.break_("add_item")
    document.add_item(Category.HARM, "Added while the database was locked")
    pending = document.pending
    assert pending.wait_ms == RETRY_MILLISECONDS and not pending.due()  # a new edit now would not try again yet
    waits = []
    for _ in range(7):
        assert not pending.flush()
        waits.append(pending.wait_ms)
    assert waits == [6000, 12000, 24000, 48000, 60000, 60000, 60000] and LONGEST_WAIT_MILLISECONDS == 60000
    assert pending.timer.isActive() and pending.timer.interval() == 60000
    fault.clear()
    assert pending.flush()
    assert pending.wait_ms == RETRY_MILLISECONDS and not pending.timer.isActive()

"""The Chronology page and "Put on the chronology" from a harm card: each an undo step, saved at once."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sos_desktop.models import Category
from sos_desktop.models.chronology import DatePrecision
from sos_desktop.store.store import Store
from sos_desktop.ui.chronology.panel import ChronologyPanel
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.map.panel import MapPanel


@pytest.fixture
def first(store: Store) -> MeetingDocument:
    return MeetingDocument(store, store.save_demo().first)


def _column(panel: ChronologyPanel, column: int) -> list[str]:
    model = panel.table.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def test_the_page_lists_the_case_s_events_by_date_and_adds_one_in_an_undo_step(
    qtbot: QtBot, first: MeetingDocument
) -> None:
    panel = ChronologyPanel(first)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    qtbot.waitExposed(panel)
    assert _column(panel, 0) == [
        "2022",
        "September 2025",
        "September 2026",
        "September 2026",
        "14 October 2026",
        "29 November 2026",
    ]
    panel.when.set_value(date(2026, 7, 14))
    panel.what.setText("Lily's second birthday party at Nan's.")  # the order of entry does not matter
    panel.source.setText("Nan")
    panel.add_from_form()
    assert _column(panel, 0)[2] == "14 July 2026" and _column(panel, 2)[2] == "Nan"
    assert panel.what.text() == "" and len(first.store.chronology(first.meeting.case_id or 0)) == 7
    panel.grab().save("/tmp/chronology-page.png")

    panel.newest_first.setChecked(True)
    assert _column(panel, 0)[0] == "29 November 2026"
    first.undo_stack.undo()
    assert len(_column(panel, 0)) == 6 and len(first.store.chronology(first.meeting.case_id or 0)) == 6
    first.undo_stack.redo()
    assert "Lily's second birthday party at Nan's." in _column(panel, 1)


def test_an_event_without_a_date_or_words_is_refused_and_nothing_typed_is_lost(
    qtbot: QtBot, first: MeetingDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell", lambda parent, title, message: told.append(title))
    panel = ChronologyPanel(first)
    qtbot.addWidget(panel)
    panel.what.setText("Moved school.")
    assert panel.add_from_form() is None and told == ["The event needs a date"]
    assert panel.what.text() == "Moved school."
    panel.when.set_value(date(2026, 1, 5))
    panel.what.setText("   ")
    assert panel.add_from_form() is None and told[-1] == "The event cannot be added"


def test_editing_a_cell_changes_the_event_and_taking_one_off_is_undone(qtbot: QtBot, first: MeetingDocument) -> None:
    panel = ChronologyPanel(first)
    qtbot.addWidget(panel)
    model = panel.table.model()
    assert model.setData(model.index(0, 2), "Birth certificate", Qt.ItemDataRole.EditRole)
    assert first.store.chronology(first.meeting.case_id or 0)[0].source == "Birth certificate"
    panel.table.selectRow(0)
    panel.remove_selected()
    assert "2022" not in _column(panel, 0)
    first.undo_stack.undo()
    assert _column(panel, 0)[0] == "2022"
    first.undo_stack.undo()
    assert first.store.chronology(first.meeting.case_id or 0)[0].source == "Health visitor"


def test_a_harm_card_is_put_on_the_chronology_in_one_action(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = store.save_demo()
    follow_up = MeetingDocument(store, made.follow_up)
    panel = MapPanel(follow_up)
    qtbot.addWidget(panel)
    box = panel.box(Category.HARM)
    harm = follow_up.items(Category.HARM)
    dated = [item.text for item in harm].index(next(i.text for i in harm if i.text.startswith("On 29 November")))
    undated = 1 - dated
    # The demo put the dated card on already; take it off, then put it back from the map.
    event = next(e for e in follow_up.chronology if e.item_key == harm[dated].key)
    assert event.id is not None
    follow_up.remove_event(event.id)
    box.select_row(dated)
    put = box.put_selected_on_chronology()
    assert put is not None and (put.happened_on, put.precision) == (date(2026, 11, 29), DatePrecision.DAY)
    assert put.source == "Case map, Group supervision: review (demo)" and put.item_key == harm[dated].key
    follow_up.undo_stack.undo()
    assert all(e.item_key != harm[dated].key for e in follow_up.chronology)

    # A card that does not say when: the date is asked for (day first, as typed here).
    monkeypatch.setattr(dialogs, "ask_text", lambda parent, title, label, text="": "3/9/2026")
    box.select_row(undated)
    put = box.put_selected_on_chronology()
    assert put is not None and put.happened_on == date(2026, 9, 3)
    assert any(e.what == harm[undated].text for e in store.chronology(follow_up.meeting.case_id or 0))

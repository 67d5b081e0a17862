"""Opening a large map on the console: every card is shown and reachable, and each is measured once, at the width
its list is shown at (not at a guess of the width, nor again when the scroll bar turns up).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from sos_desktop.models import Category, MapItem
from sos_desktop.models.demo import demo_bundle
from sos_desktop.ui.map.card_delegate import card_texts
from sos_desktop.ui.map.panel import CategoryBox
from sos_desktop.ui.shell.main_window import MainWindow

CARDS = 120
TEXT = "Nan is worried that when Dad has been drinking he shouts at Mum in front of Lily, and Lily could be hurt."


@pytest.fixture
def large(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """``window`` on screen with a meeting of ``CARDS`` cards open, spread over the eight categories."""
    bundle = demo_bundle()
    categories = list(Category)
    bundle.meeting.items = [
        MapItem(category=categories[n % len(categories)], text=f"{n + 1}. {TEXT[: 40 + (n * 7) % 60]}")
        for n in range(CARDS)
    ]
    for scale in bundle.meeting.scales:
        scale.about = None  # the demo's cards it pointed at are gone
    saved = window.store.save_bundle(bundle)
    assert saved.meeting.id is not None
    window.resize(QSize(1600, 1000))
    window.show()
    qtbot.waitExposed(window)
    window.open_meeting(saved.meeting.id)
    assert window.map_panel is not None
    qtbot.waitUntil(lambda: all(box.list.isVisible() for box in shown_boxes(window)))
    qtbot.wait(50)  # the lists' delayed layouts
    return window


def shown_boxes(window: MainWindow) -> list[CategoryBox]:
    assert window.map_panel is not None
    return [box for box in window.map_panel.boxes.values() if box.isVisible()]


def test_every_card_of_a_large_map_is_shown_and_reachable_by_scrolling(large: MainWindow) -> None:
    boxes = shown_boxes(large)
    assert len(boxes) == len(Category)
    for box in boxes:
        cards, view = box.model.rowCount(), box.list
        assert cards == CARDS // len(Category)
        last = view.visualRect(box.model.index(cards - 1, 0))
        content_bottom = last.bottom() + view.verticalScrollBar().value()
        assert content_bottom <= view.verticalScrollBar().maximum() + view.viewport().height(), box.category
        assert view.verticalScrollBar().isVisible(), "more cards than the list holds: it scrolls"
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        for row in range(cards):  # each card as tall as its measured text, at the width it is shown at
            hint = view.delegate.sizeHint(option, box.model.index(row, 0))
            assert view.visualRect(box.model.index(row, 0)).height() == hint.height(), (box.category, row)


def test_each_card_is_measured_once_at_the_width_it_is_shown_at(large: MainWindow) -> None:
    for box in shown_boxes(large):
        measured = box.list.delegate._heights
        assert len(measured) == box.model.rowCount(), box.category
        width = max(box.list.viewport().width() - 4, 120)
        assert {key[1] for key in measured} == {width}, box.category
        texts = {key[0].split("\x00")[0] for key in measured}
        assert texts == {card_texts(box.model.index(row, 0))[0] for row in range(box.model.rowCount())}


def test_a_list_scrolls_from_the_start_only_when_its_cards_cannot_fit(qtbot: QtBot, large: MainWindow) -> None:
    box = shown_boxes(large)[0]
    assert box.list.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOn
    document = large.document
    assert document is not None
    for item in list(document.items(box.category))[2:]:
        assert item.id is not None
        document.delete_item(item.id)
    assert box.model.rowCount() == 2
    assert box.list.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    qtbot.waitUntil(lambda: not box.list.verticalScrollBar().isVisible())  # two cards fit: no scroll bar

"""One card selected on the whole map at a time, and the one Delete button enabled names the card it removes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sos_desktop.models import Category
from sos_desktop.ui.map.panel import MapPanel
from sos_desktop.ui.shell.main_window import MainWindow

LONG = "Dad drinks when he is stressed about money and then shouts at Mum in front of the children at night"


def shown_map(qtbot: QtBot, window: MainWindow) -> MapPanel:
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    assert isinstance(window.map_panel, MapPanel)
    return window.map_panel


def click_card(qtbot: QtBot, panel: MapPanel, category: Category, row: int) -> None:
    view = panel.box(category).list
    panel.ensureWidgetVisible(view)
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_selecting_a_card_clears_the_selection_in_every_other_category(qtbot: QtBot, window: MainWindow) -> None:
    panel = shown_map(qtbot, window)
    chosen = [Category.HARM, Category.STRENGTH, Category.NEXT_STEP]
    for category in chosen:
        assert panel.box(category).model.rowCount() > 0
        click_card(qtbot, panel, category, 0)
        selected = [box.category for box in panel.boxes.values() if box.selected_row() is not None]
        assert selected == [category]
        enabled = [box.category for box in panel.boxes.values() if box.delete_button.isEnabled()]
        assert enabled == [category]
        others = [box for box in panel.boxes.values() if box.category != category]
        assert not any(box.list.selectionModel().hasSelection() for box in others)
    panel.box(Category.DANGER).select_row(0)  # from the keyboard or the code, the same
    assert [box.category for box in panel.boxes.values() if box.selected_row() is not None] == [Category.DANGER]
    window.close()


def test_delete_names_the_card_it_removes_cut_to_fit(qtbot: QtBot, window: MainWindow) -> None:
    panel = shown_map(qtbot, window)
    assert window.document is not None
    window.document.add_item(Category.DANGER, LONG)
    box = panel.box(Category.DANGER)
    row = box.model.rowCount() - 1
    box.select_row(row)
    button = box.delete_button
    assert button.isEnabled()
    assert button.text().startswith("Delete “Dad dr") and button.text().endswith("…”")
    assert LONG not in button.text() and f"“{LONG}”" in button.toolTip()
    assert button.width() <= box.width()
    box.list.selectionModel().clear()
    assert button.text() == "Delete" and not button.isEnabled()
    assert button.toolTip() == "Delete the selected card (Delete)"
    box.select_row(row)
    button.click()
    assert LONG not in [item.text for item in window.document.items(Category.DANGER)]
    window.close()

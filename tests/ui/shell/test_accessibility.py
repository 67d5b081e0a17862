"""Every control a facilitator can reach has a name a screen reader can say and a tip a mouse can find, and the
Tab key walks each page in reading order: checked by walking the widgets of the console (every page built), the
observer's window, the projector window and the settings dialog.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sos_desktop.ui.shell.main_window import MainWindow
from sos_desktop.ui.shell.settings_dialog import SettingsDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagate")


INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
    QGraphicsView,
)


def _part_of_another_control(widget: QWidget) -> bool:
    """Pieces Qt builds inside a control (a combo box's line, a spin box's editor, a tab bar's scroll arrows, a
    scroll area's bars, an item view's editors): the control itself carries the name.
    """
    if isinstance(widget, QScrollBar) or widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QTabBar | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def controls(top: QWidget) -> Iterator[QWidget]:
    """The visible interactive controls of ``top``."""
    for widget in top.findChildren(QWidget):
        if isinstance(widget, INTERACTIVE) and widget.isVisibleTo(top) and not _part_of_another_control(widget):
            yield widget


def visible_text(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "").strip()
    return ""


def labelled(widget: QWidget, top: QWidget) -> bool:
    return any(label.buddy() is widget for label in top.findChildren(QLabel))


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parentWidget()).__name__}"


def problems(top: QWidget) -> list[str]:
    found = []
    for widget in controls(top):
        text = visible_text(widget)
        if not (widget.accessibleName().strip() or text or labelled(widget, top)):
            found.append(f"no accessible name: {describe(widget)}")
        if not text and not widget.toolTip().strip():
            found.append(f"no tooltip: {describe(widget)} ({widget.accessibleName()!r})")
    return found


def focus_chain(start: QWidget, limit: int = 400) -> list[QWidget]:
    chain = [start]
    widget = start.nextInFocusChain()
    while widget is not start and len(chain) < limit:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def assert_reading_order(*widgets: QWidget) -> None:
    """Tab reaches each of ``widgets``, in this order, starting from the first."""
    chain = focus_chain(widgets[0])
    positions = []
    for widget in widgets:
        assert widget in chain, f"Tab never reaches {describe(widget)}"
        positions.append(chain.index(widget))
    assert positions == sorted(positions), [describe(w) for w in widgets]


@pytest.fixture
def every_page(console: MainWindow) -> MainWindow:
    for show in (console.show_agenda, console.show_network, console.show_voice, console.show_details):
        assert show() is not None
    return console


def test_every_control_of_every_console_page_has_a_name_and_a_tip(every_page: MainWindow, qtbot: QtBot) -> None:
    found: list[str] = []
    for index in range(every_page.tabs.count()):
        every_page.tabs.setCurrentIndex(index)
        found += [f"{every_page.tabs.tabText(index)}: {p}" for p in problems(every_page)]
    assert not found, "\n".join(dict.fromkeys(found))


def test_the_observers_window_has_names_and_tips(every_page: MainWindow, qtbot: QtBot) -> None:
    observer = every_page.meeting_menu.open_observer()
    assert observer is not None
    qtbot.waitExposed(observer)
    assert not problems(observer), "\n".join(problems(observer))
    observer.close()


def test_the_projector_window_has_names_and_tips(every_page: MainWindow, qtbot: QtBot) -> None:
    projector = every_page.projector.open()
    qtbot.waitExposed(projector)
    assert projector.view.accessibleName()
    assert not problems(projector), "\n".join(problems(projector))
    every_page.projector.close()


def test_the_settings_dialog_has_names_and_tips(every_page: MainWindow, qtbot: QtBot) -> None:
    dialog = SettingsDialog(every_page)
    qtbot.addWidget(dialog)
    dialog.show()
    found: list[str] = []
    for index in range(dialog.pages.count()):
        dialog.pages.setCurrentIndex(index)
        found += problems(dialog)
    assert not found, "\n".join(dict.fromkeys(found))


def test_tab_walks_each_page_in_reading_order(every_page: MainWindow) -> None:
    from sos_desktop.models import Category, House

    window = every_page
    window.tabs.setCurrentIndex(0)
    assert window.map_panel is not None
    boxes = window.map_panel.boxes
    harm, danger, goals = boxes[Category.HARM], boxes[Category.DANGER], boxes[Category.GOAL]
    assert_reading_order(window.navigator, harm.list, harm.entry, danger.list, danger.entry, goals.entry)

    scales = window.scales_panel
    assert scales is not None
    window.tabs.setCurrentWidget(scales.parentWidget() or scales)
    assert_reading_order(scales.list, scales.question, scales.zero, scales.ten)

    agenda = window.show_agenda()
    assert agenda is not None
    assert_reading_order(agenda.start, agenda.next, agenda.pause, agenda.table, agenda.add)

    network = window.show_network()
    assert network is not None
    assert_reading_order(network.view, network.findings_list)

    voice = window.show_voice()
    assert voice is not None
    worries, good, dreams = (voice.houses[house] for house in (House.WORRIES, House.GOOD_THINGS, House.DREAMS))
    assert_reading_order(voice.chooser, worries.draft, worries.add_button, good.draft, dreams.draft)

    details = window.show_details()
    assert details is not None
    assert_reading_order(
        details.title,
        details.kind,
        details.held_on,
        details.focus_question,
        details.confidentiality,
        details.summary,
        details.attendees,
        details.new_name,
        details.new_role,
    )

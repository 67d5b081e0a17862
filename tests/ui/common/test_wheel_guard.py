"""The mouse wheel changes only a focused combo box, spin box or slider; over any other it scrolls the page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QScrollArea,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sos_desktop.models import Category
from sos_desktop.ui.common.wheel_guard import WheelGuard, guard_the_wheel
from sos_desktop.ui.map.panel import MapPanel
from sos_desktop.ui.shell.main_window import MainWindow


@pytest.fixture
def guard(qapp: QApplication) -> Iterator[WheelGuard]:
    """The guard on this test's application, as ``make_application`` installs it; taken off afterwards."""
    installed = guard_the_wheel(qapp)
    assert guard_the_wheel(qapp) is installed  # one filter, however often it is asked for
    yield installed
    qapp.removeEventFilter(installed)
    installed.setParent(None)
    installed.deleteLater()


class Page(QScrollArea):
    """A page taller than its window: a combo box, a spin box and a slider near the top, room to scroll below."""

    def __init__(self) -> None:
        super().__init__()
        body = QWidget()
        layout = QVBoxLayout(body)
        self.combo = QComboBox()
        self.combo.addItems(["Inner circle", "Middle circle", "Outer circle"])
        self.spin = QSpinBox()
        self.spin.setValue(5)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 10)
        self.slider.setValue(5)
        for control in (self.combo, self.spin, self.slider):
            layout.addWidget(control)
        layout.addSpacing(2000)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.resize(300, 200)


def wheel_down(widget: QWidget) -> None:
    """One notch of the wheel, turned towards the user, over the middle of ``widget``."""
    middle = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        middle,
        QPointF(widget.mapToGlobal(middle)),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


@pytest.fixture
def page(qtbot: QtBot, guard: WheelGuard) -> Page:
    shown = Page()
    qtbot.addWidget(shown)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    return shown


def test_the_wheel_over_an_unfocused_control_scrolls_the_page_and_leaves_the_control_alone(page: Page) -> None:
    page.setFocus()
    scrolled = page.verticalScrollBar()
    for control, value in ((page.combo, page.combo.currentIndex), (page.spin, page.spin.value)):
        before, top = value(), scrolled.value()
        wheel_down(control)
        assert value() == before
        assert scrolled.value() > top  # the page moved instead
        assert not control.hasFocus()  # and the wheel did not focus the control
    before, top = page.slider.value(), scrolled.value()
    wheel_down(page.slider)
    assert page.slider.value() == before and scrolled.value() > top


def test_the_wheel_changes_a_focused_control(page: Page) -> None:
    scrolled = page.verticalScrollBar()
    page.combo.setFocus()
    assert page.combo.hasFocus()
    wheel_down(page.combo)
    assert page.combo.currentText() == "Middle circle" and scrolled.value() == 0
    page.spin.setFocus()
    wheel_down(page.spin)
    assert page.spin.value() == 4 and scrolled.value() == 0


def test_a_click_or_tab_focuses_the_controls_but_the_wheel_does_not(page: Page) -> None:
    for control in (page.combo, page.spin, page.slider):
        assert control.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_the_wheel_over_the_maps_status_box_scrolls_the_map(
    qtbot: QtBot, window: MainWindow, guard: WheelGuard
) -> None:
    window.resize(1280, 720)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    panel = window.map_panel
    assert isinstance(panel, MapPanel)
    steps = panel.box(Category.NEXT_STEP)
    steps.select_row(0)
    editor = steps.next_step
    assert editor is not None
    panel.setFocus()
    qtbot.waitUntil(lambda: panel.verticalScrollBar().maximum() > 0)
    before, top = editor.status.currentIndex(), panel.verticalScrollBar().value()
    wheel_down(editor.status)
    assert editor.status.currentIndex() == before
    assert panel.verticalScrollBar().value() > top
    window.close()

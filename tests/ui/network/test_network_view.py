"""The network graph's view at a small screen: fitted, it shows everybody and nothing scrolls; zoomed in, scroll
bars and a middle-button drag pan over the network; Fit brings it all back; a person moved out of sight of the
fitted view is brought back into it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from pytestqt.qtbot import QtBot

from sos_desktop.models.demo import demo_bundle
from sos_desktop.ui.network.panel import NetworkPanel, NetworkView
from sos_desktop.ui.shell.main_window import MainWindow


@pytest.fixture
def small(open_window: Callable[[], MainWindow], qtbot: QtBot) -> NetworkPanel:
    """The Network page of the demo meeting in a console of 1280 by 720."""
    window = open_window()
    saved = window.store.save_bundle(demo_bundle())
    window.open_meeting(saved.meeting.id or 0)
    window.resize(1280, 720)
    panel = window.show_network()
    assert panel is not None
    qtbot.wait_until(panel.view.isVisible)
    panel.view.fit()
    return panel


def bars(view: NetworkView) -> tuple[bool, bool]:
    return view.horizontalScrollBar().isVisible(), view.verticalScrollBar().isVisible()


def everybody_in_sight(panel: NetworkPanel) -> bool:
    seen = panel.view.seen()
    return all(seen.contains(node.sceneBoundingRect()) for node in panel.scene.nodes.values())


def test_the_fitted_network_shows_everybody_with_no_scroll_bar(small: NetworkPanel) -> None:
    assert bars(small.view) == (False, False)
    assert everybody_in_sight(small)
    assert small.view.horizontalScrollBar().maximum() == small.view.horizontalScrollBar().minimum()


def test_zoomed_in_the_view_pans_by_scroll_bar_and_middle_drag_and_fit_brings_it_back(
    small: NetworkPanel, qtbot: QtBot
) -> None:
    view = small.view
    viewport = view.viewport()
    middle = viewport.rect().center()
    for _ in range(4):
        view.zoom(1.15)
    assert view.transform().m11() > 0.5 and not view.auto_fit
    qtbot.wait_until(lambda: bars(view) == (True, True))  # the bars are shown on the next turn of the event loop
    assert not everybody_in_sight(small)

    before = view.mapToScene(middle)
    qtbot.mousePress(viewport, Qt.MouseButton.MiddleButton, pos=middle)
    qtbot.mouseMove(viewport, middle + QPoint(60, 0))
    qtbot.mouseMove(viewport, middle + QPoint(120, 40))
    qtbot.mouseRelease(viewport, Qt.MouseButton.MiddleButton, pos=middle + QPoint(120, 40))
    after = view.mapToScene(middle)
    scale = view.transform().m11()
    # The picture followed the hand: what was at the middle is now 120 px right and 40 px down of it.
    assert (before.x() - after.x(), before.y() - after.y()) == pytest.approx((120 / scale, 40 / scale), abs=2)
    assert small.scene.selected_people() == []  # a pan, not a rubber band

    hbar = view.horizontalScrollBar()
    hbar.setValue(hbar.minimum())
    left_edge = view.seen().left()
    assert left_edge <= view.network_bounds().left()  # the network's far left can be reached

    small.fit_action.trigger()
    assert view.auto_fit
    qtbot.wait_until(lambda: bars(view) == (False, False))
    assert everybody_in_sight(small)


def test_a_person_moved_out_of_sight_of_the_fitted_view_is_brought_back_into_it(
    small: NetworkPanel, qtbot: QtBot
) -> None:
    document = small.document
    person = document.network.people[3]
    far = small.view.seen().bottomRight() + QPointF(600, 400)
    document.move_people({person.id or 0: (far.x(), far.y())}, "Move person")
    assert small.view.auto_fit and everybody_in_sight(small)
    qtbot.wait_until(lambda: bars(small.view) == (False, False))
    document.undo_stack.undo()
    assert everybody_in_sight(small)
    qtbot.wait_until(lambda: bars(small.view) == (False, False))

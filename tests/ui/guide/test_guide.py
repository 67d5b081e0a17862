"""A newcomer's way in: the welcome (once per database, from start-up only, again from Help › Welcome), the tour of
the screens, and the help page of the tab in front (Shift+F1).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from sos_desktop.app import build_window
from sos_desktop.models.demo import DEMO_REFERENCE
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.guide import tour as tour_module
from sos_desktop.ui.guide.help_dialog import HelpDialog, current_page, show_help
from sos_desktop.ui.guide.help_text import PAGES
from sos_desktop.ui.guide.tour import LEAST_WIDTH, STEPS, TourDialog, placement, start_tour
from sos_desktop.ui.guide.welcome import WelcomeDialog, welcome_due, welcome_once
from sos_desktop.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagate")


def test_building_a_window_never_shows_the_welcome(window: MainWindow) -> None:
    assert window.findChild(WelcomeDialog) is None
    assert welcome_due(window)  # it is start-up's to show, not the window's


def test_the_welcome_shows_once_per_database(qtbot: QtBot, console: MainWindow, data_dir: Path) -> None:
    first = welcome_once(console)
    assert first is not None
    qtbot.waitExposed(first)
    assert not first.isModal()
    first.close()
    assert welcome_once(console) is None
    again, _ = build_window(argparse.Namespace(data_dir=data_dir, db=None, command=None))
    assert again is not None
    qtbot.addWidget(again)
    assert not welcome_due(again)
    again.store.close()


def test_the_welcome_opens_the_demo_meeting_even_after_it_was_deleted(qtbot: QtBot, console: MainWindow) -> None:
    demo = next(c for c in console.store.list_cases() if c.reference == DEMO_REFERENCE)
    assert demo.id is not None
    console.close_meeting()
    console.store.delete_case(demo.id)
    console.navigator.reload()
    welcome = WelcomeDialog(console)
    meeting_id = welcome.open_demo()
    assert console.document is not None and console.document.meeting_id == meeting_id
    assert console.document.case.reference == DEMO_REFERENCE
    assert welcome.open_demo() == meeting_id  # not made twice


def test_the_welcome_starts_a_case_and_the_tour(
    qtbot: QtBot, console: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(dialogs, "ask_case", lambda *args, **kwargs: asked.append(True) or None)
    console.guide.welcome_action.trigger()
    welcome = console.findChild(WelcomeDialog)
    assert isinstance(welcome, WelcomeDialog)
    welcome.new_case.click()
    assert asked == [True]
    console.guide.welcome_action.trigger()
    (welcome,) = [w for w in console.findChildren(WelcomeDialog) if w.isVisible()]  # the first is closing
    welcome.tour.click()
    tour = console.findChild(TourDialog)
    assert isinstance(tour, TourDialog) and tour.isVisible()
    tour.close()


def test_the_tour_steps_through_every_part_and_back(qtbot: QtBot, console: MainWindow) -> None:
    tour = start_tour(console)
    qtbot.waitExposed(tour)
    assert not tour.isModal()
    assert tour.heading.text() == "Cases and meetings" and not tour.back.isEnabled()
    assert tour.outline.isVisible() and tour.outline.geometry().contains(console.navigator.geometry().center())
    seen_tabs = []
    for index in range(1, len(STEPS)):
        tour.next.click()
        assert tour.index == index
        assert tour.counter.text() == f"Step {index + 1} of {len(STEPS)}"
        seen_tabs.append(console.tabs.tabText(console.tabs.currentIndex()).replace("&", ""))
    assert seen_tabs[:6] == ["Map", "Scaling", "Agenda", "Network", "Child's voice", "Meeting details"]
    assert "F5" in STEPS[7].text and "Minutes" in STEPS[8].text and "Observer" in STEPS[9].text
    assert tour.next.text().replace("&", "") == "Finish"
    tour.back.click()
    assert tour.index == len(STEPS) - 2
    tour.go(len(STEPS) - 1)
    tour.next.click()
    assert not tour.isVisible()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_tour_stands_beside_what_each_step_describes_never_over_it(
    qtbot: QtBot, console: MainWindow, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    # The hardest case: a screen of that size that the console fills, so the room beside a page is the console's.
    monkeypatch.setattr(tour_module, "_screen_room", lambda window: window.frameGeometry())
    console.move(0, 0)
    console.resize(*size)
    qtbot.waitUntil(lambda: console.navigator.height() > size[1] - 120)
    tour = start_tour(console)
    qtbot.waitExposed(tour)
    for index, step in enumerate(STEPS):
        tour.go(index)
        box, described = tour.frameGeometry(), tour.outlined()
        assert not described.isEmpty(), step.title
        assert not box.intersects(described), (step.title, box, described)
        assert console.frameGeometry().contains(box), (step.title, box)
        assert box.width() >= LEAST_WIDTH and tour.height() >= tour.heightForWidth(tour.width()), step.title
    tour.close()


def test_the_tour_goes_where_there_is_most_room_and_over_a_far_corner_when_there_is_none() -> None:
    screen = QRect(0, 0, 1280, 720)

    def height_for(width: int) -> int:
        return 60_000 // width

    preferred = QSize(400, height_for(400))
    # A menu's title at the top left: below it, where the whole height is free.
    spot = placement(QRect(100, 0, 60, 20), screen, preferred, 240, height_for)
    assert spot.top() > 20 and spot.size() == preferred
    # A page filling the console but for a 260-pixel column on the left: narrowed into that column.
    page = QRect(263, 18, 1017, 702)
    spot = placement(page, screen, preferred, 240, height_for)
    assert not spot.intersects(page) and spot.width() >= 240 and spot.height() == height_for(spot.width())
    # Nothing free anywhere: over the page's bottom right corner, still on the screen.
    spot = placement(screen, screen, preferred, 240, height_for)
    assert screen.contains(spot) and spot.bottomRight() == screen.bottomRight()


def test_the_tour_works_with_no_meeting_open(qtbot: QtBot, console: MainWindow) -> None:
    console.close_meeting()
    tour = start_tour(console)
    for _ in STEPS:
        tour.next.click()
    assert not tour.isVisible()


def test_help_on_this_page_follows_the_tab_in_front(qtbot: QtBot, console: MainWindow) -> None:
    action = console.guide.page_help_action
    assert action.shortcut().toString() == "Shift+F1"
    expected = {"Map": "map", "Scaling": "scaling", "Agenda": "agenda", "Network": "network"}
    expected |= {"Child's voice": "voice", "Meeting details": "details", "Chronology": "chronology"}
    expected |= {"Since last time": "review", "Safety plan": "plan", "Trajectory plan": "trajectory_plan"}
    expected |= {"Safety House": "safety_house"}
    expected |= {"Words and Pictures": "words_pictures", "Agreement": "agreement"}
    for index in range(console.tabs.count()):
        console.tabs.setCurrentIndex(index)
        key = expected[console.tabs.tabText(index).replace("&", "")]
        assert current_page(console) == key
        action.trigger()
        shown = console.findChild(HelpDialog)
        assert isinstance(shown, HelpDialog) and shown.key() == key
        assert PAGES[key].title in shown.text.toPlainText()
    assert len(console.findChildren(HelpDialog)) == 1  # one window, turned to each page
    console.close_meeting()
    assert show_help(console).key() == "start"


def test_every_help_page_says_what_it_is_for_how_and_its_keys() -> None:
    for key, page in PAGES.items():
        assert "**What it is for.**" in page.text, key
        assert "**How to use it.**" in page.text, key
        if key != "observer":
            assert "**Keys.**" in page.text, key
        for american in ("color", "center", "organize", "behavior", "favorite", "program "):
            assert american not in page.text.lower(), (key, american)


def test_the_help_menu_offers_the_tour_and_the_welcome(console: MainWindow) -> None:
    help_menu = next(a.menu() for a in console.menuBar().actions() if a.text() == "&Help")
    texts = [a.text() for a in help_menu.actions()]
    for wanted in ("&Help on this page", "&Tour of the screens", "&Welcome", "&Keyboard shortcuts"):
        assert wanted in texts


def test_every_empty_view_says_what_to_do_next(qtbot: QtBot, console: MainWindow) -> None:
    from sos_desktop.models import Case
    from sos_desktop.ui.common.empty_state import EmptyHint
    from sos_desktop.ui.shell.navigator import CASE

    def hint(view: QWidget) -> EmptyHint:
        found = view.viewport().findChild(EmptyHint)  # type: ignore[attr-defined]
        assert isinstance(found, EmptyHint), type(view).__name__
        return found

    case = console.store.add_case(Case("Family E"))
    console.navigator.reload()
    console.navigator.select(CASE, case.id or 0)
    console.new_meeting("Empty")
    document = console.document
    assert document is not None and console.map_panel is not None and console.scales_panel is not None
    for box in console.map_panel.boxes.values():
        assert hint(box.list).is_empty() and hint(box.list).text == document.template.questions[box.category]
    for scale in list(document.meeting.scales):
        document.delete_scale(scale.id or 0)
    assert (
        hint(console.scales_panel.list).is_empty()
        and "add the framework's scale" in hint(console.scales_panel.list).text
    )
    network, details, agenda = console.show_network(), console.show_details(), console.show_agenda()
    assert network is not None and details is not None and agenda is not None
    assert hint(network.view).is_empty() and "Double-click" in hint(network.view).text
    assert hint(details.attendees).is_empty() and "type a name" in hint(details.attendees).text
    assert not hint(agenda.table).is_empty()  # the team's agenda
    while document.meeting.agenda:
        document.remove_phase(0)
    assert hint(agenda.table).is_empty() and "Add phase" in hint(agenda.table).text
    voice = console.show_voice()
    assert voice is not None and voice.stack.currentWidget() is voice.empty_state
    # The words reach a screen reader too, and are painted: the empty list is not blank.
    assert details.attendees.accessibleDescription() == hint(details.attendees).text
    before = details.attendees.viewport().grab().toImage()
    assert len({before.pixel(x, before.height() // 2) for x in range(before.width())}) > 1
    console.close_meeting()

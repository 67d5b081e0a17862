"""The projector as the room sees it: themes, live edits, display names only, modes, fitting, blanking and keys."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage
from pytestqt.qtbot import QtBot

from sos_desktop.models import Attendee, AttendeeRole, Case, Category, Column, MapItem
from sos_desktop.models.demo import demo_bundle
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import (
    THEMES,
    ProjectorView,
    ProjectorWindow,
    ThemeError,
    load_theme,
    projector_screens,
    render_projector,
)
from sos_desktop.ui.projector.layout import FLOOR_PX
from sos_desktop.ui.projector.scene import CardShape, FlagShape, TextShape
from sos_desktop.ui.projector.themes import contrast_ratio
from sos_desktop.ui.projector.window import wants_full_screen

FULL_HD = QSize(1920, 1080)


@pytest.fixture
def view(qtbot: QtBot, document: MeetingDocument) -> ProjectorView:
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(FULL_HD)
    return view


def colour_counts(image: QImage, step: int = 3) -> Counter[int]:
    return Counter(image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step))


def card_texts(view: ProjectorView, category: Category) -> list[str]:
    content = view.projection.content()
    assert content is not None
    return [card.text for card in content.section(category).cards]


@pytest.mark.parametrize("name", THEMES)
def test_every_theme_is_legible_at_a_distance(name: str) -> None:
    assert load_theme(name).name == name
    theme = load_theme(name)
    assert contrast_ratio(theme.text, theme.background) >= 7
    assert contrast_ratio(theme.text, theme.card_fill) >= 7
    assert contrast_ratio(theme.focus_text, theme.background) >= 7
    assert contrast_ratio(theme.muted_text, theme.card_fill) >= 4.5
    assert contrast_ratio(theme.badge_text, theme.badge_fill) >= 7
    assert contrast_ratio(theme.flag, theme.card_fill) >= 3
    for column in Column:
        assert contrast_ratio(theme.accent(column), theme.background) >= 4.5


def test_an_unknown_theme_is_refused_in_plain_words() -> None:
    with pytest.raises(ThemeError, match="themes are projector, light, dark"):
        load_theme("neon")


@pytest.mark.parametrize("name", THEMES)
def test_each_theme_paints_the_map_on_its_own_background(document: MeetingDocument, name: str) -> None:
    image = render_projector(document, QSize(960, 540), name)
    counts = colour_counts(image)
    theme = load_theme(name)
    (dominant, most), *_ = counts.most_common(1)
    assert dominant == theme.background.rgb()
    assert most < 0.8 * sum(counts.values())  # cards and text cover a good part of it
    assert counts[theme.card_fill.rgb()] > 0.1 * sum(counts.values())


def test_blank_paints_the_background_and_nothing_else(document: MeetingDocument, view: ProjectorView) -> None:
    for name in THEMES:
        expected = QImage(FULL_HD, QImage.Format.Format_RGB32)
        expected.fill(load_theme(name).background)
        assert render_projector(document, FULL_HD, name, blank=True) == expected
    view.set_blank(True)
    assert view.drawn_texts() == []
    assert view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32).pixel(960, 540) == (
        load_theme("projector").background.rgb()
    )


def test_an_edit_on_the_console_is_what_the_projector_paints_next(
    qtbot: QtBot, document: MeetingDocument, view: ProjectorView
) -> None:
    before = render_projector(document, FULL_HD)
    frame = view.projection.scene(view.width(), view.height())
    assert view.projection.scene(view.width(), view.height()) is frame  # nothing changed: nothing laid out again
    with qtbot.waitSignal(view.projection.changed):
        item = document.add_item(Category.STRENGTH, "Nan reads to Lily every night")
    assert "Nan reads to L every night" in view.drawn_texts()
    assert render_projector(document, FULL_HD) != before
    assert item.id is not None
    document.set_item_text(item.id, "Nan reads to Lily most nights")
    assert "Nan reads to L most nights" in view.drawn_texts()
    assert "Nan reads to L every night" not in view.drawn_texts()
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert not any("Nan reads" in text for text in view.drawn_texts())
    assert render_projector(document, FULL_HD) == before
    document.set_detail("focus_question", "What would Nan need to say yes?")
    assert "What would Nan need to say yes?" in view.drawn_texts()


def test_the_projector_shows_display_names_never_full_first_or_last_names(
    document: MeetingDocument, view: ProjectorView
) -> None:
    document.add_item(Category.HARM, "Jordan Example told Robin that Chris had shouted at Lily.")
    document.add_item(Category.COMPLICATING, "The Example family moved twice; Sample's work is far away.")
    document.add_item(Category.NEXT_STEP, "Alex Morgan to meet Pat Example and Jordan")
    document.set_detail("focus_question", "How can Chris Sample take part?")
    document.replace_case(Case(label="Jordan Example and Lily", reference="DEMO-0001", id=document.case.id))
    people = document.network.people
    words = {part for person in people for part in person.name.split()}
    for mode in (None, *Column, *Category):  # the theme changes colours and sizes, never what is written
        view.set_mode(mode)
        everything = "\n".join(view.drawn_texts())
        assert not any(person.name in everything for person in people), mode
        found = {word for word in words if re.search(rf"\b{word}\b", everything, re.IGNORECASE)}
        assert found == set(), (mode, found)
    view.set_mode(None)
    drawn = view.drawn_texts()
    assert "Mum told RN that Dad had shouted at L." in drawn
    # Example and Sample are each shared (Mum, Nan, Lily; Dad and Aunt K): a shared surname names no one.
    assert "The [name] family moved twice; [name]'s work is far away." in drawn
    assert "Alex Morgan to meet Nan and Mum" in drawn  # attendees are professionals and keep their names
    assert "How can Dad take part?" in drawn
    assert any("Sam Patel" in text for text in drawn)  # a next step's owner, who attends
    assert drawn[0].startswith("Group supervision (demo) · Mum and L")


def test_a_new_attendee_keeps_their_name_from_the_next_frame(document: MeetingDocument, view: ProjectorView) -> None:
    document.add_item(Category.STRENGTH, "Robin Neighbour and Ben Carter walk L to nursery.")
    assert "RN and Ben Carter walk L to nursery." in view.drawn_texts()
    document.set_attendees([*document.meeting.attendees, Attendee("Ben Carter", AttendeeRole.PARTICIPANT)])
    assert "RN and Ben Carter walk L to nursery." in view.drawn_texts()
    # A person of the network who attends the meeting (the family's friend here) is still their display name.
    document.set_attendees([*document.meeting.attendees, Attendee("Robin Neighbour", AttendeeRole.PARTICIPANT)])
    assert "RN and Ben Carter walk L to nursery." in view.drawn_texts()


def test_one_column_or_one_category_shows_only_its_cards(view: ProjectorView) -> None:
    everything = {c: card_texts(view, c) for c in Category}
    view.set_mode(Column.WORKING_WELL)
    drawn = view.drawn_texts()
    assert "What's working well?" in drawn
    assert view.projection.content().column(Column.WORKING_WELL).question in drawn  # type: ignore[union-attr]
    for category, texts in everything.items():
        shown = category in (Category.STRENGTH, Category.SAFETY)
        assert all((text in drawn) == shown for text in texts), category
    view.set_mode(Category.GOAL)
    drawn = view.drawn_texts()
    assert "Safety goals" in drawn
    for category, texts in everything.items():
        assert all((text in drawn) == (category is Category.GOAL) for text in texts), category
    assert view.cycle_mode() is None  # from one category, V goes back to the whole map


def test_the_demo_map_reads_from_the_back_of_the_room_at_any_screen_size(view: ProjectorView) -> None:
    assert view.card_pixel_size() >= 28
    full_hd = view.card_pixel_size()
    for size in (QSize(1280, 720), QSize(3840, 2160)):
        view.resize(size)
        assert view.card_pixel_size() == pytest.approx(full_hd * size.height() / 1080, abs=2)
    assert view.hidden_cards() == 0


def test_a_300_card_map_keeps_readable_type_and_says_what_it_leaves_out(
    qtbot: QtBot, document: MeetingDocument
) -> None:
    bundle = demo_bundle()
    categories = list(Category)
    for number in range(300):
        text = f"Card {number}: something the group said about the family, long enough to wrap onto two lines."
        bundle.meeting.items.append(MapItem(category=categories[number % len(categories)], text=text))
    saved = document.store.save_bundle(bundle)
    assert saved.meeting.id is not None
    big = MeetingDocument(document.store, saved.meeting.id)
    view = ProjectorView(big)
    qtbot.addWidget(view)
    view.resize(FULL_HD)
    assert view.card_pixel_size() >= round(FLOOR_PX * load_theme("projector").type_scale)
    more = [text for text in view.drawn_texts() if re.fullmatch(r"\+\d+ more", text)]
    assert len(more) == 8  # every category, grey areas too
    assert sum(int(text[1:].split()[0]) for text in more) == view.hidden_cards()
    scene = view.projection.scene(view.width(), view.height())
    shown = sum(isinstance(shape, CardShape) for shape in scene.shapes)
    assert shown >= 24
    assert shown + view.hidden_cards() == len(bundle.meeting.items)
    for shape in scene.shapes:
        bottom = shape.rect.bottom() if isinstance(shape, CardShape) else 0
        if isinstance(shape, TextShape):
            bottom = shape.origin.y() + shape.laid.height
        assert bottom <= view.height(), "nothing runs off the bottom of the screen"
    # An edit to one card lays out only that card again.
    laid = len(view.projection._texts)
    item = big.meeting.items[-1]
    assert item.id is not None
    big.set_item_text(item.id, "Changed")
    view.drawn_texts()
    assert len(view.projection._texts) - laid <= 3


def test_pairs_carry_a_shared_number_and_a_lone_danger_statement_a_flag(
    document: MeetingDocument, view: ProjectorView
) -> None:
    scene = view.projection.scene(view.width(), view.height())
    assert scene.texts().count("1") == 2
    assert not any(isinstance(shape, FlagShape) for shape in scene.shapes)
    document.add_item(Category.DANGER, "Nan is worried that L will stop going to nursery.")
    scene = view.projection.scene(view.width(), view.height())
    assert sum(isinstance(shape, FlagShape) for shape in scene.shapes) == 1


def test_empty_categories_show_a_dash_and_empty_grey_areas_are_left_out(
    document: MeetingDocument, view: ProjectorView
) -> None:
    assert "Grey areas" in view.drawn_texts()
    for category in (Category.GREY, Category.COMPLICATING):
        item = document.items(category)[0]
        assert item.id is not None
        document.delete_item(item.id)
    drawn = view.drawn_texts()
    assert "Grey areas" not in drawn
    assert "Complicating factors" in drawn
    assert drawn.count("—") == 1
    view.set_mode(Category.GREY)  # asked for by name, an empty optional category is shown empty
    assert "Grey areas" in view.drawn_texts() and "—" in view.drawn_texts()


def test_a_very_long_card_is_cut_short_on_the_projector_only(document: MeetingDocument, view: ProjectorView) -> None:
    item = document.add_item(Category.HARM, "word " * 2_000)
    card = next(text for text in view.drawn_texts() if text.startswith("word word"))
    assert card.endswith("…")
    assert len(card) < 2_000
    assert item.id is not None and document.item(item.id).text == "word " * 2_000


def test_with_no_meeting_open_the_projector_says_so(qtbot: QtBot, document: MeetingDocument) -> None:
    view = ProjectorView(None)
    qtbot.addWidget(view)
    view.resize(FULL_HD)
    assert view.drawn_texts() == ["No meeting is open on the console."]
    view.set_document(document)
    assert "Harm" in view.drawn_texts()
    view.set_document(None)
    document.add_item(Category.HARM, "An edit after the projector let go")
    assert view.drawn_texts() == ["No meeting is open on the console."]


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform has no window stack
def test_the_projector_window_never_asks_for_the_keyboard(qtbot: QtBot, document: MeetingDocument) -> None:
    window = ProjectorWindow(document)
    qtbot.addWidget(window)
    window.show_on(None)
    qtbot.waitExposed(window)
    assert window.full_screen_on is None  # one screen: an ordinary window the facilitator can move
    assert not window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert window.focusPolicy() == Qt.FocusPolicy.NoFocus and window.view.focusPolicy() == Qt.FocusPolicy.NoFocus
    window.show_on(None)  # shown again: the flags survive
    assert window.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    view = window.view
    qtbot.keyClick(window, Qt.Key.Key_B)  # with no console to pass it to, a key does nothing to the wall
    qtbot.keyClick(window, Qt.Key.Key_T)
    assert not view.is_blank() and view.theme().name == "projector"


def test_full_screen_only_on_a_screen_of_its_own() -> None:
    console = QGuiApplication.primaryScreen()
    assert projector_screens(console) == [s for s in QGuiApplication.screens() if s is not console]
    assert not wants_full_screen(console, console, 2)
    assert not wants_full_screen(None, console, 2)
    assert not wants_full_screen(console, None, 1)
    assert wants_full_screen(console, None, 2)


TWO_SCREENS = {
    "screens": [
        {"name": "console", "x": 0, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96, "dpr": 1},
        {"name": "wall", "x": 1280, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "dpr": 1},
    ]
}
ON_TWO_SCREENS = """
import argparse, json, os, sys
from pathlib import Path
from PySide6.QtCore import Qt
from sos_desktop.app import build_window
from sos_desktop.ui.common.application import make_application
from sos_desktop.ui.projector import ProjectorWindow, projector_screens

app = make_application()
console, _ = build_window(argparse.Namespace(data_dir=Path(sys.argv[1]), db=None, command=None))
console.show()
window = ProjectorWindow(console.document, console=console)
found = {"candidates": [s.name() for s in projector_screens(console.screen())]}
for name, screen in (("default", None), ("console", console.screen())):
    window.show_on(screen)
    found[name] = {
        "on": window.full_screen_on.name() if window.full_screen_on else None,
        "geometry": window.geometry().getRect(),
        "frameless": bool(window.windowFlags() & Qt.WindowType.FramelessWindowHint),
        "card_px": window.view.card_pixel_size(),
    }
print(json.dumps(found), flush=True)
console.store.close()
os._exit(0)  # a throwaway process: nothing of its teardown is under test
"""


def test_with_a_second_screen_the_projector_fills_it_frameless(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(TWO_SCREENS), "utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run(
        [sys.executable, "-c", ON_TWO_SCREENS, str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["candidates"] == ["wall"]
    assert found["default"]["on"] == "wall" and found["default"]["frameless"]
    assert found["default"]["geometry"] == [1280, 0, 1920, 1080]
    assert found["default"]["card_px"] >= 28
    # Asked for the console's own screen, it is an ordinary framed window there, which the facilitator can move.
    assert found["console"]["on"] is None and not found["console"]["frameless"]
    assert found["console"]["geometry"][0] < 1280

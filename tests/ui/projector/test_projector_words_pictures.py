"""Words and Pictures on the wall, panel by panel: one panel large with its picture (the drawing's figures by display
name, the store's image drawn), its words masked in large type and "Panel N of M"; no full name at 1920x1080 or
1024x768; Page Down and Page Up (and two menu entries) page through the story while the wall shows it, and stop at
the ends; an edit on the console is on the wall at once; 'No Words and Pictures story yet.' when there is none;
``sos-desktop snapshot --view words-pictures --panel N``; F5's name check reads the stories.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from sos_desktop.cli import main
from sos_desktop.store.engine import resolve_database_url
from sos_desktop.store.store import Store
from sos_desktop.ui.common.actions import KEYS, Key
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import ProjectorView
from sos_desktop.ui.projector.modes import WordsPicturesMode
from sos_desktop.ui.projector.name_check import wall_texts
from sos_desktop.ui.projector.projection import wall_masker
from sos_desktop.ui.projector.view import render_projector
from sos_desktop.ui.projector.words_pictures_chart import PanelPictureShape
from sos_desktop.ui.projector.words_pictures_content import NO_STORY
from sos_desktop.ui.shell.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).parents[2] / "exporters"))
from words_pictures_support import FULL_NAMES, give_story

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagate")

SIZES = (QSize(1920, 1080), QSize(1024, 768))


@pytest.fixture
def follow_up(store: Store) -> MeetingDocument:
    """The demo's follow-up holding the test story: four panels for L."""
    meeting = store.save_demo().follow_up
    give_story(store, meeting)
    return MeetingDocument(store, meeting)


def shown(qtbot: QtBot, document: MeetingDocument, size: QSize, panel: int = 0) -> ProjectorView:
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(size)
    view.set_mode(WordsPicturesMode(panel=panel))
    return view


def _no_full_name(texts: list[str]) -> None:
    words = " ".join(texts).replace(",", " ").replace(".", " ").split()
    for name in FULL_NAMES:
        assert name not in " ".join(texts), name
        assert name.split()[0] not in words, name


def test_one_panel_large_with_display_names_only_at_both_sizes(qtbot: QtBot, follow_up: MeetingDocument) -> None:
    for size in SIZES:
        view = shown(qtbot, follow_up, size)
        texts = view.drawn_texts()
        assert "Why Sam visits L" in texts
        assert "For L · Panel 1 of 4" in texts
        assert "Nan and Mum love L very much." in texts
        for label in ("Nan", "Mum", "L", "Our family"):  # the drawing's figures, by display name
            assert label in texts, label
        assert "What is going well" in texts
        _no_full_name(texts)
        assert view.card_pixel_size() >= 40 * size.height() / 1080  # the words read from three metres


def test_every_panel_of_the_story_keeps_to_display_names(qtbot: QtBot, follow_up: MeetingDocument) -> None:
    for size in SIZES:
        for panel in range(4):
            texts = shown(qtbot, follow_up, size, panel).drawn_texts()
            assert f"For L · Panel {panel + 1} of 4" in texts
            _no_full_name(texts)


def test_the_store_s_image_is_drawn_on_the_wall(qtbot: QtBot, follow_up: MeetingDocument) -> None:
    view = shown(qtbot, follow_up, SIZES[0], panel=1)
    scene = view.projection.scene(SIZES[0].width(), SIZES[0].height())
    picture = next(shape for shape in scene.shapes if isinstance(shape, PanelPictureShape))
    assert picture.image is not None and not picture.image.isNull()
    image = render_projector(follow_up, SIZES[0], "projector", WordsPicturesMode(panel=1))
    upper = picture.rect.center().toPoint()
    upper.setY(round(picture.rect.center().y() - picture.rect.width() * 0.1))
    colour = QColor(image.pixel(upper))
    assert (colour.red(), colour.green()) > (150, 0) and colour.green() < 90  # the image's red half


def test_page_down_and_page_up_go_through_the_panels_and_stop_at_the_ends(window: MainWindow) -> None:
    assert window.document is not None
    opened = window.document.meeting.id
    other = next(m.id for m in window.store.list_meetings(window.document.meeting.case_id or 0) if m.id != opened)
    assert other is not None
    give_story(window.store, other)
    window.open_meeting(other)
    paging = window.projector.words_pictures
    assert KEYS[Key.PROJECT_WORDS_PICTURES].keys == ("Ctrl+Alt+W",)
    assert paging.action.shortcut().toString() == "Ctrl+Alt+W"
    assert [s.toString() for s in paging.next_action.shortcuts()] == ["PgDown"]
    assert [s.toString() for s in paging.previous_action.shortcuts()] == ["PgUp"]
    wall = window.projector.open()
    assert wall is not None
    assert not paging.next_action.isEnabled()  # the map is on the wall: Page Down scrolls the console
    paging.action.trigger()
    assert isinstance(wall.view.mode(), WordsPicturesMode) and paging.action.isChecked()
    assert paging.next_action.isEnabled()
    assert "For L · Panel 1 of 4" in wall.view.drawn_texts()
    for _ in range(5):
        paging.next_action.trigger()
    assert "For L · Panel 4 of 4" in wall.view.drawn_texts()
    paging.previous_action.trigger()
    assert "For L · Panel 3 of 4" in wall.view.drawn_texts()
    assert paging.action.isChecked()
    window.projector.set_mode(None)
    assert not paging.next_action.isEnabled()
    window.projector.close()


def test_new_words_on_the_console_are_on_the_wall_at_once_and_gone_on_undo(
    qtbot: QtBot, follow_up: MeetingDocument
) -> None:
    view = shown(qtbot, follow_up, SIZES[0])
    story = follow_up.words_pictures[0]
    follow_up.set_panel_words(story.key, story.panels[0].key, "Pat Example reads L a story at bedtime.")
    qtbot.waitUntil(lambda: "Nan reads L a story at bedtime." in view.drawn_texts())
    follow_up.undo_stack.undo()
    qtbot.waitUntil(lambda: "Nan and Mum love L very much." in view.drawn_texts())


def test_a_meeting_without_a_story_says_so(qtbot: QtBot, store: Store) -> None:
    document = MeetingDocument(store, store.save_demo().first)
    assert not document.words_pictures
    assert NO_STORY in shown(qtbot, document, SIZES[0]).drawn_texts()


def test_the_name_check_reads_the_story(follow_up: MeetingDocument) -> None:
    texts = wall_texts(follow_up, wall_masker(follow_up))
    found = [what for where, what in texts if "Words and Pictures" in where]
    assert "Nan and Mum love L very much." in found
    assert "Why Sam visits L" in found


def test_the_snapshot_command_writes_a_chosen_panel(tmp_path: Path) -> None:
    store = Store.open(resolve_database_url(None, tmp_path))
    try:
        follow = store.save_demo().follow_up
        give_story(store, follow)
    finally:
        store.close()
    out, err = io.StringIO(), io.StringIO()
    for size in ("1920x1080", "1024x768"):
        picture = tmp_path / f"story-{size}.png"
        args = ["--data-dir", str(tmp_path), "snapshot", str(follow), "--view", "words-pictures", "--panel", "2"]
        assert main([*args, "--out", str(picture), "--size", size], out=out, err=err) == 0, err.getvalue()
        image = QImage(str(picture))
        assert f"{image.width()}x{image.height()}" == size


def test_the_wall_follows_the_panel_chosen_on_the_words_and_pictures_page(window: MainWindow) -> None:
    assert window.document is not None
    opened = window.document.meeting.id
    other = next(m.id for m in window.store.list_meetings(window.document.case_id) if m.id != opened)
    assert other is not None
    give_story(window.store, other)
    window.open_meeting(other)
    page = window.pages.show("words_pictures")
    assert page is not None
    storyboard = page.storyboard  # type: ignore[attr-defined]
    storyboard.setCurrentRow(2)
    wall = window.projector.open()
    assert wall is not None
    window.projector.words_pictures.action.trigger()  # Ctrl+Alt+W starts at the panel the page has chosen
    assert "For L · Panel 3 of 4" in wall.view.drawn_texts()
    storyboard.setCurrentRow(0)
    assert "For L · Panel 1 of 4" in wall.view.drawn_texts()
    window.projector.words_pictures.next_action.trigger()
    story = window.document.words_pictures[0]
    window.document.set_panel_words(story.key, story.panels[0].key, "Nan reads at bedtime.")  # the page refreshes
    assert "For L · Panel 2 of 4" in wall.view.drawn_texts()  # an edit on the console does not page the wall back
    window.projector.close()

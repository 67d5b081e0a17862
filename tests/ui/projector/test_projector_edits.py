"""Typing on the console while the projector shows the map: what the room sees after each edit is what a fresh
projector would show, though only the edited card is re-read, the fitting starts from the last size and only the
changed part of the wall is painted again.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QRegion
from pytestqt.qtbot import QtBot

from sos_desktop.models import Category, NextStepStatus
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import ProjectorView, render_projector
from sos_desktop.ui.projector.content import map_content
from sos_desktop.ui.projector.layout import Layout
from sos_desktop.ui.projector.projection import Projection
from sos_desktop.ui.projector.scene import Scene
from sos_desktop.ui.projector.text import TextCache
from sos_desktop.ui.projector.themes import load_theme

FULL_HD = QSize(1920, 1080)
LONG = (
    "Nan is worried that when Dad has been drinking he shouts at Mum in front of Lily, and Lily could be hurt or grow "
    "up frightened at home; the neighbours have called the police twice since the summer and Lily has started to "
    "wet the bed again, hide under the table when voices are raised and ask to sleep at Nan's on school nights. "
)


def first(document: MeetingDocument, category: Category) -> int:
    item_id = document.items(category)[0].id
    assert item_id is not None
    return item_id


def fresh(document: MeetingDocument) -> Projection:
    """A projection with no history: what the projector would show if it had just been opened."""
    return Projection(document)


def test_an_edited_card_reads_as_a_fresh_snapshot_masked(document: MeetingDocument) -> None:
    projection = Projection(document)
    assert projection.content() is not None
    document.set_item_text(first(document, Category.HARM), "Jordan Example shouted at Lily in the car.")
    assert projection.content() == map_content(document.meeting, document.case, document.template, projection.mask)
    assert projection.content() == fresh(document).content()
    harm = projection.content().section(Category.HARM).cards  # type: ignore[union-attr]
    assert harm[0].text == "Mum shouted at L in the car."
    document.undo_stack.undo()
    assert projection.content() == fresh(document).content()


def test_a_next_steps_new_owner_and_status_reach_the_projector(document: MeetingDocument) -> None:
    projection = Projection(document)
    assert projection.content() is not None
    step = first(document, Category.NEXT_STEP)
    document.set_next_step(step, owner="Jordan Example", status=NextStepStatus.DONE)
    assert projection.content() == fresh(document).content()
    card = projection.content().section(Category.NEXT_STEP).cards[0]  # type: ignore[union-attr]
    assert card.meta.startswith("Done · Mum")


def test_pairing_on_the_console_numbers_both_cards_on_the_projector(document: MeetingDocument) -> None:
    projection = Projection(document)
    danger = document.add_item(Category.DANGER, "Nan is worried that Lily will be hurt at home.")
    goal = document.add_item(Category.GOAL, "Lily will be safe at home for six months.")
    assert danger.id is not None and goal.id is not None
    unpaired = projection.scene(1920, 1080).texts()
    document.pair_items(danger.id, goal.id)
    paired = projection.scene(1920, 1080).texts()
    assert paired.count("2") == unpaired.count("2") + 2
    assert paired == fresh(document).scene(1920, 1080).texts()


def test_a_kept_card_size_is_fitted_again_when_text_grows_and_shrinks(qtbot: QtBot, document: MeetingDocument) -> None:
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(FULL_HD)
    before = view.card_pixel_size()
    item_id = first(document, Category.HARM)
    original = document.item(item_id).text
    document.set_item_text(item_id, LONG * 3)
    grown = view.card_pixel_size()
    assert grown < before  # a long card takes room: the map is set smaller
    assert grown == fresh(document).scene(view.width(), view.height()).card_pixel_size
    assert view.drawn_texts() == fresh(document).scene(view.width(), view.height()).texts()
    document.set_item_text(item_id, original)
    assert view.card_pixel_size() == before
    assert view.drawn_texts() == fresh(document).scene(view.width(), view.height()).texts()


@pytest.mark.parametrize("threshold", [13, 14, 15, 20, 33, 47, 48, 49])
def test_the_fitting_finds_the_same_size_from_any_start(threshold: int) -> None:
    layout = Layout(None, load_theme("projector"), 1920, 1080, None, 1.0, TextCache())
    floor, cap = layout.floor, layout.cap
    expected = layout._fitted(lambda size: size <= threshold)
    assert expected == ((min(threshold, cap), True) if threshold >= floor else (floor, False))
    for start in (None, floor - 1, floor, floor + 1, threshold - 1, threshold, threshold + 1, cap, cap + 1):
        assert layout._fitted(lambda size: size <= threshold, start) == expected, start


def painted(scene: Scene, size: QSize, onto: QImage | None = None, region: QRegion | None = None) -> QImage:
    image = QImage(size, QImage.Format.Format_RGB32) if onto is None else onto.copy()
    painter = QPainter(image)
    if region is not None:
        painter.setClipRegion(region)  # as Qt clips a widget's painter to the region it repaints
    scene.paint(painter, QRectF(0, 0, size.width(), size.height()), region)
    painter.end()
    return image


def edits(document: MeetingDocument) -> list[tuple[str, Callable[[], object]]]:
    harm, goal = first(document, Category.HARM), first(document, Category.GOAL)
    return [
        ("a word changed", lambda: document.set_item_text(harm, document.item(harm).text + " again")),
        ("a card grown by lines", lambda: document.set_item_text(harm, LONG)),
        ("a card added", lambda: document.add_item(Category.STRENGTH, "Robin Neighbour walks Lily to nursery.")),
        ("a paired card reworded", lambda: document.set_item_text(goal, "Lily will be safe at home for a year.")),
        ("a card removed", lambda: document.delete_item(harm)),
    ]


def test_painting_only_the_changed_region_gives_the_frame_a_full_paint_gives(document: MeetingDocument) -> None:
    projection = Projection(document)
    width, height = FULL_HD.width(), FULL_HD.height()
    shown = projection.scene(width, height)
    wall = painted(shown, FULL_HD)
    for name, edit in edits(document):
        edit()
        scene = projection.scene(width, height)
        region = scene.changed_region(shown)
        assert region is not None and not region.isEmpty(), name
        assert region.boundingRect().height() < height or name == "a card grown by lines", name
        wall = painted(scene, FULL_HD, wall, region)
        assert wall == painted(scene, FULL_HD), name
        assert wall == render_projector(document, FULL_HD), name
        shown = scene


def test_an_unchanged_frame_has_no_changed_region_and_a_new_theme_is_painted_whole(
    document: MeetingDocument,
) -> None:
    projection = Projection(document)
    shown = projection.scene(1920, 1080)
    assert projection.scene(1920, 1080).changed_region(shown) == QRegion()
    projection.set_theme("light")
    assert projection.scene(1920, 1080).changed_region(shown) is None


def test_the_view_paints_an_edited_card_at_once_and_only_around_it(qtbot: QtBot, document: MeetingDocument) -> None:
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(FULL_HD)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view._shown is not None)
    regions: list[QRegion] = []
    original = view.paintEvent

    def noting(event: QPaintEvent) -> None:
        regions.append(QRegion(event.region()))
        original(event)

    view.paintEvent = noting  # type: ignore[method-assign]
    item_id = first(document, Category.HARM)
    # One letter for another: the card keeps its size and place (a word more may wrap on the demo's full map).
    reworded = document.item(item_id).text.replace("crying", "crving")
    document.set_item_text(item_id, reworded)
    assert len(regions) == 1, "painted during the edit, not at a later turn of the event loop"
    area = regions[0].boundingRect()
    assert 0 < area.width() * area.height() < view.width() * view.height() / 4
    assert view.projection.mask(reworded) in view.drawn_texts()
    on_screen = view.screen().grabWindow(view.winId()).toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert on_screen == render_projector(document, FULL_HD), "the wall shows what a whole new frame would"
    assert view._shown is not None and view._shown[0] is view.projection.scene(view.width(), view.height())
    view.set_theme("light")  # every pixel changes: the whole view is painted
    assert regions[-1].boundingRect() == view.rect()

"""The genogram on the wall: ``--view genogram`` lays the demo family out as a family tree whatever the console
shows, draws the genogram's marks (shapes by gender, Lily's double outline, a slash across Mum and Dad's line, a
cross for somebody who has died, a dotted line round each household with its name) and a legend of them, with
display names only, at 1920x1080 and 1024x768; a household whose name holds a full name is drawn unnamed; the
ordinary network view keeps the look by role until the console arranges the family tree. The tree fills the wall
(across at least three quarters of a 1920x1080 wall, names no larger than the heading), a household's name stays
inside the picture's own room, under the summary and above the legend, and the separated couple's slash is as long
as a marker is wide.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from sos_desktop.models.network_layout import LayoutKind, compute_layout
from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import NetworkMode, ProjectorView
from sos_desktop.ui.projector.chart_shapes import BoxShape, LineShape
from sos_desktop.ui.projector.network_genogram import HOUSEHOLD_COLOUR, StrokeShape
from sos_desktop.ui.projector.network_shapes import MarkerShape, TieShape
from sos_desktop.ui.projector.scene import Shape, TextShape
from sos_desktop.ui.projector.themes import contrast_ratio
from sos_desktop.ui.shell.main_window import MainWindow

SIZES = (QSize(1920, 1080), QSize(1024, 768))
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagate")


@pytest.fixture
def follow_up(store: Store) -> MeetingDocument:
    return MeetingDocument(store, store.save_demo().follow_up)


def wall(qtbot: QtBot, document: MeetingDocument, size: QSize, genogram: bool = True) -> ProjectorView:
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(size)
    view.set_mode(NetworkMode(genogram=genogram))
    return view


def full_names(document: MeetingDocument) -> set[str]:
    names = {person.name for person in document.network.people}
    return names | {other for person in document.network.people for other in person.also_known_as}


def strokes(view: ProjectorView) -> list[StrokeShape]:
    scene = view.projection.scene(view.width(), view.height())
    return [shape for shape in scene.shapes if isinstance(shape, StrokeShape)]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size.width()}x{size.height()}")
def test_the_family_tree_shows_the_marks_and_display_names_only(
    qtbot: QtBot, follow_up: MeetingDocument, size: QSize
) -> None:
    lily = next(person for person in follow_up.network.people if person.display_name == "L")
    grandad = next(person for person in follow_up.network.people if person.display_name == "Grandad")
    assert lily.id is not None and grandad.id is not None
    follow_up.set_person_field(grandad.id, "deceased", True)
    view = wall(qtbot, follow_up, size)
    drawn = view.drawn_texts()
    assert "Family tree" in drawn
    for shown in ("Mum", "Dad", "Nan", "Grandad", "L", "N", "Mum's home", "Nan's house"):
        assert shown in drawn
    for words in ("Male", "Female", "Index child", "Died", "Live together", "Married", "Separated"):
        assert words in drawn
    text = " ".join(drawn)
    for name in full_names(follow_up):
        assert not re.search(rf"\b{re.escape(name)}\b", text), name
    scene = view.projection.scene(view.width(), view.height())
    markers = [shape for shape in scene.shapes if isinstance(shape, MarkerShape)]
    assert len(markers) >= len(follow_up.network.people)
    lines = strokes(view)
    dotted = [s for s in lines if s.colour == HOUSEHOLD_COLOUR and s.path.boundingRect().height() > size.height() / 10]
    assert len(dotted) == 2  # Mum's home and Nan's house (the legend's small sample apart)
    crosses = [shape for shape in lines if shape.path.elementCount() == 4]
    assert crosses, "a cross through Grandad, who has died"
    ties = [shape for shape in scene.shapes if isinstance(shape, TieShape)]
    assert ties
    view.grab().save(f"/tmp/genogram-wall-{size.width()}x{size.height()}.png")


def test_a_household_named_after_somebody_in_full_is_drawn_without_its_name(
    qtbot: QtBot, follow_up: MeetingDocument
) -> None:
    mum = next(person for person in follow_up.network.people if person.display_name == "Mum")
    assert mum.id is not None
    for person in follow_up.network.people:
        if person.household == "Mum's home":
            follow_up.set_person_field(person.id or 0, "household", f"{mum.name}'s flat")
    view = wall(qtbot, follow_up, QSize(1920, 1080))
    drawn = " ".join(view.drawn_texts())
    assert mum.name not in drawn and "Mum's flat" not in drawn
    assert "Nan's house" in drawn
    outlines = [s for s in strokes(view) if s.colour == HOUSEHOLD_COLOUR and s.path.boundingRect().height() > 100]
    assert len(outlines) == 2  # both households still drawn (the legend's small sample apart)


def test_the_network_view_keeps_the_look_by_role_until_the_family_tree_is_arranged(
    qtbot: QtBot, follow_up: MeetingDocument
) -> None:
    follow_up.move_people(compute_layout(follow_up.network, LayoutKind.CIRCLES))
    view = wall(qtbot, follow_up, QSize(1920, 1080), genogram=False)
    assert "Safety network" in view.drawn_texts() and "Index child" not in view.drawn_texts()
    assert not strokes(view)
    follow_up.move_people(compute_layout(follow_up.network, LayoutKind.FAMILY_TREE))
    assert "Index child" in view.drawn_texts() and "Separated" in view.drawn_texts()
    follow_up.undo_stack.undo()
    assert "Index child" not in view.drawn_texts()


def test_the_projector_menu_shows_the_family_tree(window: MainWindow) -> None:
    wall_window = window.projector.open()
    assert wall_window is not None
    window.projector.genogram_action.trigger()
    assert wall_window.view.mode() == NetworkMode(genogram=True)
    assert "Family tree" in wall_window.view.drawn_texts()
    window.projector.network_action.trigger()
    assert wall_window.view.mode() == NetworkMode()
    window.projector.close()


@pytest.mark.parametrize("theme", ["projector", "light", "dark"])
def test_a_household_s_name_reads_clearly_in_every_theme(qtbot: QtBot, follow_up: MeetingDocument, theme: str) -> None:
    view = wall(qtbot, follow_up, QSize(1920, 1080))
    view.set_theme(theme)
    scene = view.projection.scene(view.width(), view.height())
    names = [s for s in scene.shapes if isinstance(s, TextShape) and s.laid.text in ("Mum's home", "Nan's house")]
    assert len(names) == 2
    background = QColor(view.theme().background)
    for name in names:
        assert contrast_ratio(name.colour, background) >= 4.5, (theme, name.colour.name())


WALLS = (QSize(1920, 1080), QSize(1024, 768), QSize(1280, 720))
HOUSEHOLDS = ("Mum's home", "Nan's house")


def text_rect(shape: TextShape) -> QRectF:
    return QRectF(shape.origin.x(), shape.origin.y(), shape.laid.width, shape.laid.height)


def texts(shapes: list[Shape]) -> dict[str, TextShape]:
    return {shape.laid.text: shape for shape in shapes if isinstance(shape, TextShape)}


def legend_rule(shapes: list[Shape]) -> float:
    """The height of the rule over the legend (the first line drawn, the legend's own lines aside)."""
    return next(shape for shape in shapes if isinstance(shape, LineShape)).points[0].y()


def people_markers(shapes: list[Shape], count: int) -> list[QRectF]:
    """The people's markers (the legend's samples come first)."""
    return [shape.path.boundingRect() for shape in shapes if isinstance(shape, MarkerShape)][-count:]


@pytest.mark.parametrize("size", WALLS, ids=lambda size: f"{size.width()}x{size.height()}")
def test_a_household_s_name_stays_inside_the_picture_under_the_summary(
    qtbot: QtBot, follow_up: MeetingDocument, size: QSize
) -> None:
    view = wall(qtbot, follow_up, size)
    shapes = view.projection.scene(view.width(), view.height()).shapes
    shown = texts(shapes)
    summary = next(shape for text, shape in shown.items() if "naturally connected" in text)
    header = [text_rect(shown["Family tree"]), text_rect(summary)]
    legend_top = legend_rule(shapes)
    plates = [shape.rect for shape in shapes if isinstance(shape, BoxShape)]
    for name in HOUSEHOLDS:
        label = text_rect(shown[name])
        plate = next(rect for rect in plates if rect.contains(label.center()) and rect.height() < label.height() * 1.5)
        for rect in (label, plate):
            assert rect.left() >= 0 and rect.right() <= size.width(), name
            assert rect.top() >= max(h.bottom() for h in header) and rect.bottom() <= legend_top, name
            assert not any(rect.intersects(h) for h in header), name
        others = [
            text_rect(shape)
            for text, shape in shown.items()
            if text in {n.display_name for n in follow_up.network.people}
        ]
        assert not any(label.intersects(other) for other in others), name


def test_the_family_tree_fills_a_wide_wall_with_large_names(qtbot: QtBot, follow_up: MeetingDocument) -> None:
    size = QSize(1920, 1080)
    view = wall(qtbot, follow_up, size)
    shapes = view.projection.scene(view.width(), view.height()).shapes
    markers = people_markers(shapes, len(follow_up.network.people))
    across = max(m.right() for m in markers) - min(m.left() for m in markers)
    assert across >= 0.75 * size.width()
    shown = texts(shapes)
    heading = shown["Family tree"].laid.height
    names = [shown[person.display_name].laid.height for person in follow_up.network.people]
    assert min(names) >= 0.7 * heading  # read from the back of the room
    assert max(names) <= heading * 1.01  # but never larger than the heading


@pytest.mark.parametrize("size", WALLS, ids=lambda size: f"{size.width()}x{size.height()}")
def test_the_separated_couple_s_slash_is_as_long_as_a_marker(
    qtbot: QtBot, follow_up: MeetingDocument, size: QSize
) -> None:
    view = wall(qtbot, follow_up, size)
    shapes = view.projection.scene(view.width(), view.height()).shapes
    markers = people_markers(shapes, len(follow_up.network.people))
    adult = min(max(m.width(), m.height()) for m in markers)
    rule = legend_rule(shapes)
    slashes = [
        shape
        for shape in shapes
        if isinstance(shape, StrokeShape)
        and shape.path.elementCount() == 2
        and shape.path.boundingRect().bottom() < rule
    ]
    assert len(slashes) == 1, "one slash across Mum and Dad's line"
    box = slashes[0].path.boundingRect()
    assert (box.width() ** 2 + box.height() ** 2) ** 0.5 >= adult
    assert slashes[0].width >= 0.06 * adult

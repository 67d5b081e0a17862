"""The genogram on the wall: ``--view genogram`` lays the demo family out as a family tree whatever the console
shows, draws the genogram's marks (shapes by gender, Lily's double outline, a slash across Mum and Dad's line, a
cross for somebody who has died, a dotted line round each household with its name) and a legend of them, with
display names only, at 1920x1080 and 1024x768; a household whose name holds a full name is drawn unnamed; the
ordinary network view keeps the look by role until the console arranges the family tree.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from sos_desktop.cli import main
from sos_desktop.models.network_layout import LayoutKind, compute_layout
from sos_desktop.store.engine import resolve_database_url
from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import NetworkMode, ProjectorView
from sos_desktop.ui.projector.network_genogram import HOUSEHOLD_COLOUR, StrokeShape
from sos_desktop.ui.projector.network_shapes import MarkerShape, TieShape
from sos_desktop.ui.projector.scene import TextShape
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


def test_the_snapshot_command_writes_the_genogram(tmp_path: Path) -> None:
    store = Store.open(resolve_database_url(None, tmp_path))
    try:
        follow = store.save_demo().follow_up
    finally:
        store.close()
    out, err = io.StringIO(), io.StringIO()
    for size in ("1920x1080", "1024x768"):
        picture = tmp_path / f"genogram-{size}.png"
        args = ["--data-dir", str(tmp_path), "snapshot", str(follow), "--view", "genogram", "--out"]
        assert main([*args, str(picture), "--size", size], out=out, err=err) == 0, err.getvalue()
        image = QImage(str(picture))
        assert f"{image.width()}x{image.height()}" == size


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

"""What changed since last time, on the wall: the cards new, changed and dropped per category, the scales' medians
then and now, who joined the network and who now knows the worries, by display name only; a first meeting says it
has nothing to compare with. Reachable from the Projector menu and from ``sos-desktop snapshot --view changes``.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from sos_desktop.models import Category, MapItem, NetworkPerson, PersonRole, ScaleRating
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import THEMES, ChangesMode, ProjectorView
from sos_desktop.ui.projector.changes_content import FIRST_MEETING
from sos_desktop.ui.projector.scene import Scene, TagShape, TextShape
from sos_desktop.ui.projector.themes import contrast_ratio
from sos_desktop.ui.shell.main_window import MainWindow
from sos_desktop.ui.shell.snapshot import render_view

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagate")

SIZES = (QSize(1920, 1080), QSize(1024, 768))
NEW_STRENGTH = "Jordan Example now takes Lily to nursery every morning."
HARM_ADDED = " Pat Example saw it too."


@pytest.fixture
def follow_up(store: Store) -> tuple[MeetingDocument, MeetingDocument]:
    """The demo meeting (Nan, Pat Example, rated 3 on its first scale) and the meeting continued from it, where a
    harm card was reworded, the grey area dropped, a strength added, the scale rated again (Sam Patel 6, Alex
    Morgan 6.5, Nan 5), Kerry Newfield ("KN") joined the network and Dad (Chris Sample) now knows the worries.
    """
    saved = store.save_bundle(demo_bundle())
    first = saved.meeting
    assert first.id is not None and first.case_id is not None
    scale = first.scales[0]
    scale.ratings = [*scale.ratings, ScaleRating("Pat Example", 3)]
    store.update_scale(scale)
    new = store.continue_meeting(first.id, title="Review meeting", held_on=datetime(2026, 12, 19, 10), agenda=[])
    assert new.id is not None
    harm = next(item for item in new.items if item.category is Category.HARM)
    harm.text += HARM_ADDED
    store.update_item(harm)
    grey = next(item for item in new.items if item.category is Category.GREY)
    assert grey.id is not None
    store.delete_item(grey.id)
    store.add_item(new.id, MapItem(Category.STRENGTH, NEW_STRENGTH))
    again = new.scales[0]
    again.ratings = [ScaleRating("Sam Patel", 6), ScaleRating("Alex Morgan", 6.5), ScaleRating("Pat Example", 5)]
    store.update_scale(again)
    store.add_person(first.case_id, NetworkPerson("Kerry Newfield", display_name="KN", role=PersonRole.FRIEND))
    dad = next(person for person in store.get_network(first.case_id).people if person.name == "Chris Sample")
    dad.knows_worries = True
    store.update_person(dad)
    return MeetingDocument(store, first.id), MeetingDocument(store, new.id)


def make_view(qtbot: QtBot, document: MeetingDocument, size: QSize = SIZES[0]) -> ProjectorView:
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(size)
    view.set_mode(ChangesMode())
    return view


def scene_of(view: ProjectorView) -> Scene:
    return view.projection.scene(view.width(), view.height())


def assert_no_full_name(document: MeetingDocument, drawn: str) -> None:
    """No part of anybody's full name, as a word, in anything the room reads."""
    parts = {part for person in document.network.people for part in person.name.split()}
    assert {part for part in parts if re.search(rf"\b{re.escape(part)}\b", drawn)} == set()


def test_the_wall_says_which_cards_are_new_changed_and_dropped_under_the_framework_s_labels(
    qtbot: QtBot, follow_up: tuple[MeetingDocument, MeetingDocument]
) -> None:
    _, document = follow_up
    for size in SIZES:
        view = make_view(qtbot, document, size)
        drawn = view.drawn_texts()
        assert "What changed since last time" in drawn
        assert "Since Group supervision (demo), 21 November 2026" in drawn
        assert [t for t in drawn if re.fullmatch(r"\d+ (New|Changed|Dropped)", t)] == [
            "1 New",
            "1 Changed",
            "1 Dropped",
        ]
        for label in ("Harm", "Grey areas", "Existing strengths"):
            assert label in drawn
        assert "Mum now takes L to nursery every morning." in drawn  # masked, as on the map
        assert any(text.endswith("Nan saw it too.") for text in drawn)
        assert "Whether Dad's drinking plays a part." in drawn  # the dropped card's words as they were
        assert [t for t in drawn if t in ("New", "Changed", "Dropped")] == ["Changed", "Dropped", "New"]  # map order
        assert view.hidden_cards() == 0
        assert_no_full_name(document, "\n".join(drawn))


def test_the_tags_stand_out_in_every_theme(qtbot: QtBot, follow_up: tuple[MeetingDocument, MeetingDocument]) -> None:
    _, document = follow_up
    view = make_view(qtbot, document)
    for theme in THEMES:
        view.set_theme(theme)
        tags = [shape for shape in scene_of(view).shapes if isinstance(shape, TagShape)]
        assert {tag.laid.text for tag in tags} >= {"New", "Changed", "Dropped", "Joined", "Now know the worries"}
        assert all(contrast_ratio(tag.ink, tag.fill) >= 4.5 for tag in tags if not tag.outline), theme
        words = [s for s in scene_of(view).shapes if isinstance(s, TextShape) and s.laid.text.startswith("Mum now")]
        assert words[0].laid.layout.font().pixelSize() >= 30  # big type: the cards are few


def test_the_scale_s_median_then_and_now_and_each_rater_by_the_name_the_scales_view_gives(
    qtbot: QtBot, follow_up: tuple[MeetingDocument, MeetingDocument]
) -> None:
    _, document = follow_up
    drawn = make_view(qtbot, document).drawn_texts()
    assert "4 → 6" in drawn  # medians of 4, 5.5, 3 and of 6, 6.5, 5
    assert "up 2" in drawn
    assert "Sam Patel 4 → 6 · Alex Morgan 5.5 → 6.5 · Nan 3 → 5" in drawn  # Pat Example rates as Nan
    assert_no_full_name(document, "\n".join(drawn))


def test_who_joined_and_who_now_knows_the_worries_by_display_name_never_their_full_name(
    qtbot: QtBot, follow_up: tuple[MeetingDocument, MeetingDocument]
) -> None:
    _, document = follow_up
    view = make_view(qtbot, document)
    drawn = view.drawn_texts()
    assert drawn[drawn.index("Joined") + 1] == "KN"
    assert drawn[drawn.index("Now know the worries") + 1] == "Dad"
    everything = "\n".join(drawn)
    assert "Kerry" not in everything and "Newfield" not in everything and "Chris" not in everything
    assert_no_full_name(document, everything)


def test_edits_on_the_console_show_at_once(qtbot: QtBot, follow_up: tuple[MeetingDocument, MeetingDocument]) -> None:
    _, document = follow_up
    view = make_view(qtbot, document)
    document.add_item(Category.DANGER, "Robin Neighbour is worried Lily is left alone.")
    drawn = view.drawn_texts()
    assert "2 New" in drawn and "RN is worried L is left alone." in drawn
    document.undo_stack.undo()
    assert "1 New" in view.drawn_texts()
    scale = document.meeting.scales[0]
    assert scale.id is not None
    document.set_rating(scale.id, "Sam Patel", 9)
    assert "Sam Patel 4 → 9 · Alex Morgan 5.5 → 6.5 · Nan 3 → 5" in view.drawn_texts()


def test_a_long_list_is_summarised_and_the_rest_counted(
    qtbot: QtBot, follow_up: tuple[MeetingDocument, MeetingDocument]
) -> None:
    _, document = follow_up
    for number in range(40):
        document.add_item(Category.SAFETY, f"Nan stayed over on night {number} and kept to the plan.")
    for size in SIZES:
        view = make_view(qtbot, document, size)
        drawn = view.drawn_texts()
        more = [text for text in drawn if re.fullmatch(r"\+ \d+ more", text)]
        assert len(more) == 1
        shown = sum(1 for text in drawn if text.startswith("Nan stayed over on night"))
        assert int(more[0].split()[1]) == 40 - shown == view.hidden_cards()
        assert "41 New" in drawn
        assert view.card_pixel_size() >= 0.7 * size.height() / 1080 * 28  # never below the floor


def test_a_first_meeting_has_nothing_to_compare_with(
    qtbot: QtBot, follow_up: tuple[MeetingDocument, MeetingDocument]
) -> None:
    first, _ = follow_up
    drawn = make_view(qtbot, first).drawn_texts()
    assert FIRST_MEETING == "This is the case's first meeting: nothing to compare with yet."
    assert FIRST_MEETING in drawn
    assert not any(text in drawn for text in ("New", "Changed", "Dropped"))


@pytest.fixture
def console_with_follow_up(window: MainWindow) -> MainWindow:
    """The console with a follow-up of the demo meeting open."""
    assert window.document is not None and window.document.meeting.id is not None
    first = window.document.meeting.id
    new = window.store.continue_meeting(first, title="Review meeting", held_on=datetime(2026, 12, 19, 10), agenda=[])
    assert new.id is not None
    window.open_meeting(new.id)
    return window


def test_the_console_s_projector_menu_shows_what_changed(console_with_follow_up: MainWindow) -> None:
    control = console_with_follow_up.projector
    wall = control.open()
    assert wall is not None
    assert control.changes_action.text() == "What &changed since last time"
    control.changes_action.trigger()
    assert wall.view.mode() == ChangesMode()
    assert control.changes_action.isChecked()
    assert control.chip.text() == "Wall (practice window): what changed since last time"
    assert "What changed since last time" in wall.view.drawn_texts()
    control.close()


def test_snapshot_renders_the_changes_view(follow_up: tuple[MeetingDocument, MeetingDocument], tmp_path: Path) -> None:
    _, document = follow_up
    assert document.meeting.id is not None
    for size in SIZES:
        image = render_view(document.store, document.meeting.id, "changes", size)
        assert (image.width(), image.height()) == (size.width(), size.height())
        path = tmp_path / f"changes-{size.width()}.png"
        assert image.save(str(path)) and path.stat().st_size > 10_000

"""The Safety House on the wall: the demo follow-up's house drawn with who lives there, who visits, the rules and the
child on the path, every person by display name and no full name anywhere; the entry Noah did not agree to share is
absent (only counted) at 1920x1080 and 1024x768; consent given on the console puts it on the wall at once and undo
takes it off; reachable from the Projector menu (Ctrl+Alt+O) and from the snapshot command.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from sos_desktop.models import House
from sos_desktop.models.demo_child_tools import FOLLOW_UP_PATH_WORDS, NOT_SHARED_WORDS
from sos_desktop.models.safety_house import Placement
from sos_desktop.store.store import Store
from sos_desktop.ui.common.actions import KEYS, Key
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import ProjectorView
from sos_desktop.ui.projector.modes import SafetyHouseMode, TrajectoryMode, VoiceMode
from sos_desktop.ui.projector.name_check import wall_texts
from sos_desktop.ui.projector.projection import wall_masker
from sos_desktop.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagate")

SIZES = (QSize(1920, 1080), QSize(1024, 768))
FULL_NAMES = ("Noah Example", "Jordan Example", "Lily Example", "Pat Example", "Kim Sample", "Chris Sample")


@pytest.fixture
def follow_up(store: Store) -> MeetingDocument:
    return MeetingDocument(store, store.save_demo().follow_up)


def drawn(qtbot: QtBot, document: MeetingDocument, size: QSize) -> list[str]:
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(size)
    view.set_mode(SafetyHouseMode())
    return view.drawn_texts()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size.width()}x{size.height()}")
def test_the_house_shows_display_names_shared_words_and_the_path_only(
    qtbot: QtBot, follow_up: MeetingDocument, size: QSize
) -> None:
    texts = drawn(qtbot, follow_up, size)
    text = "\n".join(texts)
    assert "N's Safety House" in texts
    for name in ("Mum", "L", "Nan", "Aunt K"):
        assert name in texts
    assert "Mum makes my tea and reads to L." in texts  # the child's words, Lily masked as on the map
    assert "Nobody shouts at L." in texts and "If someone is shouting I can ring Nan." in texts
    assert "6 of 10" in texts and FOLLOW_UP_PATH_WORDS in texts
    assert "Dad" not in texts and NOT_SHARED_WORDS not in text  # not agreed to share: absent
    assert "1 more entry not shared" in texts
    assert not [name for name in FULL_NAMES if name in text or name.split()[0] in text.split()]


def test_consent_given_on_the_console_reaches_the_wall_at_once_and_undo_takes_it_off(
    qtbot: QtBot, follow_up: MeetingDocument
) -> None:
    view = ProjectorView(follow_up)
    qtbot.addWidget(view)
    view.resize(SIZES[0])
    view.set_mode(SafetyHouseMode())
    noah = next(p.id for p in follow_up.network.people if p.display_name == "N")
    assert noah is not None
    house = follow_up.safety_house(noah)
    assert house is not None
    (dad,) = house.placed(Placement.OUTSIDE)
    follow_up.change_placement(noah, dad.key, consent_to_share=True)
    qtbot.waitUntil(lambda: "Dad" in view.drawn_texts())
    assert "When Dad has had beer he shouts and I don't want him in the house then." in view.drawn_texts()
    follow_up.undo_stack.undo()
    qtbot.waitUntil(lambda: "Dad" not in view.drawn_texts())


def test_a_child_without_a_house_and_the_name_check(qtbot: QtBot, follow_up: MeetingDocument) -> None:
    lily = next(p.id for p in follow_up.network.people if p.display_name == "L")
    view = ProjectorView(follow_up)
    qtbot.addWidget(view)
    view.resize(SIZES[0])
    view.set_mode(SafetyHouseMode(lily))
    texts = view.drawn_texts()
    assert "L's Safety House" in texts and "Not on the path yet" in texts
    noah = next(p.id for p in follow_up.network.people if p.display_name == "N")
    assert noah is not None
    follow_up.add_house_rule(noah, "Chris Sample must knock first", consent=True)
    found = [shown for where, shown in wall_texts(follow_up, wall_masker(follow_up)) if "Safety House" in where]
    assert "Dad must knock first" in found  # F5's check reads the house's shared words, masked
    assert NOT_SHARED_WORDS not in found


def test_the_menu_and_ctrl_alt_o_show_the_house(window: MainWindow) -> None:
    assert KEYS[Key.PROJECT_SAFETY_HOUSE].keys == ("Ctrl+Alt+O",)
    assert window.projector.safety_house_action.shortcut().toString() == "Ctrl+Alt+O"
    wall = window.projector.open()
    assert wall is not None
    window.projector.safety_house_action.trigger()
    assert isinstance(wall.view.mode(), SafetyHouseMode)
    assert any(text.endswith("Safety House") for text in wall.view.drawn_texts())
    window.projector.close()


def _trajectory_texts(qtbot: QtBot, document: MeetingDocument) -> list[str]:
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(SIZES[0])
    view.set_case_meetings(document.store.case_meetings(document.meeting.case_id or 0))
    view.set_mode(TrajectoryMode())
    return view.drawn_texts()


def test_the_child_s_path_joins_the_trajectory_by_display_name_and_only_where_shared(
    qtbot: QtBot, follow_up: MeetingDocument
) -> None:
    texts = _trajectory_texts(qtbot, follow_up)
    assert "N's path to the door" in texts and "Noah Example's path to the door" not in texts
    assert "4" in texts and "6" in texts  # the first meeting's 4 and the follow-up's 6
    noah = next(p.id for p in follow_up.network.people if p.display_name == "N")
    assert noah is not None
    follow_up.set_path_consent(noah, False)  # one meeting's number not shared: no line to draw
    assert "N's path to the door" not in _trajectory_texts(qtbot, follow_up)
    follow_up.undo_stack.undo()
    assert "N's path to the door" in _trajectory_texts(qtbot, follow_up)


def test_the_fairy_s_titles_are_on_the_wall(qtbot: QtBot, follow_up: MeetingDocument) -> None:
    lily = next(p.id for p in follow_up.network.people if p.display_name == "L")
    assert lily is not None
    follow_up.add_voice_entry(lily, House.WORRIES, "the dark", consent=True)
    view = ProjectorView(follow_up)
    qtbot.addWidget(view)
    view.resize(SIZES[1])
    view.set_mode(VoiceMode(lily))
    texts = view.drawn_texts()
    assert "L's Fairy" in texts and "The Bad Fairy" in texts and "The Dream Fairy" in texts
    assert "the dark" in texts and "House of Worries" not in texts


def test_a_crowded_house_shows_what_fits_and_how_many_more(qtbot: QtBot, follow_up: MeetingDocument) -> None:
    noah = next(p.id for p in follow_up.network.people if p.display_name == "N")
    assert noah is not None
    house = follow_up.safety_house(noah)
    assert house is not None
    placed = {p.person for p in house.people}
    for other in [p.id for p in follow_up.network.people if p.id not in placed and p.id != noah]:
        assert other is not None
        words = "They come round on Saturdays and we play cards, and they always bring the dog with them. " * 2
        follow_up.place_person(noah, other, Placement.INSIDE, words, consent=True)
    for size in SIZES:
        view = ProjectorView(follow_up)
        qtbot.addWidget(view)
        view.resize(size)
        view.set_mode(SafetyHouseMode())
        texts, hidden = view.drawn_texts(), view.hidden_cards()
        assert hidden > 0 and f"…and {hidden} more" in texts
        assert "N's Safety House" in texts and "6 of 10" in texts and "Nobody shouts at L." in texts
        view.grab().save(f"/tmp/crowded-house-{size.width()}.png")

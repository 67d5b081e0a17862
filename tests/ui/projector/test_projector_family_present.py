"""The wall with the family present (the demo's conference): a professional-only card is absent from the map and
its views, a card using the team's jargon carries an amber "Plain words?" tag naming the word; with the family not
present both are as before. The Projector menu's "The family is present" is kept with the meeting, one undo step.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from sos_desktop.models import Category
from sos_desktop.models.demo_conference import JARGON_CARD, PROFESSIONAL_CARD
from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import ProjectorView
from sos_desktop.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagate")

SIZES = (QSize(1920, 1080), QSize(1024, 768))


@pytest.fixture
def conference(store: Store) -> MeetingDocument:
    return MeetingDocument(store, store.save_demo().conference)


def _drawn(qtbot: QtBot, document: MeetingDocument, size: QSize, mode: object = None) -> str:
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(size)
    view.set_mode(mode)  # type: ignore[arg-type]
    return " ".join(" ".join(view.drawn_texts()).split())


@pytest.mark.parametrize("size", SIZES)
def test_a_professional_only_card_is_absent_and_jargon_is_tagged(
    qtbot: QtBot, conference: MeetingDocument, size: QSize
) -> None:
    assert conference.family_present
    for mode in (None, Category.COMPLICATING):
        text = _drawn(qtbot, conference, size, mode)
        assert "Police information" not in text and "strategy discussion" not in text
        assert "Disguised compliance" in text
        assert "Plain words? “disguised compliance”" in text


def test_without_the_family_the_wall_shows_every_card_and_no_tag(qtbot: QtBot, conference: MeetingDocument) -> None:
    conference.set_family_present(False)
    text = _drawn(qtbot, conference, SIZES[0], Category.COMPLICATING)
    assert " ".join(PROFESSIONAL_CARD.split()[:3]) in text and "Plain words?" not in text
    assert JARGON_CARD.split(":")[0] in text


def test_making_a_card_professional_only_takes_it_off_the_wall_at_once(
    qtbot: QtBot, conference: MeetingDocument
) -> None:
    view = ProjectorView(conference)
    qtbot.addWidget(view)
    view.resize(SIZES[0])
    view.set_mode(Category.COMPLICATING)
    card = next(item for item in conference.meeting.items if item.text == JARGON_CARD)
    assert card.id is not None
    assert "Disguised compliance" in " ".join(view.drawn_texts())
    conference.set_professional_only(card.id, True)
    assert "Disguised compliance" not in " ".join(view.drawn_texts())
    conference.undo_stack.undo()
    assert "Disguised compliance" in " ".join(view.drawn_texts())
    view.grab().save("/tmp/wall-family-present.png")


def test_the_projector_menu_sets_the_family_present_for_the_meeting(window: MainWindow) -> None:
    document = window.document
    assert document is not None and not document.family_present
    action = window.projector.family_action
    assert action.text() == "The &family is present" and action in window.projector.menu.actions()
    action.trigger()
    assert document.family_present and action.isChecked()
    assert window.store.get_meeting(document.meeting_id).family_meeting.family_present
    document.undo_stack.undo()
    assert not document.family_present and not action.isChecked()


def test_what_changed_leaves_the_professional_only_card_out_while_the_family_is_present(
    qtbot: QtBot, conference: MeetingDocument
) -> None:
    from sos_desktop.ui.projector.modes import ChangesMode

    text = _drawn(qtbot, conference, SIZES[0], ChangesMode())
    assert "Police information" not in text and "Disguised compliance" in text  # both new since last time
    conference.set_family_present(False)
    assert "Police information" in _drawn(qtbot, conference, SIZES[0], ChangesMode())

"""The map's cards with the family in the room (the demo's conference, family-present on): a card using a word of
the team's jargon list gets the amber flag, with the word in its tooltip and under the category; turning the
family-present setting off takes the flag away. A card's menu keeps a card for the professionals only, marked at
its foot, in one undo step.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sos_desktop.models import Category
from sos_desktop.models.demo_conference import JARGON_CARD, PROFESSIONAL_CARD
from sos_desktop.store.store import Store
from sos_desktop.store.team_settings import save_team_jargon
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.map.model import PROFESSIONALS_ONLY, CategoryItemsModel, HintsRole
from sos_desktop.ui.map.panel import CategoryBox


@pytest.fixture
def conference(store: Store) -> MeetingDocument:
    return MeetingDocument(store, store.save_demo().conference)


def _row(model: CategoryItemsModel, text: str) -> int:
    return next(row for row in range(model.rowCount()) if model.item_at(row).text == text)


def test_a_card_with_a_listed_jargon_word_is_flagged_while_the_family_is_present(
    qtbot: QtBot, conference: MeetingDocument
) -> None:
    box = CategoryBox(conference, Category.COMPLICATING)
    qtbot.addWidget(box)
    model = box.model
    index = model.index(_row(model, JARGON_CARD), 0)
    assert conference.family_present
    hints = index.data(HintsRole)
    assert any("“disguised compliance”" in hint for hint in hints)
    assert "Jargon with the family present" in index.data(Qt.ItemDataRole.ToolTipRole)
    box.list.setCurrentIndex(index)
    assert "disguised compliance" in box.hint.text()
    box.resize(420, 600)
    box.show()
    qtbot.waitExposed(box)
    box.grab().save("/tmp/family-present-cards.png")
    conference.set_family_present(False)
    assert not any("Jargon" in hint for hint in index.data(HintsRole))
    conference.undo_stack.undo()
    assert any("Jargon" in hint for hint in index.data(HintsRole))


def test_the_team_s_own_list_decides_what_is_flagged(qtbot: QtBot, store: Store) -> None:
    made = store.save_demo()
    save_team_jargon(store, ["shouting"])
    conference = MeetingDocument(store, made.conference)
    model = CategoryItemsModel(conference, Category.COMPLICATING)
    hints = model.index(_row(model, JARGON_CARD), 0).data(HintsRole)
    assert any("“shouting”" in hint for hint in hints) and not any("compliance" in hint for hint in hints)


def test_the_card_menu_keeps_a_card_for_professionals_only_in_one_step(
    qtbot: QtBot, conference: MeetingDocument
) -> None:
    box = CategoryBox(conference, Category.COMPLICATING)
    qtbot.addWidget(box)
    model = box.model
    hidden = model.item_at(_row(model, PROFESSIONAL_CARD))
    assert model.foot_line(hidden).endswith(PROFESSIONALS_ONLY)
    row = _row(model, JARGON_CARD)
    box.list.setCurrentIndex(model.index(row, 0))
    action = box.professional_only_action()
    assert action.isCheckable() and not action.isChecked()
    action.trigger()
    card = model.item_at(row)
    assert card.professional_only and model.foot_line(card).endswith(PROFESSIONALS_ONLY)
    stored = conference.store.get_meeting(conference.meeting_id).items
    assert stored[conference.meeting.items.index(card)].professional_only
    conference.undo_stack.undo()
    assert not model.item_at(row).professional_only and PROFESSIONALS_ONLY not in model.foot_line(model.item_at(row))

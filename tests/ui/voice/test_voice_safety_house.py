"""The Safety House as the facilitator meets it: people placed from the network with the child's exact words, the
rules, the path to the door, each edit one undo step saved at once; the house's rules into the safety plan in one
step (twice adds nothing twice, undo takes them all out); and the Fairy or the Wizard chosen on the Child's voice page.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sos_desktop.models import House
from sos_desktop.models.child_tools import ChildTool
from sos_desktop.models.demo_child_tools import NOAH_RULES
from sos_desktop.models.safety_house import FROM_SAFETY_HOUSE, Placement
from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.voice.panel import VoicePanel
from sos_desktop.ui.voice.safety_house_panel import SafetyHousePanel

EXACT = "Zoë's nan 💜\n  she says “stay”,\tthen\n\nwe have\u00a0chips  "


@pytest.fixture
def follow_up(store: Store) -> Iterator[MeetingDocument]:
    """The demo's follow-up, where Noah has drawn his Safety House, opened on its own."""
    demo = store.save_demo()
    document = MeetingDocument(store, demo.follow_up)
    yield document
    document.deleteLater()


def person(document: MeetingDocument, display_name: str) -> int:
    found = next(p.id for p in document.network.people if p.display_name == display_name)
    assert found is not None
    return found


def stored_house(document: MeetingDocument, child: int):  # type: ignore[no-untyped-def]
    houses = document.store.get_meeting(document.meeting_id).safety_houses
    return next((house for house in houses if house.child == child), None)


def test_placing_somebody_with_the_child_s_words_is_one_step_saved_at_once(
    follow_up: MeetingDocument, qtbot: QtBot
) -> None:
    noah, grandad = person(follow_up, "N"), person(follow_up, "Grandad")
    steps = follow_up.undo_stack.count()
    with qtbot.waitSignal(follow_up.safetyHousesChanged):
        key = follow_up.place_person(noah, grandad, Placement.VISITING, EXACT)
    assert follow_up.undo_stack.count() == steps + 1
    saved = stored_house(follow_up, noah)
    assert saved is not None and saved.placement(key).words == EXACT
    follow_up.undo_stack.undo()
    assert all(p.person != grandad for p in stored_house(follow_up, noah).people)
    follow_up.undo_stack.redo()
    assert stored_house(follow_up, noah).placement(key).words.encode() == EXACT.encode()


def test_a_burst_of_typing_and_a_drag_along_the_path_are_one_step_each(follow_up: MeetingDocument) -> None:
    noah = person(follow_up, "N")
    key = follow_up.safety_house(noah).rules[0].key  # type: ignore[union-attr]
    steps = follow_up.undo_stack.count()
    for typed in ("N", "No", "No shouting", "No shouting ever"):
        follow_up.change_house_rule(noah, key, words=typed)
    for value in (6.5, 7.0, 7.5, 8.0):
        follow_up.set_path(noah, value)
    assert follow_up.undo_stack.count() == steps + 2
    assert stored_house(follow_up, noah).path == 8.0
    follow_up.undo_stack.undo()
    assert follow_up.safety_house(noah).path == 6.0  # type: ignore[union-attr]
    follow_up.undo_stack.undo()
    assert follow_up.safety_house(noah).rules[0].words == NOAH_RULES[0]  # type: ignore[union-attr]


def test_what_cannot_be_kept_is_refused_and_changes_nothing(follow_up: MeetingDocument) -> None:
    noah = person(follow_up, "N")
    steps = follow_up.undo_stack.count()
    with pytest.raises(ValueError, match="cannot be shown"):
        follow_up.add_house_rule(noah, "Be kind\x1b[2J")
    with pytest.raises(ValueError, match="half points"):
        follow_up.set_path(noah, 12)
    with pytest.raises(KeyError):
        follow_up.place_person(noah, 99_999, Placement.INSIDE)
    assert follow_up.undo_stack.count() == steps


def test_the_house_rules_go_into_the_safety_plan_in_one_step_once_and_undo_takes_them_out(
    follow_up: MeetingDocument, qtbot: QtBot
) -> None:
    noah = person(follow_up, "N")
    before = [rule.words for rule in follow_up.safety_plan.rules]
    steps = follow_up.undo_stack.count()
    with qtbot.waitSignal(follow_up.safetyPlanChanged):
        assert follow_up.take_house_rules_into_plan(noah) == 3
    assert follow_up.undo_stack.count() == steps + 1
    assert [rule.words for rule in follow_up.safety_plan.rules] == [*before, *NOAH_RULES]
    stored = follow_up.store.get_meeting(follow_up.meeting_id).safety_plan
    assert [rule.extra.get(FROM_SAFETY_HOUSE) is not None for rule in stored.rules][-3:] == [True] * 3
    assert follow_up.take_house_rules_into_plan(noah) == 0  # twice adds nothing twice
    assert follow_up.undo_stack.count() == steps + 1
    follow_up.undo_stack.undo()
    assert [rule.words for rule in follow_up.store.get_meeting(follow_up.meeting_id).safety_plan.rules] == before


def test_the_page_places_ticks_moves_the_child_and_takes_the_rules_through_its_widgets(
    follow_up: MeetingDocument, qtbot: QtBot
) -> None:
    page = SafetyHousePanel(follow_up)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    noah = person(follow_up, "N")
    page.choose_child(noah)
    QApplication.processEvents()
    inside = page.places[Placement.INSIDE]
    assert [w.name.text() for w in inside.entries.values()] == ["Jordan Example", "Lily Example"]  # full names here
    outside = page.places[Placement.OUTSIDE]
    (dad,) = outside.entries.values()
    assert dad.name.text() == "Chris Sample" and dad.words.toPlainText().startswith("When Dad has had beer")
    assert dad.marker.isVisibleTo(page)  # not shared: marked plainly
    grandad = person(follow_up, "Grandad")
    inside.person_chooser.setCurrentIndex(inside.person_chooser.findData(grandad))
    qtbot.mouseClick(inside.place_button, Qt.MouseButton.LeftButton)
    assert any(p.person == grandad for p in follow_up.safety_house(noah).placed(Placement.INSIDE))  # type: ignore[union-attr]
    placed = next(w for w in inside.entries.values() if "Frank" in w.name.text())
    placed.consent.click()
    key = placed.key
    assert follow_up.safety_house(noah).placement(key).consent_to_share  # type: ignore[union-attr]
    page.path.setFocus()
    qtbot.keyClick(page.path, Qt.Key.Key_Right)
    assert follow_up.safety_house(noah).path == 6.5  # type: ignore[union-attr]
    assert page.path_value.text() == "6½ of 10"
    qtbot.mouseClick(page.rules.to_plan, Qt.MouseButton.LeftButton)
    assert [rule.words for rule in follow_up.safety_plan.rules][-3:] == list(NOAH_RULES)
    assert not page.rules.to_plan.isEnabled()
    follow_up.undo_stack.undo()
    QApplication.processEvents()
    assert page.rules.to_plan.isEnabled()
    grab = page.grab()
    assert grab.save("/tmp/safety-house-page.png")


def test_a_rule_added_on_the_page_is_scrolled_into_view(follow_up: MeetingDocument, qtbot: QtBot) -> None:
    """On a 1280 by 800 laptop the rules' list shows about two: a fourth rule added shows where it went."""
    page = SafetyHousePanel(follow_up)
    qtbot.addWidget(page)
    page.resize(1010, 720)
    page.show()
    qtbot.waitExposed(page)
    page.choose_child(person(follow_up, "N"))
    QApplication.processEvents()
    rules = page.rules
    assert rules.scroller.verticalScrollBar().maximum() > 0  # the demo's three rules already scroll
    qtbot.keyClicks(rules.draft, "We say sorry after a row")
    qtbot.mouseClick(rules.add_button, Qt.MouseButton.LeftButton)
    (added,) = [w for w in rules.entries.values() if w.words.toPlainText() == "We say sorry after a row"]
    qtbot.waitUntil(lambda: not added.visibleRegion().isEmpty())
    assert added.visibleRegion().boundingRect().height() == added.height()  # whole, not half under the edge


def test_the_fairy_retitles_the_houses_on_the_voice_page_in_one_step(follow_up: MeetingDocument, qtbot: QtBot) -> None:
    page = VoicePanel(follow_up)
    qtbot.addWidget(page)
    lily, noah = person(follow_up, "L"), person(follow_up, "N")
    page.choose_child(lily)
    assert page.tool_chooser.currentText() == "Fairy"
    assert page.houses[House.WORRIES].title.text() == "The Bad Fairy"
    page.choose_child(noah)
    assert page.houses[House.DREAMS].title.text() == "House of Dreams"
    steps = follow_up.undo_stack.count()
    page.tool_chooser.setCurrentIndex(page.tool_chooser.findText("Wizard"))
    assert follow_up.undo_stack.count() == steps + 1
    assert page.houses[House.GOOD_THINGS].title.text() == "The Good Wizard"
    assert follow_up.store.get_meeting(follow_up.meeting_id).child_tools[noah] is ChildTool.WIZARD
    follow_up.undo_stack.undo()
    assert page.houses[House.GOOD_THINGS].title.text() == "House of Good Things"
    assert page.tool_chooser.currentText() == "Three Houses"
    assert noah not in follow_up.store.get_meeting(follow_up.meeting_id).child_tools


def test_bad_input_on_the_page_is_told_and_the_house_keeps_its_words(follow_up: MeetingDocument, qtbot: QtBot) -> None:
    page = SafetyHousePanel(follow_up)
    qtbot.addWidget(page)
    noah = person(follow_up, "N")
    page.choose_child(noah)
    (dad,) = page.places[Placement.OUTSIDE].entries.values()
    before = follow_up.safety_house(noah).placement(dad.key).words  # type: ignore[union-attr]
    steps = follow_up.undo_stack.count()
    with qtbot.waitSignal(follow_up.noticed) as told:
        dad.words.setPlainText("he shouts \x1b[2J")
    assert "cannot be shown (\\x1b)" in told.args[0]
    assert follow_up.safety_house(noah).placement(dad.key).words == before  # type: ignore[union-attr]
    assert dad.words.toPlainText() == before and follow_up.undo_stack.count() == steps
    with qtbot.waitSignal(follow_up.noticed) as told:
        follow_up.set_path_words(noah, "far " * 5_000)  # 20,000 characters pasted
    assert "cut to 10,000 characters" in told.args[0]
    assert len(follow_up.safety_house(noah).path_words) == 10_000  # type: ignore[union-attr]

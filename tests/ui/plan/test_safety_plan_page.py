"""The Safety plan page: rules added, owned, answered and taken off as undo steps, saved at once as the meeting's
version of the plan; the gentle checks shown above it; the next meeting starting from it.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from sos_desktop.models.safety_plan import SignKind
from sos_desktop.models.safety_plan_checks import DANGER_WITHOUT_RULE, OWNER_NOT_TOLD, RULE_WITHOUT_OWNER
from sos_desktop.store.demo import DemoMeetings
from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.plan.panel import KeyRole, SafetyPlanPanel


@pytest.fixture
def demo(store: Store) -> DemoMeetings:
    return store.save_demo()


@pytest.fixture
def first(store: Store, demo: DemoMeetings) -> MeetingDocument:
    return MeetingDocument(store, demo.first)


def _person(document: MeetingDocument, display_name: str) -> int:
    return next(p.id for p in document.network.people if p.display_name == display_name) or 0


def _stored_rules(document: MeetingDocument) -> list[str]:
    return [rule.words for rule in document.store.get_meeting(document.meeting_id).safety_plan.rules]


def test_a_rule_typed_on_the_page_is_added_owned_and_undone_step_by_step(qtbot: QtBot, first: MeetingDocument) -> None:
    panel = SafetyPlanPanel(first)
    qtbot.addWidget(panel)
    panel.resize(1280, 700)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.rules.count() == 1  # the demo's first rule, Nan's
    qtbot.keyClicks(panel.new_rule, "Grandad collects Lily from nursery on Mondays")
    qtbot.keyClick(panel.new_rule, Qt.Key.Key_Return)
    assert panel.rules.count() == 2 and panel.rules.currentRow() == 1
    assert _stored_rules(first)[-1] == "Grandad collects Lily from nursery on Mondays"
    # Nobody owns it yet: the page says so, in the hints above.
    assert "Rule 2: Nobody in the network owns this rule yet" in panel.hints.text()

    grandad = _person(first, "Grandad")
    row = next(r for r in range(panel.owners.count()) if panel.owners.item(r).data(KeyRole) == grandad)
    panel.owners.item(row).setCheckState(Qt.CheckState.Checked)
    rule = first.safety_plan.rules[1]
    assert rule.owners == [grandad]
    assert "Rule 2: Nobody" not in panel.hints.text()
    # Grandad does not know the worries: the gentle check names him.
    assert "Frank Example owns this rule but does not know the worries yet." in panel.hints.text()
    assert "Who makes sure: Frank Example" in panel.rules.item(1).text()

    first.undo_stack.undo()
    assert first.safety_plan.rules[1].owners == []
    first.undo_stack.undo()
    assert panel.rules.count() == 1 and _stored_rules(first) == [first.safety_plan.rules[0].words]
    first.undo_stack.redo()
    first.undo_stack.redo()
    assert first.store.get_meeting(first.meeting_id).safety_plan.rules[1].owners == [grandad]


def test_typing_a_rule_s_words_is_one_undo_step(qtbot: QtBot, first: MeetingDocument) -> None:
    panel = SafetyPlanPanel(first)
    qtbot.addWidget(panel)
    before = first.safety_plan.rules[0].words
    panel.words.setFocus()
    panel.words.moveCursor(panel.words.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.words, " Always.")
    assert _stored_rules(first) == [before + " Always."]
    first.undo_stack.undo()
    assert first.safety_plan.rules[0].words == before and _stored_rules(first) == [before]


def test_the_checks_flag_a_danger_statement_no_rule_answers_and_a_prohibition(first: MeetingDocument) -> None:
    rule = first.safety_plan.rules[0]
    first.change_rule(rule.key, answers=[])
    codes = [hint.code for hint in first.plan_hints()]
    assert DANGER_WITHOUT_RULE in codes
    key = first.add_rule("Dad won't shout at home.")
    found = [hint for hint in first.plan_hints() if hint.about == key]
    assert {hint.code for hint in found} == {RULE_WITHOUT_OWNER, "rule_only_prohibits"}
    first.change_rule(key, owners=[_person(first, "Grandad")])
    assert OWNER_NOT_TOLD in {hint.code for hint in first.plan_hints() if hint.about == key}


def test_warning_signs_sign_ups_and_the_review_date_are_kept(qtbot: QtBot, first: MeetingDocument) -> None:
    panel = SafetyPlanPanel(first)
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.sign_words, "Dad comes home after the pub")
    qtbot.keyClicks(panel.sign_response, "Mum rings Nan")
    qtbot.keyClick(panel.sign_response, Qt.Key.Key_Return)
    stored = first.store.get_meeting(first.meeting_id).safety_plan
    assert [(s.kind, s.words, s.response) for s in stored.signs] == [
        (SignKind.RED_FLAG, "Dad comes home after the pub", "Mum rings Nan")
    ]
    mum = _person(first, "Mum")
    row = next(r for r in range(panel.signed.count()) if panel.signed.item(r).data(KeyRole) == mum)
    panel.signed.item(row).setCheckState(Qt.CheckState.Checked)
    assert first.store.get_meeting(first.meeting_id).safety_plan.signed_up(mum) is not None
    assert first.safety_plan.signed_up(mum).signed_on == date(2026, 11, 21)  # the meeting's day
    first.set_plan_review(date(2027, 2, 1))
    assert panel.review_on.value() == date(2027, 2, 1)
    first.undo_stack.undo()
    assert first.safety_plan.review_on == date(2026, 12, 12)


def test_the_follow_up_starts_from_the_plan_as_it_stood_and_leaves_the_first_as_it_was(
    store: Store, demo: DemoMeetings
) -> None:
    following = MeetingDocument(store, demo.follow_up)
    assert len(following.safety_plan.rules) == 5
    first_rule = following.safety_plan.rules[0]
    assert first_rule.key == store.get_meeting(demo.first).safety_plan.rules[0].key  # the same rule, followed
    following.change_rule(first_rule.key, words="If there is shouting, Mum takes the children to Nan's.")
    assert store.get_meeting(demo.follow_up).safety_plan.rules[0].words.startswith("If there is shouting, Mum")
    assert store.get_meeting(demo.first).safety_plan.rules[0].words.startswith("If there is shouting at home")


def test_a_long_list_of_checks_scrolls_and_leaves_the_page_whole_at_1280_by_800(
    qtbot: QtBot, store: Store, demo: DemoMeetings
) -> None:
    """Noah's three house rules and a new one taken into the follow-up's plan give it nine rules and eight checks: the
    checks scroll in their own strip, so the page still fits a laptop and nothing under them is squeezed or cut off.
    """
    following = MeetingDocument(store, demo.follow_up)
    noah = _person(following, "N")
    following.add_house_rule(noah, "We say sorry after a row and then we have a hug", True)
    assert following.take_house_rules_into_plan(noah) == 4
    panel = SafetyPlanPanel(following)
    qtbot.addWidget(panel)
    panel.resize(1010, 720)  # what the console leaves the page on a 1280 by 800 laptop
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.hints.text().count("• Rule") == 8
    strip = panel.findChild(QScrollArea, "plan-hints-strip")
    assert strip is not None
    qtbot.waitUntil(strip.verticalScrollBar().isVisible)  # the later checks are a scroll away
    assert panel.minimumSizeHint().height() <= 720
    for field in (panel.words, panel.if_broken, panel.review_on):
        assert field.visibleRegion().boundingRect().size() == field.size(), field.accessibleName()
        assert field.mapTo(panel, field.rect().bottomLeft()).y() < panel.height()
    panel.grab().save("/tmp/safety-plan-many-checks.png")

"""The safety plan on the wall: each rule in the family's words with who makes sure of it by display name, the
warning signs with what to do, who has signed up and the review date; no full name of anybody in the demo
network; 'No safety plan yet.' for an empty plan; reachable from the Projector menu (Ctrl+Alt+P) and from
the snapshot command (tests in test_projector_snapshot_views.py); F5's name check reads the plan's words.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from sos_desktop.models.names import shown_name
from sos_desktop.models.safety_plan import PlanRule, SafetyPlan, owners
from sos_desktop.store.store import Store
from sos_desktop.ui.common.actions import KEYS, Key
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import ProjectorView
from sos_desktop.ui.projector.modes import PlanMode
from sos_desktop.ui.projector.name_check import plan_texts
from sos_desktop.ui.projector.plan_content import NO_PLAN
from sos_desktop.ui.projector.projection import wall_masker
from sos_desktop.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagate")

SIZES = (QSize(1920, 1080), QSize(1024, 768))
FULL_NAMES = ("Pat Example", "Jordan Example", "Robin Neighbour", "Chris Sample", "Lily Example")


@pytest.fixture
def follow_up(store: Store) -> MeetingDocument:
    """The demo's follow-up: five rules, two red flags and a trigger, three sign-ups, a review date."""
    return MeetingDocument(store, store.save_demo().follow_up)


def drawn(qtbot: QtBot, document: MeetingDocument, size: QSize) -> str:
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(size)
    view.set_mode(PlanMode())
    return "\n".join(view.drawn_texts())


def test_every_rule_with_its_owners_by_display_name_and_no_full_name(qtbot: QtBot, follow_up: MeetingDocument) -> None:
    plan, network = follow_up.meeting.safety_plan, follow_up.network
    assert len(plan.rules) == 5 and len(plan.signs) == 3
    masker = wall_masker(follow_up)
    text = drawn(qtbot, follow_up, SIZES[0])
    for rule in plan.rules:
        assert masker.mask(" ".join(rule.words.split())) in text
        for person in owners(rule, network):
            assert shown_name(person) in text
    for sign in plan.signs:
        assert masker.mask(sign.words) in text
    assert "Signed up: " in text and "Review on 9 January 2027" in text
    assert "Nobody makes sure of this yet" in text  # the prohibition nobody owns
    for size in SIZES:
        text = drawn(qtbot, follow_up, size)
        assert not [name for name in FULL_NAMES if name in text or name.split()[0] in text.split()]


def test_a_small_wall_shows_what_fits_and_says_how_many_more(qtbot: QtBot, follow_up: MeetingDocument) -> None:
    view = ProjectorView(follow_up)
    qtbot.addWidget(view)
    view.resize(SIZES[1])
    view.set_mode(PlanMode())
    texts = view.drawn_texts()
    hidden = view.hidden_cards()
    if hidden:
        assert any(text.startswith(f"+ {hidden} more") for text in texts)
    assert sum(1 for text in texts if text in ("Red flag", "Trigger")) == 3  # every warning sign stays


def test_an_empty_plan_says_so(qtbot: QtBot, follow_up: MeetingDocument) -> None:
    assert follow_up.meeting.id is not None
    follow_up.store.set_safety_plan(follow_up.meeting.id, SafetyPlan())
    empty = MeetingDocument(follow_up.store, follow_up.meeting.id)
    assert NO_PLAN in drawn(qtbot, empty, SIZES[0])


def test_the_name_check_reads_the_plan(follow_up: MeetingDocument) -> None:
    texts = dict(plan_texts(follow_up, wall_masker(follow_up)))
    assert sum(1 for where in texts if where.startswith("A rule of the safety plan")) == 5
    assert sum(1 for where in texts if where.startswith("A warning sign")) == 3
    assert any(where.startswith("A milestone") for where in texts)


def test_the_menu_and_ctrl_alt_p_show_the_plan(window: MainWindow) -> None:
    assert KEYS[Key.PROJECT_PLAN].keys == ("Ctrl+Alt+P",)
    assert window.projector.plan_action.shortcut().toString() == "Ctrl+Alt+P"
    wall = window.projector.open()
    assert wall is not None
    window.projector.plan_action.trigger()
    assert wall.view.mode() == PlanMode()
    assert "Safety plan" in wall.view.drawn_texts()
    window.projector.close()


def test_many_rules_show_the_first_that_fit_every_sign_and_how_many_more(
    qtbot: QtBot, follow_up: MeetingDocument
) -> None:
    assert follow_up.meeting.id is not None
    plan = follow_up.meeting.safety_plan
    extra = [
        PlanRule(words=f"Rule {number}: somebody checks in on L after school and tells Sam.") for number in range(12)
    ]
    follow_up.store.set_safety_plan(follow_up.meeting.id, replace(plan, rules=[*plan.rules, *extra]))
    many = MeetingDocument(follow_up.store, follow_up.meeting.id)
    for size in SIZES:
        view = ProjectorView(many)
        qtbot.addWidget(view)
        view.resize(size)
        view.set_mode(PlanMode())
        texts, hidden = view.drawn_texts(), view.hidden_cards()
        assert hidden > 0 and f"+ {hidden} more rules" in texts
        assert sum(1 for text in texts if text in ("Red flag", "Trigger")) == 3
        assert "Rules (17)" in texts


def test_a_rule_added_on_the_console_is_on_the_wall_at_once_and_gone_on_undo(
    qtbot: QtBot, follow_up: MeetingDocument
) -> None:
    view = ProjectorView(follow_up)
    qtbot.addWidget(view)
    view.resize(SIZES[0])
    view.set_mode(PlanMode())
    follow_up.remove_rule(follow_up.safety_plan.rules[-1].key)  # room for one more on the wall
    follow_up.add_rule("Nan stays over on Friday nights", owners=[follow_up.safety_plan.owner_ids()[0]])
    qtbot.waitUntil(lambda: "Nan stays over on Friday nights" in "\n".join(view.drawn_texts()))
    follow_up.undo_stack.undo()
    qtbot.waitUntil(lambda: "Nan stays over on Friday nights" not in "\n".join(view.drawn_texts()))

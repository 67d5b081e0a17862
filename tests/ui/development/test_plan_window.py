"""The Development plan window: a goal edited, the leader's own rating typed beside the observer's, a sign-off
given, all saved at once and there again when the window is opened anew; a stale save refused, what was typed kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from development_plan_support import (
    GOALS,
    two_leaders_database,
)
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sos_desktop.store import Store
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.development.plan_window import DevelopmentPlanWindow
from sos_desktop.ui.development.self_rating import COMMENT, CRITERION, OBSERVER, OWN


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with two_leaders_database(tmp_path) as opened:
        yield opened


def _window(qtbot: QtBot, store: Store, leader: str = "Priya Shah") -> DevelopmentPlanWindow:
    window = DevelopmentPlanWindow(store, leader=leader)
    qtbot.addWidget(window)
    return window


def test_edit_a_goal_self_rate_sign_off_and_reload(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = _window(qtbot, store)
    assert window.leader.currentText() == "Priya Shah"
    assert window.goal_editor.goals.item(0).text() == f"Developing: {GOALS['Priya Shah']} — Working on it"

    window.goal_editor.goals.setCurrentRow(0)
    window.goal_editor.next_step.setText("Read the statement aloud with the group")
    window.goal_editor.goal_status.setCurrentIndex(window.goal_editor.goal_status.findData("achieved"))
    window.goal_editor.next_step.editingFinished.emit()
    window.goal_editor.evidence.item(0).setCheckState(Qt.CheckState.Unchecked)  # the first meeting no longer cited

    window.rating_meeting.setCurrentIndex(0)
    table = window.ratings
    rows = {table.item(r, CRITERION).text(): r for r in range(table.rowCount())}
    assert table.item(rows["Time-keeping"], OBSERVER).text() == "8"
    assert not table.item(rows["Time-keeping"], OBSERVER).flags() & Qt.ItemFlag.ItemIsEditable
    table.item(rows["Time-keeping"], OWN).setText("9.5")

    monkeypatch.setattr(dialogs, "ask_text", lambda *args: "Ruth Mensah")
    window.sign_what.setCurrentIndex(window.sign_what.findData("developing"))
    window.ask_sign_off()
    window.grab().save(str(tmp_path / "plan.png"))
    window.close()

    again = _window(qtbot, store)
    goal = again.plan.goals[0]
    assert (goal.next_step, goal.status.value) == ("Read the statement aloud with the group", "achieved")
    assert len(goal.evidence) == 2
    uid = again.facilitated[0][0].uid
    rating = again.plan.self_rating(uid, "Time-keeping")
    assert rating is not None and rating.value == 9.5
    assert again.sign_offs.item(1).text().startswith("Developing (months 6–12) — signed off by Ruth Mensah")


def test_a_rating_out_of_range_is_refused_and_nothing_saved(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell", lambda parent, title, message: told.append(message))
    window = _window(qtbot, store)
    window.ratings.item(0, OWN).setText("11")
    assert told == ["A rating is a number from 0 to 10 in half points, not 11.0."]
    window.ratings.item(0, OWN).setText("")
    window.ratings.item(0, COMMENT).setText("A comment with no rating")
    assert told[-1] == "Give your own rating of this criterion first; the comment goes with it."
    stored = store.development_plan("Priya Shah")
    assert stored is not None and stored.version == window.plan.version


def test_a_stale_save_says_so_and_keeps_what_was_typed(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell", lambda parent, title, message: told.append(message))
    window = _window(qtbot, store)
    other = store.development_plan("Priya Shah")
    assert other is not None
    store.save_development_plan(other, other.version)  # another laptop saved since
    window.goal_editor.goals.setCurrentRow(0)
    window.goal_editor.next_step.setText("Typed here")
    window.goal_editor.next_step.editingFinished.emit()
    assert told and told[0].startswith("Someone else saved this development plan")
    assert window.goal_editor.next_step.text() == "Typed here"

"""The Trajectory plan page: milestones in date order, a late one in amber, each change an undo step."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from sos_desktop.models.trajectory_plan import MilestoneStatus
from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.plan.trajectory_panel import AMBER, TrajectoryPlanPanel


@pytest.fixture
def following(store: Store) -> MeetingDocument:
    return MeetingDocument(store, store.save_demo().follow_up)


def _cells(panel: TrajectoryPlanPanel, column: int) -> list[str]:
    model = panel.table.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def test_the_late_milestone_reads_late_in_amber_until_it_is_done(qtbot: QtBot, following: MeetingDocument) -> None:
    panel = TrajectoryPlanPanel(following)
    qtbot.addWidget(panel)
    assert _cells(panel, 0) == ["5 December 2026", "26 December 2026", "30 January 2027", "31 March 2027"]
    assert _cells(panel, 3) == ["Late", "Under way", "Planned", "Planned"]
    colour = panel.table.model().index(0, 1).data(Qt.ItemDataRole.ForegroundRole).color()
    assert colour == QColor(AMBER)
    assert panel.table.model().index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "1 late: Network meeting with Mum, Dad and Nan" in panel.summary.text()
    panel.table.selectRow(0)
    panel._done()
    assert _cells(panel, 3)[0] == "Done" and "late" not in panel.summary.text()
    stored = following.store.get_meeting(following.meeting_id).trajectory_plan
    assert stored.milestones[0].status == MilestoneStatus.DONE
    following.undo_stack.undo()
    assert _cells(panel, 3)[0] == "Late"


def test_a_milestone_added_and_edited_in_its_cells(qtbot: QtBot, following: MeetingDocument) -> None:
    panel = TrajectoryPlanPanel(following)
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.what, "Family network meeting")
    panel.when.set_value(date(2027, 1, 8))
    qtbot.keyClicks(panel.who, "Nan and Sam")
    qtbot.keyClicks(panel.target, "6.5")
    qtbot.keyClick(panel.target, Qt.Key.Key_Return)
    assert _cells(panel, 1)[2] == "Family network meeting"  # in date order, after 26 December
    model = panel.table.model()
    assert model.setData(model.index(2, 4), "7")
    assert model.setData(model.index(2, 0), "9/1/2027")
    added = next(m for m in following.trajectory_plan.milestones if m.what == "Family network meeting")
    assert (added.planned_on, added.who, added.target) == (date(2027, 1, 9), "Nan and Sam", 7.0)
    assert not model.setData(model.index(2, 4), "11")  # refused, said in the status bar; nothing changes
    assert not model.setData(model.index(2, 3), "Maybe")
    assert following.trajectory_plan.milestone(added.key).target == 7.0
    for _ in range(3):
        following.undo_stack.undo()
    assert all(m.what != "Family network meeting" for m in following.trajectory_plan.milestones)
    assert len(following.store.get_meeting(following.meeting_id).trajectory_plan.milestones) == 4

"""The trajectory plan on the wall beside the scale's trajectory: the medians meeting by meeting and the plan's
targets dashed on one time axis, 'Today' marked, each milestone a numbered disc on the axis with its date, the late
one in amber (disc, date and 'Late' tag), a done one in green marked 'Done'; who does each milestone masked; from
the Projector menu and the snapshot command (test_projector_snapshot_views.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from sos_desktop.models import Column
from sos_desktop.models.trajectory_plan import Milestone, MilestoneStatus, TrajectoryPlan
from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import ProjectorView
from sos_desktop.ui.projector.chart_shapes import DiscShape
from sos_desktop.ui.projector.modes import TrajectoryPlanMode
from sos_desktop.ui.projector.scene import Scene, TagShape, TextShape
from sos_desktop.ui.projector.trajectory_plan_chart import TODAY, DashedLineShape
from sos_desktop.ui.projector.trajectory_plan_content import NO_PLAN
from sos_desktop.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagate")

SIZES = (QSize(1920, 1080), QSize(1024, 768))
FULL_NAMES = ("Pat Example", "Jordan Example", "Robin Neighbour", "Chris Sample", "Lily Example")


@pytest.fixture
def follow_up(store: Store) -> MeetingDocument:
    """The demo's follow-up (12 December 2026): four milestones, the first (5 December) late."""
    return MeetingDocument(store, store.save_demo().follow_up)


def make_view(qtbot: QtBot, document: MeetingDocument, size: QSize = SIZES[0]) -> ProjectorView:
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(size)
    view.set_case_meetings(document.store.case_meetings(document.meeting.case_id or 0))
    view.set_mode(TrajectoryPlanMode())
    return view


def scene_of(view: ProjectorView) -> Scene:
    return view.projection.scene(view.width(), view.height())


def texts_in(scene: Scene, words: str) -> list[TextShape]:
    return [shape for shape in scene.shapes if isinstance(shape, TextShape) and shape.laid.text == words]


def test_the_late_milestone_is_amber_on_the_axis_and_in_the_list(qtbot: QtBot, follow_up: MeetingDocument) -> None:
    for size in SIZES:
        view = make_view(qtbot, follow_up, size)
        scene, amber = scene_of(view), view.theme().flag
        late = [shape for shape in scene.shapes if isinstance(shape, TagShape) and shape.laid.text == "Late"]
        assert len(late) == 1 and late[0].fill == amber
        assert [shape.colour for shape in texts_in(scene, "5 Dec")] == [amber]  # its date on the axis
        discs = [shape for shape in scene.shapes if isinstance(shape, DiscShape) and shape.colours == (amber,)]
        assert len(discs) == 1  # its marker, and no other
        assert [shape.laid.text for shape in texts_in(scene, "26 Dec")] == ["26 Dec"]
        assert view.hidden_cards() == 0


def test_medians_targets_dashed_and_today_on_one_axis(qtbot: QtBot, follow_up: MeetingDocument) -> None:
    view = make_view(qtbot, follow_up)
    scene = scene_of(view)
    dashed = [shape for shape in scene.shapes if isinstance(shape, DashedLineShape)]
    targets = [m for m in follow_up.meeting.trajectory_plan.milestones if m.target is not None]
    assert any(len(shape.points) == len(targets) for shape in dashed)
    assert [shape.colour for shape in texts_in(scene, TODAY)] == [view.theme().focus_text]
    texts = view.drawn_texts()
    assert "4.75" in texts and "5" in texts  # the two meetings' medians
    joined = "\n".join(texts)
    assert not [name for name in FULL_NAMES if name in joined or name.split()[0] in joined.split()]


def test_a_done_milestone_is_marked_done(qtbot: QtBot, follow_up: MeetingDocument) -> None:
    assert follow_up.meeting.id is not None
    plan = follow_up.meeting.trajectory_plan
    first = replace(plan.milestones[0], status=MilestoneStatus.DONE)
    follow_up.store.set_trajectory_plan(follow_up.meeting.id, replace(plan, milestones=[first, *plan.milestones[1:]]))
    view = make_view(qtbot, MeetingDocument(follow_up.store, follow_up.meeting.id))
    scene, green = scene_of(view), view.theme().accent(Column.WORKING_WELL)
    done = [shape for shape in scene.shapes if isinstance(shape, TagShape) and shape.laid.text == "Done"]
    assert len(done) == 1 and done[0].fill == green
    assert "Late" not in view.drawn_texts()
    assert [shape.colour for shape in texts_in(scene, "5 Dec")] == [green]


def test_no_milestones_says_so(qtbot: QtBot, follow_up: MeetingDocument) -> None:
    assert follow_up.meeting.id is not None
    follow_up.store.set_trajectory_plan(follow_up.meeting.id, TrajectoryPlan())
    view = make_view(qtbot, MeetingDocument(follow_up.store, follow_up.meeting.id))
    assert NO_PLAN in view.drawn_texts()


def test_the_menu_shows_the_trajectory_plan(window: MainWindow) -> None:
    assert window.projector.trajectory_plan_action.shortcut().toString() == "Ctrl+Alt+M"
    wall = window.projector.open()
    assert wall is not None
    window.projector.trajectory_plan_action.trigger()
    assert wall.view.mode() == TrajectoryPlanMode()
    window.projector.close()


def test_many_milestones_show_the_first_that_fit_and_how_many_more(qtbot: QtBot, follow_up: MeetingDocument) -> None:
    assert follow_up.meeting.id is not None
    start = date(2026, 11, 25)
    many = [
        Milestone(f"Milestone {n} with a few words on what happens", start + timedelta(days=4 * n), "Sam", target=5)
        for n in range(12)
    ]
    follow_up.store.set_trajectory_plan(follow_up.meeting.id, TrajectoryPlan(milestones=many))
    for size in SIZES:
        view = make_view(qtbot, MeetingDocument(follow_up.store, follow_up.meeting.id), size)
        hidden = view.hidden_cards()
        assert 0 < hidden < 12 and f"+ {hidden} more milestones" in view.drawn_texts()
        discs = [shape for shape in scene_of(view).shapes if isinstance(shape, DiscShape)]
        assert sum(1 for disc in discs if disc.colours == (view.theme().flag,)) == 5  # 25 Nov to 11 Dec are late

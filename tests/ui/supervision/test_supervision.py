"""Running a group supervision from the console: the agenda's clock through every phase, next steps as ideas or
agreed actions, and the size of the group; everything there after a restart and in the export.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sos_desktop.app import build_window
from sos_desktop.exporters.interchange.files import write_meeting_file
from sos_desktop.models import Attendee, AttendeeRole, Category, Column, NextStepStatus
from sos_desktop.models.supervision import IDEAS_ONLY
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.map.model import ActionRole
from sos_desktop.ui.map.panel import CategoryBox
from sos_desktop.ui.projector.modes import FocusMode, NetworkMode
from sos_desktop.ui.shell.main_window import MainWindow

START = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


class Clock:
    """A clock the test moves on by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


def open_demo(qtbot: QtBot, folder: Path) -> MainWindow:
    window, _ = build_window(argparse.Namespace(data_dir=folder, db=None, command=None))
    assert window is not None and window.document is not None
    qtbot.addWidget(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    opened = open_demo(qtbot, tmp_path)
    yield opened
    opened.store.close()


@pytest.fixture
def clock(window: MainWindow) -> Clock:
    ticking = Clock()
    assert window.document is not None
    window.document.clock = ticking
    return ticking


def test_a_whole_supervision_is_timed_phase_by_phase_and_kept(
    window: MainWindow, clock: Clock, qtbot: QtBot, tmp_path: Path
) -> None:
    document = window.document
    assert document is not None
    panel = window.show_agenda()
    assert panel is not None
    assert panel.phase_label.text() == "Not started"
    qtbot.mouseClick(panel.start, Qt.MouseButton.LeftButton)
    spent = [5, 12, 24, 10, 4, 6, 5]  # the overview runs two minutes over its ten
    for index, minutes in enumerate(spent):
        assert document.agenda_state().current == index
        clock.advance(minutes)
        panel.tick()
        if index == 1:
            assert "over time" in panel.clock_label.text()
            assert "of 10:00" in window.meeting_menu.timer_label.text()
        qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    assert panel.phase_label.text() == "The meeting has ended"
    assert [phase.actual_minutes for phase in document.meeting.agenda] == spent
    assert [phase.planned_minutes for phase in document.meeting.agenda] == [5, 10, 25, 10, 5, 5, 5]
    assert "Whole meeting 1:06:00 of 1:05:00 planned" in panel.clock_label.text()

    stored = document.store.get_meeting(document.meeting_id)
    assert [phase.actual_minutes for phase in stored.agenda] == spent
    path = tmp_path / "minutes.json"
    write_meeting_file(document.store.load_bundle(document.meeting_id), path)
    exported = json.loads(path.read_text("utf-8"))["meeting"]["agenda"]
    assert [(p["phase"], p["actual_minutes"]) for p in exported][:2] == [("purpose", 5), ("overview", 12)]


def test_a_meeting_killed_mid_phase_is_still_timed_when_reopened(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_demo(qtbot, tmp_path)
    document = window.document
    assert document is not None
    document.clock = lambda: START
    document.start_agenda()
    document.clock = lambda: START + timedelta(minutes=5)
    document.next_agenda_phase()
    window.store.close()  # as good as a kill: nothing more is written

    again = open_demo(qtbot, tmp_path)
    reopened = again.document
    assert reopened is not None and reopened.meeting_id == document.meeting_id
    reopened.clock = lambda: START + timedelta(minutes=13)
    state = reopened.agenda_state()
    assert (state.current, state.running) == (1, True)
    assert state.phase_minutes == pytest.approx(8)  # the room carried on while the laptop restarted
    again.store.close()


def test_next_phase_undone_puts_the_clock_back_in_the_phase(window: MainWindow, clock: Clock) -> None:
    document = window.document
    assert document is not None
    document.start_agenda()
    clock.advance(3)
    document.next_agenda_phase()
    clock.advance(1)
    document.undo_stack.undo()  # an accidental "next"
    state = document.agenda_state()
    assert (state.current, state.phase_minutes) == (0, pytest.approx(4))


def test_the_agenda_is_edited_per_meeting_and_saved_as_the_team_default(window: MainWindow) -> None:
    document = window.document
    assert document is not None
    document.set_phase_field(0, "title", "Purpose, roles and confidentiality")
    document.set_phase_field(0, "planned_minutes", 7)
    document.add_phase("Child's voice", 5, 3)
    document.move_phase(3, 4)
    document.remove_phase(6)
    titles = [p.title for p in document.store.get_meeting(document.meeting_id).agenda]
    assert titles[0] == "Purpose, roles and confidentiality" and titles[4] == "Child's voice"
    with pytest.raises(ValueError, match="between 1 and 600"):
        document.set_phase_field(0, "planned_minutes", 0)
    assert document.save_agenda_as_template()
    new_id = window.new_meeting("Review in January")
    assert new_id is not None
    new_titles = [p.title for p in document.store.get_meeting(new_id).agenda]
    assert new_titles == titles
    for _ in range(5):
        document.undo_stack.undo()
    assert document.meeting.agenda[0].title == "Purpose and roles"


def test_next_steps_are_ideas_until_a_manager_is_there_to_agree_them(window: MainWindow) -> None:
    document = window.document
    assert document is not None
    step = document.add_item(Category.NEXT_STEP, "Ask the school about Noah's attendance.")
    assert step.id is not None and step.status is NextStepStatus.IDEA
    document.set_next_step(step.id, owner="Sam Patel", due=date(2026, 12, 19))
    with pytest.raises(ValueError, match="ideas"):
        document.set_next_step(step.id, status=NextStepStatus.AGREED)
    document.set_attendees([*document.meeting.attendees, Attendee("Lee Grant", AttendeeRole.MANAGER)])
    document.set_next_step(step.id, status=NextStepStatus.AGREED)
    saved = next(i for i in document.store.get_meeting(document.meeting_id).items if i.id == step.id)
    assert (saved.owner, saved.due, saved.status) == ("Sam Patel", date(2026, 12, 19), NextStepStatus.AGREED)
    document.undo_stack.undo()
    assert document.item(step.id).status is NextStepStatus.IDEA


def test_the_next_step_editor_explains_why_a_step_stays_an_idea(window: MainWindow, qtbot: QtBot) -> None:
    assert window.map_panel is not None
    boxes = {box.category: box for box in window.map_panel.findChildren(CategoryBox)}
    steps = boxes[Category.NEXT_STEP]
    steps.select_row(0)
    editor = steps.next_step
    assert editor is not None and editor.isVisibleTo(steps)
    assert editor.reason.isVisibleTo(steps) and editor.reason.text() == IDEAS_ONLY
    editor.status.setCurrentIndex(editor.status.findData(NextStepStatus.AGREED))
    editor.status.activated.emit(editor.status.currentIndex())
    assert steps.model.item_at(0).status is NextStepStatus.IDEA  # refused, and said why
    assert NextStepStatus(editor.status.currentData()) is NextStepStatus.IDEA
    line = editor.owner.lineEdit()
    assert line is not None
    line.setText("Jo Reid")
    line.textEdited.emit("Jo Reid")
    assert steps.model.item_at(0).owner == "Jo Reid"
    assert "Idea · Jo Reid" in str(steps.model.data(steps.model.index(0, 0), ActionRole))


def test_who_does_a_next_step_is_saved_as_it_is_typed_in_one_undo_step(window: MainWindow, qtbot: QtBot) -> None:
    """A kill after typing lost the name: it was saved only when the field lost the cursor."""
    assert window.map_panel is not None and window.document is not None
    document = window.document
    boxes = {box.category: box for box in window.map_panel.findChildren(CategoryBox)}
    steps = boxes[Category.NEXT_STEP]
    window.show()
    steps.select_row(0)
    editor = steps.next_step
    assert editor is not None
    before = steps.model.item_at(0).owner
    line = editor.owner.lineEdit()
    assert line is not None
    editor.owner.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "Nan Evans ")
    step = steps.model.item_at(0)
    assert step.id is not None
    stored = next(i for i in window.store.get_meeting(document.meeting_id).items if i.id == step.id)
    assert stored.owner == "Nan Evans"  # in the database already, with no Enter and no focus-out
    assert line.text() == "Nan Evans "  # the space being typed is left alone
    document.undo_stack.undo()
    assert steps.model.item_at(0).owner == before  # the whole burst of typing was one step


def test_the_details_page_warns_when_a_group_is_too_small_or_too_large(window: MainWindow) -> None:
    document: MeetingDocument | None = window.document
    assert document is not None
    panel = window.show_details()
    assert panel is not None
    assert not panel.group_warning.isVisibleTo(panel)  # five take part (the observer watches)
    document.set_attendees(document.meeting.attendees[:3])  # the facilitator, the presenter and the observer
    assert panel.group_warning.isVisibleTo(panel)
    assert "4 to 10" in panel.group_warning.text() and "2 people are taking part" in panel.group_warning.text()
    many = [Attendee(f"Colleague {n}", AttendeeRole.PARTICIPANT) for n in range(11)]
    document.set_attendees(many)
    assert "consider splitting" in panel.group_warning.text()
    document.set_detail("kind", document.meeting.kind.__class__("mapping"))
    assert not panel.group_warning.isVisibleTo(panel)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform has no window stack
def test_the_projector_follows_the_phase_and_shows_the_clock_when_asked(
    window: MainWindow, clock: Clock, qtbot: QtBot
) -> None:
    document = window.document
    assert document is not None
    window.show()
    qtbot.waitExposed(window)
    projector = window.projector.open()
    link = window.projector_agenda
    panel = window.show_agenda()
    assert panel is not None
    panel.follow_phase.setChecked(True)  # the Agenda page's tick is the Projector menu's
    panel.show_on_projector.setChecked(True)
    assert link.follow_action.isChecked() and link.clock_action.isChecked()
    assert projector.view.projection.clock is None or projector.view.projection.clock() is None  # not started
    document.start_agenda()
    assert isinstance(projector.view.mode(), FocusMode)
    assert "What do you want from the group today?" in projector.view.drawn_texts()
    clock.advance(6)
    assert link.clock_reading() == ("Purpose and roles 6:00 / 5:00", True)
    document.next_agenda_phase()
    assert isinstance(projector.view.mode(), NetworkMode)
    document.next_agenda_phase()
    assert projector.view.mode() is None  # the whole map while mapping
    window.projector.set_mode(Column.WORRIES)  # the facilitator's own choice holds within the phase
    clock.advance(2)
    document.pause_agenda()
    assert projector.view.mode() is Column.WORRIES
    assert link.clock_reading() == ("Three-column mapping 2:00 / 25:00 · paused", False)
    image = projector.view.grab().toImage()
    corner = image.pixelColor(image.width() - 30, image.height() - 20)
    assert corner != image.pixelColor(5, image.height() - 5)  # the clock's box is painted in the corner
    panel.show_on_projector.setChecked(False)
    assert projector.view.projection.clock is None

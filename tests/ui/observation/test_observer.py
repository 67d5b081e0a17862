"""The observer's feedback through the meeting document and the observer's window: notes stamped by the agenda's
clock, rubric ratings and comments, each one undo step saved at once; two windows in step; an observer's file merged.
"""

from __future__ import annotations

import copy
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sos_desktop.exporters.interchange.files import write_meeting_file
from sos_desktop.models import Attendee, AttendeeRole, ObservationNote, Observations, RubricRating
from sos_desktop.models.agenda import clock_text
from sos_desktop.models.observation import DEFAULT_RUBRIC
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.observation.window import ObserverWindow, merge_observations_file
from sos_desktop.ui.shell.main_window import MainWindow


class Clock:
    """The room's time, moved on by the test."""

    def __init__(self, document: MeetingDocument) -> None:
        self.now = datetime(2026, 11, 21, 10, 0)
        document.clock = lambda: self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


def stored(document: MeetingDocument) -> Observations:
    return document.store.get_meeting(document.meeting_id).observations


def observer_window(qtbot: QtBot, document: MeetingDocument) -> ObserverWindow:
    opened = ObserverWindow(document)
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitExposed(opened)
    return opened


def test_notes_are_stamped_with_the_minute_and_phase_and_each_is_one_undo_step(document: MeetingDocument) -> None:
    clock = Clock(document)
    first = document.add_observation_note("Asked who is in the room before starting")
    assert (first.at_minute, first.phase) == (0.0, "")
    document.start_agenda()
    clock.advance(4.26)
    purpose = document.add_observation_note("Agreed confidentiality with the group")
    document.next_agenda_phase()
    clock.advance(3)
    overview = document.add_observation_note("Kept the genogram brief")
    assert (purpose.at_minute, purpose.phase) == (4.3, "purpose")
    assert (overview.at_minute, overview.phase) == (7.3, "overview")
    assert [note.text for note in stored(document).notes] == [
        "Asked who is in the room before starting",
        "Agreed confidentiality with the group",
        "Kept the genogram brief",
    ]

    document.set_observation_note(2, "Kept the genogram brief and on process")
    document.delete_observation_note(0)
    assert [n.text for n in stored(document).notes] == [
        "Agreed confidentiality with the group",
        "Kept the genogram brief and on process",
    ]
    stack = document.undo_stack
    stack.undo()  # the delete
    stack.undo()  # the rewording
    assert stored(document).notes[2] == ObservationNote("Kept the genogram brief", 7.3, "overview")
    stack.undo()  # the third note (the agenda's "next phase" is the step before it)
    assert len(stored(document).notes) == 2
    stack.redo()
    stack.redo()
    stack.redo()
    assert [n.text for n in stored(document).notes][-1] == "Kept the genogram brief and on process"
    assert document.store.get_meeting(document.meeting_id).items == document.meeting.items  # the map untouched


def test_ratings_and_comments_are_saved_at_once_and_undone_step_by_step(document: MeetingDocument) -> None:
    stack = document.undo_stack
    assert document.rubric_criteria() == list(DEFAULT_RUBRIC)
    document.set_rubric_rating("Time-keeping", 6.5)
    for typed in ("M", "Ma", "Mapping ran over"):  # a burst of typing in the comment
        document.set_rubric_rating("Time-keeping", 6.5, typed)
    document.set_rubric_rating("Plain language", 8, "No jargon")
    assert stored(document).ratings == [
        RubricRating("Time-keeping", 6.5, "Mapping ran over"),
        RubricRating("Plain language", 8, "No jargon"),
    ]
    with pytest.raises(ValueError, match="half points"):
        document.set_rubric_rating("Plain language", 8.3)

    stack.undo()  # Plain language
    assert [r.criterion for r in stored(document).ratings] == ["Time-keeping"]
    stack.undo()  # the whole comment
    assert stored(document).ratings == [RubricRating("Time-keeping", 6.5, "")]
    stack.undo()  # the rating itself
    assert stored(document).ratings == []
    stack.redo()
    stack.redo()
    assert stored(document).ratings == [RubricRating("Time-keeping", 6.5, "Mapping ran over")]

    document.set_rubric_rating("Plain language", 7)
    stack.undo()
    document.set_rubric_rating("Time-keeping", None)  # "Not rated"
    assert stored(document).ratings == []
    stack.undo()
    assert document.rubric_rating("Time-keeping") == RubricRating("Time-keeping", 6.5, "Mapping ran over")


def test_the_observer_and_the_written_feedback_merge_a_burst_of_typing(document: MeetingDocument) -> None:
    before = document.undo_stack.count()
    for typed in ("J", "Jo", "Jo R", "Jo Reid "):
        document.set_observer(typed)
    for typed in ("Clear", "Clear roles", "Clear roles.\nGood questions."):
        document.set_went_well(typed)
    document.set_even_better_if("Say the time left at each phase.")
    assert document.undo_stack.count() == before + 3
    saved = stored(document)
    assert (saved.observer, saved.went_well, saved.even_better_if) == (
        "Jo Reid",
        "Clear roles.\nGood questions.",
        "Say the time left at each phase.",
    )
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert stored(document).went_well == "" and stored(document).observer == "Jo Reid"


def test_criteria_are_renamed_added_removed_with_their_ratings_and_the_team_default_is_shared(
    window: MainWindow, document: MeetingDocument
) -> None:
    document.set_rubric_rating("Time-keeping", 5, "Late start")
    document.rename_rubric_criterion("Time-keeping", "Kept to time")
    assert document.rubric_criteria()[1] == "Kept to time"
    assert stored(document).ratings == [RubricRating("Kept to time", 5, "Late start")]
    with pytest.raises(ValueError, match="already in the rubric"):
        document.rename_rubric_criterion("Kept to time", "Plain language")
    document.set_rubric_criteria([*document.rubric_criteria(), "Checked the worker's wellbeing"])
    document.set_rubric_criteria([c for c in document.rubric_criteria() if c != "Kept to time"])
    assert stored(document).ratings == []
    assert "Kept to time" not in document.rubric_criteria()
    assert document.store.get_meeting(document.meeting_id).extra["rubric"][-1] == "Checked the worker's wellbeing"

    document.undo_stack.undo()  # the removal: criterion and rating come back together
    assert document.rubric_rating("Kept to time") == RubricRating("Kept to time", 5, "Late start")
    document.undo_stack.undo()
    document.undo_stack.undo()  # the rename
    assert document.rubric_criteria() == list(DEFAULT_RUBRIC)
    assert stored(document).ratings == [RubricRating("Time-keeping", 5, "Late start")]

    assert document.save_rubric_as_team_default(["Kept to process", "Time-keeping", "Warmth"])
    assert document.rubric_criteria() == ["Kept to process", "Time-keeping", "Warmth"]
    other = MeetingDocument(window.store, document.meeting_id)
    assert other.rubric_criteria() == ["Kept to process", "Time-keeping", "Warmth"]
    other.merge_observations_from(Observations(ratings=[RubricRating("Curiosity", 9)]))
    assert other.rubric_criteria()[-1] == "Curiosity"  # a rated criterion is never hidden


def test_two_observer_windows_stay_in_step_and_undo_shows_in_both(qtbot: QtBot, document: MeetingDocument) -> None:
    clock = Clock(document)
    document.start_agenda()
    document.next_agenda_phase()
    clock.advance(12.4)
    first, second = observer_window(qtbot, document), observer_window(qtbot, document)
    assert first.windowTitle() == f"Observer — {document.meeting.title}"
    assert first.observer.text() == second.observer.text() == "Jo Reid"  # the attendee with the observer role
    first.tick()
    assert first.phase.text().startswith("Case overview and network")
    assert first.clock.text().startswith("12′ into the meeting")

    qtbot.keyClicks(first.notes.entry, "Kept the genogram brief")
    qtbot.keyClick(first.notes.entry, Qt.Key.Key_Return)
    assert first.notes.entry.text() == ""
    shown = second.notes.model.data(second.notes.model.index(0))
    assert shown == "12′ · Case overview and network · Kept the genogram brief"

    row = first.rubric.shown.index("Time-keeping")
    first.rubric.rating_box(row).stepBy(1)  # from "Not rated" to 0
    first.rubric.rating_box(row).setValue(7.5)
    assert second.rubric.rating_box(row).text() == "7.5"
    assert second.rubric.comment_field(row).isEnabled()
    qtbot.keyClicks(second.rubric.comment_field(row), "On time")
    assert first.rubric.comment_field(row).text() == "On time"
    qtbot.keyClicks(first.went_well, "Clear roles")
    assert second.went_well.toPlainText() == "Clear roles"
    second.observer.selectAll()
    qtbot.keyClicks(second.observer, "Kim Lee")
    assert first.observer.text() == "Kim Lee"

    document.undo_stack.undo()  # the observer's name typed
    document.undo_stack.undo()  # what went well
    document.undo_stack.undo()  # the comment
    assert first.went_well.toPlainText() == "" and second.observer.text() == "Jo Reid"
    assert second.rubric.comment_field(row).text() == ""
    document.undo_stack.undo()  # the rating (stepping and setting it was one step)
    assert first.rubric.rating_box(row).text() == "Not rated"
    assert not first.rubric.comment_field(row).isEnabled()
    document.undo_stack.undo()  # the note
    assert second.notes.model.rowCount() == 0
    while document.undo_stack.canUndo():  # the agenda's steps: the name taken from the attendees was none
        document.undo_stack.undo()
    assert second.observer.text() == "Jo Reid"
    first.close()
    assert stored(document) == Observations(observer="Jo Reid")


def test_closing_the_window_loses_nothing_and_the_window_renames_a_criterion(
    qtbot: QtBot, document: MeetingDocument
) -> None:
    observer = observer_window(qtbot, document)
    qtbot.keyClicks(observer.even_better, "Name the time left")
    item = observer.rubric.table.item(1, 0)
    assert item is not None
    item.setText("Kept to time")
    observer.close()
    reopened = MeetingDocument(document.store, document.meeting_id)
    assert reopened.observations.even_better_if == "Name the time left"
    assert reopened.rubric_criteria()[1] == "Kept to time"


# Merging an observer's file ----------------------------------------------------------------------------------------

THEIRS = Observations(
    observer="Jo Reid",
    notes=[ObservationNote("Focus question agreed", 3, "purpose"), ObservationNote("Back to process", 21, "mapping")],
    ratings=[
        RubricRating("Time-keeping", 7, "On time"),
        RubricRating("Plain language", 8),
        RubricRating("Appreciative questions", 6.5),
    ],
    went_well="Clear roles.",
)


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(dialogs, "tell", lambda parent, title, message: messages.append(message))
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, message: messages.append(message))
    return messages


def observers_file(document: MeetingDocument, path: Path, **changes: object) -> Path:
    bundle = document.store.load_bundle(document.meeting_id)
    bundle.meeting.observations = copy.deepcopy(THEIRS)
    for name, value in changes.items():
        setattr(bundle.meeting, name, value)
    write_meeting_file(bundle, path)
    return path


def test_an_observers_file_is_merged_once_as_one_undo_step_leaving_the_map_alone(
    window: MainWindow, document: MeetingDocument, told: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = observers_file(document, tmp_path / "jo.json")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda parent, title: path)
    monkeypatch.setattr(dialogs, "confirm", lambda *args: pytest.fail("the file is from this very meeting"))
    document.add_observation_note("Started on time")
    map_before = copy.deepcopy(document.store.get_meeting(document.meeting_id).items)
    steps = document.undo_stack.count()

    assert merge_observations_file(window, document)
    assert told[-1] == "2 notes, 3 ratings and what went well from Jo Reid were added. Undo takes them out again."
    merged = stored(document)
    assert [n.text for n in merged.notes] == ["Started on time", "Focus question agreed", "Back to process"]
    assert merged.ratings == THEIRS.ratings and merged.observer == "Jo Reid"
    assert document.store.get_meeting(document.meeting_id).items == map_before
    assert document.undo_stack.count() == steps + 1

    assert not merge_observations_file(window, document)  # the same file again
    assert told[-1].startswith("Everything in the file is already in this meeting")
    assert stored(document) == merged and document.undo_stack.count() == steps + 1

    document.undo_stack.undo()
    assert [n.text for n in stored(document).notes] == ["Started on time"] and stored(document).ratings == []


def test_a_file_from_another_meeting_is_merged_only_when_confirmed(
    window: MainWindow, document: MeetingDocument, told: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = observers_file(document, tmp_path / "other.json", title="Review meeting")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda parent, title: path)
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, question: questions.append(question) or False)
    assert not merge_observations_file(window, document)
    assert "meeting “Review meeting”" in questions[0] and stored(document).is_empty() and not told

    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)
    assert merge_observations_file(window, document)
    assert len(stored(document).notes) == 2


def test_a_malformed_file_says_why_and_changes_nothing(
    window: MainWindow, document: MeetingDocument, told: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "sos-desktop/meeting", "version": 1, "case": {', encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda parent, title: broken)
    steps = document.undo_stack.count()
    assert not merge_observations_file(window, document)
    assert "not valid JSON" in told[-1] and told[-1].endswith("Nothing was changed.")
    assert stored(document).is_empty() and document.undo_stack.count() == steps

    wrong = observers_file(document, tmp_path / "wrong.json")
    wrong.write_text(wrong.read_text(encoding="utf-8").replace('"value": 8', '"value": 12'), encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda parent, title: wrong)
    assert not merge_observations_file(window, document)
    assert "observations.ratings[1].value" in told[-1] and stored(document).is_empty()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform has no window stack
def test_the_meeting_menu_opens_one_observer_window(window: MainWindow, qtbot: QtBot) -> None:
    opened = window.meeting_menu.open_observer()
    assert opened is not None and opened.isVisible()
    assert window.meeting_menu.open_observer() is opened


def test_undo_keys_in_the_observers_fields_reach_the_meeting(qtbot: QtBot, document: MeetingDocument) -> None:
    observer = observer_window(qtbot, document)
    observer.activateWindow()
    qtbot.waitUntil(observer.isActiveWindow)
    qtbot.keyClicks(observer.went_well, "Clear roles")
    assert stored(document).went_well == "Clear roles"
    qtbot.keyClick(observer.went_well, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(document).went_well == "" and observer.went_well.toPlainText() == ""
    qtbot.keyClick(
        observer.went_well, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert observer.went_well.toPlainText() == "Clear roles"


# The clock in the header, and the observer's name --------------------------------------------------------------------


def test_after_the_end_the_window_says_so_and_notes_are_stamped_after_the_end(
    qtbot: QtBot, document: MeetingDocument
) -> None:
    clock = Clock(document)
    observer = observer_window(qtbot, document)
    assert observer.phase.text() == "The meeting has not started"
    assert "“Before the start”" in observer.clock.text()
    qtbot.keyClicks(observer.notes.entry, "Roles named before the start")
    qtbot.keyClick(observer.notes.entry, Qt.Key.Key_Return)

    document.start_agenda()
    clock.advance(5)
    observer.tick()
    assert observer.phase.text().startswith("Purpose and roles")  # while it runs: the phase and the minute
    assert observer.clock.text().startswith("5′ into the meeting")
    for _ in document.meeting.agenda:
        clock.advance(10)
        document.next_agenda_phase()  # after the last phase the clock stops: the meeting has ended
    clock.advance(3)
    observer.tick()
    ran = 5 + 10 * len(document.meeting.agenda)  # the three minutes since the end are not the meeting's
    assert observer.phase.text() == "The meeting has ended"
    assert observer.clock.text().startswith(f"It ran for {clock_text(ran)} in all")
    assert "“After the end”" in observer.clock.text() and "Before the start" not in observer.clock.text()

    qtbot.keyClicks(observer.notes.entry, "Summed up the feedback with the presenter")
    qtbot.keyClick(observer.notes.entry, Qt.Key.Key_Return)
    model = observer.notes.model
    assert model.data(model.index(0)) == "0′ · Before the start · Roles named before the start"
    assert model.data(model.index(1)) == f"{ran}′ · After the end · Summed up the feedback with the presenter"


def test_the_observers_name_is_the_attendee_with_the_observer_role(qtbot: QtBot, document: MeetingDocument) -> None:
    observer = observer_window(qtbot, document)
    assert observer.observer.text() == "Jo Reid" and stored(document).observer == "Jo Reid"
    completer = observer.observer.completer()
    assert completer is not None and completer.model().data(completer.model().index(0, 0)) == "Jo Reid"
    observer.close()

    document.set_observer("")  # no name, and the observer attendee gone: nobody to take the name from
    document.set_attendees([a for a in document.meeting.attendees if a.name != "Jo Reid"])
    again = observer_window(qtbot, document)
    assert again.observer.text() == ""
    document.set_attendees([*document.meeting.attendees, Attendee("Kim Lee", AttendeeRole.OBSERVER)])
    assert again.observer.text() == "Kim Lee"  # named as soon as the facilitator lists them
    again.observer.selectAll()
    qtbot.keyClicks(again.observer, "Dee Watts")  # someone else observes: what is typed stands
    document.set_attendees([*document.meeting.attendees, Attendee("Ann Bell", AttendeeRole.PARTICIPANT)])
    assert again.observer.text() == "Dee Watts" and stored(document).observer == "Dee Watts"


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform has no window stack
def test_ctrl_z_right_after_the_window_opens_keeps_the_observers_name(qtbot: QtBot, window: MainWindow) -> None:
    document = window.document
    assert document is not None and document.observations.observer == ""
    document.set_detail("focus_question", "What would tell us Lily is safe?")  # the last edit before the window
    observer = window.meeting_menu.open_observer()
    assert observer is not None
    observer.activateWindow()
    qtbot.waitUntil(observer.isActiveWindow)
    assert observer.observer.text() == "Jo Reid" and stored(document).observer == "Jo Reid"
    observer.notes.entry.setFocus()
    qtbot.keyClick(observer.notes.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.meeting.focus_question != "What would tell us Lily is safe?"  # Ctrl+Z undid the last edit...
    assert observer.observer.text() == "Jo Reid" and stored(document).observer == "Jo Reid"  # ...not the name
    qtbot.keyClick(
        observer.notes.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert document.meeting.focus_question == "What would tell us Lily is safe?"

    qtbot.keyClicks(observer.notes.entry, "Named the roles")
    qtbot.keyClick(observer.notes.entry, Qt.Key.Key_Return)
    observer.observer.selectAll()
    qtbot.keyClicks(observer.observer, "Kim Lee")  # the user's own edit of the name is an undo step
    document.undo_stack.undo()
    assert observer.observer.text() == "Jo Reid"
    document.undo_stack.undo()  # the note: taken after the name was given, it keeps the name
    assert observer.notes.model.rowCount() == 0 and observer.observer.text() == "Jo Reid"
    observer.close()


def test_a_step_taken_before_the_name_was_filled_in_keeps_it_when_undone_and_redone(document: MeetingDocument) -> None:
    document.add_observation_note("Roles named before the start")
    document.name_observer("Jo Reid")
    assert stored(document).observer == "Jo Reid"
    document.undo_stack.undo()  # the note, taken before the name was given: its undo keeps the name
    assert stored(document) == Observations(observer="Jo Reid")
    document.undo_stack.redo()
    assert stored(document).observer == "Jo Reid" and len(stored(document).notes) == 1
    document.name_observer("Kim Lee")  # a name is given already: the default changes nothing
    assert document.observations.observer == "Jo Reid"

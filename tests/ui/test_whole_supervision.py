"""A new user sets up and runs a whole 60-minute group supervision through every phase: an observer takes notes in
a second window and another's notes are merged from a file. After a restart, and in the exported file, the phase
times, the ideas and agreed actions and the feedback are all there.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sos_desktop.cli import main as cli_main
from sos_desktop.exporters.interchange.files import write_meeting_file
from sos_desktop.models import (
    Attendee,
    AttendeeRole,
    Case,
    Category,
    NextStepStatus,
    ObservationNote,
    Observations,
    RubricRating,
)
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.shell.main_window import MainWindow

START = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)
ATTENDEES = [
    Attendee("Alex Morgan", AttendeeRole.FACILITATOR),
    Attendee("Sam Patel", AttendeeRole.PRESENTER),
    Attendee("Jo Reid", AttendeeRole.OBSERVER),
    Attendee("Lee Grant", AttendeeRole.MANAGER),
    Attendee("Priya Shah", AttendeeRole.PARTICIPANT),
    Attendee("Tom Evans", AttendeeRole.PARTICIPANT),
]
MINUTES = [5, 9, 26, 10, 5, 4, 6]  # 65 in all; the mapping ran a minute over its 25


# The offscreen platform has no window stack and no keyboard to grab (the observer's name offers attendees' names).
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_a_whole_supervision_with_two_observers_is_all_there_after_a_restart_and_in_the_export(
    open_window: Callable[[], MainWindow],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    data_dir: Path,
) -> None:
    monkeypatch.setattr(dialogs, "ask_case", lambda parent, case=None, framework=None: Case("Family R", "CP-2026-0042"))
    window = open_window()
    window.new_case()
    meeting_id = window.new_meeting("Group supervision 23 November")
    assert meeting_id is not None
    window.open_meeting(meeting_id)
    document = window.document
    assert document is not None
    now = [START]
    document.clock = lambda: now[0]

    # Setting up: the group, the focus question, confidentiality.
    document.set_attendees(ATTENDEES)
    document.set_detail("focus_question", "How do we help Mum keep the children safe when Dad visits?")
    document.set_detail("confidentiality_agreed", True)
    details = window.show_details()
    assert details is not None and not details.group_warning.isVisibleTo(details)

    # The observer's own window, beside the facilitator's.
    observer = window.meeting_menu.open_observer()
    assert observer is not None
    assert observer.observer.text() == "Jo Reid"  # the attendee with the observer role, named already

    def observe(text: str) -> None:
        qtbot.keyClicks(observer.notes.entry, text)
        qtbot.keyClick(observer.notes.entry, Qt.Key.Key_Return)

    agenda = window.show_agenda()
    assert agenda is not None
    qtbot.mouseClick(agenda.start, Qt.MouseButton.LeftButton)
    for phase, minutes in enumerate(MINUTES):
        now[0] += timedelta(minutes=minutes / 2)
        if phase == 0:
            observe("Clear purpose; confidentiality agreed")
        elif phase == 2:
            document.add_item(Category.HARM, "Mum was hit in front of the children in October.")
            observe("Kept the group on process")
        elif phase == 5:
            agreed = document.add_item(Category.NEXT_STEP, "Meet Dad before his next visit.")
            document.add_item(Category.NEXT_STEP, "Ask the school nurse to see Ben.")  # stays an idea
            document.set_next_step(agreed.id or 0, owner="Sam Patel", due=date(2026, 12, 1))
            document.set_next_step(agreed.id or 0, status=NextStepStatus.AGREED)  # the manager agrees it
        now[0] += timedelta(minutes=minutes / 2)
        qtbot.mouseClick(agenda.next, Qt.MouseButton.LeftButton)
    assert agenda.phase_label.text() == "The meeting has ended"
    observer.rubric.rating_box(0).setValue(7.5)
    observer.rubric.rating_box(1).setValue(6)
    qtbot.keyClicks(observer.went_well, "Clear roles.")
    qtbot.keyClicks(observer.even_better, "Say the time left at each phase.")
    observer.close()

    # Another observer's notes, from their own machine, through the interchange file.
    other = document.store.load_bundle(document.meeting_id)
    other.meeting.observations = Observations(
        observer="Tom Evans",
        notes=[ObservationNote("Good scaling question", 52.0, "scaling")],
        ratings=[RubricRating("Appreciative questions", 8, "Lots of them")],
    )
    their_file = tmp_path / "tom.json"
    write_meeting_file(other, their_file)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda parent, title: their_file)
    told: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, message: told.append(message))
    assert window.meeting_menu.merge_file()
    assert "Tom Evans" in told[0]
    window.close()
    window.store.close()

    # A restart finds it all.
    again = open_window()
    assert again.document is not None and again.document.meeting_id == meeting_id
    meeting = again.store.get_meeting(meeting_id)
    assert [phase.actual_minutes for phase in meeting.agenda] == MINUTES
    steps = {item.text: item for item in meeting.items if item.category is Category.NEXT_STEP}
    assert steps["Meet Dad before his next visit."].status is NextStepStatus.AGREED
    assert steps["Meet Dad before his next visit."].owner == "Sam Patel"
    assert steps["Ask the school nurse to see Ben."].status is NextStepStatus.IDEA
    notes = [(note.at_minute, note.phase, note.text) for note in meeting.observations.notes]
    assert notes == [
        (2.5, "purpose", "Clear purpose; confidentiality agreed"),
        (27.0, "mapping", "Kept the group on process"),
        (52.0, "scaling", "Good scaling question"),
    ]
    ratings = {rating.criterion: rating.value for rating in meeting.observations.ratings}
    assert ratings["Appreciative questions"] == 8 and 7.5 in ratings.values() and 6 in ratings.values()
    assert meeting.observations.observer == "Jo Reid, Tom Evans"
    assert meeting.observations.went_well == "Clear roles."
    again.store.close()

    # And so does the exported file, written by the command line.
    out = tmp_path / "export.json"
    assert cli_main(["--data-dir", str(data_dir), "export", str(meeting_id), "--json", str(out)]) == 0
    exported = json.loads(out.read_text("utf-8"))
    assert [phase["actual_minutes"] for phase in exported["meeting"]["agenda"]] == MINUTES
    assert {item["text"]: item.get("status") for item in exported["map"] if item["category"] == "next_step"} == {
        "Meet Dad before his next visit.": "agreed",
        "Ask the school nurse to see Ben.": "idea",
    }
    assert [note["text"] for note in exported["observations"]["notes"]][-1] == "Good scaling question"
    assert exported["observations"]["even_better_if"] == "Say the time left at each phase."

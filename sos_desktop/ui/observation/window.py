"""The observer's own window on the open meeting, and merging an observer's file into it.

The window is a second view of the same document, beside the facilitator's console: a live header (the phase under
way and the minute into the meeting, read from the agenda's clock each second; before the start and after the end,
which they are), the observer's name (the attendee with the observer role, unless another is typed), timestamped
notes, the rubric, and what went well / even better if. Every keystroke is saved as it is typed, so closing the
window loses nothing, and it follows ``observationsChanged`` so two views of one meeting stay in step.

On a shared PostgreSQL database the observer may work in this window on their own laptop, with the same meeting open
there: each note and rating is committed as it is made, merged with what the other side saved (``store/live.py``,
``observation/live_feed.py``). A server that cannot be reached is said in the status line, which adds that what was
written stays and is saved once the database answers (the document's waiting writes); it says saved again after.

``merge_observations_file`` takes the ``observations`` of a meeting file from an observer's own machine and adds them
to the open meeting as one undo step, as ``import FILE --merge-observations`` does on the command line.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFont, QShowEvent
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.exporters.interchange.files import InterchangeError, read_observations
from sos_desktop.models import AttendeeRole, Observations
from sos_desktop.models.agenda import AFTER_THE_END, BEFORE_THE_START, clock_text, minute_text, phase_name
from sos_desktop.models.meeting import MAX_LABEL_LENGTH
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.actions import Key, bind
from sos_desktop.ui.common.fields import limit_length
from sos_desktop.ui.common.undo_keys import route_undo_keys
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.document.observation import ObservationsAdded
from sos_desktop.ui.observation.notes import NotesPanel
from sos_desktop.ui.observation.rubric_table import RubricTable

SAVED_NOTE = "Everything here is saved as you type; closing this window loses nothing."
SHARED_NOTE = (
    "Everything here is saved in the shared database as you type, and reaches the facilitator's console within "
    "seconds; closing this window loses nothing."
)


def saved_note(document: MeetingDocument) -> str:
    """What the status line says while all is saved: on a shared server, that the console sees it too."""
    return SAVED_NOTE if document.store.url.startswith("sqlite") else SHARED_NOTE


KEPT_NOTE = "What you write stays here and is saved as soon as the database answers again."
MERGE_TITLE = "Merge an observer's file"


def clock_header(document: MeetingDocument) -> tuple[str, str]:
    """The phase under way and where the meeting's clock stands, as the header shows them."""
    now = document.agenda_state()
    if now.current is None and now.meeting_minutes > 0:
        return (
            "The meeting has ended",
            f"It ran for {clock_text(now.meeting_minutes)} in all. Notes taken now are marked “{AFTER_THE_END}”.",
        )
    if now.current is None:
        return "The meeting has not started", f"Notes taken now are marked “{BEFORE_THE_START}”."
    phase = document.meeting.agenda[now.current]
    title = phase_name(phase)
    planned = f" of {phase.planned_minutes:g} minutes planned" if phase.planned_minutes else ""
    over = " – over time" if now.over else ""
    state = "" if now.running else "Paused · "
    return (
        f"{title}  ({now.current + 1} of {len(document.meeting.agenda)})",
        f"{state}{minute_text(now.meeting_minutes)} into the meeting · "
        f"{clock_text(now.phase_minutes)} in this phase{planned}{over}",
    )


class ObserverWindow(QWidget):
    """Notes, rubric and feedback for the observer, in a window of its own."""

    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.document = document
        self.setObjectName("observer-window")
        self.phase = QLabel()
        font = QFont(self.phase.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.phase.setFont(font)
        self.phase.setAccessibleName("Phase under way")
        self.clock = QLabel()
        self.clock.setAccessibleName("Time into the meeting")
        self.clock.setToolTip("Read from the facilitator's agenda clock; notes are stamped with this minute")

        self.observer = QLineEdit(document.observations.observer)
        limit_length(self.observer, MAX_LABEL_LENGTH)
        self.observer.setPlaceholderText("Your name, as it should appear in the feedback")
        self.observer.setAccessibleName("Observer's name")
        self.observer.setToolTip("Who is giving this feedback on the facilitation")
        route_undo_keys(self.observer)
        self._observers_listed()

        self.notes = NotesPanel(document)
        self.rubric = RubricTable(document)
        self.went_well = self._text_box("What went well", "What the facilitator did well, in specific words")
        self.even_better = self._text_box("Even better if", "What would make the facilitation even better next time")
        self.status = QLabel(saved_note(document))
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Status")

        header = QVBoxLayout()
        header.setSpacing(2)
        header.addWidget(self.phase)
        header.addWidget(self.clock)
        name_row = QFormLayout()
        name_row.addRow("&Observer", self.observer)
        top = QHBoxLayout()
        top.addLayout(header, 3)
        top.addLayout(name_row, 2)
        notes_box = self._group("Notes", self.notes)
        rubric_box = self._group("Rubric", self.rubric)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(notes_box)
        upper.addWidget(rubric_box)
        upper.setStretchFactor(0, 2)
        upper.setStretchFactor(1, 3)
        upper.setSizes([420, 700])
        lower = QHBoxLayout()
        lower.addWidget(self._group("What went well", self.went_well))
        lower.addWidget(self._group("Even better if", self.even_better))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(upper, 3)
        layout.addLayout(lower, 1)
        layout.addWidget(self.status)

        self._add_actions()
        self.observer.textEdited.connect(document.set_observer)
        self.went_well.textChanged.connect(lambda: document.set_went_well(self.went_well.toPlainText()))
        self.even_better.textChanged.connect(lambda: document.set_even_better_if(self.even_better.toPlainText()))
        document.observationsChanged.connect(self.refresh)
        document.agendaChanged.connect(self.tick)
        document.detailsChanged.connect(self._retitle)
        document.attendeesChanged.connect(self._observers_listed)
        document.noticed.connect(self.status.setText)
        document.saveFailed.connect(self._save_failed)
        document.pending.changed.connect(self._waiting)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self._retitle()
        self.refresh()
        self.tick()
        self.resize(1180, 800)

    def _text_box(self, name: str, tip: str) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setAccessibleName(name)
        box.setToolTip(tip)
        box.setPlaceholderText(tip)
        box.setTabChangesFocus(True)
        route_undo_keys(box)
        return box

    def _group(self, title: str, content: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(content)
        return box

    def _add_actions(self) -> None:
        stack = self.document.undo_stack
        undo = stack.createUndoAction(self, "&Undo")
        bind(undo, Key.UNDO)
        redo = stack.createRedoAction(self, "&Redo")
        bind(redo, Key.REDO)
        close = QAction("&Close", self)
        bind(close, Key.CLOSE_WINDOW)
        close.triggered.connect(self.close)
        for action in (undo, redo, close):
            self.addAction(action)

    # Following the document ----------------------------------------------------------------------------------------

    def _retitle(self) -> None:
        self.setWindowTitle(f"Observer — {self.document.meeting.title}")

    def _observers_listed(self) -> None:
        """The attendees with the observer role: offered as the name is typed, and the name itself while none is
        given and there is just one (a default, not an undo step: ``MeetingDocument.name_observer`` says why).
        """
        names = list(dict.fromkeys(a.name for a in self.document.meeting.attendees if a.role == AttendeeRole.OBSERVER))
        self.observer.setCompleter(QCompleter(names, self.observer))
        if len(names) == 1 and not self.document.observations.observer:
            self.document.name_observer(names[0])
            self.observer.setText(self.document.observations.observer)

    def _save_failed(self, message: str) -> None:
        if self.document.pending:  # the store will be tried again: say that nothing typed is lost meanwhile
            message = f"{message} {KEPT_NOTE}"
        self.status.setText(f"Not saved: {message}")

    def _waiting(self, count: int) -> None:
        """The writes that waited went through (a server back, say): the window is saved again."""
        if count == 0:
            self.status.setText(saved_note(self.document))

    def tick(self) -> None:
        phase, clock = clock_header(self.document)
        self.phase.setText(phase)
        self.clock.setText(clock)

    def refresh(self) -> None:
        observations = self.document.observations
        if self.observer.text().strip() != observations.observer:  # undone, or typed in another window
            self.observer.setText(observations.observer)
        for box, text in ((self.went_well, observations.went_well), (self.even_better, observations.even_better_if)):
            if box.toPlainText() != text:
                position = box.textCursor().position()
                box.blockSignals(True)
                box.setPlainText(text)
                box.blockSignals(False)
                cursor = box.textCursor()
                cursor.setPosition(min(position, len(text)))
                box.setTextCursor(cursor)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self.timer.start()
        self.tick()
        super().showEvent(event)


# Merging an observer's file ----------------------------------------------------------------------------------------


def _when(moment: datetime | None) -> str:
    return "no date" if moment is None else f"{moment.day} {moment:%b %Y, %H:%M}"


def _differences(document: MeetingDocument, reference: str, title: str, held_on: datetime | None) -> list[str]:
    meeting, differences = document.meeting, []
    if reference.strip() != document.case.reference.strip():
        differences.append(f"case reference “{reference or 'none'}”, not “{document.case.reference or 'none'}”")
    if title.strip() != meeting.title.strip():
        differences.append(f"meeting “{title}”, not “{meeting.title}”")
    if held_on != meeting.held_on:
        differences.append(f"held on {_when(held_on)}, not {_when(meeting.held_on)}")
    return differences


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def merge_message(added: ObservationsAdded, theirs: Observations) -> str:
    """What a merge added, in one sentence: "3 notes and 9 ratings from Jo Reid were added"."""
    parts = []
    if added.notes:
        parts.append(_plural(added.notes, "note"))
    if added.ratings:
        parts.append(_plural(added.ratings, "rating"))
    if added.went_well and added.even_better_if:
        parts.append("what went well and even better if")
    elif added.went_well:
        parts.append("what went well")
    elif added.even_better_if:
        parts.append("even better if")
    who = theirs.observer or "the file"
    if not parts:
        return f"{theirs.observer} was added as an observer of this meeting."
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    one = len(parts) == 1 and (added.notes == 1 or added.ratings == 1 or not (added.notes or added.ratings))
    return f"{listed[:1].upper()}{listed[1:]} from {who} {'was' if one else 'were'} added. Undo takes them out again."


def merge_observations_file(parent: QWidget, document: MeetingDocument) -> bool:
    """Ask for an observer's meeting file and add its observations to the open meeting (one undo step); the map
    and everything else stay as they are. True if anything was added.
    """
    path = dialogs.ask_open_path(parent, MERGE_TITLE)
    if path is None:
        return False
    try:
        reference, title, held_on, theirs = read_observations(path)
    except InterchangeError as error:
        dialogs.tell(parent, MERGE_TITLE, f"{error} Nothing was changed.")
        return False
    if theirs.is_empty():
        dialogs.tell(parent, MERGE_TITLE, f"{path.name} holds no observer's feedback, so nothing was changed.")
        return False
    differences = _differences(document, reference, title, held_on)
    if differences:
        question = (
            f"{path.name} is from another meeting: {'; '.join(differences)}.\n\n"
            "Add its observer's feedback to this meeting all the same?"
        )
        if not dialogs.confirm(parent, MERGE_TITLE, question):
            return False
    added = document.merge_observations_from(theirs)
    if not added:
        dialogs.inform(
            parent, MERGE_TITLE, "Everything in the file is already in this meeting, so nothing was changed."
        )
        return False
    dialogs.inform(parent, MERGE_TITLE, merge_message(added, theirs))
    return True

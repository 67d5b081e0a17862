"""The meeting document's hold on the agenda: its time-boxed phases, and the clock that runs through them.

A mixin of ``MeetingDocument``. Editing the phases (title, planned minutes, order, add, remove) and working the
clock (start, next, pause, go to a phase) are each one undo step, saved at once; ``agendaChanged`` follows every
change. The clock reads the time from ``document.clock`` so a test can run a whole meeting in a moment.
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from PySide6.QtGui import QUndoCommand

from sos_desktop.models import AgendaPhase
from sos_desktop.models.agenda import AgendaState, go_to, next_phase, pause, start_or_resume, state
from sos_desktop.models.meeting import MAX_LABEL_LENGTH
from sos_desktop.store.team_settings import MAX_PLANNED_MINUTES, save_team_agenda, team_agenda
from sos_desktop.ui.document.base import DocumentPart


class SetAgendaCommand(QUndoCommand):
    """The agenda replaced by a changed copy: an edit of its phases, or the clock started, moved on or paused."""

    def __init__(self, document: AgendaEditing, new: list[AgendaPhase], text: str) -> None:
        super().__init__(text)
        self.document = document
        self.old = copy.deepcopy(document.meeting.agenda)
        self.new = copy.deepcopy(new)

    def redo(self) -> None:
        self.document.apply_agenda(copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.apply_agenda(copy.deepcopy(self.old))


class AgendaEditing(DocumentPart):
    """The agenda of ``MeetingDocument``."""

    # Reading ---------------------------------------------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock()

    def agenda_state(self) -> AgendaState:
        return state(self.meeting.agenda, self.now())

    def current_phase(self) -> AgendaPhase | None:
        current = self.agenda_state().current
        return None if current is None else self.meeting.agenda[current]

    def agenda_template(self) -> list[AgendaPhase]:
        """The team's agenda for this kind of meeting."""
        return team_agenda(self.store, self.meeting.kind)

    # The clock ---------------------------------------------------------------------------------------------------

    def _push_agenda(self, agenda: list[AgendaPhase], text: str) -> None:
        if agenda != self.meeting.agenda:
            self.undo_stack.push(SetAgendaCommand(self, agenda, text))

    def start_agenda(self) -> None:
        """Start the meeting's clock at the first phase, or resume it where it was paused."""
        if not self.meeting.agenda:
            self._push_agenda(start_or_resume(self.agenda_template(), self.now()), "Start the meeting")
            return
        self._push_agenda(start_or_resume(self.meeting.agenda, self.now()), "Start the meeting")

    def next_agenda_phase(self) -> None:
        """End the running phase and start the next; after the last one, the meeting's clock stops."""
        if self.meeting.agenda:
            self._push_agenda(next_phase(self.meeting.agenda, self.now()), "Next phase")

    def pause_agenda(self) -> None:
        if self.meeting.agenda:
            self._push_agenda(pause(self.meeting.agenda, self.now()), "Pause the meeting")

    def go_to_phase(self, index: int) -> None:
        self._push_agenda(go_to(self.meeting.agenda, index, self.now()), "Go to phase")

    # Editing the phases ---------------------------------------------------------------------------------------

    def set_phase_field(self, index: int, name: str, value: Any) -> None:
        """Change a phase's title or planned minutes (None: no time box)."""
        agenda = copy.deepcopy(self.meeting.agenda)
        phase = agenda[index]
        if name == "title":
            value = self._bounded(str(value), MAX_LABEL_LENGTH)
        elif name == "planned_minutes":
            if value is not None and not 0 < float(value) <= MAX_PLANNED_MINUTES:
                raise ValueError(f"A phase is planned for between 1 and {MAX_PLANNED_MINUTES} minutes.")
            value = None if value is None else float(value)
        else:
            raise KeyError(name)
        setattr(phase, name, value)
        self._push_agenda(agenda, "Edit the agenda")

    def add_phase(self, title: str, planned_minutes: float | None = None, index: int | None = None) -> None:
        agenda = copy.deepcopy(self.meeting.agenda)
        # A key of its own, so observers' notes and the projector tell this phase from any other added one.
        taken = {phase.phase for phase in agenda}
        key = next(f"custom-{n}" for n in range(1, len(agenda) + 2) if f"custom-{n}" not in taken)
        phase = AgendaPhase(key, self._bounded(title.strip() or "New phase", MAX_LABEL_LENGTH), planned_minutes)
        agenda.insert(len(agenda) if index is None else index, phase)
        self._push_agenda(agenda, "Add a phase")

    def remove_phase(self, index: int) -> None:
        agenda = copy.deepcopy(self.meeting.agenda)
        del agenda[index]
        self._push_agenda(agenda, "Remove a phase")

    def move_phase(self, index: int, to: int) -> None:
        agenda = copy.deepcopy(self.meeting.agenda)
        to = max(0, min(to, len(agenda) - 1))
        agenda.insert(to, agenda.pop(index))
        self._push_agenda(agenda, "Move a phase")

    def use_agenda_template(self) -> None:
        """Replace the phases with the team's default agenda (times already recorded are not kept)."""
        self._push_agenda(self.agenda_template(), "Use the default agenda")

    def save_agenda_as_template(self) -> bool:
        """Make this meeting's phases (titles and planned minutes) the team's default for new meetings."""

        def save() -> bool:
            save_team_agenda(self.store, self.meeting.agenda, self.meeting.kind)
            return True

        return self._write(save) is True

    # Applying, called by the commands ---------------------------------------------------------------------------

    def apply_agenda(self, agenda: list[AgendaPhase]) -> None:
        self.meeting.agenda = agenda
        self._write(lambda: self.store.set_agenda(self.meeting_id, copy.deepcopy(agenda)))
        self.agendaChanged.emit()

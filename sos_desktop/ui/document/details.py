"""The meeting's details and attendees as a part of the meeting document: title, kind, date, focus question,
confidentiality, summary, and who is there in which role. Each edit is one undo step; typing in a text detail
merges into one.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtGui import QUndoCommand

from sos_desktop.models import AgendaPhase, Attendee, MeetingKind
from sos_desktop.models.mapping import MAX_TEXT_LENGTH
from sos_desktop.models.meeting import MAX_LABEL_LENGTH
from sos_desktop.models.meeting_kinds import agenda_untouched, same_phases
from sos_desktop.store.team_settings import team_agenda
from sos_desktop.ui.document.agenda import SetAgendaCommand
from sos_desktop.ui.document.base import DocumentPart, MergeId, ValueChange

DETAIL_LABELS = {
    "title": "title",
    "kind": "kind of meeting",
    "held_on": "date",
    "focus_question": "focus question",
    "confidentiality_agreed": "confidentiality",
    "summary": "summary",
}
_TEXT_DETAILS = {"title", "focus_question", "summary"}


class DetailsEditing(DocumentPart):
    """The meeting's details and attendees, for ``MeetingDocument``."""

    def set_detail(self, name: str, value: Any) -> None:
        if name not in DETAIL_LABELS:
            raise KeyError(name)
        if name in _TEXT_DETAILS and isinstance(value, str):
            value = self._bounded(value, MAX_LABEL_LENGTH if name == "title" else MAX_TEXT_LENGTH)
        if getattr(self.meeting, name) == value:
            return
        command = SetDetailCommand(self, name, value, mergeable=name in _TEXT_DETAILS, label=DETAIL_LABELS[name])
        agenda = self._agenda_of_kind(MeetingKind(value)) if name == "kind" else None
        if agenda is None:
            self.undo_stack.push(command)
            return
        # A meeting whose agenda is still the team's for its old kind, not yet started, takes the new kind's: one step.
        self.undo_stack.beginMacro("Change kind of meeting")
        self.undo_stack.push(command)
        self.undo_stack.push(SetAgendaCommand(self, agenda, "Use the kind's agenda"))  # type: ignore[arg-type]
        self.undo_stack.endMacro()

    def _agenda_of_kind(self, kind: MeetingKind) -> list[AgendaPhase] | None:
        """The team's agenda for ``kind`` when the meeting's agenda should follow its kind, else None."""
        agenda = self.meeting.agenda
        if not agenda_untouched(agenda):
            return None
        old = self._read(lambda: team_agenda(self.store, self.meeting.kind), None)
        new = self._read(lambda: team_agenda(self.store, kind), None)
        if new is None or (agenda and (old is None or not same_phases(agenda, old))):
            return None
        return None if same_phases(agenda, new) else new

    def set_attendees(self, attendees: list[Attendee], label: str = "Change attendees") -> None:
        # A family member whose network person has left the network stays at the meeting, linked to nobody.
        people = {person.id for person in self.network.people if person.id is not None}
        attendees = [
            Attendee(self._bounded(a.name, MAX_LABEL_LENGTH), a.role, a.person if a.person in people else None)
            for a in attendees
        ]
        if attendees != self.meeting.attendees:
            self.undo_stack.push(SetAttendeesCommand(self, attendees, label))

    def apply_detail(self, name: str, value: Any) -> None:
        setattr(self.meeting, name, value)
        self._write(lambda: self.store.update_meeting_details(self.meeting))
        self.detailsChanged.emit()

    def apply_attendees(self, attendees: list[Attendee]) -> None:
        self.meeting.attendees = attendees
        self._write(lambda: self.store.set_attendees(self.meeting_id, copy.deepcopy(attendees)))
        self.attendeesChanged.emit()


class SetDetailCommand(ValueChange):
    """Change one field of the meeting's details (title, kind, date, focus question, ...)."""

    def __init__(self, document: DetailsEditing, name: str, new: Any, *, mergeable: bool, label: str) -> None:
        super().__init__(f"Change {label}", name, getattr(document.meeting, name), new)
        self.document = document
        self.name = name
        self.merge_id = MergeId.DETAIL if mergeable else MergeId.NEVER

    def redo(self) -> None:
        self.document.apply_detail(self.name, self.new)

    def undo(self) -> None:
        self.document.apply_detail(self.name, self.old)


class SetAttendeesCommand(QUndoCommand):
    def __init__(self, document: DetailsEditing, new: list[Attendee], label: str) -> None:
        super().__init__(label)
        self.document = document
        self.old = copy.deepcopy(document.meeting.attendees)
        self.new = copy.deepcopy(new)

    def redo(self) -> None:
        self.document.apply_attendees(copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.apply_attendees(copy.deepcopy(self.old))

"""The meeting document's family record (a mixin of ``MeetingDocument``): who agrees with each danger statement and
safety goal, a conference's decision, the projector's family-present setting, and which cards are for the
professionals only.

Each change is one undo step that replaces the record with a changed copy, saved whole at once (the meeting's part
"family_meeting"); typing in one person's words, or in one field of the decision, merges into one step.
``familyMeetingChanged`` follows every change of the record; a card made professional-only says so as any card's
change does (``itemTextChanged``). While the family is present, a card's jargon (the team's list) is a hint.
"""

from __future__ import annotations

import copy
from dataclasses import replace

from sos_desktop.models.agreement import MAX_WORDS, Decision, FamilyMeeting, View
from sos_desktop.models.jargon import jargon_in
from sos_desktop.models.mapping import MapItem
from sos_desktop.store.team_settings import team_jargon
from sos_desktop.ui.document.base import DocumentPart, MergeId, ValueChange


class SetFamilyMeetingCommand(ValueChange):
    """The meeting's family record replaced by a changed copy; typing in one place merges."""

    def __init__(self, document: AgreementEditing, new: FamilyMeeting, text: str, typing_in: object = None) -> None:
        super().__init__(text, typing_in, copy.deepcopy(document.meeting.family_meeting), copy.deepcopy(new))
        self.document = document
        self.merge_id = MergeId.FAMILY_TYPING if typing_in is not None else MergeId.NEVER

    def redo(self) -> None:
        self.document.apply_family_meeting(copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.apply_family_meeting(copy.deepcopy(self.old))


class SetProfessionalOnlyCommand(ValueChange):
    def __init__(self, document: AgreementEditing, item: MapItem, new: bool) -> None:
        assert item.id is not None
        text = "Keep the card for professionals only" if new else "Let the family see the card"
        super().__init__(text, item.id, item.professional_only, new)
        self.document = document
        self.item_id = item.id

    def redo(self) -> None:
        self.document.apply_professional_only(self.item_id, bool(self.new))

    def undo(self) -> None:
        self.document.apply_professional_only(self.item_id, bool(self.old))


class AgreementEditing(DocumentPart):
    """The family record and professional-only cards of ``MeetingDocument``."""

    _jargon: list[str] | None = None

    # Reading ---------------------------------------------------------------------------------------------------

    @property
    def family_present(self) -> bool:
        return self.meeting.family_meeting.family_present

    def jargon_words(self) -> list[str]:
        """The team's jargon list, read from the database once per document (``forget_jargon`` reads it again)."""
        if self._jargon is None:
            none: list[str] = []
            self._jargon = self._read(lambda: team_jargon(self.store), none)
        return self._jargon

    def forget_jargon(self) -> None:
        """The team's list changed (Settings): read it again, and show every card's flags afresh."""
        self._jargon = None
        self.familyMeetingChanged.emit()

    def card_jargon(self, item: MapItem) -> list[str]:
        """The team's jargon in ``item``'s words, while the family is present (none otherwise, and none for a card
        the family never sees).
        """
        if not self.family_present or item.professional_only:
            return []
        return jargon_in(item.text, self.jargon_words())

    # Editing ---------------------------------------------------------------------------------------------------

    def _push_family(self, new: FamilyMeeting, text: str, typing_in: object = None) -> None:
        if new != self.meeting.family_meeting:
            self.undo_stack.push(SetFamilyMeetingCommand(self, new, text, typing_in))

    def set_view(self, item_key: str, attendee: str, view: View, words: str | None = None) -> None:
        """``attendee``'s view of the statement ``item_key``: agrees, does not agree or not said, with their words
        (None keeps the words they gave). Typing their words is one step.
        """
        record = self.meeting.family_meeting
        current = record.view(item_key, attendee)
        typed = current.words if words is None else self._bounded(words, MAX_WORDS)
        typing = words is not None and view is current.view
        changed = record.with_view(item_key, attendee, view, typed)
        target = ("words", item_key, attendee) if typing else None
        self._push_family(changed, f"{attendee}'s view" if not typing else f"{attendee}'s words", target)

    def set_decision(self, decision: Decision, typing_in: str | None = None) -> None:
        """The conference's decision; ``typing_in`` names the text field typed in, so a burst of typing is one step."""
        bounded = replace(
            decision,
            other=self._bounded(decision.other, MAX_WORDS),
            reasons=self._bounded(decision.reasons, MAX_WORDS),
        )
        changed = replace(copy.deepcopy(self.meeting.family_meeting), decision=bounded)
        self._push_family(changed, "Change the decision", ("decision", typing_in) if typing_in else None)

    def set_family_present(self, present: bool) -> None:
        changed = replace(copy.deepcopy(self.meeting.family_meeting), family_present=present)
        self._push_family(changed, "The family is present" if present else "The family is not present")

    def set_professional_only(self, item_id: int, professional_only: bool) -> None:
        item = self.item(item_id)
        if item.professional_only != professional_only:
            self.undo_stack.push(SetProfessionalOnlyCommand(self, item, professional_only))

    # Applying, called by the commands ---------------------------------------------------------------------------

    def apply_family_meeting(self, record: FamilyMeeting) -> None:
        self.meeting.family_meeting = record
        self._write(lambda: self.store.set_family_meeting(self.meeting_id, copy.deepcopy(record)))
        self.familyMeetingChanged.emit()

    def apply_professional_only(self, item_id: int, professional_only: bool) -> None:
        item = self.item(item_id)
        item.professional_only = professional_only
        self._write(lambda: self.store.update_item(item), touches=lambda: item.id)
        self.itemTextChanged.emit(item_id)
        self.familyMeetingChanged.emit()  # the wall shows the card, or leaves it out, while the family is present

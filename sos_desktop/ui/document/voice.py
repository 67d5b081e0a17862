"""The meeting document's hold on the child's voice (Three Houses): a mixin of ``MeetingDocument``.

Each edit (words added, reworded, moved to another house, consent ticked, deleted) is one undo step that replaces
the meeting's entries with a changed copy, saved at once in one transaction; ``voiceChanged`` follows every change.
A burst of typing in one entry's words is one step. The words are kept exactly as written, line breaks, spaces and
all: they are the child's own, and only a text too long for the store is cut (with a notice).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from sos_desktop.models import ChildVoiceEntry, House, PersonRole
from sos_desktop.models.labels import HOUSE_TITLES
from sos_desktop.models.mapping import MAX_TEXT_LENGTH
from sos_desktop.ui.document.base import DocumentPart, MergeId, ValueChange

if TYPE_CHECKING:
    from sos_desktop.models import NetworkPerson


class SetChildVoiceCommand(ValueChange):
    """The meeting's child's-voice entries replaced by a changed copy. Typing in one entry's words merges."""

    def __init__(
        self, document: VoiceEditing, new: list[ChildVoiceEntry], text: str, typing_in: int | None = None
    ) -> None:
        target = ("words", typing_in) if typing_in is not None else None
        super().__init__(text, target, copy.deepcopy(document.meeting.child_voice), copy.deepcopy(new))
        self.document = document
        self.merge_id = MergeId.VOICE_WORDS if typing_in is not None else MergeId.NEVER

    def redo(self) -> None:
        # The first redo gets ids from the store for new entries; a later redo puts them back under the same ids.
        self.new = self.document.apply_child_voice(copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.apply_child_voice(copy.deepcopy(self.old))


class VoiceEditing(DocumentPart):
    """The child's-voice entries of ``MeetingDocument``."""

    # Reading ---------------------------------------------------------------------------------------------------

    def case_children(self) -> list[NetworkPerson]:
        """The case's children (people of the network in the role of a child), in the network's order."""
        return [person for person in self.network.people if person.role is PersonRole.CHILD]

    def voice_entry(self, entry_id: int) -> ChildVoiceEntry:
        entry_id = self.real_id(entry_id)
        for entry in self.meeting.child_voice:
            if entry.id == entry_id:
                return entry
        raise KeyError(entry_id)

    def voice_entries(self, child: int | None, house: House) -> list[ChildVoiceEntry]:
        """What ``child`` said for ``house``, in the order written (``child`` None: words naming no child)."""
        return [entry for entry in self.meeting.child_voice if entry.child == child and entry.house is house]

    # Edits: each pushes one undo command ------------------------------------------------------------------------

    def add_voice_entry(self, child: int | None, house: House, words: str, consent: bool = False) -> ChildVoiceEntry:
        """Add the child's words to a house (last in it) and return the entry, with its id."""
        if child is not None and all(person.id != child for person in self.network.people):
            raise KeyError(child)
        if not words.strip():
            raise ValueError("There are no words to add.")
        entry = ChildVoiceEntry(House(house), self._bounded(words, MAX_TEXT_LENGTH), child, bool(consent))
        entries = [*copy.deepcopy(self.meeting.child_voice), entry]
        command = SetChildVoiceCommand(self, entries, f"Add the child's words to the {HOUSE_TITLES[entry.house]}")
        self.undo_stack.push(command)
        added = command.new[-1].id
        assert added is not None
        return self.voice_entry(added)

    def set_voice_words(self, entry_id: int, words: str) -> None:
        """Change an entry's words, exactly as typed (a burst of typing is one undo step)."""
        words = self._bounded(words, MAX_TEXT_LENGTH)
        if self.voice_entry(entry_id).words != words:
            self._push_changed(entry_id, "Edit the child's words", typing=True, words=words)

    def set_voice_consent(self, entry_id: int, consent: bool) -> None:
        """Record whether the child agreed to share these words (only those are shown on the projector)."""
        if self.voice_entry(entry_id).consent_to_share != bool(consent):
            text = "Agreed to share the child's words" if consent else "Withdraw sharing of the child's words"
            self._push_changed(entry_id, text, consent_to_share=bool(consent))

    def set_voice_house(self, entry_id: int, house: House) -> None:
        """Move an entry to another house, last in it."""
        house = House(house)
        if self.voice_entry(entry_id).house is house:
            return
        entries = copy.deepcopy(self.meeting.child_voice)
        index = next(i for i, entry in enumerate(entries) if entry.id == entry_id)
        moved = entries.pop(index)
        moved.house = house
        entries.append(moved)
        self.undo_stack.push(
            SetChildVoiceCommand(self, entries, f"Move the child's words to the {HOUSE_TITLES[house]}")
        )

    def delete_voice_entry(self, entry_id: int) -> None:
        """Delete an entry; undo puts it back where it was."""
        self.voice_entry(entry_id)  # KeyError for an entry not in the meeting
        entries = [copy.deepcopy(entry) for entry in self.meeting.child_voice if entry.id != entry_id]
        self.undo_stack.push(SetChildVoiceCommand(self, entries, "Delete the child's words"))

    def _push_changed(self, entry_id: int, text: str, *, typing: bool = False, **changes: object) -> None:
        entries = copy.deepcopy(self.meeting.child_voice)
        for entry in entries:
            if entry.id == entry_id:
                for name, value in changes.items():
                    setattr(entry, name, value)
        self.undo_stack.push(SetChildVoiceCommand(self, entries, text, entry_id if typing else None))

    # Applying, called by the commands ---------------------------------------------------------------------------

    def _voice_for_store(self, entries: list[ChildVoiceEntry]) -> list[ChildVoiceEntry]:
        stored = [self._for_store(entry) for entry in entries]
        for entry in stored:
            entry.child = None if entry.child is None else self.real_id(entry.child)
        return stored

    def apply_child_voice(self, entries: list[ChildVoiceEntry]) -> list[ChildVoiceEntry]:
        """Make ``entries`` the meeting's child's voice and save them; returns a copy of them with their ids."""
        present = {person.id for person in self.network.people}
        for entry in entries:
            if entry.child is not None and entry.child not in present:
                entry.child = None  # the child has since left the network (the store forgets them the same way)

        def adopt(stored: list[ChildVoiceEntry]) -> None:
            if len(stored) == len(entries):
                for entry, saved in zip(entries, stored, strict=True):
                    self.adopt_id(entry, saved.id)
                self.voiceChanged.emit()

        stored = self._write(
            lambda: self.store.set_child_voice(self.meeting_id, self._voice_for_store(entries)), adopt=adopt
        )
        if stored is not None and len(stored) == len(entries):
            for entry, saved in zip(entries, stored, strict=True):
                entry.id = saved.id
        for entry in entries:
            if entry.id is None:
                entry.id = next(self._provisional_ids)
        self.meeting.child_voice = entries
        self.voiceChanged.emit()
        return copy.deepcopy(entries)

"""The case over time, as a part of the meeting document: the meeting before this one, what changed since it, and
the review of last time's next steps (a mixin of the document).

Reviewing a next step is one undo step: its outcome, or its note (a burst of typing merges). Marking one "carried
forward" is one step too, a macro that also makes it a next step of this meeting (same key, words, owner and
date, agreed); changing the outcome away from "carried forward" takes that card off again, unless it was edited
since, when it stays as the group's own next step.
"""

from __future__ import annotations

import copy
from datetime import date

from PySide6.QtGui import QUndoCommand

from sos_desktop.models import Category, MapItem, Meeting
from sos_desktop.models.changes import CHANGE_LABELS, CardChangeKind, Changes, changed_keys, changes_since
from sos_desktop.models.continuity import (
    carried_card,
    overdue_reviews,
    reference_day,
    review_is_overdue,
    step_is_overdue,
)
from sos_desktop.models.enums import ReviewOutcome
from sos_desktop.models.review import MAX_NOTE_LENGTH, StepReview
from sos_desktop.ui.document.base import DocumentPart, MergeId, ValueChange

OVERDUE = "Overdue"


class ReviewOutcomeCommand(QUndoCommand):
    def __init__(self, document: ContinuityEditing, index: int, old: StepReview, new: StepReview) -> None:
        super().__init__("Review last time's next step")
        self.document = document
        self.index = index
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)

    def redo(self) -> None:
        self.document.apply_review(self.index, copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.apply_review(self.index, copy.deepcopy(self.old))


class ReviewNoteCommand(ValueChange):
    """A review's note as it is typed: one undo step for a burst of typing."""

    merge_id = MergeId.REVIEW_NOTE

    def __init__(self, document: ContinuityEditing, index: int, old: str, new: str) -> None:
        super().__init__("Change the review's note", index, old, new)
        self.document = document

    def redo(self) -> None:
        self.document.apply_review_note(self.target, self.new)  # type: ignore[arg-type]

    def undo(self) -> None:
        self.document.apply_review_note(self.target, self.old)  # type: ignore[arg-type]


class ContinuityEditing(DocumentPart):
    """The meeting before this one, what changed since, and the review of its next steps, for ``MeetingDocument``."""

    previous: Meeting | None
    _changed_keys: dict[str, CardChangeKind] | None

    def load_previous(self) -> None:
        """Read the meeting before this one (None for a case's first meeting)."""
        self.previous = self._read(lambda: self.store.previous_meeting(self.meeting_id), None)
        self._changed_keys = None

    def changes(self) -> Changes | None:
        """What changed since the meeting before (None for a first meeting)."""
        return changes_since(self.previous, self.meeting, self.network)

    def change_of(self, item: MapItem) -> CardChangeKind | None:
        """Whether a card is new or changed since last time (for the mark on it); None for a first meeting."""
        if self.previous is None or not item.key:
            return None
        if self._changed_keys is None:
            self._changed_keys = changed_keys(self.previous, self.meeting)
        return self._changed_keys.get(item.key)

    def card_marks(self, item: MapItem) -> list[str]:
        """What a card shows of the case over time: 'Overdue' for a next step past its date and not done, and
        'New since last time' or 'Changed since last time' in a continued meeting.
        """
        marks = []
        if step_is_overdue(item, self.review_day()):
            marks.append(OVERDUE)
        change = self.change_of(item)
        if change is not None:
            marks.append(f"{CHANGE_LABELS[change]} since last time")
        return marks

    def forget_changes(self) -> None:
        self._changed_keys = None

    def review_day(self, today: date | None = None) -> date:
        """The day this meeting's next steps and reviews are judged overdue on."""
        return reference_day(self.meeting, today or self.clock().date())

    def review_overdue(self, index: int) -> bool:
        return review_is_overdue(self.meeting.reviews[index], self.review_day())

    def overdue_reviews(self) -> list[StepReview]:
        return overdue_reviews(self.meeting, self.clock().date())

    # Edits

    def set_review_outcome(self, index: int, outcome: ReviewOutcome | None) -> None:
        """Mark one of last time's next steps; "carried forward" also makes it a next step of this meeting."""
        review = self.meeting.reviews[index]
        outcome = None if outcome is None else ReviewOutcome(outcome)
        if review.outcome == outcome:
            return
        new = copy.deepcopy(review)
        new.outcome = outcome
        carried = self._carried_item(review.key)
        if outcome is ReviewOutcome.CARRIED_FORWARD and carried is None:
            self.undo_stack.beginMacro("Carry the next step forward")
            self.undo_stack.push(ReviewOutcomeCommand(self, index, review, new))
            card = carried_card(review)
            self.add_carried_card(card)
            self.undo_stack.endMacro()
        elif review.outcome is ReviewOutcome.CARRIED_FORWARD and carried is not None and _untouched(carried, review):
            self.undo_stack.beginMacro("Review last time's next step")
            self.undo_stack.push(ReviewOutcomeCommand(self, index, review, new))
            assert carried.id is not None
            self.delete_item(carried.id)
            self.undo_stack.endMacro()
        else:
            self.undo_stack.push(ReviewOutcomeCommand(self, index, review, new))

    def set_review_note(self, index: int, note: str) -> None:
        review = self.meeting.reviews[index]
        note = self._bounded(note, MAX_NOTE_LENGTH)
        if review.note != note:
            self.undo_stack.push(ReviewNoteCommand(self, index, review.note, note))

    def _carried_item(self, key: str) -> MapItem | None:
        return next(
            (item for item in self.meeting.items if item.key == key and item.category is Category.NEXT_STEP), None
        )

    def add_carried_card(self, card: MapItem) -> None:
        raise NotImplementedError  # supplied by MapEditing

    def delete_item(self, item_id: int) -> None:
        raise NotImplementedError  # supplied by MapEditing

    # Applied by the commands

    def apply_review(self, index: int, review: StepReview) -> None:
        self.meeting.reviews[index] = review
        self._write(lambda: self.store.set_reviews(self.meeting_id, copy.deepcopy(self.meeting.reviews)))
        self.reviewsChanged.emit()

    def apply_review_note(self, index: int, note: str) -> None:
        self.meeting.reviews[index].note = note
        self._write(lambda: self.store.set_reviews(self.meeting_id, copy.deepcopy(self.meeting.reviews)))
        self.reviewsChanged.emit()


def _untouched(card: MapItem, review: StepReview) -> bool:
    """Whether a carried-forward card still says what the review carried (so taking it off loses nothing)."""
    return (card.text, card.owner, card.due) == (review.text, review.owner, review.due)

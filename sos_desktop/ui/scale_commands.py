"""Undo commands for scales and ratings: add, edit, reorder, delete a scale; give, change or take back a rating.

A slider drag merges into one undo step (successive values of one rater on one scale within a moment), like a
burst of typing in one field: both are ``commands.ValueChange``.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from sos_desktop.models import Scale, ScaleRating
from sos_desktop.ui.commands import ValueChange

if TYPE_CHECKING:
    from sos_desktop.ui.document import MeetingDocument

_SCALE_TEXT_ID = 11
_RATING_ID = 12


class AddScaleCommand(QUndoCommand):
    def __init__(self, document: MeetingDocument, scale: Scale, index: int | None) -> None:
        super().__init__("Add scale")
        self.document = document
        self.scale = scale
        self.index = index

    def redo(self) -> None:
        self.scale.id = self.document.apply_insert_scale(copy.deepcopy(self.scale), self.index)

    def undo(self) -> None:
        assert self.scale.id is not None
        self.document.apply_remove_scale(self.scale.id)


class DeleteScaleCommand(QUndoCommand):
    def __init__(self, document: MeetingDocument, scale: Scale) -> None:
        super().__init__("Delete scale")
        self.document = document
        self.scale = copy.deepcopy(scale)
        self.index = document.meeting.scales.index(scale)

    def redo(self) -> None:
        assert self.scale.id is not None
        self.document.apply_remove_scale(self.scale.id)

    def undo(self) -> None:
        self.document.apply_insert_scale(copy.deepcopy(self.scale), self.index)


class MoveScaleCommand(QUndoCommand):
    def __init__(self, document: MeetingDocument, scale: Scale, index: int) -> None:
        super().__init__("Move scale")
        assert scale.id is not None
        self.document = document
        self.scale_id = scale.id
        self.old = document.meeting.scales.index(scale)
        self.new = index

    def redo(self) -> None:
        self.document.apply_move_scale(self.scale_id, self.new)

    def undo(self) -> None:
        self.document.apply_move_scale(self.scale_id, self.old)


class SetScaleFieldCommand(ValueChange):
    """Change a scale's question, anchors, the danger statement it is about, or its private round."""

    def __init__(self, document: MeetingDocument, scale: Scale, name: str, new: Any, *, mergeable: bool) -> None:
        assert scale.id is not None
        super().__init__("Change scale", (scale.id, name), getattr(scale, name), new)
        self.document = document
        self.scale_id = scale.id
        self.name = name
        self.merge_id = _SCALE_TEXT_ID if mergeable else -1

    def redo(self) -> None:
        self.document.apply_scale_field(self.scale_id, self.name, self.new)

    def undo(self) -> None:
        self.document.apply_scale_field(self.scale_id, self.name, self.old)


class SetRatingCommand(ValueChange):
    """Give, change or take back (``new`` None) one rater's rating on a scale."""

    merge_id = _RATING_ID

    def __init__(self, document: MeetingDocument, scale: Scale, rater: str, new: ScaleRating | None) -> None:
        assert scale.id is not None
        old = next((copy.deepcopy(r) for r in scale.ratings if r.rater == rater), None)
        text = "Take back rating" if new is None else ("Change rating" if old else "Add rating")
        super().__init__(text, (scale.id, rater), old, copy.deepcopy(new))
        self.document = document
        self.scale_id = scale.id
        self.rater = rater
        self.position = next((i for i, r in enumerate(scale.ratings) if r.rater == rater), len(scale.ratings))

    def redo(self) -> None:
        self.document.apply_rating(self.scale_id, self.rater, copy.deepcopy(self.new), self.position)

    def undo(self) -> None:
        self.document.apply_rating(self.scale_id, self.rater, copy.deepcopy(self.old), self.position)

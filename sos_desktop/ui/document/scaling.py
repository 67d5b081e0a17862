"""Scales and ratings as a part of the meeting document: add, edit, reorder and delete a scale; give, change or take
back a rating. Each is one undo step; a slider drag (successive values of one rater on one scale within a moment)
merges into one, like a burst of typing in one field.
"""

from __future__ import annotations

import copy
from typing import Any
from uuid import uuid4

from PySide6.QtGui import QUndoCommand

from sos_desktop.models import Scale, ScaleRating
from sos_desktop.models.mapping import MAX_TEXT_LENGTH
from sos_desktop.models.meeting import MAX_LABEL_LENGTH
from sos_desktop.models.raters import ADDED_RATERS, added_raters, raters, same_person
from sos_desktop.ui.document.base import DocumentPart, MergeId, ValueChange

SCALE_FIELDS = ("question", "zero_means", "ten_means", "about", "private_round")


class ScalingEditing(DocumentPart):
    """The meeting's scales and their ratings, for ``MeetingDocument``."""

    def scale(self, scale_id: int) -> Scale:
        real = self.real_id(scale_id)
        return next(scale for scale in self.meeting.scales if scale.id == real)

    def add_scale(self, question: str, zero_means: str = "", ten_means: str = "", about: int | None = None) -> Scale:
        scale = Scale(
            question=self._bounded(question, MAX_TEXT_LENGTH),
            zero_means=self._bounded(zero_means, MAX_TEXT_LENGTH),
            ten_means=self._bounded(ten_means, MAX_TEXT_LENGTH),
            about=about,
            key=str(uuid4()),
        )
        command = AddScaleCommand(self, scale, None)
        self.undo_stack.push(command)
        return self.scale(command.scale.id) if command.scale.id is not None else scale

    def add_standard_scale(self) -> Scale:
        """The framework's own scale (the safety scale of Signs of Safety), worded from the template."""
        wording = self.template.scale
        return self.add_scale(wording.question, wording.zero_means, wording.ten_means)

    def set_scale_field(self, scale_id: int, name: str, value: Any) -> None:
        if name not in SCALE_FIELDS:
            raise KeyError(name)
        scale = self.scale(scale_id)
        if isinstance(value, str):
            value = self._bounded(value, MAX_TEXT_LENGTH)
        if getattr(scale, name) != value:
            mergeable = name in ("question", "zero_means", "ten_means")
            self.undo_stack.push(SetScaleFieldCommand(self, scale, name, value, mergeable=mergeable))

    def delete_scale(self, scale_id: int) -> None:
        self.undo_stack.push(DeleteScaleCommand(self, self.scale(scale_id)))

    def move_scale(self, scale_id: int, index: int) -> None:
        scale = self.scale(scale_id)
        index = max(0, min(index, len(self.meeting.scales) - 1))
        if self.meeting.scales.index(scale) != index:
            self.undo_stack.push(MoveScaleCommand(self, scale, index))

    def set_rating(self, scale_id: int, rater: str, value: float, reason: str = "", higher: str = "") -> None:
        """Give or change ``rater``'s number (0 to 10, half points) with the two follow-up answers beside it."""
        rating = ScaleRating(
            rater=self._bounded(rater.strip(), MAX_LABEL_LENGTH),
            value=value,
            reason=self._bounded(reason, MAX_TEXT_LENGTH),
            one_point_higher=self._bounded(higher, MAX_TEXT_LENGTH),
        )
        scale = self.scale(scale_id)
        current = next((r for r in scale.ratings if r.rater == rating.rater), None)
        if current is None or (current.value, current.reason, current.one_point_higher) != (
            rating.value,
            rating.reason,
            rating.one_point_higher,
        ):
            self.undo_stack.push(SetRatingCommand(self, scale, rating.rater, rating))

    def add_rater(self, scale_id: int, name: str) -> None:
        """Ask ``name`` (an observer, or someone in the network) to rate this scale too: one undo step."""
        scale = self.scale(scale_id)
        name = self._bounded(" ".join(name.split()), MAX_LABEL_LENGTH)
        if name and same_person(name) not in {same_person(r) for r in raters(self.meeting.attendees, scale)}:
            self.undo_stack.push(AddRaterCommand(self, scale, [*added_raters(scale), name]))

    def remove_rating(self, scale_id: int, rater: str) -> None:
        scale = self.scale(scale_id)
        if any(r.rater == rater for r in scale.ratings):
            self.undo_stack.push(SetRatingCommand(self, scale, rater, None))

    def apply_insert_scale(self, scale: Scale, index: int | None) -> int:
        position = len(self.meeting.scales) if index is None else index
        saved = self._write(
            lambda: self.store.add_scale(self.meeting_id, self._for_store(scale), position),
            adopt=lambda stored: self._adopted(scale, stored.id, self.scalesChanged),
            touches=lambda: scale.id,
        )
        if saved is not None:
            scale.id = saved.id
        elif scale.id is None:
            scale.id = next(self._provisional_ids)
        self.meeting.scales.insert(position, scale)
        self.scalesChanged.emit()
        assert scale.id is not None
        return scale.id

    def apply_remove_scale(self, scale_id: int) -> None:
        scale = self.scale(scale_id)
        self._write(lambda: self.store.delete_scale(self.real_id(scale_id)))
        self.meeting.scales.remove(scale)
        self.scalesChanged.emit()

    def apply_move_scale(self, scale_id: int, index: int) -> None:
        scale = self.scale(scale_id)
        self._write(lambda: self.store.move_scale(self.real_id(scale_id), index), touches=lambda: scale.id)
        self.meeting.scales.remove(scale)
        self.meeting.scales.insert(index, scale)
        self.scalesChanged.emit()

    def apply_scale_field(self, scale_id: int, name: str, value: Any) -> None:
        scale = self.scale(scale_id)
        setattr(scale, name, value)
        self._write(lambda: self.store.update_scale(scale), touches=lambda: scale.id)
        self.scalesChanged.emit()

    def apply_added_raters(self, scale_id: int, names: list[str]) -> None:
        scale = self.scale(scale_id)
        extra = {key: value for key, value in scale.extra.items() if key != ADDED_RATERS}
        scale.extra = {**extra, ADDED_RATERS: list(names)} if names else extra
        self._write(lambda: self.store.update_scale(scale), touches=lambda: scale.id)
        self.scalesChanged.emit()

    def apply_rating(self, scale_id: int, rater: str, rating: ScaleRating | None, position: int) -> None:
        scale = self.scale(scale_id)
        scale.ratings = [r for r in scale.ratings if r.rater != rater]
        if rating is not None:
            scale.ratings.insert(min(position, len(scale.ratings)), rating)
        self._write(lambda: self.store.update_scale(scale), touches=lambda: scale.id)
        self.scalesChanged.emit()


class AddScaleCommand(QUndoCommand):
    def __init__(self, document: ScalingEditing, scale: Scale, index: int | None) -> None:
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
    def __init__(self, document: ScalingEditing, scale: Scale) -> None:
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
    def __init__(self, document: ScalingEditing, scale: Scale, index: int) -> None:
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

    def __init__(self, document: ScalingEditing, scale: Scale, name: str, new: Any, *, mergeable: bool) -> None:
        assert scale.id is not None
        super().__init__("Change scale", (scale.id, name), getattr(scale, name), new)
        self.document = document
        self.scale_id = scale.id
        self.name = name
        self.merge_id = MergeId.SCALE_TEXT if mergeable else MergeId.NEVER

    def redo(self) -> None:
        self.document.apply_scale_field(self.scale_id, self.name, self.new)

    def undo(self) -> None:
        self.document.apply_scale_field(self.scale_id, self.name, self.old)


class SetRatingCommand(ValueChange):
    """Give, change or take back (``new`` None) one rater's rating on a scale."""

    merge_id = MergeId.RATING

    def __init__(self, document: ScalingEditing, scale: Scale, rater: str, new: ScaleRating | None) -> None:
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


class AddRaterCommand(ValueChange):
    """Add someone who does not rate by their role (an observer, say) as a rater of one scale."""

    def __init__(self, document: ScalingEditing, scale: Scale, names: list[str]) -> None:
        assert scale.id is not None
        super().__init__("Add rater", (scale.id, ADDED_RATERS), added_raters(scale), names)
        self.document = document
        self.scale_id = scale.id

    def redo(self) -> None:
        self.document.apply_added_raters(self.scale_id, list(self.new))

    def undo(self) -> None:
        self.document.apply_added_raters(self.scale_id, list(self.old))

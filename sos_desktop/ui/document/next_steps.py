"""Next steps as actions: who does it, by when, and whether it is an idea or agreed (a mixin of the document).

A next step is an idea unless a manager is at the meeting to agree it (``models.supervision.may_agree``); the
facilitator marks each one. Each change is one undo step, saved at once; ``itemTextChanged`` tells the views.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from PySide6.QtGui import QUndoCommand

from sos_desktop.models import Category, MapItem, NextStepStatus
from sos_desktop.models.meeting import MAX_LABEL_LENGTH
from sos_desktop.models.supervision import IDEAS_ONLY, may_agree
from sos_desktop.ui.document.base import DocumentPart, MergeId, ValueChange

_UNSET: Any = object()


class NextStepCommand(QUndoCommand):
    def __init__(self, document: NextStepEditing, item: MapItem, new: dict[str, Any]) -> None:
        super().__init__("Change next step")
        assert item.id is not None
        self.document = document
        self.item_id = item.id
        self.old = {name: getattr(item, name) for name in new}
        self.new = dict(new)

    def redo(self) -> None:
        self.document.apply_item_fields(self.item_id, self.new)

    def undo(self) -> None:
        self.document.apply_item_fields(self.item_id, self.old)


class OwnerTypingCommand(ValueChange):
    """Who does a next step, as it is typed: one undo step for a burst of typing, saved at every keystroke."""

    merge_id = MergeId.NEXT_STEP_OWNER

    def __init__(self, document: NextStepEditing, item: MapItem, owner: str) -> None:
        assert item.id is not None
        super().__init__("Change who does the next step", item.id, item.owner, owner)
        self.document = document

    def redo(self) -> None:
        self.document.apply_item_fields(self.target, {"owner": self.new})  # type: ignore[arg-type]

    def undo(self) -> None:
        self.document.apply_item_fields(self.target, {"owner": self.old})  # type: ignore[arg-type]


class NextStepEditing(DocumentPart):
    """Next steps' owner, date and status, for ``MeetingDocument``."""

    def set_next_step(
        self,
        item_id: int,
        *,
        owner: str = _UNSET,
        due: date | None = _UNSET,
        status: NextStepStatus = _UNSET,
    ) -> None:
        """Change who does a next step, by when, and whether it is agreed; ValueError without a manager present."""
        item = self.item(item_id)
        if item.category is not Category.NEXT_STEP:
            raise ValueError("Only a next step has an owner, a date and a status.")
        new: dict[str, Any] = {}
        if owner is not _UNSET:
            new["owner"] = " ".join(str(owner).split())[:MAX_LABEL_LENGTH]
        if due is not _UNSET:
            new["due"] = due
        if status is not _UNSET:
            status = NextStepStatus(status)
            if (
                status is NextStepStatus.AGREED
                and item.status is not NextStepStatus.AGREED
                and not may_agree(self.meeting)
            ):
                raise ValueError(IDEAS_ONLY)
            new["status"] = status
        new = {name: value for name, value in new.items() if getattr(item, name) != value}
        if list(new) == ["owner"]:
            self.undo_stack.push(OwnerTypingCommand(self, item, new["owner"]))  # typing merges into one step
        elif new:
            self.undo_stack.push(NextStepCommand(self, item, new))

    def apply_item_fields(self, item_id: int, values: dict[str, Any]) -> None:
        item = self.item(item_id)
        for name, value in values.items():
            setattr(item, name, copy.copy(value))
        self._write(lambda: self.store.update_item(item), touches=lambda: item.id)
        self.itemTextChanged.emit(item_id)

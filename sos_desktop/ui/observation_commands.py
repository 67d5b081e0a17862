"""Undo steps of the observer's feedback, and the small pieces the feedback's editing shares.

One command serves every edit: it holds the observations (and the meeting's own rubric criteria) before and after,
so a note, a rating, a renamed criterion with its rating, or a whole merged file is undone in one step.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sos_desktop.models import Observations
from sos_desktop.models.meeting import MAX_LABEL_LENGTH
from sos_desktop.ui.commands import ValueChange

if TYPE_CHECKING:
    from sos_desktop.ui.observation_editing import ObservationEditing

_OBSERVATIONS_TYPING_ID = 30
Feedback = tuple[Observations, list[str] | None]
"""The observations with the meeting's own criteria (None: the team's default)."""


def clean_criteria(names: Iterable[Any]) -> list[str]:
    """Criteria as a rubric keeps them: trimmed, not empty, each once, at most a label's length."""
    cleaned: list[str] = []
    for name in names:
        text = str(name).strip()[:MAX_LABEL_LENGTH] if isinstance(name, str) else ""
        if text and text not in cleaned:
            cleaned.append(text)
    return cleaned


@dataclass(frozen=True)
class ObservationsAdded:
    """What merging another observer's feedback added to this meeting's."""

    notes: int = 0
    ratings: int = 0
    observer: bool = False
    went_well: bool = False
    even_better_if: bool = False

    def __bool__(self) -> bool:
        return bool(self.notes or self.ratings or self.observer or self.went_well or self.even_better_if)


class SetObservationsCommand(ValueChange):
    """The observer's feedback (and the meeting's own criteria) replaced by a changed copy; a burst of typing in
    one field (``target``) is one step.
    """

    def __init__(self, document: ObservationEditing, text: str, target: object, new: Feedback, *, typing: bool) -> None:
        super().__init__(text, target, document.feedback(), copy.deepcopy(new))
        self.document = document
        self.merge_id = _OBSERVATIONS_TYPING_ID if typing else -1

    def redo(self) -> None:
        self.document.apply_observations(*copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.apply_observations(*copy.deepcopy(self.old))

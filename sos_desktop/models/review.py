"""What a meeting continued from the last one holds of it: last time's next steps under review, and the network as
it stood when the meeting began (so "who joined" and "who now knows the worries" can be told).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sos_desktop.models.enums import NextStepStatus, ReviewOutcome

MAX_NOTE_LENGTH = 10_000
"""Longest note on a reviewed next step: a few sentences on what happened."""


@dataclass
class StepReview:
    """One of last time's next steps, as this meeting reviews it.

    ``key`` is the earlier next step's card key (a step carried forward is a card of this meeting with that key);
    ``text``, ``owner``, ``due`` and ``status_then`` are what it said last time; ``outcome`` is None until reviewed.
    """

    key: str
    text: str
    owner: str = ""
    due: date | None = None
    status_then: NextStepStatus | None = None
    outcome: ReviewOutcome | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.status_then is not None:
            self.status_then = NextStepStatus(self.status_then)
        if self.outcome is not None:
            self.outcome = ReviewOutcome(self.outcome)
        if len(self.note) > MAX_NOTE_LENGTH:
            raise ValueError(f"A review note can be at most {MAX_NOTE_LENGTH:,} characters long.")


@dataclass
class PersonThen:
    """Somebody in the case's network when the meeting began: ``person`` is their id in the network (None once they
    are no longer in it), with their name, the name shown on the wall, and whether they knew the worries then.
    """

    name: str
    display_name: str = ""
    person: int | None = None
    knows_worries: bool = False

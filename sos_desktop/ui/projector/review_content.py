"""What the projector shows of the review of last time's next steps, already masked.

Each step's words and note go through the projection's masker; its owner, free text that may be a family member's
full name, through the projection's ``name`` (a network person's display name, else the text masked), as the owner
of a next step on the map is. Whether a step is overdue is decided by the document (``review_overdue``), on the
day the meeting is held.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sos_desktop.models import Meeting
from sos_desktop.models.continuity import REVIEW_PHASE_TITLE, outcome_label
from sos_desktop.models.enums import ReviewOutcome
from sos_desktop.models.review import StepReview
from sos_desktop.ui.projector.changes_content import day_text
from sos_desktop.ui.projector.content import due_text

Mask = Callable[[str], str]

HEADING = REVIEW_PHASE_TITLE
NO_REVIEWS = "No next steps from last time to review."


@dataclass(frozen=True)
class ReviewLine:
    """One of last time's next steps: its words, owner and date, the outcome's label and whether it is overdue."""

    text: str
    owner: str
    due: date | None
    outcome: ReviewOutcome | None
    overdue: bool
    note: str = ""

    @property
    def label(self) -> str:
        return outcome_label(self.outcome)

    @property
    def details(self) -> str:
        """'Mum · by 8 Oct'."""
        return " · ".join(part for part in (self.owner, due_text(self.due) if self.due else "") if part)


@dataclass(frozen=True)
class ReviewContent:
    title: str
    since: str
    lines: tuple[ReviewLine, ...]

    @property
    def overdue(self) -> int:
        return sum(1 for line in self.lines if line.overdue)

    def outcomes(self) -> list[tuple[ReviewOutcome | None, int]]:
        """How many steps have each outcome, in the order of the outcomes (not reviewed yet last), leaving out none."""
        order: list[ReviewOutcome | None] = [*ReviewOutcome, None]
        counts = {outcome: sum(1 for line in self.lines if line.outcome == outcome) for outcome in order}
        return [(outcome, counts[outcome]) for outcome in order if counts[outcome]]


def from_line(previous: Meeting | None, mask: Mask) -> str:
    """'From Group supervision, 21 November 2026' (the meeting whose next steps these were)."""
    if previous is None:
        return ""
    when = f", {day_text(previous.held_on)}" if previous.held_on is not None else ""
    return mask(f"From {previous.title.strip() or 'the meeting before'}{when}")


def review_content(
    reviews: Sequence[StepReview],
    overdue: Sequence[bool],
    title: str,
    since: str,
    mask: Mask,
    name: Mask | None = None,
) -> ReviewContent:
    """The projector's snapshot of ``reviews`` (``overdue``: each one's flag, in order); ``title`` is masked, and
    ``since`` should come masked already (see ``from_line``).
    """
    named = name or mask
    lines = tuple(
        ReviewLine(
            text=mask(review.text.strip()),
            owner=named(review.owner.strip()) if review.owner.strip() else "",
            due=review.due,
            outcome=review.outcome,
            overdue=late,
            note=mask(" ".join(review.note.split())),
        )
        for review, late in zip(reviews, overdue, strict=True)
    )
    return ReviewContent(mask(title), since, lines)

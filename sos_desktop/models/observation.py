"""An observer's feedback on the facilitation (never on the case)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sos_desktop.models.scaling import check_rating_value

DEFAULT_RUBRIC: tuple[str, ...] = (
    "Kept to process rather than case detail",
    "Time-keeping",
    "Specific, behavioural descriptions of harm",
    "Each danger statement paired with a safety goal",
    "A score from everyone",
    "Ownership left with the worker",
    "Appreciative questions",
    "Plain language",
    "Confidentiality kept",
)
"""What observers look at in a facilitator's session, as the practice describes it; a team can change the list."""


@dataclass
class ObservationNote:
    text: str
    at_minute: float | None = None
    phase: str = ""


@dataclass
class RubricRating:
    criterion: str
    value: float
    comment: str = ""

    def __post_init__(self) -> None:
        self.value = check_rating_value(self.value)


@dataclass
class Observations:
    observer: str = ""
    notes: list[ObservationNote] = field(default_factory=list)
    ratings: list[RubricRating] = field(default_factory=list)
    went_well: str = ""
    even_better_if: str = ""

    def is_empty(self) -> bool:
        return not (self.observer or self.notes or self.ratings or self.went_well or self.even_better_if)


def _joined(mine: str, theirs: str) -> str:
    if not theirs or theirs in mine.split("\n\n") or theirs == mine:
        return mine
    if not mine:
        return theirs
    return f"{mine}\n\n{theirs}"


def merge_observations(mine: Observations, theirs: Observations) -> Observations:
    """Add another observer's feedback to ours without losing either.

    Notes are kept in time order (ours first at equal minutes); ratings, notes and texts already present are not
    repeated, so merging the same file twice changes nothing; different observers' names and texts are joined.
    """
    notes = list(mine.notes) + [note for note in theirs.notes if note not in mine.notes]
    notes.sort(key=lambda note: float("inf") if note.at_minute is None else note.at_minute)
    observers = [name for text in (mine.observer, theirs.observer) for name in text.split(", ") if name]
    return Observations(
        observer=", ".join(dict.fromkeys(observers)),
        notes=notes,
        ratings=list(mine.ratings) + [rating for rating in theirs.ratings if rating not in mine.ratings],
        went_well=_joined(mine.went_well, theirs.went_well),
        even_better_if=_joined(mine.even_better_if, theirs.even_better_if),
    )

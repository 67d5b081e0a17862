"""Scales and ratings: the 0 to 10 judgement of the map, with half points, and how their numbers are written."""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median
from typing import Any


def check_rating_value(value: float) -> float:
    """Return ``value`` as a float if it is a valid rating (0 to 10 in half points), else raise ValueError."""
    number = float(value)
    if not 0.0 <= number <= 10.0 or (number * 2) != int(number * 2):
        raise ValueError(f"A rating is a number from 0 to 10 in half points, not {value!r}.")
    return number


def paged_rating(value: float | None, up: bool) -> float | None:
    """Where a whole-point step (Page Up or Down) from ``value`` lands, for every 0 to 10 control in half points
    (the Scaling page's sliders, the observer's rubric): from not rated (None), up to 1, so one press is one point
    and four give 4 (not ½, 1½…); down from 0 back to not rated; otherwise a whole point, within 0 to 10, staying
    on the half-point grid (3½ goes to 4½).
    """
    if up:
        return 1.0 if value is None else min(10.0, value + 1.0)
    if value is None or value <= 0:
        return None
    return max(0.0, value - 1.0)


@dataclass
class ScaleRating:
    """One rater's number on a scale, with the two follow-up answers kept beside it."""

    rater: str
    value: float
    reason: str = ""
    one_point_higher: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.value = check_rating_value(self.value)


@dataclass
class Scale:
    """A scaling question with its anchors; ``about`` ties it to one danger statement (map item id).

    ``private_round``: the numbers are being given privately; the room sees who has rated, not what, until the
    facilitator reveals them all at once (groups anchor on the first number said aloud).
    """

    question: str
    zero_means: str = ""
    ten_means: str = ""
    id: int | None = None
    about: int | None = None
    ratings: list[ScaleRating] = field(default_factory=list)
    private_round: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    key: str = field(default="", compare=False)
    """The scale's identity across the case's meetings (a UUID), whatever its wording later becomes: the same key is
    the same line of the case's trajectory. "" until the store has given it one."""


@dataclass(frozen=True)
class Spread:
    lowest: float
    highest: float
    median: float


def spread(ratings: list[ScaleRating]) -> Spread | None:
    """Lowest, highest and median of a scale's ratings, or None when nobody has rated."""
    if not ratings:
        return None
    values = [rating.value for rating in ratings]
    return Spread(min(values), max(values), float(median(values)))


def number_text(value: float) -> str:
    """A number as the console, the projector, its pictures and the minutes all write it: in decimals, with at most
    two places and no trailing zeros ("4", "4.5", "4.75"), so a median of 4 and 5.5 reads the same everywhere.
    """
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text

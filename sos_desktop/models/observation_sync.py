"""One side's change to an observer's feedback, laid over what another side saved meanwhile.

An observer on their own laptop and the facilitator's console can both hold the same meeting's feedback open on a
shared database. Each edit is a change from what that side last knew (``base``) to what it wants (``target``);
:func:`replay_change` lays that change over what the database holds now (``stored``), so nobody's notes are lost:

- notes (compared by value: words, minute and phase): the notes ``target`` has are kept, unless another side
  deleted one this side already had; notes the other side added are kept too, in time order among ours; a note
  this side reworded or deleted is gone from the result (a reworded note is a deletion and an addition);
- ratings, one per criterion (the n-th rating of a criterion, should a merged file have given it two): a rating
  this side changed, added or removed is as this side has it; every other is as stored;
- the observer's name, what went well and even better if: this side's if it changed them, else the stored ones.

When nobody else wrote (``stored == base``) the result is ``target`` exactly, so a single user sees no difference.
Pure: no Qt, no database.
"""

from __future__ import annotations

import copy
from collections import Counter

from sos_desktop.models.observation import ObservationNote, Observations, RubricRating


def replay_change(stored: Observations, base: Observations, target: Observations) -> Observations:
    """``stored`` with the change from ``base`` to ``target`` made to it (see the module's docstring)."""
    if stored == base:
        return copy.deepcopy(target)
    return Observations(
        observer=_text(stored.observer, base.observer, target.observer),
        notes=_notes(stored.notes, base.notes, target.notes),
        ratings=_ratings(stored.ratings, base.ratings, target.ratings),
        went_well=_text(stored.went_well, base.went_well, target.went_well),
        even_better_if=_text(stored.even_better_if, base.even_better_if, target.even_better_if),
    )


def _text(stored: str, base: str, target: str) -> str:
    return target if target != base else stored


def _key(note: ObservationNote) -> tuple[str, float | None, str]:
    return note.text, note.at_minute, note.phase


def _notes(
    stored: list[ObservationNote], base: list[ObservationNote], target: list[ObservationNote]
) -> list[ObservationNote]:
    still_there = Counter(_key(note) for note in stored)
    known = Counter(_key(note) for note in base)
    kept: list[ObservationNote] = []
    for note in target:
        key = _key(note)
        if known[key] > 0:  # this side had it already: kept while the other side kept it
            known[key] -= 1
            if still_there[key] <= 0:
                continue
        still_there[key] -= 1
        kept.append(copy.deepcopy(note))
    # What is left in ``still_there`` beyond what this side knew was added by the other side.
    seen = Counter(_key(note) for note in base)
    theirs: list[ObservationNote] = []
    for note in stored:
        key = _key(note)
        if seen[key] > 0:
            seen[key] -= 1
            continue
        if still_there[key] > 0:
            still_there[key] -= 1
            theirs.append(copy.deepcopy(note))
    if not theirs:
        return kept
    merged = kept + theirs
    merged.sort(key=lambda note: float("inf") if note.at_minute is None else note.at_minute)
    return merged


def _numbered(ratings: list[RubricRating]) -> dict[tuple[str, int], RubricRating]:
    counts: Counter[str] = Counter()
    numbered: dict[tuple[str, int], RubricRating] = {}
    for rating in ratings:
        numbered[(rating.criterion, counts[rating.criterion])] = rating
        counts[rating.criterion] += 1
    return numbered


def _ratings(stored: list[RubricRating], base: list[RubricRating], target: list[RubricRating]) -> list[RubricRating]:
    mine, before, theirs = _numbered(target), _numbered(base), _numbered(stored)
    order = list(mine) + [key for key in theirs if key not in mine]
    result: list[RubricRating] = []
    for key in order:
        chosen = mine.get(key) if mine.get(key) != before.get(key) else theirs.get(key)
        if chosen is not None:
            result.append(copy.deepcopy(chosen))
    return result

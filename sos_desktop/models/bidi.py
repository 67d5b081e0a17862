"""Which way a text runs, decided once for the projector and the minutes: right to left for Arabic, Hebrew, ...

A paragraph's base direction is that of its first strong character (the Unicode bidirectional algorithm's rules
P2 and P3): a card that starts in Arabic is a right-to-left paragraph, aligned to the right, even if an English
name follows; one that starts in English stays left to right with its Arabic words turned round in place. Qt lays
out the characters of a line itself once it is told the base direction; the minutes, drawn with reportlab, have no
bidi layout of their own, so :func:`visual_order` puts the words of one line in the order they are seen (the
algorithm's rule L2 at the level of words: each right-to-left word is shaped whole, so its letters need no
reordering here). Pure functions, no Qt.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from enum import Enum


class Direction(Enum):
    LEFT_TO_RIGHT = "ltr"
    RIGHT_TO_LEFT = "rtl"


_RIGHT = frozenset({"R", "AL"})
_NUMBERS = frozenset({"EN", "AN"})


def _strong(text: str) -> Direction | None:
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            return Direction.LEFT_TO_RIGHT
        if kind in _RIGHT:
            return Direction.RIGHT_TO_LEFT
    return None


def base_direction(text: str) -> Direction:
    """The base direction of the paragraph ``text``: that of its first strong character, else left to right."""
    return _strong(text) or Direction.LEFT_TO_RIGHT


def has_right_to_left(text: str) -> bool:
    """Whether ``text`` holds any right-to-left letter (and so needs bidi layout at all)."""
    return any(unicodedata.bidirectional(character) in _RIGHT for character in text)


def word_levels(words: Sequence[str], base: Direction) -> list[int]:
    """Each word's embedding level in a line of ``base`` direction: even runs left to right, odd right to left.

    A right-to-left word is at level 1; a left-to-right word at 0, or 2 inside a right-to-left paragraph; a number
    keeps left to right (2) after right-to-left text; a word of only punctuation takes the level of the words
    around it when both agree, else the paragraph's.
    """
    rtl_paragraph = base is Direction.RIGHT_TO_LEFT
    levels: list[int | None] = []
    previous: Direction = base
    for word in words:
        strong = _strong(word)
        if strong is Direction.RIGHT_TO_LEFT:
            levels.append(1)
            previous = strong
        elif strong is Direction.LEFT_TO_RIGHT:
            levels.append(2 if rtl_paragraph else 0)
            previous = strong
        elif any(unicodedata.bidirectional(character) in _NUMBERS for character in word):
            levels.append(2 if previous is Direction.RIGHT_TO_LEFT else (2 if rtl_paragraph else 0))
        else:
            levels.append(None)
    base_level = 1 if rtl_paragraph else 0
    resolved: list[int] = []
    for index, level in enumerate(levels):
        if level is not None:
            resolved.append(level)
            continue
        before = next((lv for lv in reversed(levels[:index]) if lv is not None), base_level)
        after = next((lv for lv in levels[index + 1 :] if lv is not None), base_level)
        resolved.append(min(before, after) if (before % 2) == (after % 2) else base_level)
    return resolved


def visual_order(words: Sequence[str], base: Direction) -> list[int]:
    """The indices of ``words`` (one line, in the order typed) in the order they are seen from left to right."""
    levels = word_levels(words, base)
    order = list(range(len(words)))
    if not levels:
        return order
    lowest_odd = min((level for level in levels if level % 2), default=None)
    if lowest_odd is None:
        return order
    for level in range(max(levels), lowest_odd - 1, -1):
        start = 0
        while start < len(order):
            if levels[order[start]] < level:
                start += 1
                continue
            end = start
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[start:end] = reversed(order[start:end])
            start = end
    return order

"""Text in any script, measured and put in the order it is seen, for the minutes' plain text.

Each word is split into font runs (:func:`.fonts.font_runs`: DejaVu, else a font that has the glyphs); a run in a
script whose letters change shape or order (Arabic, Hebrew, Devanagari and the other Indic scripts) is shaped by
HarfBuzz through reportlab, which gives its glyphs joined and in the order they are seen; the words of a line are
put in visual order by :func:`sos_desktop.models.bidi.visual_order`, the same bidi rules the projector's base
direction comes from. Without uharfbuzz a right-to-left run is still drawn right to left, unjoined.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr

from sos_desktop.exporters.minutes.fonts import font_runs, register_fonts
from sos_desktop.models.bidi import Direction, has_right_to_left, visual_order

Segment = tuple[str, Any]
"""A font's name and what it draws: a str, or reportlab's ShapedStr (glyphs placed by HarfBuzz)."""

_UNSHAPED_FROM = 0x0590
"""Below this (Latin, Greek, Cyrillic, ...) DejaVu's glyphs need no shaping; Hebrew and Arabic start here."""


def _shaped_script(text: str) -> bool:
    """Whether ``text`` holds letters of a script that needs shaping (not the CJK ideographs and syllables)."""
    for character in text:
        code = ord(character)
        if code >= _UNSHAPED_FROM and not (0x2E80 <= code <= 0xD7FF or 0xF900 <= code <= 0xFFEF) and code < 0x20000:
            return True
    return False


@lru_cache(maxsize=20_000)
def word_segments(word: str, face: str, size: float) -> tuple[tuple[Segment, ...], float]:
    """``word`` as segments in the order they are drawn, and its width in points at ``size``."""
    segments: list[Segment] = []
    width = 0.0
    runs = font_runs(word, face)
    if has_right_to_left(word):
        runs = runs[::-1]  # a right-to-left word's runs (a letter a font lacks, say) are seen last to first
    for font, part in runs:
        drawn: Any = part
        if _shaped_script(part):
            drawn = shapeStr(part, font, size)
            if not isinstance(drawn, ShapedStr) and has_right_to_left(part):
                drawn = part[::-1]  # no HarfBuzz here: at least the letters run right to left
        if isinstance(drawn, ShapedStr):
            width += sum(glyph.x_advance for glyph in drawn.__shapeData__) * size / 1000
        else:
            width += stringWidth(drawn, font, size)
        segments.append((font, drawn))
    return tuple(segments), width


def text_width(text: str, face: str, size: float) -> float:
    """The width of ``text`` (a word, or part of one) in points, however it is drawn."""
    if text.isascii():
        return float(stringWidth(text, face, size))
    return word_segments(text, face, size)[1]


def visual_line(line: str, face: str, size: float, base: Direction) -> tuple[list[Segment], float]:
    """One line of a paragraph whose base direction is ``base`` as segments left to right, and its width."""
    register_fonts()
    words = line.split(" ")
    space = stringWidth(" ", face, size)
    segments: list[Segment] = []
    width = 0.0
    for position, index in enumerate(visual_order(words, base)):
        if position:
            segments.append((face, " "))
            width += space
        drawn, wide = word_segments(words[index], face, size)
        segments.extend(drawn)
        width += wide
    return segments, width

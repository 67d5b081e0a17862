"""Text in any script, measured and put in the order it is seen, for the minutes' plain text.

Each word is split into font runs (:func:`.fonts.font_runs`: DejaVu, else a font that has the glyphs); a run in a
script whose letters change shape or order (Arabic, Hebrew, Devanagari and the other Indic scripts) is shaped by
HarfBuzz through reportlab, which gives its glyphs joined and in the order they are seen; the words of a line are
put in visual order by :func:`sos_desktop.models.bidi.visual_order`, the same bidi rules the projector's base
direction comes from. Without uharfbuzz a right-to-left run is still drawn right to left, unjoined.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any, Literal

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr

from sos_desktop.exporters.minutes.fonts import font_runs, register_fonts
from sos_desktop.models.bidi import Direction, base_direction, has_right_to_left, visual_order
from sos_desktop.models.control_characters import strip_controls

Segment = tuple[str, Any]
"""A font's name and what it draws: a str, or reportlab's ShapedStr (glyphs placed by HarfBuzz)."""

Align = Literal["left", "centre", "right"]
"""Which point of a line :func:`draw_line` puts at the x it is given: its left edge, its middle or its right edge."""

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
    pieces = _pieces(line)
    space = stringWidth(" ", face, size)
    segments: list[Segment] = []
    width = 0.0
    for index in visual_order(pieces, base):
        if pieces[index] == " ":
            segments.append((face, " "))
            width += space
            continue
        drawn, wide = word_segments(pieces[index], face, size)
        segments.extend(drawn)
        width += wide
    return segments, width


_NEUTRAL = frozenset({"ON", "CS", "ES", "ET", "WS", "S", "B", "BN"})
"""Bidi classes of the punctuation that takes its direction from what stands around it."""


def _pieces(line: str) -> list[str]:
    """``line`` as the pieces the bidi rules order: its words and the single spaces between them, and a
    right-to-left word's punctuation at either end apart from it ("حداد:" before "Three" is "حداد" and ":", the
    colon seen after the Arabic, to its right, where it belongs in an English line).
    """
    pieces: list[str] = []
    for number, word in enumerate(line.split(" ")):
        if number:
            pieces.append(" ")
        if not has_right_to_left(word):
            pieces.append(word)
            continue
        start, end = 0, len(word)
        while start < end and unicodedata.bidirectional(word[start]) in _NEUTRAL:
            start += 1
        while end > start and unicodedata.bidirectional(word[end - 1]) in _NEUTRAL:
            end -= 1
        pieces += [part for part in (word[:start], word[start:end], word[end:]) if part]
    return pieces


def line_width(text: str, face: str, size: float, base: Direction | None = None) -> float:
    """The width in points of ``text`` drawn as one line by :func:`draw_line`."""
    text = strip_controls(text)
    if text.isascii():
        return float(stringWidth(text, face, size))
    return visual_line(text, face, size, base or base_direction(text))[1]


def draw_line(
    canvas: Any,
    x: float,
    y: float,
    text: str,
    face: str,
    size: float,
    *,
    align: Align = "left",
    base: Direction | None = None,
) -> float:
    """Draw ``text`` as one line on ``canvas`` with its baseline at ``y`` and its ``align`` point at ``x``, in the
    canvas's fill colour; return its width.

    Each run is in a font that has its letters, shaped, and the words in the order they are seen for the base
    direction ``base`` (by default the text's own: an English template holding a name passes left to right).
    Control characters are left out (they would print as boxes). The canvas is left in ``face`` at ``size``.
    """
    text = strip_controls(text)
    canvas.setFont(face, size)
    if text.isascii():
        if align == "left":
            canvas.drawString(x, y, text)
        elif align == "centre":
            canvas.drawCentredString(x, y, text)
        else:
            canvas.drawRightString(x, y, text)
        return float(stringWidth(text, face, size))
    segments, width = visual_line(text, face, size, base or base_direction(text))
    start = x - width if align == "right" else x - width / 2 if align == "centre" else x
    line = canvas.beginText(start, y)
    for font, part in segments:
        line.setFont(font, size)
        line.textOut(part)
    canvas.drawText(line)
    canvas.setFont(face, size)
    return width

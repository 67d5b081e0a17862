"""Word-wrapped text laid out once and kept: the projector measures and draws the same cached ``QTextLayout``.

A 300-card map repaints without laying out any text again; an edit lays out only the card that changed.

Qt orders the characters of each line itself (bidi), given the whole text and its base direction: a text whose first
strong character is right to left (Arabic, Hebrew; :func:`sos_desktop.models.bidi.base_direction`, the same rule the
minutes follow) is laid out right to left and aligned to the right of its box, not forced to the left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QPainter, QTextLayout, QTextOption

from sos_desktop.models.bidi import Direction, base_direction

ELLIPSIS = "…"
_LONGEST = 3_000
"""Characters of a text worth laying out: far more than the most lines a card shows."""


def _wrapping(direction: Direction) -> QTextOption:
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # a long web address still wraps
    if direction is Direction.RIGHT_TO_LEFT:
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    else:
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        option.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
    return option


_WRAPPING = {direction: _wrapping(direction) for direction in Direction}


class TextStyle(NamedTuple):
    """A font at one pixel size, and the spacing between its lines (1 is the font's own)."""

    families: tuple[str, ...]
    pixel_size: int
    weight: int = QFont.Weight.Normal.value
    spacing: float = 1.0

    def font(self) -> QFont:
        font = QFont()
        font.setFamilies(list(self.families))
        font.setPixelSize(max(1, self.pixel_size))
        font.setWeight(QFont.Weight(self.weight))
        font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        return font


class LaidText:
    """A text wrapped to a width: what it says as drawn (perhaps shortened with "…"), its size, and its layout."""

    __slots__ = ("height", "layout", "lines", "text", "width")

    def __init__(self, text: str, layout: QTextLayout, width: float, height: float, lines: int) -> None:
        self.text = text
        self.layout = layout
        self.width = width
        self.height = height
        self.lines = lines

    def draw(self, painter: QPainter, origin: QPointF) -> None:
        self.layout.draw(painter, origin)


def _prepared(text: str) -> str:
    text = text[:_LONGEST].replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return text.replace("\n", "\u2028")  # QTextLayout breaks lines at a line separator, not at a newline


def _layout(text: str, font: QFont, width: float, spacing: float) -> tuple[QTextLayout, float, float]:
    """Lay out ``text`` at ``width``; returns the layout, its height and the widest line."""
    layout = QTextLayout(text, font)
    layout.setTextOption(_WRAPPING[base_direction(text)])
    layout.setCacheEnabled(True)
    extra = font.pixelSize() * (spacing - 1.0)
    y = 0.0
    widest = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        widest = max(widest, line.naturalTextWidth())
        y += line.height() + extra
    layout.endLayout()
    return layout, max(0.0, y - extra), widest


class TextCache:
    """Laid-out texts by (text, style, width, most lines); cleared wholesale when it grows past ``limit``."""

    def __init__(self, limit: int = 8_000) -> None:
        self._limit = limit
        self._laid: dict[tuple[str, TextStyle, int, int], LaidText] = {}
        self._fonts: dict[TextStyle, QFont] = {}

    def clear(self) -> None:
        self._laid.clear()

    def __len__(self) -> int:
        return len(self._laid)

    def font(self, style: TextStyle) -> QFont:
        font = self._fonts.get(style)
        if font is None:
            font = self._fonts[style] = style.font()
        return font

    def lay(self, text: str, style: TextStyle, width: float, max_lines: int = 0) -> LaidText:
        """``text`` wrapped to ``width`` pixels, shortened with "…" to ``max_lines`` lines (0: no limit)."""
        key = (text, style, max(1, int(width)), max_lines)
        laid = self._laid.get(key)
        if laid is None:
            if len(self._laid) >= self._limit:
                self._laid.clear()
            laid = self._laid[key] = self._make(text, style, key[2], max_lines)
        return laid

    def _make(self, text: str, style: TextStyle, width: int, max_lines: int) -> LaidText:
        font = self.font(style)
        shown = _prepared(text)
        layout, height, widest = _layout(shown, font, width, style.spacing)
        if max_lines and layout.lineCount() > max_lines:
            last = layout.lineAt(max_lines - 1)
            kept = shown[: last.textStart() + last.textLength()].rstrip()
            for _ in range(40):  # a word at a time until the "…" fits on the last line
                layout, height, widest = _layout(kept + ELLIPSIS, font, width, style.spacing)
                if layout.lineCount() <= max_lines or not kept:
                    break
                cut = kept.rfind(" ")
                kept = kept[:cut].rstrip() if cut > 0 else kept[:-1]
            shown = kept + ELLIPSIS
        return LaidText(shown.replace("\u2028", "\n"), layout, widest, height, layout.lineCount())


def largest_size(low: int, high: int, fits: Callable[[int], bool]) -> int:
    """The largest type size from ``low`` to ``high`` at which ``fits`` holds (sizes that fit are all below those that
    do not), else ``low``: the wall's views set their words as large as the room allows.
    """
    if not fits(low):
        return low
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if fits(middle) else (low, middle - 1)
    return low

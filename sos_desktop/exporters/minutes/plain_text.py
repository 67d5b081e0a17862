"""Plain text that wraps, for the hundreds of cards, reasons and table cells of a large meeting's minutes.

reportlab's Paragraph parses markup and lays text out fragment by fragment, which costs a few milliseconds a piece
in pure Python; a 300-card meeting's minutes would take seconds. Our texts need none of that: each is one run of
one font, size and colour, so :class:`PlainText` breaks lines by measuring words and draws each line as a string.
Line breaks in the text are kept, a word too long for the line is broken where it must be, and the text stays
real, selectable text in the embedded font. A text in another script is drawn in fonts that have its glyphs,
shaped, and with its words in the order they are seen (:mod:`.script_text`); a text that starts right to left
(Arabic, Hebrew) is aligned to the right, as the projector shows it. A text can be indented and led by a bullet
or a word in another face ("Observer:"), so that a line mixing type is still plain text. Control characters are
left out (a font has no glyph for them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from sos_desktop.exporters.minutes.fonts import warn_uncovered
from sos_desktop.exporters.minutes.script_text import draw_line, text_width, visual_line
from sos_desktop.models.bidi import Direction, base_direction
from sos_desktop.models.control_characters import strip_controls


@dataclass(frozen=True)
class Run:
    """A block of text in one font, size and colour; ``leading`` is the distance between its lines."""

    text: str
    font: str
    size: float
    leading: float
    colour: Any
    """A reportlab colour."""
    direction: Direction | None = None
    """The base direction of its lines; None: the text's own (its first strong letter). An English template
    holding a name ("Nour: Three Houses") is left to right whatever the name is.
    """


@dataclass(frozen=True)
class Lead:
    """What stands before a text's first line at ``x``, in its own face and size (a bullet, a bold "Observer:"),
    and where that line's text starts, ``indent`` in.
    """

    text: str
    font: str
    size: float
    x: float
    indent: float


def printable(text: str) -> str:
    """``text`` with its line breaks kept (as line feeds), tabs as spaces, and control characters and bidi controls
    left out.
    """
    if text.isprintable():
        return text
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").split("\n")
    return "\n".join(strip_controls(line) for line in lines)


def wrap_lines(text: str, font: str, size: float, width: float, first_width: float | None = None) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (the first no wider than ``first_width``, if given): at
    spaces, at its own line breaks, and inside a word only when the word alone is wider than the line.
    """
    space = stringWidth(" ", font, size)
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line, used = "", 0.0
        for word in paragraph.split():
            wide = text_width(word, font, size)
            room = width if lines or first_width is None else first_width
            while wide > room and len(word) > 1:  # a word no line could hold (a long link, say) is broken
                if line:
                    lines.append(line)
                    line, used = "", 0.0
                cut = _fitting(word, font, size, width if lines or first_width is None else first_width)
                lines.append(word[:cut])
                word = word[cut:]
                wide = text_width(word, font, size)
                room = width
            if line and used + space + wide > room:
                lines.append(line)
                line, used = word, wide
            elif line:
                line, used = f"{line} {word}", used + space + wide
            else:
                line, used = word, wide
        lines.append(line)
    return lines


def _fitting(word: str, font: str, size: float, width: float) -> int:
    """How many of ``word``'s first characters fit in ``width`` (at least one)."""
    cut = max(1, min(len(word), int(len(word) * width / max(text_width(word, font, size), 0.001))))
    while cut > 1 and text_width(word[:cut], font, size) > width:
        cut -= 1
    while cut < len(word) and text_width(word[: cut + 1], font, size) <= width:
        cut += 1
    return cut


class PlainText(Flowable):
    """Runs of plain text one under another, wrapped to the width given; splits between lines across pages.

    Every line starts ``indent`` in from the left; ``lead`` is drawn before the first line.
    """

    def __init__(
        self,
        runs: Sequence[Run],
        *,
        space_before: float = 0.0,
        space_after: float = 0.0,
        indent: float = 0.0,
        lead: Lead | None = None,
    ) -> None:
        super().__init__()
        self.runs = [run if run.text.isprintable() else _printable_run(run) for run in runs if run.text.strip()]
        for run in self.runs:
            warn_uncovered(run.text, run.font)
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self.indent = indent
        self.lead = lead
        self.style_name = ""
        """The name of the ParagraphStyle it is set in (:func:`plain`): "Section" for a section heading."""
        self._laid: list[tuple[Run, str]] | None = None
        self._laid_width = -1.0
        self.width = 0.0
        self.height = 0.0

    def _layout(self, width: float) -> list[tuple[Run, str]]:
        if self._laid is None or width != self._laid_width:
            inner = width - self.indent
            first = None if self.lead is None else width - self.lead.indent
            self._laid = [
                (run, line)
                for number, run in enumerate(self.runs)
                for line in wrap_lines(run.text, run.font, run.size, inner, first if number == 0 else None)
            ]
            self._laid_width = width
        return self._laid

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        laid = self._layout(availWidth)
        self.width = availWidth
        self.height = sum(run.leading for run, _ in laid)
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        laid = self._layout(availWidth)
        used, count = 0.0, 0
        for run, _ in laid:
            if used + run.leading > availHeight:
                break
            used += run.leading
            count += 1
        if count == 0 or count == len(laid):
            return [] if count == 0 else [self]
        first = _Lines(laid[:count], space_before=self.spaceBefore, indent=self.indent, lead=self.lead)
        rest = _Lines(laid[count:], space_after=self.spaceAfter, indent=self.indent)
        return [first, rest]

    def draw(self) -> None:
        laid = self._layout(self.width)
        first = self.indent if self.lead is None else self.lead.indent
        _draw_lines(self.canv, laid, self.height, self.width, self.indent, first)
        if self.lead is not None and laid:
            run = laid[0][0]
            self.canv.setFillColor(_colour(run.colour))
            lead = self.lead
            draw_line(self.canv, lead.x, self.height - run.leading + _baseline(run), lead.text, lead.font, lead.size)


def _printable_run(run: Run) -> Run:
    return Run(printable(run.text), run.font, run.size, run.leading, run.colour, run.direction)


class _Lines(PlainText):
    """Lines already broken (one part of a split :class:`PlainText`)."""

    def __init__(
        self,
        laid: list[tuple[Run, str]],
        *,
        space_before: float = 0.0,
        space_after: float = 0.0,
        indent: float = 0.0,
        lead: Lead | None = None,
    ) -> None:
        super().__init__([], space_before=space_before, space_after=space_after, indent=indent, lead=lead)
        self._fixed = laid

    def _layout(self, width: float) -> list[tuple[Run, str]]:
        return self._fixed


def _draw_lines(
    canvas: Any, laid: list[tuple[Run, str]], height: float, width: float, indent: float, first_indent: float
) -> None:
    """All the lines in one text object, ``indent`` in (the first ``first_indent``), placed afresh only where the
    run (font, size, leading) or the indent changes or a line is laid out word by word (another script, or right
    to left: right-aligned in ``width``).
    """
    if not laid:
        return  # an empty text object would still name the canvas's default font (Helvetica) in the file
    text = canvas.beginText()
    top = height
    current: Run | None = None
    directions: dict[int, Direction] = {}
    placed = False
    for number, (run, line) in enumerate(laid):
        offset = indent if number else first_indent
        if number == 1 and first_indent != indent:
            placed = False
        if current is not run:
            text.setFont(run.font, run.size, run.leading)
            text.setFillColor(_colour(run.colour))
            current, placed = run, False
        direction = directions.get(id(run))
        if direction is None:
            direction = directions[id(run)] = run.direction or base_direction(run.text)
        baseline = top - run.leading + _baseline(run)
        if line.isascii() and direction is Direction.LEFT_TO_RIGHT:
            if not placed:
                text.setTextOrigin(offset, baseline)
                placed = True
            text.textLine(line)
        else:
            segments, wide = visual_line(line, run.font, run.size, direction)
            right_aligned = direction is Direction.RIGHT_TO_LEFT
            text.setTextOrigin(offset + (max(0.0, width - offset - wide) if right_aligned else 0.0), baseline)
            for font, part in segments:
                text.setFont(font, run.size, run.leading)
                text.textOut(part)
            text.setFont(run.font, run.size, run.leading)
            placed = False
        top -= run.leading
    canvas.drawText(text)


def _colour(value: Any) -> Any:
    """A reportlab colour for ``value``; a colour given as text (our styles' "#1A1A1A") is parsed once, not at each
    of the thousands of cells and cards that use it (reportlab parses text afresh on every call).
    """
    return _parsed_colour(value) if isinstance(value, str) else value


@cache
def _parsed_colour(text: str) -> Any:
    return colors.toColor(text)


def _baseline(run: Run) -> float:
    """Where a line's baseline sits above the foot of its line box: where a Paragraph puts it, so that plain text
    and Paragraphs side by side in a table share their baselines.
    """
    return run.leading - run.size


def plain(
    text: str,
    style: Any,
    *,
    space_before: float | None = None,
    space_after: float | None = None,
    direction: Direction | None = None,
    indent: float = 0.0,
    lead: Lead | None = None,
) -> PlainText:
    """``text`` as :class:`PlainText` in the font, size, leading and colour of a ParagraphStyle, kept with what
    follows where the style says so (a heading).
    """
    run = Run(text, style.fontName, style.fontSize, style.leading, style.textColor, direction)
    flowable = PlainText(
        [run],
        space_before=style.spaceBefore if space_before is None else space_before,
        space_after=style.spaceAfter if space_after is None else space_after,
        indent=indent,
        lead=lead,
    )
    flowable.style_name = style.name
    if getattr(style, "keepWithNext", 0):
        flowable.keepWithNext = 1
    return flowable

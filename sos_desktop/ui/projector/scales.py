"""The projector's picture of one scale: the question, a 0 to 10 line with its anchors, and everyone's mark on it.

Each rater's name sits in a chip above the line, joined to their dot by a stem in their colour; chips that would
overlap go up a row, so raters who gave the same number stand one above the other on one stem. The spread is a
band from the lowest to the highest number, the median a bar across the line, and both are written out. In a
private round the room sees the question and who has rated, and no number at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont

from sos_desktop.models.scaling import Spread, number_text
from sos_desktop.ui.projector.chart_shapes import AreaShape, BoxShape, DiscShape, LineShape
from sos_desktop.ui.projector.frame import ContentFrame
from sos_desktop.ui.projector.scale_content import Mark, ScaleContent
from sos_desktop.ui.projector.scene import Scene, Shape
from sos_desktop.ui.projector.text import LaidText, TextCache
from sos_desktop.ui.projector.themes import Theme

NO_SCALES = "This meeting has no scales yet."
NO_RATINGS = "No ratings yet"
PRIVATE = "Private round — numbers will be revealed together"
STILL_TO_RATE = "Still to rate"
EVERYONE_RATED = "Everyone has rated: ready to reveal"
LINE_PAD = 64
"""Reference pixels from the screen's margin to each end of the line, so that "0", "10" and end marks fit."""
NUMBERS_BELOW = 56
"""Reference pixels from the line down to its numbers, with the median's pointer between."""
FITS = ((1, 32), (1, 30), (1, 28), (2, 30), (2, 28), (3, 28), (3, 24), (4, 20))
"""How many raters of one number may stand side by side, and the type of their names, in the order tried: the
first at which every row of chips fits.
"""


def mark_x(value: float, left: float, right: float) -> float:
    """Where ``value`` (0 to 10) sits on a line from ``left`` to ``right``: 4.5 halfway between 4 and 5."""
    return left + (right - left) * max(0.0, min(10.0, value)) / 10


def spread_text(found: Spread) -> str:
    low, middle, high = (number_text(value) for value in (found.lowest, found.median, found.highest))
    return f"Lowest {low} · Median {middle} · Highest {high}"


def stack_rows(spans: Sequence[tuple[float, float]], gap: float) -> list[int]:
    """A row for each span, in order: the lowest row where it keeps ``gap`` from every span already there."""
    rows: list[list[tuple[float, float]]] = []
    found = []
    for start, end in spans:
        for index, taken in enumerate(rows):
            if all(end + gap <= a or start >= b + gap for a, b in taken):
                taken.append((start, end))
                found.append(index)
                break
        else:
            rows.append([(start, end)])
            found.append(len(rows) - 1)
    return found


@dataclass(frozen=True)
class _Chip:
    """A rater's chip: its left, the x of its number (where its stem meets the line), its row, and whether others
    gave the same number (their stem is shared, so not in one rater's colour).
    """

    mark: Mark
    laid: LaidText
    x: float
    centre: float
    row: int
    tied: bool


class ScalesLayout(ContentFrame[ScaleContent]):
    """Builds the ``Scene`` of one scale at one size, theme and zoom (``empty``: what it says with no scale)."""

    def __init__(
        self,
        content: ScaleContent | None,
        theme: Theme,
        width: float,
        height: float,
        zoom: float,
        cache: TextCache,
        empty: str = NO_SCALES,
    ) -> None:
        super().__init__(content, theme, width, height, zoom, cache)
        self.empty = empty
        u = self.u
        self.left = self.margin + LINE_PAD * u
        self.right = width - self.margin - LINE_PAD * u
        self.stem = round(64 * u)
        self.row_gap = round(10 * u)
        self.dot = round(19 * u)

    def draw(self, content: ScaleContent, scene: Scene) -> None:
        top = self.header(content.title, content.question, scene.shapes)
        if content.private:
            self._private(content, top, scene.shapes)
        else:
            self._revealed(content, top, scene.shapes)

    # A private round ---------------------------------------------------------------------------------------------

    def _private(self, content: ScaleContent, top: float, shapes: list[Shape]) -> None:
        """The caption, then who has rated and who has still to, each a run of name chips; centred below ``top``."""
        theme, width, gap = self.theme, self.width - 2 * self.margin, round(20 * self.u)
        caption = self.lay(PRIVATE, 44, width, 2, QFont.Weight.Bold)
        rated = self.lay(f"Rated so far ({len(content.rated)} of {content.total})", 32, width, 1, QFont.Weight.Bold)
        waiting = self.lay(STILL_TO_RATE if content.waiting else EVERYONE_RATED, 32, width, 1, QFont.Weight.Bold)
        done = self._flow([(rater.name, theme.rater(rater.colour)) for rater in content.rated])
        left = self._flow([(name, None) for name in content.waiting])
        parts = [
            caption.height,
            3 * gap,
            rated.height,
            gap,
            self._run_height(done),
            3 * gap,
            waiting.height,
            gap,
            self._run_height(left),
        ]
        y = top + max(0.0, (self.height - self.margin - top - sum(parts)) * 0.35)
        y = self.put(shapes, caption, self.margin, y, theme.focus_text) + 3 * gap
        y = self.put(shapes, rated, self.margin, y, theme.text) + gap
        for x, dy, laid, colour in done:
            shapes.extend(self._chip(x, y + dy, laid, colour))
        y += self._run_height(done) + (3 * gap if done else 0)
        y = self.put(shapes, waiting, self.margin, y, theme.muted_text) + gap
        for x, dy, laid, colour in left:
            shapes.extend(self._chip(x, y + dy, laid, colour))

    # Name chips --------------------------------------------------------------------------------------------------

    def _chip_size(self, laid: LaidText, dot: bool) -> tuple[float, float]:
        """A chip's width and height: padding, the rater's coloured dot and the gap after it, and the name."""
        u = self.u
        return laid.width + round(28 * u) + (round(28 * u) if dot else 0), laid.height + round(14 * u)

    def _chip(self, x: float, y: float, laid: LaidText, colour: QColor | None) -> list[Shape]:
        """A rater's chip: their colour round it and in its dot; a plain one, with no dot, for someone yet to rate."""
        u, theme = self.u, self.theme
        width, height = self._chip_size(laid, colour is not None)
        rect = QRectF(x, y, width, height)
        border = colour if colour is not None else theme.card_border
        shapes: list[Shape] = [BoxShape(rect, theme.card_fill, height / 2, border, max(2.0, 3 * u))]
        text_x = x + round(14 * u)
        if colour is not None:
            shapes.append(DiscShape(QPointF(text_x + 9 * u, rect.center().y()), 9 * u, (colour,), colour, 1.0))
            text_x += round(28 * u)
        text = theme.text if colour is not None else theme.muted_text
        self.put(shapes, laid, text_x, rect.center().y() - laid.height / 2, text)
        return shapes

    def _run_height(self, chips: list[tuple[float, float, LaidText, QColor | None]]) -> float:
        """How far the last row of a run of chips reaches below the run's top."""
        return max((dy + self._chip_size(laid, True)[1] for _, dy, laid, _ in chips), default=0.0)

    def _flow(self, people: list[tuple[str, QColor | None]]) -> list[tuple[float, float, LaidText, QColor | None]]:
        """Name chips side by side from the margin, on as many rows as they need: (x, y from the top, name, colour)."""
        gap = round(16 * self.u)
        chips = []
        x, y = float(self.margin), 0.0
        for name, colour in people:
            laid = self.lay(name, 36, self.width / 2, 1, QFont.Weight.DemiBold)
            width, height = self._chip_size(laid, colour is not None)
            if x > self.margin and x + width > self.width - self.margin:
                x, y = float(self.margin), y + height + gap
            chips.append((x, y, laid, colour))
            x += width + gap
        return chips

    # The line and the marks --------------------------------------------------------------------------------------

    def _chips(self, marks: tuple[Mark, ...], across: int, px: int) -> list[_Chip]:
        """Each rater's chip, over its number; raters who gave the same number stand ``across`` to a row."""
        gap = round(12 * self.u)
        groups: dict[float, list[Mark]] = {}
        for mark in sorted(marks, key=lambda mark: mark.value):  # stable: for a tie, the order people rated in
            groups.setdefault(mark.value, []).append(mark)
        units: list[tuple[float, list[tuple[Mark, LaidText, float]]]] = []
        for value, group in groups.items():
            for first in range(0, len(group), across):
                laid = [self.lay(mark.name, px, 420 * self.u, 1, QFont.Weight.DemiBold) for mark in group]
                members = [(mark, text, self._chip_size(text, True)[0]) for mark, text in zip(group, laid, strict=True)]
                units.append((mark_x(value, self.left, self.right), members[first : first + across]))
        spans = []
        for centre, members in units:
            width = sum(member[2] for member in members) + gap * (len(members) - 1)
            start = max(self.margin, min(self.width - self.margin - width, centre - width / 2))
            spans.append((start, start + width))
        chips = []
        for (centre, members), (x, _), row in zip(units, spans, stack_rows(spans, gap), strict=True):
            for mark, text, width in members:
                chips.append(_Chip(mark, text, x, centre, row, len(groups[mark.value]) > 1))
                x += width + gap
        return chips

    def _anchors(self, content: ScaleContent) -> tuple[LaidText | None, LaidText | None]:
        width = 0.44 * (self.width - 2 * self.margin)
        zero = self.lay(content.zero_means, 34, width, 3) if content.zero_means else None
        ten = self.lay(content.ten_means, 34, width, 3) if content.ten_means else None
        return zero, ten

    def _revealed(self, content: ScaleContent, top: float, shapes: list[Shape]) -> None:
        """The spread written out, the chips, the line with its numbers, and the anchors under its two ends."""
        u, theme = self.u, self.theme
        zero, ten = self._anchors(content)
        numbers = self.lay("10", 40, 200 * u, 1, QFont.Weight.Bold)
        below = (
            round(NUMBERS_BELOW * u) + numbers.height + round(22 * u) + max(a.height if a else 0.0 for a in (zero, ten))
        )
        summary = (
            self.lay(spread_text(content.spread), 40, self.width, 1, QFont.Weight.Bold) if content.spread else None
        )
        room = self.height - self.margin - top
        chips: list[_Chip] = []
        for across, px in FITS:
            chips = self._chips(content.marks, across, px)
            if self._above(chips, summary) + below <= room:
                break
        empty = self.lay(NO_RATINGS, 34, self.width) if not chips else None
        above = self._above(chips, summary) + (empty.height if empty is not None else 0.0)
        line_y = top + max(0.0, (room - above - below) * 0.4) + above
        if summary is not None:
            x = (self.width - summary.width) / 2
            self.put(shapes, summary, x, line_y - above, theme.text)
        if empty is not None:
            self.put(shapes, empty, (self.width - empty.width) / 2, line_y - above, theme.muted_text)
        self._place_chips(chips, line_y, shapes)
        self._line(content, line_y, shapes)
        self._place_marks(chips, line_y, shapes)
        y = line_y + round(NUMBERS_BELOW * u)
        for value in range(11):
            laid = self.lay(str(value), 40, 200 * u, 1, QFont.Weight.Bold)
            self.put(shapes, laid, mark_x(value, self.left, self.right) - laid.width / 2, y, theme.text)
        y += numbers.height + round(22 * u)
        if zero is not None:
            self.put(shapes, zero, self.margin, y, theme.text)
        if ten is not None:
            self.put(shapes, ten, self.width - self.margin - ten.width, y, theme.text)

    def _row_height(self, chips: list[_Chip]) -> float:
        return max(self._chip_size(chip.laid, True)[1] for chip in chips)

    def _above(self, chips: list[_Chip], summary: LaidText | None) -> float:
        """From the top of what stands above the line down to the line."""
        rows = 1 + max((chip.row for chip in chips), default=0)
        height = rows * self._row_height(chips) + (rows - 1) * self.row_gap if chips else 0.0
        return height + self.stem + (summary.height + round(30 * self.u) if summary is not None else 0.0)

    def _place_chips(self, chips: list[_Chip], line_y: float, shapes: list[Shape]) -> None:
        if not chips:
            return
        row_height = self._row_height(chips)
        tops = [line_y - self.stem - chip.row * (row_height + self.row_gap) - row_height for chip in chips]
        for chip, top in zip(chips, tops, strict=True):
            ends = (QPointF(chip.centre, top + row_height), QPointF(chip.centre, line_y))
            colour = self.theme.muted_text if chip.tied else self.theme.rater(chip.mark.colour)
            shapes.append(LineShape(ends, colour, 4 * self.u))
        for chip, top in zip(chips, tops, strict=True):  # after every stem: a stem runs behind lower rows' chips
            shapes.extend(self._chip(chip.x, top, chip.laid, self.theme.rater(chip.mark.colour)))

    def _line(self, content: ScaleContent, line_y: float, shapes: list[Shape]) -> None:
        u, theme = self.u, self.theme
        found = content.spread
        if found is not None:
            low, high = mark_x(found.lowest, self.left, self.right), mark_x(found.highest, self.left, self.right)
            band = QRectF(low - self.dot, line_y - 20 * u, high - low + 2 * self.dot, 40 * u)
            shapes.append(BoxShape(band, theme.spread_band, 20 * u))
        ends = (QPointF(self.left, line_y), QPointF(self.right, line_y))
        shapes.append(LineShape(ends, theme.text, max(4.0, 10 * u)))
        for value in range(11):
            x = mark_x(value, self.left, self.right)
            shapes.append(LineShape((QPointF(x, line_y - 18 * u), QPointF(x, line_y + 18 * u)), theme.text, 5 * u))
        if found is not None:  # a pointer under the line, where no mark can hide it
            x = mark_x(found.median, self.left, self.right)
            tip, base = line_y + self.dot + 4 * u, line_y + NUMBERS_BELOW * u - 6 * u
            corners = (QPointF(x, tip), QPointF(x + 24 * u, base), QPointF(x - 24 * u, base))
            shapes.append(AreaShape(corners, theme.median))

    def _place_marks(self, chips: list[_Chip], line_y: float, shapes: list[Shape]) -> None:
        by_value: dict[float, list[_Chip]] = {}
        for chip in chips:
            by_value.setdefault(chip.mark.value, []).append(chip)
        for value, same in by_value.items():
            centre = QPointF(mark_x(value, self.left, self.right), line_y)
            colours = tuple(self.theme.rater(chip.mark.colour) for chip in same)
            shapes.append(DiscShape(centre, self.dot, colours, self.theme.background, max(2.0, 4 * self.u)))

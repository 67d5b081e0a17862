"""The projector's picture of the case chronology: a timeline running down the wall, oldest at the top.

Each event's date stands in bold to the left of the line, a dot marks it on the line, and what happened (three lines
at most) and its source are to the right. The type is as large as fits, down to a floor readable from the back of
the room; past the floor the latest events that fit are shown, under a line saying how many earlier ones are not.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont

from sos_desktop.ui.projector.chart_shapes import DiscShape, LineShape
from sos_desktop.ui.projector.chronology_content import (
    HEADING,
    NO_EVENTS,
    SUB,
    ChronologyContent,
    EventLine,
    earlier_line,
)
from sos_desktop.ui.projector.over_time import Block, OverTimeFrame, Piece
from sos_desktop.ui.projector.scene import Scene, Shape

EVENT_PX = (40, 36, 33, 30, 28)
"""The events' type in reference pixels, largest first: the first at which every event fits."""
DATE_SHARE = 0.3
"""The most of the width the dates take; a longer date wraps."""


class ChronologyLayout(OverTimeFrame[ChronologyContent]):
    """Builds the ``Scene`` of the chronology at one size, theme and zoom."""

    def draw(self, content: ChronologyContent, scene: Scene) -> None:
        top = self.heading_block(content.title, HEADING, SUB if content.events else "", scene.shapes)
        if not content.events:
            self.message(scene, NO_EVENTS, top)
            return
        room = max(0.0, self.height - self.margin - top)
        px, first = self._fitted(content, room)
        scene.card_pixel_size, scene.hidden_cards = self.style(px).pixel_size, first
        self._place(content, px, first, top, scene.shapes)

    # Measuring ---------------------------------------------------------------------------------------------------

    def _columns(self, content: ChronologyContent, px: int) -> tuple[float, float, float]:
        """The dates' width, the line's x and the events' left edge at ``px``."""
        full = self.width - 2 * self.margin
        widest = max(self.lay(event.when, px, full, 1, QFont.Weight.Bold).width for event in content.events)
        dates = min(math.ceil(widest) + 2, full * DATE_SHARE)  # the laid width is rounded down: no wrap
        line = self.margin + dates + round(0.9 * px * self.type)
        return dates, line, line + round(0.9 * px * self.type)

    def _event(self, event: EventLine, px: int, dates: float, left: float) -> Block:
        """One event: its date (right-aligned to the line), what happened and its source."""
        theme = self.theme
        width = self.width - self.margin - left
        when = self.lay(event.when, px, dates, 2, QFont.Weight.Bold)
        what = self.lay(event.what, px, width, 3)
        pieces = [
            Piece(when, dates - when.width, 0.0, theme.text),
            Piece(what, left - self.margin, 0.0, theme.text),
        ]
        height = max(when.height, what.height)
        if event.source:
            source = self.lay(event.source_line, px * 0.82, width, 1)
            gap = round(0.12 * px * self.type)
            pieces.append(Piece(source, left - self.margin, what.height + gap, theme.muted_text))
            height = max(height, what.height + gap + source.height)
        return Block(height, tuple(pieces))

    def _gap(self, px: int) -> float:
        return round(0.75 * px * self.type)

    def _heights(self, content: ChronologyContent, px: int) -> list[float]:
        dates, _, left = self._columns(content, px)
        return [self._event(event, px, dates, left).height for event in content.events]

    def _fitted(self, content: ChronologyContent, room: float) -> tuple[int, int]:
        """The type size, and how many of the earliest events are left out (the latest that fit are shown)."""
        for px in EVENT_PX:
            used, fits = 0.0, True
            dates, _, left = self._columns(content, px)
            for event in reversed(content.events):  # the latest first: it stops as soon as they do not fit
                used += self._event(event, px, dates, left).height + self._gap(px)
                if used - self._gap(px) > room:
                    fits = False
                    break
            if fits:
                return px, 0
        px = EVENT_PX[-1]
        heights = self._heights(content, px)
        note = self.note_line(earlier_line(len(heights)), 28, self.width).height + self._gap(px)
        used, first = note, len(heights)
        while first > 0 and used + heights[first - 1] <= room:
            used += heights[first - 1] + self._gap(px)
            first -= 1
        return px, first

    # Placing -----------------------------------------------------------------------------------------------------

    def _place(self, content: ChronologyContent, px: int, first: int, top: float, shapes: list[Shape]) -> None:
        theme, gap = self.theme, self._gap(px)
        dates, line_x, left = self._columns(content, px)
        y = top
        if first:
            note = self.note_line(earlier_line(first), 28, self.width - self.margin - left)
            y = self.put_block(note, left, y, shapes) + gap
        first_line = self.lay("Ag", px, self.width).height
        radius = max(4.0, 0.3 * px * self.type)
        dots: list[QPointF] = []
        texts: list[Shape] = []
        for event in content.events[first:]:
            block = self._event(event, px, dates, left)
            dots.append(QPointF(line_x, y + first_line / 2))
            y = self.put_block(block, self.margin, y, texts) + gap
        # The line from above the first dot (from the top when earlier events are left out) to the last dot.
        start = QPointF(line_x, top if first else dots[0].y())
        shapes.append(LineShape((start, dots[-1]), theme.muted_text, max(3.0, 5 * self.u)))
        for dot in dots:
            shapes.append(DiscShape(dot, radius, (theme.median,), theme.background, max(2.0, 4 * self.u)))
        shapes.extend(texts)

"""The map's three columns as one flowable: each column runs down the page on its own and carries on, with its
header repeated, on the next.

A table would line the columns up row by row, leaving holes wherever one card is longer than its neighbours, and
would measure every card again at each page break. Here each card is measured once (and a card split across a page
only once more), and a category heading is never left alone at the foot of a column. A column that carries on in
the middle of a category starts the next page with that category's heading, marked as continued: each card names
its category in a ``map_category`` attribute.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib import colors
from reportlab.platypus import Flowable

PAD = 6.0
"""Room inside each column, left, right, above and below."""
MIN_ROOM = 48.0
"""Below this much room for cards, the columns start on the next page instead."""


class MapColumns(Flowable):
    """``columns`` of flowables side by side under headers made by ``header(i)`` on ``shades``, ruled apart."""

    def __init__(
        self,
        header: Callable[[int], Flowable],
        columns: Sequence[Sequence[Flowable]],
        shades: Sequence[str],
        rule: str,
        *,
        continued: Callable[[str], Flowable] | None = None,
        measured: dict[tuple[int, float], tuple[Flowable, float]] | None = None,
    ) -> None:
        super().__init__()
        self._header = header
        self._columns = [list(column) for column in columns]
        self._shades = shades
        self._rule = rule
        self._continued = continued
        # Keyed by the flowable's id and the width, holding the flowable too so that its id cannot be reused.
        self._heights: dict[tuple[int, float], tuple[Flowable, float]] = measured if measured is not None else {}
        self._headers: list[Flowable] = []
        self._header_height = 0.0
        self._width = 0.0
        self.height = 0.0

    def _inner(self) -> float:
        return self._width / len(self._columns) - 2 * PAD

    def _measure(self, flowable: Flowable) -> float:
        key = (id(flowable), self._inner())
        if key not in self._heights:
            self._heights[key] = (flowable, flowable.wrap(self._inner(), 1e6)[1])
        return self._heights[key][1]

    def _column_height(self, column: Sequence[Flowable]) -> float:
        total = 0.0
        for index, flowable in enumerate(column):
            total += (flowable.getSpaceBefore() if index else 0.0) + self._measure(flowable)
            total += flowable.getSpaceAfter() if index < len(column) - 1 else 0.0
        return total

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        if availWidth != self._width:
            self._width = availWidth
            self._headers = [self._header(i) for i in range(len(self._columns))]
            self._header_height = max(h.wrap(self._inner(), 1e6)[1] for h in self._headers) + 2 * PAD
        body = max((self._column_height(column) for column in self._columns), default=0.0)
        self.height = self._header_height + body + 2 * PAD
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        if self.height <= availHeight:
            return [self]
        room = availHeight - self._header_height - 2 * PAD
        if room < MIN_ROOM:
            return []
        firsts, rests = [], []
        for column in self._columns:
            taken, rest = self._fill(column, room)
            category = getattr(rest[0], "map_category", "") if rest else ""
            if category and self._continued is not None and not rest[0].getKeepWithNext():
                rest.insert(0, self._continued(category))
            firsts.append(taken)
            rests.append(rest)
        if not any(firsts):
            return []
        return [self._part(firsts), self._part(rests)]

    def _part(self, columns: list[list[Flowable]]) -> MapColumns:
        return MapColumns(
            self._header, columns, self._shades, self._rule, continued=self._continued, measured=self._heights
        )

    def _fill(self, column: list[Flowable], room: float) -> tuple[list[Flowable], list[Flowable]]:
        """What of ``column`` fits in ``room`` (a card split at the foot if it can be) and what is left over."""
        used = 0.0
        for index, flowable in enumerate(column):
            before = flowable.getSpaceBefore() if index else 0.0
            height = self._measure(flowable)
            if used + before + height <= room:
                used += before + height + flowable.getSpaceAfter()
                continue
            left = room - used - before
            parts = flowable.split(self._inner(), left) if left > 24 else []
            if len(parts) == 2:
                parts[1].map_category = getattr(flowable, "map_category", "")
                taken, rest = [*column[:index], parts[0]], [parts[1], *column[index + 1 :]]
            else:
                taken, rest = column[:index], column[index:]
            while taken and taken[-1].getKeepWithNext():
                rest.insert(0, taken.pop())  # a category heading goes over with its first card
            return taken, rest
        return column, []

    def draw(self) -> None:
        canvas = self.canv
        count = len(self._columns)
        width = self._width / count
        top = self.height
        for index, header in enumerate(self._headers):
            canvas.setFillColor(colors.HexColor(self._shades[index % len(self._shades)]))
            canvas.rect(index * width, top - self._header_height, width, self._header_height, stroke=0, fill=1)
            header.drawOn(canvas, index * width + PAD, top - PAD - header.height)
        for index, column in enumerate(self._columns):
            y = top - self._header_height - PAD
            for position, flowable in enumerate(column):
                y -= flowable.getSpaceBefore() if position else 0.0
                height = self._measure(flowable)
                flowable.drawOn(canvas, index * width + PAD, y - height)
                y -= height + flowable.getSpaceAfter()
        canvas.setStrokeColor(colors.HexColor(self._rule))
        canvas.setLineWidth(0.6)
        for index in range(1, count):
            canvas.line(index * width, 0, index * width, top)
        canvas.line(0, 0, self._width, 0)

"""Keeping the minutes' pages whole: no heading left at the foot of a page, no section's last line or table row
alone at the top of the next, no last page holding a heading and a line.

The story hands over its parts as *blocks* (a heading with what it heads). ``kept`` keeps each short block on one
page, and the last blocks of a run together, so that the run never ends with a stray line on a page of its own; a
long block flows over pages, its heading kept with its first lines. :class:`Grid` is the house table with the same
care at a page break: it leaves at least two rows of its body on each side, or moves whole to the next page.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Table

from sos_desktop.exporters.minutes.styles import FRAME_WIDTH, MARGIN_BOTTOM, MARGIN_TOP, PAGE_HEIGHT

LINE = 13.5
"""A line of body text, in points."""
SHORT = 12 * LINE
"""A block no taller than about twelve lines is never split over two pages."""
TAIL = 8 * LINE
"""The last blocks of a run are kept together until they make this much reading (if they are short)."""
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
LEAST_ROWS = 2
"""Rows of a table's body left on either side of a page break."""

Block = Sequence[Flowable]


def height(flowables: Sequence[Flowable], width: float = FRAME_WIDTH) -> float:
    """How tall ``flowables`` stand one under another at ``width`` (with the space between them)."""
    total = 0.0
    for index, flowable in enumerate(flowables):
        inner = getattr(flowable, "_content", None)  # a KeepTogether: measure what it keeps
        total += height(inner, width) if inner is not None else flowable.wrap(width, FRAME_HEIGHT)[1]
        total += flowable.getSpaceBefore() if index else 0.0
        total += flowable.getSpaceAfter() if index < len(flowables) - 1 else 0.0
    return total


def kept(blocks: Sequence[Block]) -> list[Flowable]:
    """``blocks`` in order, each short one kept on one page and the short last ones kept together (see ``TAIL``)."""
    blocks = [list(block) for block in blocks if block]
    heights = [height(block) for block in blocks]
    tail: list[Flowable] = []
    tail_height = 0.0
    while blocks and tail_height < TAIL and tail_height + heights[-1] <= SHORT:
        tail = [*blocks.pop(), *tail]
        tail_height += heights.pop()
    story: list[Flowable] = []
    for block, tall in zip(blocks, heights, strict=True):
        story += [KeepTogether(_opened(block))] if tall <= SHORT else block
    if tail:
        story.append(KeepTogether(_opened(tail)))
    return story


def _opened(flowables: Sequence[Flowable]) -> list[Flowable]:
    """``flowables`` with any KeepTogether among them opened up: kept inside another, one would stand as tall as
    reportlab's "too tall, split me" (a KeepTogether measures itself so), and always be put on a page of its own.
    """
    found: list[Flowable] = []
    for flowable in flowables:
        inner = flowable._content if isinstance(flowable, KeepTogether) else None
        found += _opened(inner) if inner is not None else [flowable]
    return found


def keep_with_next(flowable: Flowable) -> Flowable:
    """``flowable``, marked to go over a page break with whatever follows it (a line that introduces a table)."""
    flowable.keepWithNext = 1
    return flowable


def opening(lead: Sequence[Flowable], table: Table) -> list[Flowable]:
    """``lead`` (a heading and the line introducing the table), then ``table``: here when the lead, the table's
    header and ``LEAST_ROWS`` of its rows fit in the room left on the page, else all on the next page.

    Kept with the table by reportlab's keep-with-next instead, a heading over a table taller than the room left
    would always go to the next page, leaving the rest of this one empty.
    """
    lead = list(lead)
    if lead:
        lead[-1].keepWithNext = 0
    table.wrap(FRAME_WIDTH, FRAME_HEIGHT)
    header = table.repeatRows if isinstance(table.repeatRows, int) else len(table.repeatRows)
    start = sum(table._rowHeights[: header + LEAST_ROWS])
    needed = height(lead) + (lead[-1].getSpaceAfter() if lead else 0.0) + start
    return [CondPageBreak(needed), *lead, table]


class Grid(Table):
    """A table split over pages only where at least ``LEAST_ROWS`` rows of its body stand on each side."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab's names
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        header = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        first = len(parts[0]._cellvalues) - header
        rest = len(parts[1]._cellvalues) - header
        if rest < LEAST_ROWS and first > LEAST_ROWS:
            # One row fewer on this page, so that the next does not start with a stray row.
            return super().split(availWidth, sum(self._rowHeights[: header + first - 1]) + 0.01)  # type: ignore[no-any-return]
        if (rest < LEAST_ROWS or first < LEAST_ROWS) and availHeight < FRAME_HEIGHT / 2:
            return []  # too little of it fits here: the whole table starts on the next page
        return parts

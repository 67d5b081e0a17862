"""The cards of the wall's "What changed since last time": each category of the map with its cards new, changed and
dropped, flowed down one column or two.

Each card is a strong tag (New, Changed, Dropped) and its words; a changed card says below what it said before, or
where it was. The arrangement is the first, in order, at which every card fits: one column at each type size from
the largest down, then two columns (the cards then take more of the wall's width); past the floor, two columns
with each card at most two lines and each category showing the cards there is room for, one more each in turn,
and "+ N more". A category's
heading never stands alone at the foot of a column.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtGui import QFont

from sos_desktop.models import Category
from sos_desktop.models.changes import CHANGE_LABELS, CardChangeKind
from sos_desktop.ui.projector.changes_content import CardLine, CategoryLines, ChangesContent
from sos_desktop.ui.projector.over_time import Block, OverTimeFrame, Piece, change_colour
from sos_desktop.ui.projector.scene import Shape

CARD_PX = (40, 36, 33, 30, 28)
"""The cards' type in reference pixels, largest first; the last is the floor."""
CARD_LINES, SHORT_LINES = 5, 2
"""The most lines a card's words take here, and past the floor (so that more cards are seen); a longer card ends
with "…" (the map has it all)."""
MEASURE_EMS = 16
"""A column of cards is at least this many type sizes wide, so that its lines are not a word or two (a 4:3 wall
keeps to one column)."""
TAG_SHARE = 0.82
"""A tag's word, and a changed card's note, against the card's words."""


def more_line(count: int) -> str:
    return f"+ {count} more"


@dataclass(frozen=True)
class Flowed:
    """Blocks placed in columns: each column's blocks with their top below the area's top."""

    columns: tuple[tuple[tuple[Block, float], ...], ...]


@dataclass(frozen=True)
class CardsPlan:
    """The arrangement chosen: type size, how many columns, each column's width, the cards shown per category."""

    px: int
    columns: int
    width: float
    shown: tuple[int, ...]
    flowed: Flowed


Entry = tuple[Block, float, bool, bool]
"""A block, the gap above it (unless it heads a column), whether it keeps with the next (a heading) and whether with
the one before (a "+ N more", never at the head of a column, away from its category)."""


class ChangedCards(OverTimeFrame[ChangesContent]):
    """The cards' part of the changes view (a base of ``ChangesLayout``)."""

    def column_gap(self) -> float:
        return round(36 * self.u)

    def _label(self, category: CategoryLines, px: int, width: float) -> Block:
        colour = self.theme.muted_text if category.category is Category.GREY else self.theme.accent(category.column)
        laid = self.lay(category.label, px, width, 1, QFont.Weight.Bold)
        return Block(laid.height + round(0.25 * px * self.type), (Piece(laid, 0.0, 0.0, colour),))

    def _tag_width(self, px: int) -> float:
        return max(self.tag_size(self.tag_text(label, px * TAG_SHARE))[0] for label in CHANGE_LABELS.values())

    def _row(self, line: CardLine, px: int, width: float, lines: int) -> Block:
        """A card: its tag, its words (``lines`` at most) and, for a changed card, what it was (a line or two)."""
        theme, tag_width = self.theme, self._tag_width(px)
        inset = tag_width + round(0.6 * px * self.type)
        tag = self.tag_text(line.tag, px * TAG_SHARE)
        text = self.lay(line.text, px, width - inset, lines)
        colour = theme.muted_text if line.kind is CardChangeKind.DROPPED else theme.text
        pieces = [
            Piece(tag, 0.0, 0.0, change_colour(theme, line.kind), True, tag_width),
            Piece(text, inset, 0.0, colour),
        ]
        height = max(self.tag_size(tag)[1], text.height)
        if line.note:
            gap = round(0.1 * px * self.type)
            note = self.lay(line.note, px * TAG_SHARE, width - inset, min(2, lines - 1))
            pieces.append(Piece(note, inset, text.height + gap, theme.muted_text))
            height = max(height, text.height + gap + note.height)
        return Block(height, tuple(pieces))

    def _gaps(self, px: int) -> tuple[float, float]:
        """Between two cards, and above a category's heading."""
        return round(0.4 * px * self.type), round(0.8 * px * self.type)

    def _entries(
        self, content: ChangesContent, px: int, width: float, shown: tuple[int, ...], lines: int = CARD_LINES
    ) -> Iterator[Entry]:
        """The headings, cards and "+ N more" lines, laid out as they are asked for (a flow that no longer fits
        stops asking: 300 changed cards are not all laid out at every size).
        """
        row_gap, group_gap = self._gaps(px)
        for group, count in zip(content.categories, shown, strict=True):
            yield self._label(group, px, width), group_gap, True, False
            for line in group.lines[:count]:
                yield self._row(line, px, width, lines), row_gap, False, False
            if count < len(group.lines):
                yield self.note_line(more_line(len(group.lines) - count), 28, width), row_gap, False, True

    @staticmethod
    def _flow(entries: Iterable[Entry], columns: int, room: float) -> Flowed | None:
        """``entries`` down ``columns`` columns of height ``room``, each filled before the next; None if they do
        not fit.
        """
        placed: list[list[tuple[Block, float]]] = [[]]
        y = 0.0
        ahead = iter(entries)
        entry = next(ahead, None)
        while entry is not None:
            block, gap, keep, stays = entry
            entry = next(ahead, None)
            following = entry[0].height if keep and entry is not None else 0.0
            above = gap if placed[-1] else 0.0
            if y + above + block.height + following > room:
                if not placed[-1] or len(placed) == columns or stays:
                    return None
                placed.append([])
                y, above = 0.0, 0.0
                if block.height + following > room:
                    return None
            placed[-1].append((block, y + above))
            y += above + block.height
        return Flowed(tuple(tuple(column) for column in placed))

    def _column_width(self, area: float, columns: int) -> float:
        return (area - self.column_gap() * (columns - 1)) / columns

    def plan_cards(self, content: ChangesContent, areas: list[tuple[int, float]], room: float) -> tuple[CardsPlan, int]:
        """The arrangement for ``areas`` (columns and the width they share, in the order to try); returns it and
        which of the areas it uses.
        """
        everything = tuple(len(group.lines) for group in content.categories)

        def wide_enough(px: int, width: float) -> bool:
            return width >= MEASURE_EMS * self.style(px).pixel_size

        for which, (columns, area) in enumerate(areas):
            width = self._column_width(area, columns)
            for px in CARD_PX:
                if not wide_enough(px, width) and which:
                    continue
                flowed = self._flow(self._entries(content, px, width, everything), columns, room)
                if flowed is not None:
                    return CardsPlan(px, columns, width, everything, flowed), which
        usable = [i for i, (n, area) in enumerate(areas) if wide_enough(CARD_PX[-1], self._column_width(area, n))]
        which = usable[-1] if usable else 0
        columns, area = areas[which]
        px, width = CARD_PX[-1], self._column_width(area, columns)
        shown = [0] * len(content.categories)
        growing = True
        while growing:  # one more card of each category in turn, while they and their "+ N more" fit
            growing = False
            for index, group in enumerate(content.categories):
                if shown[index] == len(group.lines):
                    continue
                shown[index] += 1
                if self._flow(self._entries(content, px, width, tuple(shown), SHORT_LINES), columns, room) is None:
                    shown[index] -= 1
                else:
                    growing = True
        flowed = self._flow(self._entries(content, px, width, tuple(shown), SHORT_LINES), columns, room)
        return CardsPlan(px, columns, width, tuple(shown), flowed or Flowed(((),))), which

    def place_cards(self, plan: CardsPlan, x: float, top: float, shapes: list[Shape]) -> None:
        for column in plan.flowed.columns:
            for block, y in column:
                self.put_block(block, x, top + y, shapes)
            x += plan.width + self.column_gap()

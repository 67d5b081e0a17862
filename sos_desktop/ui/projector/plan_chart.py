"""The projector's picture of the safety plan, to be read from the back of the room.

Under the title line, the heading and a line saying who has signed up (display names) and when the plan is
reviewed, the rules stand on the left as cards (the family's words, who makes sure, what happens if one is
broken) and the warning signs on the right (a "Red flag" or "Trigger" tag, the sign and what to do). The type is
as large as fits both columns, down to a floor readable from three metres; past the floor each column shows the
first that fit and "+ N more", as the review of last time's next steps does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QPen

from sos_desktop.models import Column
from sos_desktop.models.safety_plan import SignKind
from sos_desktop.ui.projector.over_time import Block, OverTimeFrame, Piece
from sos_desktop.ui.projector.plan_content import HEADING, NO_PLAN, RULES, SIGNS, PlanContent, RuleLine, SignLine
from sos_desktop.ui.projector.scene import CardShape, Scene, Shape

T = TypeVar("T")


@dataclass(frozen=True)
class More:
    """'+ 2 more rules' under the last rule shown."""

    count: int


Entry = str | RuleLine | SignLine | More
"""What flows down the columns: a heading, a rule, a warning sign or how many rules are left out."""

PLAN_PX = (40, 36, 33, 30, 28)
"""The plan's type in reference pixels, largest first: the first at which both columns fit."""
RULES_SHARE = 0.56
"""The rules' share of the width when there are warning signs beside them."""
TAG_SHARE = 0.8


def more_line(count: int, one: str, many: str) -> str:
    return f"+ {count} more {one if count == 1 else many}"


class PlanLayout(OverTimeFrame[PlanContent]):
    """Builds the ``Scene`` of the safety plan at one size, theme and zoom."""

    def draw(self, content: PlanContent, scene: Scene) -> None:
        top = self.heading_block(content.title, HEADING, "" if content.empty else content.sub, scene.shapes)
        if content.empty or not (content.rules or content.signs):
            self.message(scene, NO_PLAN if content.empty else "No rules or warning signs yet.", top)
            return
        room = max(0.0, self.height - self.margin - top)
        for px in PLAN_PX:  # first, everything flowing down two columns, rules then signs
            flowed = self._flow(content, px, room)
            if flowed is not None:
                self._place_flow(flowed, px, top, scene.shapes)
                scene.card_pixel_size, scene.hidden_cards = self.style(px).pixel_size, 0
                return
        px = PLAN_PX[-1]
        split, shown = self._split(content, px, top, room)  # rules beside signs, each column cut short
        for rules in range(len(content.rules) - 1, 0, -1):  # or the first rules flowing on, every sign shown
            flowed = self._flow(content, px, room, rules)
            if flowed is not None and (rules + len(content.signs) >= shown):
                self._place_flow(flowed, px, top, scene.shapes)
                scene.card_pixel_size = self.style(px).pixel_size
                scene.hidden_cards = len(content.rules) - rules
                return
        scene.shapes.extend(split)
        scene.card_pixel_size = self.style(px).pixel_size
        scene.hidden_cards = len(content.rules) + len(content.signs) - shown

    def _split(self, content: PlanContent, px: int, top: float, room: float) -> tuple[list[Shape], int]:
        """The rules on the left and the signs on the right at ``px``, each with '+ N more'; and how many show."""
        rules_x, rules_w, signs_x, signs_w = self._columns(content)
        shapes: list[Shape] = []
        shown = 0
        if content.rules:
            nouns = ("rule", "rules")
            shown += self._place(
                RULES, content.rules, self._rule, self._rule_strip, nouns, px, rules_x, rules_w, top, room, shapes
            )
        if content.signs:
            nouns = ("warning sign", "warning signs")
            shown += self._place(
                SIGNS, content.signs, self._sign, self._sign_strip, nouns, px, signs_x, signs_w, top, room, shapes
            )
        return shapes, shown

    # Flowing down two columns ------------------------------------------------------------------------------------

    def _flow_width(self) -> float:
        return (self.width - 2 * self.margin - round(36 * self.u)) / 2

    def _entries(self, content: PlanContent, rules: int | None = None) -> list[Entry]:
        """The headings and cards in order, the first ``rules`` rules only (then how many more) when given."""
        entries: list[Entry] = []
        if content.rules:
            shown = content.rules[:rules] if rules is not None else content.rules
            entries += [f"{RULES} ({len(content.rules)})", *shown]
            if len(shown) < len(content.rules):
                entries.append(More(len(content.rules) - len(shown)))
        if content.signs:
            entries += [f"{SIGNS} ({len(content.signs)})", *content.signs]
        return entries

    def _block(self, entry: Entry, px: int, width: float) -> Block:
        if isinstance(entry, str):
            return self._heading(entry, width)
        if isinstance(entry, RuleLine):
            return self._rule(entry, px, width)
        if isinstance(entry, More):
            return self.note_line(more_line(entry.count, "rule", "rules"), 28, width)
        return self._sign(entry, px, width)

    def _above(self, entry: Entry, first: bool) -> float:
        """The room above a heading that does not start its column."""
        return 0.0 if first or not isinstance(entry, str) else round(22 * self.u)

    def _flow(self, content: PlanContent, px: int, room: float, rules: int | None = None) -> list[list[Entry]] | None:
        """The entries of each of two columns, filling the first before the second; None if they do not fit. A
        heading stays with the card under it.
        """
        width, gap = self._flow_width(), self._gap(px)
        entries = self._entries(content, rules)
        heights = [self._block(entry, px, width).height for entry in entries]
        columns: list[list[Entry]] = [[]]
        used = 0.0
        for index, entry in enumerate(entries):
            need = heights[index] + (heights[index + 1] if isinstance(entry, str) else 0.0)
            if used + self._above(entry, not columns[-1]) + need > room and columns[-1]:
                if len(columns) == 2:
                    return None
                columns.append([])
                used = 0.0
            used += self._above(entry, not columns[-1]) + heights[index] + (0.0 if isinstance(entry, str) else gap)
            if used - gap > room:
                return None
            columns[-1].append(entry)
        return columns

    def _place_flow(self, columns: list[list[Entry]], px: int, top: float, shapes: list[Shape]) -> None:
        width, gap = self._flow_width(), self._gap(px)
        for number, entries in enumerate(columns):
            x, y = self.margin + number * (width + round(36 * self.u)), top
            for index, entry in enumerate(entries):
                y += self._above(entry, index == 0)
                block = self._block(entry, px, width)
                if isinstance(entry, str):
                    y = self.put_block(block, x, y, shapes)
                    continue
                if isinstance(entry, More):
                    y = self.put_block(block, x, y, shapes) + gap
                    continue
                strip = self._rule_strip(entry) if isinstance(entry, RuleLine) else self._sign_strip(entry)
                y = self._card_at(block, strip, x, y, width, px, shapes) + gap

    def _card_at(
        self, block: Block, strip: QColor, x: float, y: float, width: float, px: int, shapes: list[Shape]
    ) -> float:
        """A card round ``block`` with its top left at (x, y); returns its bottom."""
        theme, pad = self.theme, self._pad(px)
        rect = QRectF(x, y, width, block.height)
        stripe = QRectF(x + pad, y + pad, self._bar(), block.height - 2 * pad)
        border = QPen(theme.card_border, max(1.5, 3 * self.u))
        shapes.append(CardShape(rect, theme.card_fill, border, round(12 * self.u), stripe, strip))
        return self.put_block(block, x, y, shapes)

    # Measuring ---------------------------------------------------------------------------------------------------

    def _columns(self, content: PlanContent) -> tuple[float, float, float, float]:
        """The rules' left and width, the signs' left and width."""
        full, gap = self.width - 2 * self.margin, round(36 * self.u)
        if not content.signs:
            return self.margin, full, 0.0, 0.0
        if not content.rules:
            return 0.0, 0.0, self.margin, full
        rules = round((full - gap) * RULES_SHARE)
        return self.margin, rules, self.margin + rules + gap, full - gap - rules

    def _pad(self, px: int) -> float:
        return round(0.45 * px * self.type)

    def _bar(self) -> float:
        return max(4.0, round(9 * self.u))

    def _gap(self, px: int) -> float:
        return round(0.4 * px * self.type)

    def _texts(self, lines: Sequence[tuple[str, float, int, QColor]], px: int, width: float, y: float) -> Block:
        """Lines of text (words, share of ``px``, most lines, colour) one under another, right of the strip."""
        pad = self._pad(px)
        left = pad + self._bar() + pad
        text_width = max(1.0, width - left - pad)
        pieces: list[Piece] = []
        for index, (words, share, most, colour) in enumerate(lines):
            if not words:
                continue
            if index and pieces:
                y += round(0.15 * px * self.type)
            weight = QFont.Weight.DemiBold if index == 0 else QFont.Weight.Normal
            laid = self.lay(words, px * share, text_width, most, weight)
            pieces.append(Piece(laid, left, y, colour))
            y += laid.height
        return Block(y + pad, tuple(pieces))

    def _rule(self, rule: RuleLine, px: int, width: float) -> Block:
        theme = self.theme
        owner_colour = theme.text if rule.owners else theme.muted_text
        lines = [
            (rule.words, 1.0, 4, theme.text),
            (rule.owner_line, 0.85, 2, owner_colour),
            (rule.broken_line, 0.8, 2, theme.muted_text),
        ]
        return self._texts(lines, px, width, self._pad(px))

    def _sign(self, sign: SignLine, px: int, width: float) -> Block:
        pad = self._pad(px)
        tag = self.tag_text(sign.label, px * TAG_SHARE)
        left = pad + self._bar() + pad
        below = pad + self.tag_size(tag)[1] + round(0.2 * px * self.type)
        lines = [(sign.words, 1.0, 3, self.theme.text), (sign.response_line, 0.85, 3, self.theme.text)]
        block = self._texts(lines, px, width, below)
        return Block(block.height, (Piece(tag, left, pad, self._sign_strip(sign), True), *block.pieces))

    def _rule_strip(self, rule: RuleLine) -> QColor:
        return self.theme.accent(Column.WORKING_WELL)

    def _sign_strip(self, sign: SignLine) -> QColor:
        return self.theme.accent(Column.WORRIES if sign.kind is SignKind.RED_FLAG else Column.NEEDS_TO_HAPPEN)

    def _heading(self, words: str, width: float) -> Block:
        laid = self.lay(words, 32, width, 1, QFont.Weight.Bold)
        return Block(laid.height + round(14 * self.u), (Piece(laid, 0.0, 0.0, self.theme.text),))

    def _used(self, blocks: Sequence[Block], px: int) -> float:
        return sum(block.height for block in blocks) + self._gap(px) * max(0, len(blocks) - 1)

    # Placing -----------------------------------------------------------------------------------------------------

    def _place(
        self,
        heading: str,
        items: Sequence[T],
        card: Callable[[T, int, float], Block],
        strip: Callable[[T], QColor],
        nouns: tuple[str, str],
        px: int,
        x: float,
        width: float,
        top: float,
        room: float,
        shapes: list[Shape],
    ) -> int:
        """One column: its heading and as many cards as fit (room kept for "+ N more"); returns how many shown."""
        gap = self._gap(px)
        title = self._heading(f"{heading} ({len(items)})", width)
        y = self.put_block(title, x, top, shapes)
        bottom = top + room
        more = self.note_line(more_line(99, *nouns), 28, width)
        shown = 0
        for index, item in enumerate(items):
            block = card(item, px, width)
            reserve = more.height + gap if index < len(items) - 1 else 0.0
            if shown and y + block.height + reserve > bottom:
                break
            y = self._card_at(block, strip(item), x, y, width, px, shapes) + gap
            shown += 1
        if shown < len(items):
            self.put_block(self.note_line(more_line(len(items) - shown, *nouns), 28, width), x, y, shapes)
        return shown

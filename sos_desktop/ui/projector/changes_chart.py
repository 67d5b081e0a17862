"""The projector's picture of what changed since last time.

Under the title line, "What changed since last time" and the meeting it is compared with, a row of counts ("3 New",
"2 Changed", "1 Dropped") in the tags' colours. Below, on the left, each category of the map (by the framework's
label, in its column's colour) with its cards, each behind a strong tag: New, Changed (with what it said before, or
where it was), Dropped (its words as they were, muted). On the right, the scales' movement, the medians large
("4 → 6") with the movement in words and each person who rated both times, then who joined the safety network, who
now knows the worries and who is no longer in it, by display name.

Type is as large as fits, down to a floor readable from the back of the room; below it each category shows the
cards there is room for and "+ N more".
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont

from sos_desktop.models import Category
from sos_desktop.models.changes import CHANGE_LABELS, CardChangeKind
from sos_desktop.ui.projector.changes_content import (
    FIRST_MEETING,
    HEADING,
    NO_CARD_CHANGES,
    NOTHING_CHANGED,
    CardLine,
    CategoryLines,
    ChangesContent,
    ScaleLine,
)
from sos_desktop.ui.projector.over_time import Block, OverTimeFrame, Piece, change_colour
from sos_desktop.ui.projector.scene import RuleShape, Scene, Shape

CARD_PX = (40, 36, 33, 30, 28)
"""The cards' type in reference pixels, largest first: the first at which every changed card fits; at the last,
each category shows what fits and "+ N more"."""
CARD_LINES = 5
"""The most lines a card's words take here; a longer card ends with "…" (the map has it all)."""
SIDE_SCALES = (1.0, 0.9, 0.8)
"""The scales' and the network's type, as a share of its full size, in the order tried."""
SCALES = "Scales"
NETWORK = "Safety network"


def more_line(count: int) -> str:
    return f"+ {count} more"


class ChangesLayout(OverTimeFrame[ChangesContent]):
    """Builds the ``Scene`` of what changed since last time at one size, theme and zoom."""

    def draw(self, content: ChangesContent, scene: Scene) -> None:
        shapes = scene.shapes
        top = self.heading_block(content.title, HEADING, content.since, shapes)
        if content.first_meeting:
            self.message(scene, FIRST_MEETING, top)
            return
        if content.is_empty():
            self.message(scene, NOTHING_CHANGED, top)
            return
        top = self._counts(content, top, shapes)
        room = max(0.0, self.height - self.margin - top)
        full = self.width - 2 * self.margin
        if content.scales or content.network.rows():
            gap = round(60 * self.u)
            left = (full - gap) * 0.58
            rule = max(2.0, round(3 * self.u))
            shapes.append(
                RuleShape(QRectF(self.margin + left + (gap - rule) / 2, top, rule, room), self.theme.gridline)
            )
            scene.hidden_cards = self._side(content, self.margin + left + gap, top, full - left - gap, room, shapes)
        else:
            left = full
        px, hidden = self._cards(content, self.margin, top, left, room, shapes)
        scene.card_pixel_size, scene.hidden_cards = px, scene.hidden_cards + hidden

    def _counts(self, content: ChangesContent, top: float, shapes: list[Shape]) -> float:
        """The count of each kind of change as a tag ("3 New"); returns the bottom, with room below."""
        x, bottom = float(self.margin), top
        for kind in CardChangeKind:
            count = content.count(kind)
            if count:
                laid = self.tag_text(f"{count} {CHANGE_LABELS[kind]}", 32)
                rect = self.tag(laid, x, top, change_colour(self.theme, kind), shapes)
                x, bottom = rect.right() + round(22 * self.u), rect.bottom()
        return bottom + round(28 * self.u) if bottom > top else top

    # The cards ---------------------------------------------------------------------------------------------------

    def _label(self, category: CategoryLines, px: int, width: float) -> Block:
        colour = self.theme.muted_text if category.category is Category.GREY else self.theme.accent(category.column)
        laid = self.lay(category.label, px, width, 1, QFont.Weight.Bold)
        return Block(laid.height + round(0.3 * px * self.type), (Piece(laid, 0.0, 0.0, colour),))

    def _tag_width(self, px: int) -> float:
        return max(self.tag_size(self.tag_text(label, px * 0.82))[0] for label in CHANGE_LABELS.values())

    def _row(self, line: CardLine, px: int, width: float) -> Block:
        """A card: its tag, its words (``CARD_LINES`` at most) and, for a changed card, what it was (two lines)."""
        theme = self.theme
        tag_width = self._tag_width(px)
        inset = tag_width + round(0.6 * px * self.type)
        tag = self.tag_text(line.tag, px * 0.82)
        text = self.lay(line.text, px, width - inset, CARD_LINES)
        colour = theme.muted_text if line.kind is CardChangeKind.DROPPED else theme.text
        pieces = [
            Piece(tag, 0.0, 0.0, change_colour(theme, line.kind), True, tag_width),
            Piece(text, inset, 0.0, colour),
        ]
        height = max(self.tag_size(tag)[1], text.height)
        if line.note:
            note = self.lay(line.note, px * 0.82, width - inset, 2)
            pieces.append(Piece(note, inset, text.height + round(0.1 * px * self.type), theme.muted_text))
            height = max(height, text.height + round(0.1 * px * self.type) + note.height)
        return Block(height, tuple(pieces))

    def _gaps(self, px: int) -> tuple[float, float]:
        """Between two cards, and between two categories."""
        return round(0.4 * px * self.type), round(0.9 * px * self.type)

    def _fits(self, content: ChangesContent, px: int, width: float, room: float) -> bool:
        """Whether every card fits at ``px``; stops measuring at the first that does not."""
        row_gap, group_gap = self._gaps(px)
        used = group_gap * (len(content.categories) - 1)
        for category in content.categories:
            used += self._label(category, px, width).height + row_gap * (len(category.lines) - 1)
            for line in category.lines:
                used += self._row(line, px, width).height
                if used > room:
                    return False
        return used <= room

    def _plan(self, content: ChangesContent, px: int, width: float, room: float) -> list[int]:
        """How many cards of each category to show: one more each in turn, while they and the "+ N more" fit."""
        row_gap, group_gap = self._gaps(px)
        groups = content.categories
        shown = [0] * len(groups)
        rows: list[float] = [0.0] * len(groups)
        more = self.note_line(more_line(999), 28, width).height + row_gap
        fixed = group_gap * (len(groups) - 1) + sum(self._label(g, px, width).height for g in groups)

        def used() -> float:
            total = fixed + sum(rows) + row_gap * sum(max(0, n - 1) for n in shown)
            return total + sum(more for g, n in zip(groups, shown, strict=True) if n < len(g.lines))

        growing = True
        while growing:
            growing = False
            for index, group in enumerate(groups):
                if shown[index] == len(group.lines):
                    continue
                height = self._row(group.lines[shown[index]], px, width).height
                shown[index] += 1
                rows[index] += height
                if used() > room:
                    shown[index] -= 1
                    rows[index] -= height
                else:
                    growing = True
        return shown

    def _cards(
        self, content: ChangesContent, x: float, top: float, width: float, room: float, shapes: list[Shape]
    ) -> tuple[int, int]:
        """Place every category's changed cards; returns the type size and how many cards did not fit."""
        if not content.categories:
            self.put_block(self.note_line(NO_CARD_CHANGES, 30, width), x, top, shapes)
            return 0, 0
        px = next((size for size in CARD_PX if self._fits(content, size, width, room)), None)
        shown = [len(group.lines) for group in content.categories]
        if px is None:
            px = CARD_PX[-1]
            shown = self._plan(content, px, width, room)
        row_gap, group_gap = self._gaps(px)
        y = top
        for group, count in zip(content.categories, shown, strict=True):
            y = self.put_block(self._label(group, px, width), x, y, shapes)
            for line in group.lines[:count]:
                y = self.put_block(self._row(line, px, width), x, y, shapes) + row_gap
            if count < len(group.lines):
                y = self.put_block(self.note_line(more_line(len(group.lines) - count), 28, width), x, y, shapes)
                y += row_gap
            y += group_gap - row_gap
        return self.style(px).pixel_size, sum(len(g.lines) for g in content.categories) - sum(shown)

    # The scales and the network ----------------------------------------------------------------------------------

    def _heading(self, text: str, scale: float, width: float) -> Block:
        laid = self.lay(text, 32 * scale, width, 1, QFont.Weight.Bold)
        return Block(laid.height + round(12 * scale * self.type), (Piece(laid, 0.0, 0.0, self.theme.text),))

    def _scale(self, line: ScaleLine, scale: float, width: float) -> Block:
        """A scale's question, its medians large with the movement in words beside them, and the raters."""
        theme, u = self.theme, self.u
        question = self.lay(line.question, 26 * scale, width, 2)
        medians = self.lay(line.medians, 50 * scale, width, 2, QFont.Weight.Bold)
        pieces = [Piece(question, 0.0, 0.0, theme.muted_text)]
        y = question.height + round(6 * scale * self.type)
        pieces.append(Piece(medians, 0.0, y, theme.median))
        y += medians.height
        if line.movement:
            words = self.lay(line.movement, 32 * scale, width, 1, QFont.Weight.DemiBold)
            beside = medians.lines == 1 and medians.width + round(24 * u) + words.width <= width
            if beside:
                pieces.append(
                    Piece(words, medians.width + round(24 * u), y - words.height - 2 * scale * self.type, theme.text)
                )
            else:
                pieces.append(Piece(words, 0.0, y, theme.text))
                y += words.height
        if line.raters:
            raters = self.lay(" · ".join(rater.words for rater in line.raters), 26 * scale, width, 2)
            pieces.append(Piece(raters, 0.0, y + round(4 * scale * self.type), theme.text))
            y += raters.height + round(4 * scale * self.type)
        return Block(y, tuple(pieces))

    def _people(self, label: str, names: tuple[str, ...], scale: float, width: float) -> Block:
        """A tag ("Joined") and the display names under it."""
        tag = self.tag_text(label, 26 * scale)
        kind = CardChangeKind.NEW if label == "Joined" else CardChangeKind.CHANGED
        fill = self.theme.muted_text if label.startswith("No longer") else change_colour(self.theme, kind)
        people = self.lay(", ".join(names), 34 * scale, width, 2, QFont.Weight.DemiBold)
        y = self.tag_size(tag)[1] + round(8 * scale * self.type)
        pieces = (Piece(tag, 0.0, 0.0, fill, True), Piece(people, 0.0, y, self.theme.text))
        return Block(y + people.height, pieces)

    def _side_blocks(self, content: ChangesContent, scale: float, width: float) -> list[tuple[Block, bool]]:
        """The side's blocks in order, each saying whether it is a heading (never left alone at the bottom)."""
        blocks: list[tuple[Block, bool]] = []
        if content.scales:
            blocks.append((self._heading(SCALES, scale, width), True))
            blocks += [(self._scale(line, scale, width), False) for line in content.scales]
        rows = content.network.rows()
        if rows:
            blocks.append((self._heading(NETWORK, scale, width), True))
            blocks += [(self._people(label, names, scale, width), False) for label, names in rows]
        return blocks

    def _side(
        self, content: ChangesContent, x: float, top: float, width: float, room: float, shapes: list[Shape]
    ) -> int:
        """Place the scales and the network; returns how many of them did not fit."""
        gap = round(26 * self.type)
        fitted = False
        for scale in SIDE_SCALES:
            blocks = self._side_blocks(content, scale, width)
            if sum(block.height for block, _ in blocks) + gap * (len(blocks) - 1) <= room:
                fitted = True
                break
        more = self.note_line(more_line(999), 28, width).height + gap
        y, bottom, left_out = top, top + room, 0
        for index, (block, heading) in enumerate(blocks):
            later = [b for b, h in blocks[index + 1 :] if not h]
            needs = block.height + (blocks[index + 1][0].height + gap if heading and index + 1 < len(blocks) else 0.0)
            if not fitted and y + needs + (more if later else 0.0) > bottom:
                left_out = sum(1 for _, h in blocks[index:] if not h)
                break
            y = self.put_block(block, x, y, shapes) + gap
        if left_out:
            self.put_block(self.note_line(more_line(left_out), 28, width), x, y, shapes)
        return left_out

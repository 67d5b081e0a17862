"""The projector's picture of what changed since last time.

Under the title line, "What changed since last time" and the meeting it is compared with, a row of counts ("3 New",
"2 Changed", "1 Dropped") in the tags' colours. Below, on the left, each category of the map (by the framework's
label, in its column's colour) with its cards behind strong tags (``changes_cards``). On the right, the scales'
movement, the medians large ("4 → 6") with the movement in words and each person who rated both times, then who
joined the safety network, who now knows the worries and who is no longer in it, by display name.

Type is as large as fits, down to a floor readable from the back of the room; past it what fits is shown and the
rest counted ("+ N more").
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont

from sos_desktop.models.changes import CHANGE_LABELS, CardChangeKind
from sos_desktop.ui.projector.changes_cards import ChangedCards, more_line
from sos_desktop.ui.projector.changes_content import (
    FIRST_MEETING,
    HEADING,
    NO_CARD_CHANGES,
    NOTHING_CHANGED,
    ChangesContent,
    ScaleLine,
)
from sos_desktop.ui.projector.over_time import Block, Piece, change_colour
from sos_desktop.ui.projector.scene import RuleShape, Scene, Shape

SIDE_SCALES = (1.0, 0.9, 0.8)
"""The scales' and the network's type, as a share of its full size, in the order tried."""
SIDE_SHARES = (0.42, 0.3)
"""The share of the width the scales and the network take beside one column of cards, and beside two."""
SCALES = "Scales"
NETWORK = "Safety network"


class ChangesLayout(ChangedCards):
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
        full, gap = self.width - 2 * self.margin, round(60 * self.u)
        side = bool(content.scales or content.network.rows())
        # One column of cards beside the side, then two beside a narrower side; without a side, the whole width.
        cards = [(1, full), (2, full)]
        if side:
            cards = [(columns, (full - gap) * (1 - share)) for columns, share in zip((1, 2), SIDE_SHARES, strict=True)]
        hidden = 0
        if content.categories:
            plan, which = self.plan_cards(content, cards, room)
            self.place_cards(plan, self.margin, top, shapes)
            scene.card_pixel_size = self.style(plan.px).pixel_size
            hidden = sum(len(group.lines) for group in content.categories) - sum(plan.shown)
        else:
            which = 0
            self.put_block(self.note_line(NO_CARD_CHANGES, 30, cards[0][1]), self.margin, top, shapes)
        if side:
            left = cards[which][1]
            rule = max(2.0, round(3 * self.u))
            shapes.append(
                RuleShape(QRectF(self.margin + left + (gap - rule) / 2, top, rule, room), self.theme.gridline)
            )
            hidden += self._side(content, self.margin + left + gap, top, full - left - gap, room, shapes)
        scene.hidden_cards = hidden

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

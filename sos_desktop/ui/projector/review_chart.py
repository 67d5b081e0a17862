"""The projector's picture of the review of last time's next steps.

Under the title line, the heading and the meeting the steps come from, a row of counts ("2 Done", "1 Not done",
"1 Overdue") in the tags' colours. Then each step as a card: its words, who owns it and by when, the note, and on the
right its outcome in a tag (Done green, Partly done and Carried forward blue, Not done red, Dropped muted, Not
reviewed yet only outlined) with "Overdue" under it in amber when it is. The type is as large as fits, in one column
of cards or two; past the floor the first steps that fit are shown and "+ N more".
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPen

from sos_desktop.models.continuity import outcome_label
from sos_desktop.ui.projector.over_time import OVERDUE, Block, OverTimeFrame, Piece, amber, outcome_colour
from sos_desktop.ui.projector.review_content import HEADING, NO_REVIEWS, ReviewContent, ReviewLine
from sos_desktop.ui.projector.scene import CardShape, Scene, Shape

REVIEW_PX = (40, 36, 33, 30, 28)
"""The steps' type in reference pixels, largest first."""
TAG_SHARE = 0.8
"""A tag's word against the step's words."""


def more_steps(count: int) -> str:
    return f"+ {count} more {'next step' if count == 1 else 'next steps'}"


class ReviewLayout(OverTimeFrame[ReviewContent]):
    """Builds the ``Scene`` of the review at one size, theme and zoom."""

    def draw(self, content: ReviewContent, scene: Scene) -> None:
        top = self.heading_block(content.title, HEADING, content.since, scene.shapes)
        if not content.lines:
            self.message(scene, NO_REVIEWS, top)
            return
        top = self._counts(content, top, scene.shapes)
        room = max(0.0, self.height - self.margin - top)
        px, columns, runs = self._fitted(content, room)
        scene.card_pixel_size, scene.hidden_cards = self.style(px).pixel_size, len(content.lines) - sum(runs)
        self._place(content, px, columns, runs, top, scene.shapes)

    def _counts(self, content: ReviewContent, top: float, shapes: list[Shape]) -> float:
        """How many steps have each outcome, and how many are overdue, as tags; returns the bottom, with room below."""
        x, bottom, theme = float(self.margin), top, self.theme
        counts = [
            (f"{count} {outcome_label(outcome)}", outcome_colour(theme, outcome), outcome is None)
            for outcome, count in content.outcomes()
        ]
        if content.overdue:
            counts.append((f"{content.overdue} {OVERDUE}", amber(theme), False))
        for words, fill, outline in counts:
            rect = self.tag(self.tag_text(words, 30), x, top, fill, shapes, outline=outline)
            x, bottom = rect.right() + round(20 * self.u), rect.bottom()
        return bottom + round(26 * self.u)

    # Measuring ---------------------------------------------------------------------------------------------------

    def _width(self, columns: int) -> float:
        return (self.width - 2 * self.margin - self._column_gap() * (columns - 1)) / columns

    def _column_gap(self) -> float:
        return round(36 * self.u)

    def _pad(self, px: int) -> float:
        return round(0.45 * px * self.type)

    def _bar(self) -> float:
        return max(4.0, round(9 * self.u))

    def _tag_width(self, content: ReviewContent, px: int) -> float:
        words = {line.label for line in content.lines} | ({OVERDUE} if content.overdue else set())
        return max(self.tag_size(self.tag_text(word, px * TAG_SHARE))[0] for word in words)

    def _card(self, line: ReviewLine, px: int, width: float, tag_width: float) -> Block:
        """One step's words, details and note on the left, its outcome and "Overdue" on the right."""
        theme, pad = self.theme, self._pad(px)
        left = pad + self._bar() + pad
        text_width = max(1.0, width - left - pad - tag_width - pad)
        text = self.lay(line.text, px, text_width, 3)
        pieces = [Piece(text, left, pad, theme.text)]
        y = pad + text.height
        for words, share, lines in ((line.details, 0.85, 1), (line.note, 0.82, 2)):
            if words:
                laid = self.lay(words, px * share, text_width, lines)
                y += round(0.15 * px * self.type)
                pieces.append(Piece(laid, left, y, theme.muted_text))
                y += laid.height
        right = width - pad - tag_width
        outcome = self.tag_text(line.label, px * TAG_SHARE)
        fill = outcome_colour(theme, line.outcome)
        pieces.append(Piece(outcome, right, pad, fill, True, tag_width, line.outcome is None))
        tags = pad + self.tag_size(outcome)[1]
        if line.overdue:
            late = self.tag_text(OVERDUE, px * TAG_SHARE)
            tags += round(0.25 * px * self.type)
            pieces.append(Piece(late, right, tags, amber(theme), True, tag_width))
            tags += self.tag_size(late)[1]
        return Block(max(y, tags) + pad, tuple(pieces))

    def _gap(self, px: int) -> float:
        return round(0.4 * px * self.type)

    def _runs(self, content: ReviewContent, px: int, columns: int, room: float, *, final: bool) -> list[int]:
        """How many steps go in each column, in order, filling each before the next. ``final``: room is kept in the
        last column for "+ N more" while steps are still to come (a step taller than the room still goes in).
        """
        width, tag_width = self._width(columns), self._tag_width(content, px)
        more = self.note_line(more_steps(99), 28, width).height + self._gap(px) if final else 0.0
        runs, used = [0], 0.0
        for index, line in enumerate(content.lines):
            height = self._card(line, px, width, tag_width).height
            reserve = more if len(runs) == columns and index < len(content.lines) - 1 else 0.0
            if used + height + reserve > room and runs[-1]:
                if len(runs) == columns:
                    break
                runs.append(0)
                used = 0.0
                reserve = more if len(runs) == columns and index < len(content.lines) - 1 else 0.0
            if used + height + reserve > room and runs[-1] and len(runs) == columns:
                break
            runs[-1] += 1
            used += height + self._gap(px)
        return runs

    def _fitted(self, content: ReviewContent, room: float) -> tuple[int, int, list[int]]:
        """The type size, the number of columns and how many steps each column shows."""
        for columns in (1, 2):
            for px in REVIEW_PX:
                runs = self._runs(content, px, columns, room, final=False)
                if sum(runs) == len(content.lines) and self._tall_enough(content, px, columns, runs, room):
                    return px, columns, runs
        px = REVIEW_PX[-1]
        return px, 2, self._runs(content, px, 2, room, final=True)

    def _tall_enough(self, content: ReviewContent, px: int, columns: int, runs: list[int], room: float) -> bool:
        """Whether each column's steps fit the room (a lone step taller than the room does not)."""
        width, tag_width, gap = self._width(columns), self._tag_width(content, px), self._gap(px)
        index = 0
        for count in runs:
            lines = content.lines[index : index + count]
            used = sum(self._card(line, px, width, tag_width).height for line in lines) + gap * (count - 1)
            if used > room:
                return False
            index += count
        return True

    # Placing -----------------------------------------------------------------------------------------------------

    def _place(
        self, content: ReviewContent, px: int, columns: int, runs: list[int], top: float, shapes: list[Shape]
    ) -> None:
        theme, width, gap = self.theme, self._width(columns), self._gap(px)
        tag_width, pad, bar = self._tag_width(content, px), self._pad(px), self._bar()
        index, x, y = 0, float(self.margin), top
        for count in runs:
            x_here, y = x, top
            for line in content.lines[index : index + count]:
                block = self._card(line, px, width, tag_width)
                rect = QRectF(x_here, y, width, block.height)
                strip = QRectF(x_here + pad, y + pad, bar, block.height - 2 * pad)
                border = QPen(amber(theme) if line.overdue else theme.card_border, max(1.5, 3 * self.u))
                colour = outcome_colour(theme, line.outcome)
                shapes.append(CardShape(rect, theme.card_fill, border, round(12 * self.u), strip, colour))
                y = self.put_block(block, x_here, y, shapes) + gap
            index += count
            x += width + self._column_gap()
        if index < len(content.lines):
            more = self.note_line(more_steps(len(content.lines) - index), 28, width)
            self.put_block(more, x - width - self._column_gap(), y, shapes)

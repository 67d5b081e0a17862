"""What the wall's views of the case over time share (what changed, the chronology, the review of last time's next
steps): a heading block, word tags in strong colours, and the colours those tags take.

A tag is a word in a filled box, drawn in whichever of the theme's background and text colours stands out more
against the fill, so "New", "Dropped" or "Overdue" reads from the back of the room in every theme. Overdue is
always the theme's amber (its ``flag`` colour, the colour the map flags a lone danger statement in).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont

from sos_desktop.models import Column
from sos_desktop.models.changes import CardChangeKind
from sos_desktop.models.enums import ReviewOutcome
from sos_desktop.ui.projector.frame import ContentFrame
from sos_desktop.ui.projector.layout import REFERENCE_HEIGHT, REFERENCE_WIDTH
from sos_desktop.ui.projector.scene import Shape, TagShape
from sos_desktop.ui.projector.text import LaidText, TextCache
from sos_desktop.ui.projector.themes import Theme, ink_on

C = TypeVar("C")

OVERDUE = "Overdue"
TITLE_PX, HEADING_PX, SUB_PX = 22, 44, 28


def amber(theme: Theme) -> QColor:
    """The colour of "Overdue" on the wall."""
    return theme.flag


def change_colour(theme: Theme, kind: CardChangeKind) -> QColor:
    """New in the colour of what is working well, changed in the colour of what needs to happen, dropped muted."""
    if kind is CardChangeKind.NEW:
        return theme.accent(Column.WORKING_WELL)
    if kind is CardChangeKind.CHANGED:
        return theme.accent(Column.NEEDS_TO_HAPPEN)
    return theme.muted_text


def outcome_colour(theme: Theme, outcome: ReviewOutcome | None) -> QColor:
    """Done green, partly done and carried forward blue, not done red, dropped and not reviewed yet muted."""
    if outcome is ReviewOutcome.DONE:
        return theme.accent(Column.WORKING_WELL)
    if outcome in (ReviewOutcome.PARTLY_DONE, ReviewOutcome.CARRIED_FORWARD):
        return theme.accent(Column.NEEDS_TO_HAPPEN)
    if outcome is ReviewOutcome.NOT_DONE:
        return theme.accent(Column.WORRIES)
    return theme.muted_text


@dataclass(frozen=True)
class Piece:
    """A laid text at (dx, dy) from its block's top left, in ``colour``; a tag (``colour`` its fill, at least
    ``width`` wide, perhaps only outlined) when ``tag`` is set.
    """

    laid: LaidText
    dx: float
    dy: float
    colour: QColor
    tag: bool = False
    width: float = 0.0
    outline: bool = False


@dataclass(frozen=True)
class Block:
    """Pieces that go together (a card's tag, words and note; a scale's question and medians), measured before
    they are placed, so that a view can tell how many fit.
    """

    height: float
    pieces: tuple[Piece, ...]


class OverTimeFrame(ContentFrame[C]):
    """A ``ContentFrame`` with the heading block and the tags of the case-over-time views.

    Their texts are lists that wrap, so on a screen narrower than 16:9 (1024x768) the type keeps more of its size
    than the map's (which is fitted to the width): up to the height's share, and a quarter more than the width's.
    """

    def __init__(
        self, content: C | None, theme: Theme, width: float, height: float, zoom: float, cache: TextCache
    ) -> None:
        super().__init__(content, theme, width, height, zoom, cache)
        reading = max(self.u, min(height / REFERENCE_HEIGHT, 1.25 * width / REFERENCE_WIDTH))
        self.base = reading * theme.type_scale
        self.type = self.base * zoom

    def heading_block(self, title: str, heading: str, sub: str, shapes: list[Shape]) -> float:
        """The meeting's title line, the view's heading and a line under it; returns the bottom, with room below."""
        width = self.width - 2 * self.margin
        y = float(round(20 * self.u))
        if title:
            y = self.put(shapes, self.lay(title, TITLE_PX, width), self.margin, y, self.theme.muted_text)
            y += round(10 * self.u)
        y = self.put(
            shapes, self.lay(heading, HEADING_PX, width, 1, QFont.Weight.Bold), self.margin, y, self.theme.text
        )
        if sub:
            y += round(6 * self.u)
            y = self.put(shapes, self.lay(sub, SUB_PX, width, 2), self.margin, y, self.theme.muted_text)
        return y + round(26 * self.u)

    def tag_text(self, word: str, reference_px: float) -> LaidText:
        return self.lay(word, reference_px, self.width, 1, QFont.Weight.Bold)

    def tag_size(self, laid: LaidText) -> tuple[float, float]:
        """A tag's width and height round its word: half the type's size either side, a fifth above and below."""
        px = laid.layout.font().pixelSize()
        return laid.width + round(0.9 * px), laid.height + round(0.36 * px)

    def tag(
        self,
        laid: LaidText,
        x: float,
        y: float,
        fill: QColor,
        shapes: list[Shape],
        *,
        width: float = 0.0,
        outline: bool = False,
    ) -> QRectF:
        """Place a tag with its top left at (x, y), at least ``width`` wide; returns its rectangle."""
        natural, height = self.tag_size(laid)
        rect = QRectF(x, y, max(width, natural), height)
        ink = self.theme.text if outline else ink_on(self.theme, fill)
        shapes.append(TagShape(rect, laid, fill, ink, outline))
        return rect

    def put_block(self, block: Block, x: float, y: float, shapes: list[Shape]) -> float:
        """Place ``block`` with its top left at (x, y); returns its bottom."""
        for piece in block.pieces:
            if piece.tag:
                self.tag(
                    piece.laid,
                    x + piece.dx,
                    y + piece.dy,
                    piece.colour,
                    shapes,
                    width=piece.width,
                    outline=piece.outline,
                )
            else:
                self.put(shapes, piece.laid, x + piece.dx, y + piece.dy, piece.colour)
        return y + block.height

    def note_line(self, text: str, reference_px: float, width: float) -> Block:
        """A line in the muted colour ("+ 3 more", "4 earlier events not shown")."""
        laid = self.lay(text, reference_px, width, 2, QFont.Weight.DemiBold)
        return Block(laid.height, (Piece(laid, 0.0, 0.0, self.theme.muted_text),))

"""One vertical panel of the projected map (a column, a category, or part of one) laid out at one card text size.

A panel measures itself lazily, so checking whether a 300-card map fits stops at the first card that does not;
when the cards do not all fit, each category shows as many as fit, shared round the categories, and "+N more".
A next step that is overdue ends with an "Overdue" tag in the theme's amber; while the family is present, a card
using the team's jargon ends with a "Plain words?" tag naming the words, in the same amber.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QPen

from sos_desktop.models import Category, Column
from sos_desktop.ui.projector.content import Card, Section
from sos_desktop.ui.projector.scene import BadgeShape, CardShape, FlagShape, RuleShape, Shape, TagShape, TextShape
from sos_desktop.ui.projector.text import LaidText, TextCache, TextStyle
from sos_desktop.ui.projector.themes import Theme, ink_on

MAX_CARD_LINES = 10
"""The most lines one card shows on the projector; a longer card ends with "…" (the console has it all)."""
PAIRED = frozenset({Category.DANGER, Category.GOAL})
EMPTY_MARK = "—"
OVERDUE = "Overdue"
PLAIN_WORDS = "Plain words?"


def tag_text(card: Card) -> str:
    """The amber tag at a card's foot: "Overdue", the jargon it uses ("Plain words? “section 47”"), or both."""
    parts = [OVERDUE] if card.overdue else []
    if card.jargon:
        parts.append(f"{PLAIN_WORDS} " + ", ".join(f"“{word}”" for word in card.jargon))
    return " · ".join(parts)


class Geometry:
    """Type and spacing at one card text size, in pixels; everything else is proportional to it."""

    def __init__(self, card_px: int, floor_px: int, families: tuple[str, ...], title_px: tuple[int, int]) -> None:
        """``title_px`` bounds the panel headings, which stay readable structure however small the cards get."""
        s = card_px
        small = max(round(0.8 * s), min(s, floor_px))  # labels and details are read too: never below the floor
        self.card_px = s
        self.card = TextStyle(families, s, QFont.Weight.Normal.value, 1.1)
        self.label = TextStyle(families, small, QFont.Weight.Bold.value)
        self.meta = TextStyle(families, small, QFont.Weight.Normal.value)
        self.tag = TextStyle(families, small, QFont.Weight.Bold.value)
        self.tag_pad = (round(0.45 * small), round(0.18 * small))  # either side of a tag's word, above and below
        self.title = TextStyle(families, max(title_px[0], min(round(1.12 * s), title_px[1])), QFont.Weight.Bold.value)
        self.badge_font = TextStyle(families, max(8, round(0.7 * s)), QFont.Weight.Bold.value).font()
        self.pad_v = round(0.32 * s)
        self.pad_h = round(0.5 * s)
        self.card_gap = max(2, round(0.25 * s))
        self.section_gap = round(0.5 * s)
        self.label_gap = round(0.2 * s)
        self.title_gap = round(0.4 * s)
        self.rule = max(2, round(0.12 * s))
        self.bar = max(3, round(0.16 * s))
        self.bar_room = round(0.3 * s) + self.bar + round(0.4 * s)  # inset, bar, gap before the text
        self.radius = max(3, round(0.28 * s))
        self.border = max(1.0, 0.06 * s)
        self.badge = round(1.1 * s)
        self.badge_room = self.badge + round(0.35 * s)
        self.meta_gap = round(0.12 * s)


@dataclass(frozen=True)
class PanelSpec:
    """What a panel holds: a heading (or none), its column (for the accent colour), its sections."""

    title: str
    column: Column
    sections: tuple[Section, ...]
    show_labels: bool = True


class Panel:
    def __init__(
        self, spec: PanelSpec, x: float, width: float, geometry: Geometry, theme: Theme, cache: TextCache
    ) -> None:
        self.spec = spec
        self.x = x
        self.width = width
        self.g = geometry
        self.theme = theme
        self.cache = cache
        self._cards: dict[tuple[Category, Card], tuple[LaidText, LaidText | None, LaidText | None, float]] = {}
        """Each card's laid texts and height, once measured: planning and placing ask for the same cards."""

    # Measuring ---------------------------------------------------------------------------------------------------

    def _title(self) -> LaidText | None:
        return self.cache.lay(self.spec.title, self.g.title, self.width, 2) if self.spec.title else None

    def head_height(self) -> float:
        title = self._title()
        return 0.0 if title is None else title.height + 2 * self.g.title_gap + self.g.rule

    def _label(self, section: Section) -> LaidText | None:
        return self.cache.lay(section.label, self.g.label, self.width, 2) if self.spec.show_labels else None

    def label_height(self, section: Section) -> float:
        label = self._label(section)
        return 0.0 if label is None else label.height + self.g.label_gap

    def _text_width(self, section: Section) -> float:
        room = self.g.badge_room if section.category in PAIRED else self.g.pad_h
        return self.width - self.g.bar_room - room

    def _measured(self, section: Section, card: Card) -> tuple[LaidText, LaidText | None, LaidText | None, float]:
        """The card's text, details and overdue tag laid out, and its height."""
        key = (section.category, card)
        found = self._cards.get(key)
        if found is None:
            g = self.g
            width = self._text_width(section)
            text = self.cache.lay(card.text, g.card, width, MAX_CARD_LINES)
            meta = self.cache.lay(card.meta, g.meta, width, 2) if card.meta else None
            tag = tag_text(card)
            late = self.cache.lay(tag, g.tag, width - 2 * g.tag_pad[0], 2) if tag else None
            height = 2 * g.pad_v + text.height + (g.meta_gap + meta.height if meta else 0)
            if late is not None:
                height += g.meta_gap + late.height + 2 * g.tag_pad[1]
            if section.category in PAIRED:
                height = max(height, g.badge + 2 * round(0.3 * g.card_px))
            found = self._cards[key] = text, meta, late, height
        return found

    def card_height(self, section: Section, card: Card) -> float:
        return self._measured(section, card)[3]

    def _note(self, text: str) -> LaidText:
        return self.cache.lay(text, self.g.meta, self.width - self.g.pad_h, 1)

    def _body_height(self, section: Section, cards_height: float, shown: int) -> float:
        """Height of a section's cards when ``shown`` are shown (their heights add to ``cards_height``)."""
        total = len(section.cards)
        if total == 0:
            return self._note(EMPTY_MARK).height
        parts = shown + (1 if shown < total else 0)
        more = self._note(f"+{total - shown} more").height if shown < total else 0.0
        return cards_height + more + self.g.card_gap * max(0, parts - 1)

    def fits(self, height: float) -> bool:
        """Whether every card fits in ``height``; stops measuring as soon as it is clear that they do not."""
        used = self.head_height() + self.g.section_gap * max(0, len(self.spec.sections) - 1)
        for section in self.spec.sections:
            used += self.label_height(section) + (self._body_height(section, 0.0, 0) if not section.cards else 0.0)
            for index, card in enumerate(section.cards):
                used += self.card_height(section, card) + (self.g.card_gap if index else 0.0)
                if used > height:
                    return False
        return used <= height

    def plan(self, height: float) -> list[int]:
        """How many cards of each section to show in ``height``: one more card each in turn while they fit."""
        sections = self.spec.sections
        shown = [0] * len(sections)
        sums = [0.0] * len(sections)
        bodies = [self._body_height(section, 0.0, 0) for section in sections]
        used = self.head_height() + self.g.section_gap * max(0, len(sections) - 1)
        used += sum(self.label_height(s) for s in sections) + sum(bodies)
        open_sections = [i for i, s in enumerate(sections) if s.cards]
        while open_sections:
            still_open = []
            for i in open_sections:
                section = sections[i]
                added = sums[i] + self.card_height(section, section.cards[shown[i]])
                body = self._body_height(section, added, shown[i] + 1)
                if used - bodies[i] + body > height:
                    continue  # this category is full; a later card of it would break the order
                used += body - bodies[i]
                bodies[i], sums[i] = body, added
                shown[i] += 1
                if shown[i] < len(section.cards):
                    still_open.append(i)
            open_sections = still_open
        return shown

    # Placing -----------------------------------------------------------------------------------------------------

    def place(self, top: float, shown: list[int], shapes: list[Shape]) -> int:
        """Append the panel's shapes from ``top`` down; returns how many cards were left out."""
        g, theme, x = self.g, self.theme, self.x
        accent = theme.accent(self.spec.column)
        y = top
        title = self._title()
        if title is not None:
            shapes.append(TextShape(title, QPointF(x, y), theme.text))
            y += title.height + g.title_gap
            shapes.append(RuleShape(QRectF(x, y, self.width, g.rule), accent))
            y += g.rule + g.title_gap
        hidden = 0
        for section, count in zip(self.spec.sections, shown, strict=True):
            colour = theme.muted_text if section.category is Category.GREY else accent
            label = self._label(section)
            if label is not None:
                shapes.append(TextShape(label, QPointF(x, y), colour))
                y += label.height + g.label_gap
            if not section.cards:
                faint = QColor(theme.muted_text)
                faint.setAlphaF(0.55)
                dash = self._note(EMPTY_MARK)
                shapes.append(TextShape(dash, QPointF(x + g.pad_h, y), faint))
                y += dash.height
            for card in section.cards[:count]:
                y = self._place_card(section, card, y, colour, shapes) + g.card_gap
            if count < len(section.cards):
                hidden += len(section.cards) - count
                more = self._note(f"+{len(section.cards) - count} more")
                shapes.append(TextShape(more, QPointF(x + g.pad_h, y), theme.muted_text))
                y += more.height
            elif section.cards:
                y -= g.card_gap
            y += g.section_gap
        return hidden

    def _place_card(self, section: Section, card: Card, y: float, accent: QColor, shapes: list[Shape]) -> float:
        g, theme = self.g, self.theme
        height = self.card_height(section, card)
        rect = QRectF(self.x, y, self.width, height)
        inset = round(0.3 * g.card_px)
        bar = QRectF(self.x + inset, y + inset, g.bar, height - 2 * inset)
        shapes.append(CardShape(rect, theme.card_fill, QPen(theme.card_border, g.border), g.radius, bar, accent))
        text, meta, late, _ = self._measured(section, card)
        left = self.x + g.bar_room
        shapes.append(TextShape(text, QPointF(left, y + g.pad_v), theme.text))
        below = y + g.pad_v + text.height
        if meta is not None:
            shapes.append(TextShape(meta, QPointF(left, below + g.meta_gap), theme.muted_text))
            below += g.meta_gap + meta.height
        if late is not None:
            (across, down), top = g.tag_pad, below + g.meta_gap
            tag = QRectF(left, top, late.width + 2 * across, late.height + 2 * down)
            shapes.append(TagShape(tag, late, theme.flag, ink_on(theme, theme.flag)))
        corner = QRectF(rect.right() - inset - g.badge, y + inset, g.badge, g.badge)
        if card.pair is not None:
            shapes.append(BadgeShape(corner, str(card.pair), theme.badge_fill, theme.badge_text, g.badge_font))
        elif card.flagged:
            small = corner.adjusted(g.badge * 0.2, g.badge * 0.1, -g.badge * 0.1, -g.badge * 0.2)
            shapes.append(FlagShape(small, theme.flag))
        return y + height

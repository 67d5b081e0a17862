"""The projector's picture of the child's voice: three houses side by side, each with the child's shared words.

Under the title line and the heading ("L's Three Houses"), three house outlines (a roof, walls, a chimney) fill the
room, in the map's column colours: worries, good things, dreams. Each house's entries are cards in one type size
for all three, the largest between a floor and a cap at which every entry fits; below the floor each house shows
what fits (a long entry cut with "…") and ends with "…and N more". A house with nothing shared says so. A last
line counts the entries the child has not agreed to share, and nothing else about them: their words never reach
this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from sos_desktop.models import Column, House
from sos_desktop.ui.projector.frame import ContentFrame
from sos_desktop.ui.projector.scene import CardShape, Scene, Shape
from sos_desktop.ui.projector.text import LaidText, TextStyle, largest_size
from sos_desktop.ui.projector.voice_content import HouseContent, VoiceContent

HOUSE_COLOURS = {
    House.WORRIES: Column.WORRIES,
    House.GOOD_THINGS: Column.WORKING_WELL,
    House.DREAMS: Column.NEEDS_TO_HAPPEN,
}
"""Each house in the colour of the map's column it echoes, so the room reads the same colours on both."""
NOTHING_SHARED = "Nothing shared yet"
WORDS_CAP, WORDS_FLOOR = 46, 26
"""The words' type in reference pixels: as large as the cap when there is room, never below the floor (readable
from the back of a meeting room); past the floor, entries are left out and counted."""
ROOF_TITLE_PX = (38, 34, 30, 27, 24)


def not_shared_line(count: int) -> str:
    return f"{count} more {'entry' if count == 1 else 'entries'} not shared"


@dataclass(frozen=True, eq=False)
class HouseShape:
    """A house: walls and a roof under one outline, the roof in a stronger tint than the walls."""

    outline: QPainterPath
    roof: QPainterPath
    wall_fill: QColor
    roof_fill: QColor
    line: QColor
    line_width: float

    def paint(self, painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.wall_fill)
        painter.drawPath(self.outline)
        painter.setBrush(self.roof_fill)
        painter.drawPath(self.roof)
        pen = QPen(self.line, self.line_width)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.outline)
        painter.drawPath(self.roof)

    def texts(self) -> tuple[str, ...]:
        return ()


def house_paths(rect: QRectF, roof: float, eaves: float) -> tuple[QPainterPath, QPainterPath]:
    """The outline of a house filling ``rect`` (its roof ``roof`` high, overhanging the walls by ``eaves``), and the
    roof with its chimney on their own.
    """
    left, right, top, bottom = rect.left(), rect.right(), rect.top(), rect.bottom()
    middle, base = rect.center().x(), top + roof
    triangle = QPainterPath(QPointF(left, base))
    triangle.lineTo(middle, top)
    triangle.lineTo(right, base)
    triangle.closeSubpath()
    walls = QPainterPath()
    walls.addRect(QRectF(left + eaves, base, rect.width() - 2 * eaves, bottom - base))
    # A chimney standing on the right-hand slope, its foot inside the roof.
    width = rect.width() * 0.07
    x = left + rect.width() * 0.74
    chimney = QPainterPath()
    chimney.addRect(QRectF(x, top + roof * 0.12, width, roof * 0.5))
    roof_and_chimney = triangle.united(chimney).simplified()
    return roof_and_chimney.united(walls).simplified(), roof_and_chimney


class VoiceLayout(ContentFrame[VoiceContent]):
    """Builds the ``Scene`` of one child's Three Houses at one size, theme and zoom (the words are fitted at
    ``base``, then zoomed).
    """

    def draw(self, content: VoiceContent, scene: Scene) -> None:
        top = self._header(content, scene.shapes)
        bottom = self.height - self.margin
        if content.not_shared:
            laid = self.lay(not_shared_line(content.not_shared), 24, self.width - 2 * self.margin)
            bottom -= laid.height
            self.put(scene.shapes, laid, self.margin, bottom, self.theme.muted_text)
            bottom -= round(14 * self.u)
        area = QRectF(self.margin, top, self.width - 2 * self.margin, max(0.0, bottom - top))
        rects = self._rects(area)
        roof = min(rects[0].width() * 0.3, area.height() * 0.3)
        titles = self._roof_titles([house.title for house in content.houses], rects[0].width(), roof)
        bodies = [
            self._house(house, rect, roof, title, scene.shapes)
            for house, rect, title in zip(content.houses, rects, titles, strict=True)
        ]
        scene.card_pixel_size, scene.hidden_cards = self._words(content.houses, bodies, scene.shapes)

    def _header(self, content: VoiceContent, shapes: list[Shape]) -> float:
        """The meeting's title line and the heading naming the child; returns the bottom, with room below."""
        width, y = self.width - 2 * self.margin, float(round(20 * self.u))
        if content.title:
            y = self.put(shapes, self.lay(content.title, 22, width), self.margin, y, self.theme.muted_text)
            y += round(12 * self.u)
        y = self.put(
            shapes, self.lay(content.heading, 40, width, 1, QFont.Weight.Bold), self.margin, y, self.theme.text
        )
        return y + round(22 * self.u)

    def _rects(self, area: QRectF) -> list[QRectF]:
        gap = round(40 * self.u)
        width = (area.width() - 2 * gap) / 3
        return [QRectF(area.left() + i * (width + gap), area.top(), width, area.height()) for i in range(3)]

    def _house(self, house: HouseContent, rect: QRectF, roof: float, title: LaidText, shapes: list[Shape]) -> QRectF:
        """Draw the house with its title in the roof; returns the room inside its walls for the words."""
        theme, u = self.theme, self.u
        eaves = rect.width() * 0.035
        accent = theme.accent(HOUSE_COLOURS[house.house])
        outline, triangle = house_paths(rect, roof, eaves)
        walls, top = QColor(accent), QColor(accent)
        walls.setAlphaF(0.08)
        top.setAlphaF(0.24)
        shapes.append(HouseShape(outline, triangle, walls, top, accent, max(2.0, 5 * u)))
        y = rect.top() + roof - self._roof_pad() - title.height
        self.put(shapes, title, rect.center().x() - title.width / 2, y, theme.text)
        inner = round(22 * u)
        return QRectF(
            rect.left() + eaves + inner,
            rect.top() + roof + inner,
            max(1.0, rect.width() - 2 * (eaves + inner)),
            max(0.0, rect.height() - roof - 2 * inner),
        )

    def _roof_pad(self) -> float:
        return round(14 * self.u)

    def _roof_titles(self, titles: list[str], width: float, roof: float) -> list[LaidText]:
        """The houses' titles at the largest size at which each one's top still fits between its roof's slopes.

        Sized to the roof, which the zoom leaves alone: zooming in enlarges the child's words, not the titles.
        """
        pad = self._roof_pad()

        def lay(size: int, lines: int, measure: float) -> list[LaidText]:
            style = TextStyle(self.theme.font_families, max(6, round(size * self.base)), QFont.Weight.Bold.value)
            return [self.cache.lay(title, style, measure, lines) for title in titles]

        for size in ROOF_TITLE_PX:
            found = lay(size, 1, width)
            if all(
                laid.lines == 1 and laid.width <= width * (roof - pad - laid.height) / roof - 2 * pad for laid in found
            ):
                return found
        return lay(ROOF_TITLE_PX[-1], 2, width * 0.6)

    # The words ---------------------------------------------------------------------------------------------------

    def _cards(self, words: tuple[str, ...], width: float, px: int) -> list[LaidText]:
        style = TextStyle(self.theme.font_families, px)
        return [self.cache.lay(text, style, width - self._inset(px)) for text in words]

    def _inset(self, px: int) -> float:
        """How much narrower a card's text is than the card: padding on both sides and the coloured bar."""
        return 2 * self._pad(px) + self._bar()

    def _pad(self, px: int) -> float:
        return round(0.45 * px)

    def _bar(self) -> float:
        return max(3.0, round(7 * self.u))

    def _gap(self, px: int) -> float:
        return round(0.4 * px)

    def _fitted(self, houses: tuple[HouseContent, ...], bodies: list[QRectF]) -> int:
        """The largest words' size, floor to cap, at which every house holds all its entries (else the floor)."""

        def fits(px: int) -> bool:
            for house, body in zip(houses, bodies, strict=True):
                cards = self._cards(house.words, body.width(), px)
                used = sum(c.height + 2 * self._pad(px) for c in cards) + self._gap(px) * max(0, len(cards) - 1)
                if used > body.height():
                    return False
            return True

        return largest_size(max(6, round(WORDS_FLOOR * self.base)), max(6, round(WORDS_CAP * self.base)), fits)

    def _words(self, houses: tuple[HouseContent, ...], bodies: list[QRectF], shapes: list[Shape]) -> tuple[int, int]:
        """Place every house's entries at one size; returns the size and how many entries did not fit."""
        px = max(6, round(self._fitted(houses, bodies) * self.zoom))
        hidden = 0
        for house, body in zip(houses, bodies, strict=True):
            if not house.words:
                laid = self.lay(NOTHING_SHARED, 30, body.width(), 2)
                x, y = body.center().x() - laid.width / 2, body.top() + round(20 * self.u)
                self.put(shapes, laid, x, y, self.theme.muted_text)
                continue
            hidden += self._place(house, body, px, shapes)
        return px, hidden

    def _place(self, house: HouseContent, body: QRectF, px: int, shapes: list[Shape]) -> int:
        """The entries of one house as cards, down from the top of ``body``; returns how many were left out."""
        theme, pad, gap = self.theme, self._pad(px), self._gap(px)
        style = TextStyle(theme.font_families, px)
        more_style = TextStyle(theme.font_families, max(6, round(px * 0.85)), QFont.Weight.DemiBold.value)
        more_height = self.cache.lay("…", more_style, body.width()).height + gap
        line = self.cache.lay("Ag", style, body.width()).height
        text_width = body.width() - self._inset(px)
        accent = theme.accent(HOUSE_COLOURS[house.house])
        y, shown = body.top(), 0
        for index, words in enumerate(house.words):
            laid = self.cache.lay(words, style, text_width)
            room = body.bottom() - y - (more_height if index < len(house.words) - 1 else 0.0)
            if laid.height + 2 * pad > room:
                # A long entry shows what there is room for, cut with "…" (the first one, or any if two lines fit).
                lines = int((room - 2 * pad) // line)
                if lines < (1 if index == 0 else 2):
                    break
                laid = self.cache.lay(words, style, text_width, lines)
            self._card(laid, body.left(), y, body.width(), px, accent, shapes)
            y += laid.height + 2 * pad + gap
            shown += 1
        left_out = len(house.words) - shown
        if left_out:
            more = self.cache.lay(f"…and {left_out} more", more_style, body.width())
            self.put(shapes, more, body.left(), y, theme.muted_text)
        return left_out

    def _card(
        self, laid: LaidText, x: float, y: float, width: float, px: int, accent: QColor, shapes: list[Shape]
    ) -> None:
        theme, pad, bar = self.theme, self._pad(px), self._bar()
        rect = QRectF(x, y, width, laid.height + 2 * pad)
        border = QPen(theme.card_border, max(1.0, 1.5 * self.u))
        strip = QRectF(x + pad * 0.4, y + pad * 0.6, bar, rect.height() - 1.2 * pad)
        shapes.append(CardShape(rect, theme.card_fill, border, round(10 * self.u), strip, accent))
        self.put(shapes, laid, x + pad + bar, y + pad, theme.text)

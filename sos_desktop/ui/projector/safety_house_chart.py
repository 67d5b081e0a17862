"""The projector's picture of a child's Safety House, drawn big enough to read from the back of the room.

Under the title line and the heading ("N's Safety House"): on the left a house (roof, walls, chimney) holding who
lives there and who visits, side by side; on the right, outside the house behind a dashed line, the people the
child does not feel safe with, and under them the house rules; across the foot, the path of stepping stones 0 to 10
up to the door with the child standing where they put themselves, and their words. Every entry is a card in one
type size for the whole frame, the largest between a floor and a cap at which all fit; past the floor each place
shows what fits and "…and N more". A last line counts what the child has not agreed to share, never its words.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from sos_desktop.models import Column
from sos_desktop.models.safety_house import PATH_TITLE, RULES_TITLE, Placement
from sos_desktop.ui.projector.frame import ContentFrame
from sos_desktop.ui.projector.safety_house_content import PlacedContent, SafetyHouseContent
from sos_desktop.ui.projector.scene import CardShape, Scene, Shape
from sos_desktop.ui.projector.text import LaidText, TextStyle, largest_size
from sos_desktop.ui.projector.voice_chart import HouseShape, house_paths, not_shared_line

PLACE_COLOURS = {
    Placement.INSIDE: Column.WORKING_WELL,
    Placement.VISITING: Column.NEEDS_TO_HAPPEN,
    Placement.OUTSIDE: Column.WORRIES,
}
WORDS_CAP, WORDS_FLOOR = 40, 24
"""The entries' type in reference pixels (floor: readable from three metres on a 1080-line wall)."""
NOBODY = "Nothing shared yet"
NOT_ON_PATH = "Not on the path yet"


@dataclass(frozen=True)
class Entry:
    """One card: a name (bold, may be "") above the words (may be "")."""

    name: str
    words: str


@dataclass(frozen=True, eq=False)
class OutlineShape:
    """A dashed or solid outline (the line round the outside place), with an optional fill."""

    path: QPainterPath
    line: QColor
    width: float
    dashed: bool
    fill: QColor | None = None

    def paint(self, painter: QPainter) -> None:
        pen = QPen(self.line, self.width, Qt.PenStyle.DashLine if self.dashed else Qt.PenStyle.SolidLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(self.fill if self.fill is not None else Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)

    def texts(self) -> tuple[str, ...]:
        return ()


def path_value_text(value: float) -> str:
    whole = int(value)
    return f"{whole}½" if value != whole else str(whole)


class SafetyHouseLayout(ContentFrame[SafetyHouseContent]):
    """Builds the ``Scene`` of one child's Safety House at one size, theme and zoom."""

    def draw(self, content: SafetyHouseContent, scene: Scene) -> None:
        u, theme = self.u, self.theme
        width = self.width - 2 * self.margin
        y = float(round(20 * u))
        if content.title:
            y = self.put(scene.shapes, self.lay(content.title, 22, width), self.margin, y, theme.muted_text) + 12 * u
        heading = self.lay(content.heading, 40, width, 1, QFont.Weight.Bold)
        top = self.put(scene.shapes, heading, self.margin, y, theme.text) + round(18 * u)
        bottom = self.height - self.margin
        if content.not_shared:
            laid = self.lay(not_shared_line(content.not_shared), 24, width)
            bottom -= laid.height
            self.put(scene.shapes, laid, self.margin, bottom, theme.muted_text)
            bottom -= round(10 * u)
        path_top = bottom - self._path_height(content)
        self._path(content, QRectF(self.margin, path_top, width, bottom - path_top), scene.shapes)
        area = QRectF(self.margin, top, width, max(0.0, path_top - top - round(16 * u)))
        regions = self._regions(area, scene.shapes)
        lists = self._lists(content)
        px = max(6, round(self._fitted(lists, regions) * self.zoom))
        hidden = sum(
            self._place(entries, rect, px, colour, scene.shapes)
            for entries, (rect, colour) in zip(lists, regions, strict=True)
        )
        scene.card_pixel_size, scene.hidden_cards = px, hidden

    # The house and the outside ------------------------------------------------------------------------------------

    def _regions(self, area: QRectF, shapes: list[Shape]) -> list[tuple[QRectF, QColor]]:
        """Draw the house, the outside and the rules' headings; return the room for each list and its colour, in
        the order inside, visiting, outside, rules.
        """
        theme, u = self.theme, self.u
        gap = round(36 * u)
        house_rect = QRectF(area.left(), area.top(), area.width() * 0.6, area.height())
        side = QRectF(house_rect.right() + gap, area.top(), area.right() - house_rect.right() - gap, area.height())
        roof = min(house_rect.height() * 0.28, house_rect.width() * 0.22)
        eaves = house_rect.width() * 0.03
        outline, triangle = house_paths(house_rect, roof, eaves)
        line = theme.text
        walls, roof_fill = QColor(theme.accent(Column.WORKING_WELL)), QColor(theme.accent(Column.WORKING_WELL))
        walls.setAlphaF(0.06)
        roof_fill.setAlphaF(0.2)
        shapes.append(HouseShape(outline, triangle, walls, roof_fill, line, max(2.0, 5 * u)))
        inner = round(20 * u)
        body = QRectF(
            house_rect.left() + eaves + inner,
            house_rect.top() + roof + inner * 0.5,
            house_rect.width() - 2 * (eaves + inner),
            house_rect.height() - roof - 1.5 * inner,
        )
        half = (body.width() - inner) / 2
        inside = QRectF(body.left(), body.top(), half, body.height())
        visiting = QRectF(body.left() + half + inner, body.top(), half, body.height())
        out_height = side.height() * 0.5 - gap / 2
        outside_box = QRectF(side.left(), side.top(), side.width(), out_height)
        dashed = QPainterPath()
        dashed.addRoundedRect(outside_box, 18 * u, 18 * u)
        shapes.append(OutlineShape(dashed, theme.accent(Column.WORRIES), max(2.0, 4 * u), True))
        rules_box = QRectF(
            side.left(), outside_box.bottom() + gap, side.width(), side.bottom() - outside_box.bottom() - gap
        )
        found: list[tuple[QRectF, QColor]] = []
        for rect, title, colour in (
            (inside, "Living in the house", theme.accent(Column.WORKING_WELL)),
            (visiting, "Visiting the house", theme.accent(Column.NEEDS_TO_HAPPEN)),
            (
                outside_box.adjusted(inner, inner * 0.6, -inner, -inner * 0.6),
                "Outside: not safe with",
                theme.accent(Column.WORRIES),
            ),
            (rules_box, RULES_TITLE, theme.text),
        ):
            laid = self.cache.lay(
                title,
                TextStyle(theme.font_families, max(6, round(30 * self.base)), QFont.Weight.Bold.value),
                rect.width(),
                1,
            )
            self.put(shapes, laid, rect.left(), rect.top(), colour)
            below = laid.height + round(10 * u)
            found.append(
                (QRectF(rect.left(), rect.top() + below, rect.width(), max(0.0, rect.height() - below)), colour)
            )
        return found

    def _lists(self, content: SafetyHouseContent) -> list[list[Entry]]:
        by_place = {place.where: place.people for place in content.places}

        def cards(people: tuple[PlacedContent, ...]) -> list[Entry]:
            return [Entry(person.name, person.words) for person in people]

        return [
            cards(by_place.get(Placement.INSIDE, ())),
            cards(by_place.get(Placement.VISITING, ())),
            cards(by_place.get(Placement.OUTSIDE, ())),
            [Entry("", words) for words in content.rules],
        ]

    # Cards -------------------------------------------------------------------------------------------------------

    def _laid(self, entry: Entry, width: float, px: int, lines: int = 0) -> tuple[LaidText | None, LaidText | None]:
        families = self.theme.font_families
        name = (
            self.cache.lay(entry.name, TextStyle(families, px, QFont.Weight.Bold.value), width, 1)
            if entry.name
            else None
        )
        words = self.cache.lay(entry.words, TextStyle(families, px), width, lines) if entry.words.strip() else None
        return name, words

    def _pad(self, px: int) -> float:
        return round(0.4 * px)

    def _bar(self) -> float:
        return max(3.0, round(7 * self.u))

    def _card_height(self, name: LaidText | None, words: LaidText | None, px: int) -> float:
        return sum(laid.height for laid in (name, words) if laid is not None) + 2 * self._pad(px)

    def _fitted(self, lists: list[list[Entry]], regions: list[tuple[QRectF, QColor]]) -> int:
        def fits(px: int) -> bool:
            for entries, (rect, _) in zip(lists, regions, strict=True):
                width = rect.width() - 2 * self._pad(px) - self._bar()
                used = sum(self._card_height(*self._laid(e, width, px), px) for e in entries)
                if used + round(0.35 * px) * max(0, len(entries) - 1) > rect.height():
                    return False
            return True

        return largest_size(max(6, round(WORDS_FLOOR * self.base)), max(6, round(WORDS_CAP * self.base)), fits)

    def _place(self, entries: list[Entry], rect: QRectF, px: int, accent: QColor, shapes: list[Shape]) -> int:
        """The cards of one place, down from the top of ``rect``; returns how many were left out."""
        theme, pad, bar, gap = self.theme, self._pad(px), self._bar(), round(0.35 * px)
        if not entries:
            self.put(shapes, self.lay(NOBODY, 26, rect.width()), rect.left(), rect.top(), theme.muted_text)
            return 0
        more_style = TextStyle(theme.font_families, max(6, round(px * 0.85)), QFont.Weight.DemiBold.value)
        more_height = self.cache.lay("…", more_style, rect.width()).height + gap
        width = rect.width() - 2 * pad - bar
        line = self.cache.lay("Ag", TextStyle(theme.font_families, px), width).height
        y, shown = rect.top(), 0
        for index, entry in enumerate(entries):
            name, words = self._laid(entry, width, px)
            room = rect.bottom() - y - (more_height if index < len(entries) - 1 else 0.0)
            if self._card_height(name, words, px) > room:
                lines = int((room - 2 * pad - (name.height if name else 0.0)) // line)
                if lines < 1:
                    break
                name, words = self._laid(entry, width, px, lines)
            height = self._card_height(name, words, px)
            card = QRectF(rect.left(), y, rect.width(), height)
            strip = QRectF(rect.left() + pad * 0.4, y + pad * 0.6, bar, height - 1.2 * pad)
            border = QPen(theme.card_border, max(1.0, 1.5 * self.u))
            shapes.append(CardShape(card, theme.card_fill, border, round(10 * self.u), strip, accent))
            text_y = y + pad
            for laid in (name, words):
                if laid is not None:
                    text_y = self.put(shapes, laid, rect.left() + pad + bar, text_y, theme.text)
            y += height + gap
            shown += 1
        left_out = len(entries) - shown
        if left_out:
            self.put(
                shapes,
                self.cache.lay(f"…and {left_out} more", more_style, rect.width()),
                rect.left(),
                y,
                theme.muted_text,
            )
        return left_out

    # The path ----------------------------------------------------------------------------------------------------

    def _path_height(self, content: SafetyHouseContent) -> float:
        """The stones, their numbers and the child above them; then the child's words (at most two lines)."""
        words = self._path_words(content)
        return round(120 * self.u) + (words.height + round(8 * self.u) if words is not None else 0.0)

    def _path_words(self, content: SafetyHouseContent) -> LaidText | None:
        if not content.path_words.strip():
            return None
        return self.lay(content.path_words, 30, self.width - 2 * self.margin, 2)

    def _path(self, content: SafetyHouseContent, rect: QRectF, shapes: list[Shape]) -> None:
        """The stepping stones 0 to 10 up to a door, the child where they stand, and their words."""
        theme, u = self.theme, self.u
        title = self.lay(PATH_TITLE, 30, rect.width() * 0.3, 1, QFont.Weight.Bold)
        self.put(shapes, title, rect.left(), rect.top(), theme.text)
        value = self.lay(
            NOT_ON_PATH if content.path is None else f"{path_value_text(content.path)} of 10",
            34,
            rect.width() * 0.3,
            1,
            QFont.Weight.Bold,
        )
        self.put(
            shapes, value, rect.left(), rect.top() + title.height + round(6 * u), theme.accent(Column.WORKING_WELL)
        )
        left = rect.left() + rect.width() * 0.3
        door_width = round(70 * u)
        right = rect.right() - door_width - round(30 * u)
        y = rect.top() + round(62 * u)
        road = QPainterPath(QPointF(left, y))
        road.lineTo(QPointF(right + round(30 * u), y))
        road_colour = QColor(theme.muted_text)
        road_colour.setAlphaF(0.35)
        shapes.append(OutlineShape(road, road_colour, round(26 * u), False))
        numbers = TextStyle(theme.font_families, max(6, round(24 * self.base)))
        for stone in range(11):
            x = left + (right - left) * stone / 10
            disc = QPainterPath()
            disc.addEllipse(QPointF(x, y), 14 * u, 10 * u)
            shapes.append(OutlineShape(disc, theme.text, max(1.0, 2 * u), False, theme.card_fill))
            laid = self.cache.lay(str(stone), numbers, 60 * u, 1)
            self.put(shapes, laid, x - laid.width / 2, y + round(18 * u), theme.text)
        door = QPainterPath()
        door_rect = QRectF(right + round(30 * u), y - round(60 * u), door_width, round(90 * u))
        door.addRoundedRect(door_rect, 6 * u, 6 * u)
        shapes.append(OutlineShape(door, theme.text, max(2.0, 3 * u), False, theme.accent(Column.NEEDS_TO_HAPPEN)))
        if content.path is not None:
            x = left + (right - left) * content.path / 10
            figure = QPainterPath()
            figure.addEllipse(QPointF(x, y - 44 * u), 11 * u, 11 * u)
            figure.moveTo(x, y - 33 * u)
            figure.lineTo(x, y - 8 * u)
            figure.moveTo(x - 12 * u, y - 24 * u)
            figure.lineTo(x + 12 * u, y - 24 * u)
            shapes.append(OutlineShape(figure, theme.accent(Column.WORKING_WELL), max(2.0, 5 * u), False))
        words = self._path_words(content)
        if words is not None:
            self.put(shapes, words, rect.left(), rect.bottom() - words.height, theme.text)

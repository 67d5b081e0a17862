"""The projector's picture of a Words and Pictures story, one panel at a time, to be read from the back of the room.

Under the title line, the story's title and "For L · Panel 3 of 6", the panel's picture stands large (the console's
own renderer draws it: ``ui/words_pictures/render.py``) with its words beside it on a wide screen, under it on a
squarer one, in the largest type that fits, down to a floor readable from three metres (past it the words end in
"…"). What the panel tells ("A worry", "What is going well") is a tag above its words. A panel without a picture
gives its words the whole width.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from sos_desktop.models import Column
from sos_desktop.models.words_pictures import Panel, PanelTells
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector.modes import WordsPicturesMode
from sos_desktop.ui.projector.over_time import OverTimeFrame
from sos_desktop.ui.projector.scene import Scene
from sos_desktop.ui.projector.text import LaidText, TextCache
from sos_desktop.ui.projector.themes import Theme
from sos_desktop.ui.projector.words_pictures_content import (
    NO_PANELS,
    NO_STORY,
    WordsPicturesContent,
    picture_texts,
    words_pictures_content,
)
from sos_desktop.ui.words_pictures.render import paint_panel_picture

ImageOf = Callable[[int], QImage | None]

WORDS_PX = (76, 68, 60, 54, 48, 43, 38, 34, 30)
"""The words' type in reference pixels, largest first: the first at which they fit."""
TAG_PX = 30
WIDE = 1.45
"""From this width-to-height ratio of the room left under the heading, the words stand beside the picture."""


@dataclass(frozen=True, eq=False)
class PanelPictureShape:
    """The panel's picture in ``rect``: a drawing on its square of paper, or the image in proportion."""

    rect: QRectF
    panel: Panel
    image: QImage | None
    frame: QColor

    def paint(self, painter: QPainter) -> None:
        painter.save()
        paint_panel_picture(painter, self.rect, self.panel, image_of=lambda _picture: self.image)
        if self.panel.drawing is not None:  # the paper's edge, so a white square reads on a white wall too
            side = min(self.rect.width(), self.rect.height())
            square = QRectF(self.rect.center().x() - side / 2, self.rect.center().y() - side / 2, side, side)
            painter.setPen(QPen(self.frame, max(1.0, side / 300)))
            painter.setBrush(QColor(0, 0, 0, 0))
            painter.drawRect(square)
        painter.restore()

    def texts(self) -> tuple[str, ...]:
        return picture_texts(self.panel)


class WordsPicturesLayout(OverTimeFrame[WordsPicturesContent]):
    """Builds the ``Scene`` of one panel at one size, theme and zoom; ``image_of`` gives a picture id's image."""

    empty = NO_STORY

    def __init__(
        self,
        content: WordsPicturesContent | None,
        theme: Theme,
        width: float,
        height: float,
        zoom: float,
        cache: TextCache,
        image_of: ImageOf | None = None,
        has_meeting: bool = True,
    ) -> None:
        super().__init__(content, theme, width, height, zoom, cache)
        self.image_of = image_of
        if not has_meeting:
            self.empty = "No meeting is open on the console."

    def draw(self, content: WordsPicturesContent, scene: Scene) -> None:
        top = self.heading_block(content.title, content.heading, content.sub, scene.shapes)
        panel = content.panel
        if panel is None:
            self.message(scene, NO_PANELS, top)
            return
        left, right = self.margin, self.width - self.margin
        bottom = self.height - self.margin
        room_w, room_h = right - left, max(1.0, bottom - top)
        if panel.has_picture():
            gap = round(40 * self.u)
            if room_w / room_h >= WIDE:
                side = min(room_h, room_w * 0.55)
                picture = QRectF(left, top, side, room_h)
                words = QRectF(left + side + gap, top, room_w - side - gap, room_h)
            else:
                side = min(room_w, room_h * 0.56)
                picture = QRectF(left, top, room_w, side)
                words = QRectF(left, top + side + gap, room_w, room_h - side - gap)
            image = None
            if panel.image is not None and self.image_of is not None:
                image = self.image_of(panel.image.picture)
            scene.shapes.append(PanelPictureShape(picture, panel, image, self.theme.card_border))
        else:
            words = QRectF(left, top, room_w, room_h)
        scene.card_pixel_size = self._words(content, panel, words, scene)

    def _tag_colour(self, panel: Panel) -> QColor:
        if panel.tells is PanelTells.WORRY:
            return self.theme.accent(Column.WORRIES)
        if panel.tells is PanelTells.GOING_WELL:
            return self.theme.accent(Column.WORKING_WELL)
        return self.theme.accent(Column.NEEDS_TO_HAPPEN)

    def _words(self, content: WordsPicturesContent, panel: Panel, room: QRectF, scene: Scene) -> int:
        """The tag and the words in ``room`` at the largest size that fits; returns the words' pixel size."""
        y = room.top()
        if content.tells:
            laid = self.tag_text(content.tells, TAG_PX)
            rect = self.tag(laid, room.left(), y, self._tag_colour(panel), scene.shapes)
            y = rect.bottom() + round(18 * self.u)
        if not panel.words.strip():
            return 0
        height = max(1.0, room.bottom() - y)
        chosen: LaidText | None = None
        for px in WORDS_PX:
            laid = self.lay(panel.words, px, room.width(), 0, QFont.Weight.DemiBold)
            if laid.height <= height:
                chosen = laid
                break
        if chosen is None:  # at the floor: as many lines as fit, then "…"
            floor = self.lay("Xg", WORDS_PX[-1], room.width(), 1, QFont.Weight.DemiBold)
            lines = max(1, int(height // max(1.0, floor.height)))
            chosen = self.lay(panel.words, WORDS_PX[-1], room.width(), lines, QFont.Weight.DemiBold)
        self.put(scene.shapes, chosen, room.left(), y, self.theme.text)
        return chosen.layout.font().pixelSize()


def words_pictures_scene(
    mode: WordsPicturesMode,
    document: MeetingDocument | None,
    mask: Callable[[str], str],
    theme: Theme,
    size: tuple[float, float],
    zoom: float,
    cache: TextCache,
) -> Scene:
    """The frame of ``mode`` at ``size`` (width, height), from the open document through the wall's ``mask``."""
    width, height = size
    if document is None:
        return WordsPicturesLayout(None, theme, width, height, zoom, cache, has_meeting=False).scene()
    title = f"{document.meeting.title} · {document.case.label}"
    content = words_pictures_content(document.meeting, document.network, title, mode.story, mode.panel, mask)
    return WordsPicturesLayout(content, theme, width, height, zoom, cache, document.picture_image).scene()

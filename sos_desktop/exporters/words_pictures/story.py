"""The family's copy of Words and Pictures as flowables: for each story a title page (its title, who it is for, its
state and the meeting's day), then its panels in order, each whole on a page, two to a page when they fit.

A panel is its number ("Panel 3 of 6"), its picture (the image as the store keeps it, or the drawing in vectors)
and its words in 16 points, printed as plain text (:mod:`sos_desktop.exporters.minutes.plain_text`): in any script,
line breaks kept, nothing taken for markup. An image's caption is printed under it for anyone who cannot see it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether, PageBreak, Spacer

from sos_desktop.exporters.minutes.fonts import BOLD, REGULAR, register_fonts
from sos_desktop.exporters.minutes.plain_text import plain
from sos_desktop.exporters.minutes.styles import ACCENT, FRAME_WIDTH, INK, MM, MUTED
from sos_desktop.exporters.words_pictures.content import PanelCopy, StoryCopy, WordsPicturesCopy
from sos_desktop.exporters.words_pictures.drawing import DrawingFlowable
from sos_desktop.models.bidi import Direction

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle

PICTURE_HEIGHT = 74 * MM
"""The tallest a panel's picture is: two panels with a few lines of words each fit on one A4 page."""


@dataclass(frozen=True)
class StoryStyles:
    title: ParagraphStyle
    lead: ParagraphStyle
    note: ParagraphStyle
    panel: ParagraphStyle
    words: ParagraphStyle
    caption: ParagraphStyle


@cache
def story_styles() -> StoryStyles:
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    words = ParagraphStyle(
        "StoryWords", fontName=REGULAR, fontSize=16, leading=23, textColor=INK, spaceBefore=8, spaceAfter=4
    )

    def like(name: str, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=words, **changes)

    return StoryStyles(
        title=like("StoryTitle", fontName=BOLD, fontSize=32, leading=40, textColor=ACCENT, spaceBefore=60),
        lead=like("StoryLead", fontSize=20, leading=28, spaceBefore=14),
        note=like("StoryNote", fontSize=14, leading=20, textColor=MUTED, spaceBefore=10),
        panel=like("StoryPanel", fontName=BOLD, fontSize=14, leading=20, textColor=MUTED, spaceBefore=0),
        words=words,
        caption=like("StoryCaption", fontSize=14, leading=20, textColor=MUTED, spaceBefore=4),
    )


def _title_page(story: StoryCopy, s: StoryStyles) -> list[Flowable]:
    title = plain(story.title, s.title)
    title.bookmark = story.title
    flowables: list[Flowable] = [title, plain(story.for_whom, s.lead)]
    if story.made_on:
        flowables.append(plain(story.made_on, s.note, direction=Direction.LEFT_TO_RIGHT))
    flowables.append(plain(story.state, s.note, direction=Direction.LEFT_TO_RIGHT))
    return flowables


def _image(panel: PanelCopy) -> Flowable | None:
    """The panel's image, as large as fits the width and ``PICTURE_HEIGHT``, its shape kept."""
    if panel.image is None:
        return None
    try:
        width, height = ImageReader(io.BytesIO(panel.image.data)).getSize()
    except Exception:  # an image the store kept but no reader takes: the words print without it
        return None
    scale = min(FRAME_WIDTH / width, PICTURE_HEIGHT / height)
    image = Image(io.BytesIO(panel.image.data), width=width * scale, height=height * scale)
    image.hAlign = "CENTER"
    return image


def _panel(panel: PanelCopy, s: StoryStyles) -> Flowable:
    flowables: list[Flowable] = [plain(panel.heading, s.panel, direction=Direction.LEFT_TO_RIGHT), Spacer(1, 4)]
    picture = _image(panel)
    if picture is not None:
        flowables.append(picture)
    elif panel.drawing is not None:
        flowables.append(DrawingFlowable(panel.drawing, PICTURE_HEIGHT))
    if panel.caption:  # said even when the image itself is gone from the store
        flowables.append(plain(panel.caption, s.caption))
    if panel.words:
        flowables.append(plain(panel.words, s.words))
    flowables.append(Spacer(1, 6 * MM))
    return KeepTogether(flowables)


def words_pictures_story(copy: WordsPicturesCopy) -> list[Flowable]:
    s = story_styles()
    flowables: list[Flowable] = []
    for index, story in enumerate(copy.stories):
        if index:
            flowables.append(PageBreak())
        flowables += [*_title_page(story, s), PageBreak()]
        flowables += [_panel(panel, s) for panel in story.panels]
    return flowables

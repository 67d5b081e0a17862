"""What the projector's frames other than the map share: type in reference pixels, the header lines, a centred
message, and (``ContentFrame``) the start of every scene: the background, and a message when there is nothing to show.

Sizes are in reference pixels of a 1920x1080 screen, scaled to the view, the theme's type scale and the zoom, as
the map's are.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont

from sos_desktop.ui.projector.layout import NO_MEETING, unit
from sos_desktop.ui.projector.scene import Scene, Shape, TextShape
from sos_desktop.ui.projector.text import LaidText, TextCache, TextStyle
from sos_desktop.ui.projector.themes import Theme

QUESTION_PX = (40, 36, 32)
"""The question's type, largest first: the first size at which it takes at most three lines."""

C = TypeVar("C")


class Frame:
    """A frame's size, theme and type, with helpers that lay out text and place it."""

    def __init__(self, theme: Theme, width: float, height: float, zoom: float, cache: TextCache) -> None:
        self.theme = theme
        self.width = width
        self.height = height
        self.cache = cache
        self.u = unit(width, height)
        self.zoom = zoom
        self.base = self.u * theme.type_scale
        """Pixels per reference pixel of type before the zoom (what a frame fits its main text at, then zooms)."""
        self.type = self.base * zoom
        self.margin = round(30 * self.u)

    def style(self, reference_px: float, weight: QFont.Weight = QFont.Weight.Normal) -> TextStyle:
        return TextStyle(self.theme.font_families, max(6, round(reference_px * self.type)), weight.value)

    def lay(
        self, text: str, reference_px: float, width: float, lines: int = 1, weight: QFont.Weight = QFont.Weight.Normal
    ) -> LaidText:
        return self.cache.lay(text, self.style(reference_px, weight), width, lines)

    @staticmethod
    def put(shapes: list[Shape], laid: LaidText, x: float, y: float, colour: QColor) -> float:
        """Place ``laid`` with its top left at (x, y); returns its bottom."""
        shapes.append(TextShape(laid, QPointF(x, y), colour))
        return y + laid.height

    def header(self, title: str, question: str, shapes: list[Shape]) -> float:
        """The meeting's title line and the question in large type; returns the bottom, with room below."""
        width = self.width - 2 * self.margin
        y = float(round(20 * self.u))
        if title:
            y = self.put(shapes, self.lay(title, 22, width), self.margin, y, self.theme.muted_text)
            y += round(12 * self.u)
        if question:
            laid = self.lay(question, QUESTION_PX[-1], width, 4, QFont.Weight.DemiBold)
            for size in QUESTION_PX:
                candidate = self.lay(question, size, width, 4, QFont.Weight.DemiBold)
                if candidate.lines <= 3:
                    laid = candidate
                    break
            y = self.put(shapes, laid, self.margin, y, self.theme.text)
        return y + round(24 * self.u)

    def message(self, scene: Scene, text: str, top: float = 0.0) -> None:
        """``text`` centred in the room below ``top``."""
        laid = self.lay(text, 32, self.width - 2 * self.margin, 3)
        y = top + max(0.0, (self.height - top - laid.height) / 2)
        self.put(scene.shapes, laid, (self.width - laid.width) / 2, y, self.theme.muted_text)


class ContentFrame(Frame, Generic[C]):
    """A frame of one snapshot of the meeting (``content``): ``scene()`` paints the background, then ``draw``s the
    content, or says ``empty`` (no meeting open, unless a frame says otherwise) when there is none.
    """

    empty = NO_MEETING

    def __init__(
        self, content: C | None, theme: Theme, width: float, height: float, zoom: float, cache: TextCache
    ) -> None:
        super().__init__(theme, width, height, zoom, cache)
        self.content = content

    def scene(self) -> Scene:
        scene = Scene(self.theme.background)
        if self.content is None:
            self.message(scene, self.empty)
        else:
            self.draw(self.content, scene)
        return scene

    def draw(self, content: C, scene: Scene) -> None:
        """Add the frame's shapes for ``content`` to ``scene``."""
        raise NotImplementedError

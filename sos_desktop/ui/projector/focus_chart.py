"""The projector's picture of the focus question: what the room reads as a group supervision begins.

Under the meeting's title line, the question the facilitator asks ("What do you want from the group today?") and the
presenter's answer as a large statement, each line centred, at the largest type that fits the wall. The answer comes
masked by the projection, as everything on the projector does.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QPainter

from sos_desktop.ui.projector.frame import ContentFrame
from sos_desktop.ui.projector.scene import Scene
from sos_desktop.ui.projector.text import LaidText

FOCUS_HEADING = "What do you want from the group today?"
NO_FOCUS = "No focus question yet — add it under Meeting details"
FOCUS_PX = (96, 88, 80, 72, 64, 58, 52, 46, 40, 36)
"""The focus question's type in reference pixels, largest first: the first at which it fits the room."""
MOST_LINES = 7
MEASURE = 1560
"""The widest a line of the statement runs, in reference pixels: shorter lines than the wall is wide read better."""


@dataclass(frozen=True)
class FocusContent:
    """The title line and the focus question, both already masked."""

    title: str
    question: str


@dataclass(frozen=True, eq=False)
class CentredTextShape:
    """Text whose every line is centred on ``centre_x``; its top at ``top``."""

    laid: LaidText
    centre_x: float
    top: float
    colour: QColor

    def paint(self, painter: QPainter) -> None:
        painter.setPen(self.colour)
        layout = self.laid.layout
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            # A line draws at its own position plus the offset: shift each so that its middle sits on centre_x.
            offset = self.centre_x - line.naturalTextWidth() / 2 - line.x()
            line.draw(painter, QPointF(offset, self.top))

    def texts(self) -> tuple[str, ...]:
        return (self.laid.text,)


class FocusLayout(ContentFrame[FocusContent]):
    """Builds the ``Scene`` of the focus question at one size, theme and zoom."""

    def draw(self, content: FocusContent, scene: Scene) -> None:
        u, theme, shapes = self.u, self.theme, scene.shapes
        width = self.width - 2 * self.margin
        top = float(round(20 * u))
        if content.title:
            top = self.put(shapes, self.lay(content.title, 22, width), self.margin, top, theme.muted_text)
        top += round(40 * u)
        heading = self.lay(FOCUS_HEADING, 44, width, 2, QFont.Weight.Bold)
        gap = round(44 * u)
        room = self.height - self.margin - top - heading.height - gap
        if content.question.strip():
            statement = self._statement(content.question, min(width, MEASURE * u), room)
            colour = theme.focus_text
        else:
            statement = self.lay(NO_FOCUS, 34, width, 3)
            colour = theme.muted_text
        # The heading and the statement as one block, centred in the room below the title line.
        block = heading.height + gap + statement.height
        y = top + max(0.0, (self.height - self.margin - top - block) / 2)
        middle = self.width / 2
        shapes.append(CentredTextShape(heading, middle, y, theme.text))
        shapes.append(CentredTextShape(statement, middle, y + heading.height + gap, colour))
        scene.card_pixel_size = statement.layout.font().pixelSize()

    def _statement(self, question: str, width: float, room: float) -> LaidText:
        """The question at the largest size that fits ``room``, else the smallest, cut with "…" where it must be."""
        for size in FOCUS_PX:
            laid = self.lay(question, size, width, 0, QFont.Weight.DemiBold)
            if laid.height <= room and laid.lines <= MOST_LINES:
                return laid
        style = self.style(FOCUS_PX[-1], QFont.Weight.DemiBold)
        line = self.cache.lay("Ag", style, width).height
        return self.cache.lay(question, style, width, max(1, min(MOST_LINES, int(room // line))))

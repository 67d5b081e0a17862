"""The projector's picture of a scale's trajectory: the median meeting by meeting over a band of the spread.

Meetings run left to right, oldest first, evenly spaced; 0 to 10 runs up with a gridline at each whole number.
The median is a thick line with a dot and its number at each meeting, the spread a shaded band from the lowest to
the highest rating, and the open meeting stands out.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont

from sos_desktop.models.scaling import number_text
from sos_desktop.ui.projector.chart_shapes import AreaShape, BoxShape, DiscShape, LineShape
from sos_desktop.ui.projector.frame import ContentFrame
from sos_desktop.ui.projector.scale_content import TrajectoryContent
from sos_desktop.ui.projector.scene import Scene, Shape
from sos_desktop.ui.projector.text import LaidText

MEDIAN = "Median"
SPREAD = "Lowest to highest"
THIS_MEETING = "This meeting"
DATE_PX = 34


class TrajectoryLayout(ContentFrame[TrajectoryContent]):
    """Builds the ``Scene`` of one scale's trajectory at one size, theme and zoom."""

    def draw(self, content: TrajectoryContent, scene: Scene) -> None:
        top = self.header(content.title, content.question, scene.shapes)
        if content.message:
            self.message(scene, content.message, top)
            return
        top = self._legend(top, scene.shapes)
        self._chart(content, top, scene.shapes)

    def _legend(self, top: float, shapes: list[Shape]) -> float:
        u, theme = self.u, self.theme
        x = float(self.margin)
        median = self.lay(MEDIAN, 30, self.width)
        middle = top + median.height / 2
        shapes.append(LineShape((QPointF(x, middle), QPointF(x + 56 * u, middle)), theme.median, 8 * u))
        self.put(shapes, median, x + 72 * u, top, theme.text)
        x += 72 * u + median.width + 48 * u
        shapes.append(BoxShape(QRectF(x, middle - 14 * u, 56 * u, 28 * u), theme.spread_band, 6 * u))
        spread = self.lay(SPREAD, 30, self.width)
        self.put(shapes, spread, x + 72 * u, top, theme.text)
        return top + median.height + round(28 * u)

    def _chart(self, content: TrajectoryContent, top: float, shapes: list[Shape]) -> None:
        u, theme = self.u, self.theme
        axis = [self.lay(str(value), 30, 200 * u, 1, QFont.Weight.Bold) for value in range(11)]
        left = self.margin + max(laid.width for laid in axis) + round(24 * u)
        right = self.width - self.margin - round(12 * u)
        here = self.lay(THIS_MEETING, 30, self.width, 1, QFont.Weight.Bold)
        line = self.lay(content.labels[0], DATE_PX, self.width, 1)
        bottom = self.height - self.margin - line.height - here.height - round(22 * u)
        plot_top = top + axis[0].height / 2 + round(40 * u)  # room for the number over a median of 10

        def y_of(value: float) -> float:
            return bottom - (bottom - plot_top) * value / 10

        step = (right - left) / len(content.points)
        xs = [left + step * (index + 0.5) for index in range(len(content.points))]
        dates, every = self._date_labels(content, step)
        if content.current >= 0:
            x, date = xs[content.current], dates[content.current]
            width = max(0.84 * step, max(date.width, here.width) + 24 * u)
            x = max(self.margin / 2 + width / 2, min(self.width - self.margin / 2 - width / 2, x))
            rect = QRectF(x - width / 2, plot_top - 30 * u, width, self.height - plot_top)
            shapes.append(BoxShape(rect, theme.card_fill, 12 * u, theme.card_border, max(1.0, 2 * u)))
        for value, laid in enumerate(axis):
            y = y_of(value)
            shapes.append(LineShape((QPointF(left, y), QPointF(right, y)), theme.gridline, max(1.0, 2 * u)))
            self.put(shapes, laid, left - round(16 * u) - laid.width, y - laid.height / 2, theme.muted_text)
        band = [QPointF(x, y_of(p.highest)) for x, p in zip(xs, content.points, strict=True)]
        band += [QPointF(x, y_of(p.lowest)) for x, p in reversed(list(zip(xs, content.points, strict=True)))]
        shapes.append(AreaShape(tuple(band), theme.spread_band))
        medians = [QPointF(x, y_of(p.median)) for x, p in zip(xs, content.points, strict=True)]
        shapes.append(LineShape(tuple(medians), theme.median, max(3.0, 9 * u)))
        numbered = self._numbered(content, step)
        for index, (point, centre) in enumerate(zip(content.points, medians, strict=True)):
            current = index == content.current
            radius = min((20 if current else 14) * u, 0.3 * step)
            shapes.append(DiscShape(centre, radius, (theme.median,), theme.background, max(2.0, 4 * u)))
            if index in numbered:
                number = self.lay(number_text(point.median), 38 if current else 34, 200 * u, 1, QFont.Weight.Bold)
                x = centre.x() - number.width / 2
                self.put(shapes, number, x, centre.y() - radius - number.height, theme.text)
        self._dates(content, xs, dates, every, bottom + round(14 * u), shapes)

    @staticmethod
    def _shown(content: TrajectoryContent, every: int) -> set[int]:
        """Which meetings to label when only every few fit: those, and always the open meeting and the last."""
        current, last = content.current, len(content.points) - 1
        kept = {index for index in (current, last) if index >= 0}
        for index in range(0, last + 1, every):
            if all(abs(index - other) >= every for other in kept):
                kept.add(index)
        return kept

    def _numbered(self, content: TrajectoryContent, step: float) -> set[int]:
        """The medians to write: all if their numbers fit side by side, else every few, this meeting's and the last."""
        widest = max(
            self.lay(number_text(p.median), 38, self.width, 1, QFont.Weight.Bold).width for p in content.points
        )
        return self._shown(content, max(1, math.ceil(1.2 * widest / step)))

    def _date_labels(self, content: TrajectoryContent, step: float) -> tuple[list[LaidText], int]:
        """Each meeting's label (a long title shortened) and how many meetings apart the labels must be to fit."""
        u = self.u
        dates = []
        for index, label in enumerate(content.labels):
            weight = QFont.Weight.Bold if index == content.current else QFont.Weight.Normal
            natural = self.lay(label, DATE_PX, self.width, 1, weight).width + 2
            dates.append(self.lay(label, DATE_PX, min(natural, max(0.95 * step, 260 * u)), 1, weight))
        return dates, max(1, math.ceil(1.15 * max(date.width for date in dates) / step))

    def _dates(
        self,
        content: TrajectoryContent,
        xs: list[float],
        dates: list[LaidText],
        every: int,
        y: float,
        shapes: list[Shape],
    ) -> None:
        """The meetings' dates under the chart: every one if they fit, else every few, always the open meeting."""
        theme = self.theme
        for index in sorted(self._shown(content, every)):
            current = index == content.current
            colour = theme.focus_text if current else theme.text
            below = self.put(shapes, dates[index], self._inside(xs[index], dates[index].width), y, colour)
            if current:
                here = self.lay(THIS_MEETING, 30, self.width, 1, QFont.Weight.Bold)
                self.put(shapes, here, self._inside(xs[index], here.width), below, theme.focus_text)

    def _inside(self, centre: float, width: float) -> float:
        """The left of a text of ``width`` centred on ``centre`` but kept on the screen."""
        return max(self.margin, min(self.width - self.margin - width, centre - width / 2))

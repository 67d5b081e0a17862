"""The projector's picture of a scale's trajectory: the median meeting by meeting over a band of the spread.

Meetings run left to right, oldest first, evenly spaced; 0 to 10 runs up with a gridline at each whole number.
The median is a thick line with a dot and its number at each meeting, the spread a shaded band from the lowest to
the highest rating, and the open meeting stands out. Each child's path to the door (their Safety House's number,
where they agreed to share it) is a line of its own beside the scale's, named in the legend.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont

from sos_desktop.models import Column
from sos_desktop.models.scaling import number_text
from sos_desktop.ui.projector.chart_shapes import AreaShape, BoxShape, DiscShape, LineShape
from sos_desktop.ui.projector.frame import ContentFrame
from sos_desktop.ui.projector.path_content import PathLine
from sos_desktop.ui.projector.scale_content import TrajectoryContent
from sos_desktop.ui.projector.scene import Scene, Shape
from sos_desktop.ui.projector.text import LaidText
from sos_desktop.ui.projector.themes import Theme

PATH_COLUMNS = (Column.WORKING_WELL, Column.NEEDS_TO_HAPPEN, Column.WORRIES)
"""The colours of the children's paths, in turn: the map's column colours, none of them the median's."""
MEDIAN = "Median"
SPREAD = "Lowest to highest"
THIS_MEETING = "This meeting"
DATE_PX = 34


def path_colour(theme: Theme, number: int) -> QColor:
    return theme.accent(PATH_COLUMNS[number % len(PATH_COLUMNS)])


class TrajectoryLayout(ContentFrame[TrajectoryContent]):
    """Builds the ``Scene`` of one scale's trajectory at one size, theme and zoom."""

    _paths: tuple[PathLine, ...] = ()

    def draw(self, content: TrajectoryContent, scene: Scene) -> None:
        self._paths = content.paths
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
        x += 72 * u + spread.width + 48 * u
        for which, path in enumerate(self._paths):
            colour = path_colour(theme, which)
            laid = self.lay(path.label, 30, max(40 * u, self.width - self.margin - x - 72 * u), 1)
            if x + 72 * u + laid.width > self.width - self.margin:
                break  # the legend's line is full; the lines still show, as the dates do
            shapes.append(LineShape((QPointF(x, middle), QPointF(x + 56 * u, middle)), colour, 6 * u))
            self.put(shapes, laid, x + 72 * u, top, theme.text)
            x += 72 * u + laid.width + 48 * u
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
        for which, path in enumerate(content.paths):
            self._path(path, xs, y_of, path_colour(theme, which), step, shapes)
        numbered = self._numbered(content, step)
        for index, (point, centre) in enumerate(zip(content.points, medians, strict=True)):
            current = index == content.current
            radius = min((20 if current else 14) * u, 0.3 * step)
            shapes.append(DiscShape(centre, radius, (theme.median,), theme.background, max(2.0, 4 * u)))
            if index in numbered:
                number = self.lay(number_text(point.median), 38 if current else 34, 200 * u, 1, QFont.Weight.Bold)
                x = centre.x() - number.width / 2
                # Under the dot when a child's path stands just above it, so neither hides the other.
                crowded = any(
                    path.values[index] is not None and 0 <= (path.values[index] or 0) - point.median <= 1.5
                    for path in content.paths
                )
                y = centre.y() + radius if crowded else centre.y() - radius - number.height
                self.put(shapes, number, x, y, theme.text)
        self._dates(content, xs, dates, every, bottom + round(14 * u), shapes)

    def _path(
        self,
        path: PathLine,
        xs: list[float],
        y_of: Callable[[float], float],
        colour: QColor,
        step: float,
        shapes: list[Shape],
    ) -> None:
        """A child's path: a line through the meetings where it was shared (a gap where not), a square at each."""
        u = self.u
        run: list[QPointF] = []
        for x, value in zip(xs, path.values, strict=True):
            if value is None:
                if len(run) > 1:
                    shapes.append(LineShape(tuple(run), colour, max(2.0, 6 * u)))
                run = []
                continue
            run.append(QPointF(x, y_of(value)))
        if len(run) > 1:
            shapes.append(LineShape(tuple(run), colour, max(2.0, 6 * u)))
        side = min(22 * u, 0.4 * step)
        for x, value in zip(xs, path.values, strict=True):
            if value is not None:
                centre = QPointF(x, y_of(value))
                rect = QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side)
                shapes.append(BoxShape(rect, colour, 3 * u))
                number = self.lay(number_text(value), 30, 200 * u, 1, QFont.Weight.Bold)
                self.put(shapes, number, centre.x() + side, centre.y() - number.height / 2, colour)

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

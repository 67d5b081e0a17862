"""The projector's picture of the trajectory plan beside the scale's trajectory, on one time axis.

Dates run left to right in proportion. The scale's median at each meeting is a thick line with a dot and its
number (as the trajectory chart draws it), the plan's targets a dashed line, and "Today" (the day the meeting
judges by) a vertical line. Each milestone is a numbered disc on the axis with its date under it; under the chart
each milestone's number, date, what and who, and its status in a tag. Late milestones are amber wherever they
appear (the theme's ``flag`` colour, as "Overdue" is), done ones green. Past the type's floor the list shows the
first milestones that fit and "+ N more".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF

from sos_desktop.models import Column
from sos_desktop.models.chronology import MONTHS
from sos_desktop.models.scaling import number_text
from sos_desktop.models.trajectory_plan import MilestoneStatus
from sos_desktop.ui.projector.chart_shapes import DiscShape, LineShape
from sos_desktop.ui.projector.over_time import Block, OverTimeFrame, Piece, amber
from sos_desktop.ui.projector.scene import Scene, Shape
from sos_desktop.ui.projector.themes import ink_on
from sos_desktop.ui.projector.trajectory_plan_content import HEADING, MilestoneLine, TrajectoryPlanContent

MEDIAN, TARGET, TODAY = "Median", "Target", "Today"
LIST_PX = (32, 30, 28)
"""The milestones' type under the chart, largest first."""
LIST_SHARE = 0.5
"""The most of the room below the heading the list of milestones takes; the chart has the rest."""
AXIS_PX = 26
LANES = 2
"""Rows of milestone dates under the axis, where dates would touch."""


@dataclass(frozen=True, eq=False)
class DashedLineShape:
    """A dashed line through ``points``: the plan's targets."""

    points: tuple[QPointF, ...]
    colour: QColor
    width: float

    def paint(self, painter: QPainter) -> None:
        pen = QPen(self.colour, self.width)
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(QPolygonF(list(self.points)))

    def texts(self) -> tuple[str, ...]:
        return ()


def short_day(day: date) -> str:
    """'5 Dec'."""
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


def long_day(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def more_milestones(count: int) -> str:
    return f"+ {count} more {'milestone' if count == 1 else 'milestones'}"


class TrajectoryPlanLayout(OverTimeFrame[TrajectoryPlanContent]):
    """Builds the ``Scene`` of the trajectory plan at one size, theme and zoom."""

    def draw(self, content: TrajectoryPlanContent, scene: Scene) -> None:
        top = self.heading_block(content.title, HEADING, content.question, scene.shapes)
        if content.message:
            self.message(scene, content.message, top)
            return
        room = max(0.0, self.height - self.margin - top)
        px, columns, shown = self._fitted(content, room * LIST_SHARE)
        listed = self._list_height(content, px, columns, shown)
        top = self._legend(content, top, scene.shapes)
        self._chart(content, top, self.height - self.margin - listed - round(20 * self.u), scene.shapes)
        self._place_list(content, px, columns, shown, self.height - self.margin - listed, scene.shapes)
        scene.card_pixel_size = self.style(px).pixel_size
        scene.hidden_cards = len(content.milestones) - shown

    # Colours -----------------------------------------------------------------------------------------------------

    def colour(self, line: MilestoneLine) -> QColor:
        """Late amber, done green, under way blue, dropped muted, planned in the median's colour."""
        theme = self.theme
        if line.late:
            return amber(theme)
        if line.status is MilestoneStatus.DONE:
            return theme.accent(Column.WORKING_WELL)
        if line.status is MilestoneStatus.UNDER_WAY:
            return theme.accent(Column.NEEDS_TO_HAPPEN)
        if line.status is MilestoneStatus.DROPPED:
            return theme.muted_text
        return theme.median

    # The legend and the chart ------------------------------------------------------------------------------------

    def _legend(self, content: TrajectoryPlanContent, top: float, shapes: list[Shape]) -> float:
        u, theme = self.u, self.theme
        x, thick = float(self.margin), max(3.0, 8 * u)
        entries: list[tuple[str, QColor, bool]] = [(MEDIAN, theme.median, False)] if content.medians else []
        if content.targets:
            entries.append((TARGET, theme.text, True))
        bottom = top
        for words, colour, dashed in entries:
            laid = self.lay(words, 28, self.width)
            middle = top + laid.height / 2
            ends = (QPointF(x, middle), QPointF(x + 64 * u, middle))
            shapes.append(DashedLineShape(ends, colour, thick / 2) if dashed else LineShape(ends, colour, thick))
            self.put(shapes, laid, x + 80 * u, top, theme.text)
            x += 80 * u + laid.width + 48 * u
            bottom = top + laid.height
        if content.late:
            late = self.tag_text(f"{content.late} Late", 26)
            self.tag(late, x, top, amber(theme), shapes)
            bottom = max(bottom, top + self.tag_size(late)[1])
        return bottom + round(20 * u) if bottom > top else top

    def _chart(self, content: TrajectoryPlanContent, top: float, bottom: float, shapes: list[Shape]) -> None:
        u, theme = self.u, self.theme
        ticks = [self.lay(str(value), AXIS_PX, 200 * u, 1, QFont.Weight.Bold) for value in range(0, 11, 2)]
        left = self.margin + max(laid.width for laid in ticks) + round(20 * u)
        right = self.width - self.margin - round(16 * u)
        label = self.lay("5 Dec", AXIS_PX, self.width, 1, QFont.Weight.Bold)
        today = self.lay(TODAY, AXIS_PX, self.width, 1, QFont.Weight.Bold)
        plot_top = top + today.height + round(12 * u)
        radius = max(10.0, round(22 * self.type))
        axis_y = bottom - LANES * label.height - radius * 2 - round(14 * u)
        days = [d for d, _ in content.medians] + [d for d, _ in content.targets]
        days += [line.when for line in content.milestones if line.when is not None] + [content.today]
        first, last = min(days), max(days)
        span = max(1, (last - first).days)
        start, total = first.toordinal() - 0.06 * span, 1.12 * span

        def y_of(value: float) -> float:
            return axis_y - (axis_y - plot_top) * value / 10

        def x_of(day: date) -> float:
            return left + (right - left) * (day.toordinal() - start) / total

        grid = max(1.0, 2 * u)
        for value in range(11):
            shapes.append(LineShape((QPointF(left, y_of(value)), QPointF(right, y_of(value))), theme.gridline, grid))
        for value, laid in zip(range(0, 11, 2), ticks, strict=True):
            y = y_of(value) - laid.height / 2
            self.put(shapes, laid, left - round(12 * u) - laid.width, y, theme.muted_text)
        shapes.append(LineShape((QPointF(left, axis_y), QPointF(right, axis_y)), theme.muted_text, max(2.0, 4 * u)))
        # Today.
        tx = x_of(content.today)
        shapes.append(LineShape((QPointF(tx, plot_top), QPointF(tx, axis_y)), theme.focus_text, max(2.0, 4 * u)))
        self.put(shapes, today, self._inside(tx, today.width), top, theme.focus_text)
        # The targets, dashed, with a ring at each.
        if content.targets:
            points = tuple(QPointF(x_of(d), y_of(score)) for d, score in content.targets)
            shapes.append(DashedLineShape(points, theme.text, max(2.5, 5 * u)))
            for point in points:
                shapes.append(DiscShape(point, max(4.0, 9 * u), (theme.background,), theme.text, max(2.0, 4 * u)))
        # The medians, as the trajectory draws them.
        if content.medians:
            points = tuple(QPointF(x_of(d), y_of(score)) for d, score in content.medians)
            if len(points) > 1:
                shapes.append(LineShape(points, theme.median, max(3.0, 9 * u)))
            dot = max(6.0, 14 * u)
            for point, (_, score) in zip(points, content.medians, strict=True):
                shapes.append(DiscShape(point, dot, (theme.median,), theme.background, max(2.0, 4 * u)))
                number = self.lay(number_text(score), 32, 200 * u, 1, QFont.Weight.Bold)
                self.put(shapes, number, point.x() - number.width / 2, point.y() - dot - number.height, theme.text)
        self._markers(content, x_of, axis_y, radius, shapes)

    def _markers(
        self,
        content: TrajectoryPlanContent,
        x_of: Callable[[date], float],
        axis_y: float,
        radius: float,
        shapes: list[Shape],
    ) -> None:
        """Each milestone's numbered disc on the axis and its date under it, in rows where dates would touch."""
        u, theme = self.u, self.theme
        lanes: list[float] = []
        for line in content.milestones:
            if line.when is None:
                continue
            x, fill = x_of(line.when), self.colour(line)
            centre = QPointF(x, axis_y)
            shapes.append(DiscShape(centre, radius, (fill,), theme.background, max(2.0, 3 * u)))
            number = self.lay(str(line.number), 1.1 * radius / self.type, 4 * radius, 1, QFont.Weight.Bold)
            self.put(shapes, number, x - number.width / 2, axis_y - number.height / 2, ink_on(theme, fill))
            laid = self.lay(short_day(line.when), AXIS_PX, self.width, 1, QFont.Weight.Bold)
            lx = self._inside(x, laid.width)
            lane = next((i for i, end in enumerate(lanes) if end + 16 * u <= lx), len(lanes))
            if lane == LANES:
                continue  # no room under the axis: its number and the list below say when it is
            if lane == len(lanes):
                lanes.append(0.0)
            lanes[lane] = lx + laid.width
            y = axis_y + radius + round(6 * u) + lane * laid.height
            colour = fill if line.late or line.done else theme.text
            self.put(shapes, laid, lx, y, colour)

    def _inside(self, centre: float, width: float) -> float:
        return max(self.margin, min(self.width - self.margin - width, centre - width / 2))

    # The list of milestones --------------------------------------------------------------------------------------

    def _width(self, columns: int) -> float:
        return (self.width - 2 * self.margin - round(36 * self.u) * (columns - 1)) / columns

    def _tag_width(self, content: TrajectoryPlanContent, px: int) -> float:
        return max(self.tag_size(self.tag_text(line.label, 0.8 * px))[0] for line in content.milestones)

    def _row(self, line: MilestoneLine, px: int, width: float, tag_width: float) -> Block:
        theme, gap = self.theme, round(0.4 * px * self.type)
        number = self.tag_text(str(line.number), 0.8 * px)
        number_width = self.tag_size(number)[0]
        left = number_width + gap
        text_width = max(1.0, width - left - gap - tag_width)
        when = long_day(line.when) if line.when is not None else "No date yet"
        head = self.lay(f"{when} · {line.what}", px, text_width, 3, QFont.Weight.DemiBold)
        details = [line.who] if line.who else []
        if line.target is not None:
            details.append(f"target {number_text(line.target)}")
        fill = self.colour(line)
        pieces = [
            Piece(number, 0.0, 0.0, fill, True, number_width),
            Piece(head, left, 0.0, amber(theme) if line.late else theme.text),
            Piece(
                self.tag_text(line.label, 0.8 * px),
                width - tag_width,
                0.0,
                fill,
                True,
                tag_width,
                line.status is MilestoneStatus.PLANNED and not line.late,
            ),
        ]
        height = max(head.height, self.tag_size(number)[1])
        if details:
            laid = self.lay(" · ".join(details), 0.82 * px, text_width, 2)
            pieces.append(Piece(laid, left, head.height, theme.muted_text))
            height = max(height, head.height + laid.height)
        return Block(height, tuple(pieces))

    def _rows(self, content: TrajectoryPlanContent, px: int, columns: int) -> list[Block]:
        width, tag_width = self._width(columns), self._tag_width(content, px)
        return [self._row(line, px, width, tag_width) for line in content.milestones]

    def _gap(self, px: int) -> float:
        return round(0.35 * px * self.type)

    def _list_height(self, content: TrajectoryPlanContent, px: int, columns: int, shown: int) -> float:
        rows = self._rows(content, px, columns)[:shown]
        per = -(-shown // columns)
        height = 0.0
        for column in range(columns):
            part = rows[column * per : (column + 1) * per]
            height = max(height, sum(b.height for b in part) + self._gap(px) * max(0, len(part) - 1))
        if shown < len(content.milestones):
            height += self._gap(px) + self.note_line(more_milestones(99), 26, self.width).height
        return height

    def _fitted(self, content: TrajectoryPlanContent, room: float) -> tuple[int, int, int]:
        """The list's type, its columns and how many milestones it shows."""
        count = len(content.milestones)
        for columns in (1, 2) if count < 3 else (2, 1):
            for px in LIST_PX:
                if self._width(columns) < 14 * px * self.type:
                    continue
                if self._list_height(content, px, columns, count) <= room:
                    return px, columns, count
        px, columns = LIST_PX[-1], 2 if self._width(2) >= 14 * LIST_PX[-1] * self.type else 1
        shown = count
        while shown > 1 and self._list_height(content, px, columns, shown) > room:
            shown -= 1
        return px, columns, shown

    def _place_list(
        self, content: TrajectoryPlanContent, px: int, columns: int, shown: int, top: float, shapes: list[Shape]
    ) -> None:
        rows, width = self._rows(content, px, columns)[:shown], self._width(columns)
        per = -(-shown // columns)
        bottom = top
        for column in range(columns):
            x, y = self.margin + column * (width + round(36 * self.u)), top
            for block in rows[column * per : (column + 1) * per]:
                y = self.put_block(block, x, y, shapes) + self._gap(px)
            bottom = max(bottom, y)
        if shown < len(content.milestones):
            note = self.note_line(more_milestones(len(content.milestones) - shown), 26, self.width)
            self.put_block(note, self.margin, bottom, shapes)

"""A line chart of a facilitator's rubric ratings across the meetings they ran, drawn with QPainter.

Meetings run left to right, oldest first, evenly spaced, with their dates along the bottom; 0 to 10 runs up with a
gridline at each whole number. Each series (a criterion, or the mean of all of them) is a line with markers; the
mean is drawn thicker and darker. Colours are told apart by marker shape as well, for colour-blind readers, and a
legend on the right names every line. A meeting without a rating for a criterion leaves a gap in its line.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

# Okabe and Ito's colour-blind-safe palette (yellow darkened to read on white), then a few more.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#B59B00", "#7F4F24", "#6A3D9A", "#999")
MEAN_COLOUR = "#1A1A1A"
SHAPES = ("circle", "square", "triangle", "diamond")
LEGEND_WIDTH = 250.0


@dataclass(frozen=True)
class ChartSeries:
    name: str
    values: list[float | None]
    """One value per meeting (None: not rated then)."""
    mean: bool = False
    colour: int = 0
    """Which colour and marker shape (the same criterion keeps its own whichever lines are shown)."""


class DevelopmentChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dates: list[str] = []
        self.series: list[ChartSeries] = []
        self.empty_text = "No ratings to chart yet."
        self.setAccessibleName("Ratings across meetings")
        self.setToolTip("Observers' ratings by meeting, oldest on the left; the thick black line is the mean")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(560, 260)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("white"))
        self.setPalette(palette)

    def sizeHint(self) -> QSize:
        return QSize(900, 340)

    def set_data(self, dates: list[str], series: list[ChartSeries]) -> None:
        self.dates = list(dates)
        self.series = list(series)
        names = ", ".join(s.name for s in series)
        self.setAccessibleDescription(f"{len(dates)} meetings; lines for {names}" if series else self.empty_text)
        self.update()

    @staticmethod
    def colour(series: ChartSeries) -> QColor:
        return QColor(MEAN_COLOUR if series.mean else PALETTE[series.colour % len(PALETTE)])

    @staticmethod
    def shape(series: ChartSeries) -> str:
        return "circle" if series.mean else SHAPES[series.colour % len(SHAPES)]

    # Drawing ------------------------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bounds = QRectF(self.rect()).adjusted(8, 10, -8, -8)
        if not self.dates or not any(v is not None for s in self.series for v in s.values):
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(bounds, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            return
        metrics = QFontMetricsF(self.font())
        legend = QRectF(bounds.right() - LEGEND_WIDTH, bounds.top(), LEGEND_WIDTH, bounds.height())
        plot = QRectF(bounds.left() + metrics.horizontalAdvance("10") + 12, bounds.top() + 6, 0, 0)
        plot.setRight(legend.left() - 24)
        plot.setBottom(bounds.bottom() - metrics.height() * 1.6)
        self._axes(painter, plot, metrics)
        for series in sorted(self.series, key=lambda line: line.mean):  # the mean on top
            self._line(painter, plot, series)
        self._legend(painter, legend, metrics)

    def x_of(self, plot: QRectF, index: int) -> float:
        count = len(self.dates)
        if count == 1:
            return plot.center().x()
        inset = min(40.0, plot.width() / (2 * count))
        return plot.left() + inset + index * (plot.width() - 2 * inset) / (count - 1)

    @staticmethod
    def y_of(plot: QRectF, value: float) -> float:
        return plot.bottom() - value / 10 * plot.height()

    def _axes(self, painter: QPainter, plot: QRectF, metrics: QFontMetricsF) -> None:
        text = self.palette().color(QPalette.ColorRole.WindowText)
        grid = QColor("#E3E3E3")
        for value in range(11):
            y = self.y_of(plot, value)
            painter.setPen(QPen(grid if value % 5 else QColor("#B8B8B8"), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            if value % 2 == 0:
                painter.setPen(text)
                label = QRectF(plot.left() - 40, y - metrics.height() / 2, 34, metrics.height())
                painter.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))
        painter.setPen(text)
        # Dates: as many as fit without overlapping, always the first and the last.
        widest = max(metrics.horizontalAdvance(date) for date in self.dates) + 12
        gap = self.x_of(plot, 1) - self.x_of(plot, 0) if len(self.dates) > 1 else widest
        step = max(1, int(widest // max(1.0, gap)) + (0 if gap >= widest else 1))
        for index, date in enumerate(self.dates):
            if index % step and index != len(self.dates) - 1:
                continue
            x = self.x_of(plot, index)
            painter.setPen(QPen(QColor("#B8B8B8"), 1))
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            painter.setPen(text)
            box = QRectF(x - widest / 2, plot.bottom() + 6, widest, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, date)

    def _line(self, painter: QPainter, plot: QRectF, series: ChartSeries) -> None:
        colour = self.colour(series)
        width = 3.5 if series.mean else 2.0
        painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        run: list[QPointF] = []
        points = []
        for position, value in enumerate(series.values):
            if value is None:
                if len(run) > 1:
                    painter.drawPolyline(QPolygonF(run))
                run = []
                continue
            point = QPointF(self.x_of(plot, position), self.y_of(plot, value))
            run.append(point)
            points.append(point)
        if len(run) > 1:
            painter.drawPolyline(QPolygonF(run))
        for point in points:
            self.marker(painter, point, self.shape(series), colour, 5.5 if series.mean else 4.5)

    @staticmethod
    def marker(painter: QPainter, centre: QPointF, shape: str, colour: QColor, radius: float) -> None:
        painter.setPen(QPen(QColor("white"), 1.2))
        painter.setBrush(colour)
        x, y, r = centre.x(), centre.y(), radius
        if shape == "square":
            painter.drawRect(QRectF(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7))
        elif shape == "triangle":
            corners = [QPointF(x, y - r * 1.1), QPointF(x + r, y + r * 0.8), QPointF(x - r, y + r * 0.8)]
            painter.drawPolygon(QPolygonF(corners))
        elif shape == "diamond":
            corners = [QPointF(x, y - r * 1.2), QPointF(x + r, y), QPointF(x, y + r * 1.2), QPointF(x - r, y)]
            painter.drawPolygon(QPolygonF(corners))
        else:
            painter.drawEllipse(centre, r, r)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _legend(self, painter: QPainter, area: QRectF, metrics: QFontMetricsF) -> None:
        text = self.palette().color(QPalette.ColorRole.WindowText)
        y = area.top()
        for series in sorted(self.series, key=lambda line: not line.mean):  # the mean first
            label = QRectF(area.left() + 30, y, area.width() - 30, 1000)
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            height = metrics.boundingRect(label, flags, series.name).height()
            if y + height > area.bottom():
                painter.setPen(text)
                painter.drawText(QRectF(area.left(), y, area.width(), metrics.height()), "…")
                return
            colour = self.colour(series)
            middle = y + metrics.height() / 2
            painter.setPen(QPen(colour, 3.5 if series.mean else 2.0))
            painter.drawLine(QPointF(area.left(), middle), QPointF(area.left() + 22, middle))
            self.marker(painter, QPointF(area.left() + 11, middle), self.shape(series), colour, 4.0)
            painter.setPen(text)
            font = painter.font()
            font.setBold(series.mean)
            painter.setFont(font)
            painter.drawText(label, flags, series.name)
            font.setBold(False)
            painter.setFont(font)
            y += height + 6

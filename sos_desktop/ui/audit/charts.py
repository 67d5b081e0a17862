"""The audit's two pictures, drawn with QPainter: the share of cases meeting each standard (horizontal bars, the
percentage and the count written at each bar's end), and how long ago the cases last met (a histogram with each
bar's count on top). Both are given plain figures; they compute nothing themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from sos_desktop.ui.common.colours import AMBER

BAR = QColor("#1F4E79")
"""The minutes' accent blue: the bars read as the same family as the printed summary."""
TRACK = QColor("#E3E8EF")
GRID = QColor("#B8B8B8")


@dataclass(frozen=True)
class StandardBar:
    """One standard: its name, how many cases meet it, of how many."""

    name: str
    met: int
    of: int

    @property
    def share(self) -> float:
        return self.met / self.of if self.of else 0.0


@dataclass(frozen=True)
class HistogramBin:
    """One bar of the histogram: its label ("0–30 days") and how many cases fall in it; ``flag`` draws it amber."""

    label: str
    count: int
    flag: bool = False


class _Chart(QWidget):
    def __init__(self, title: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.empty_text = empty_text
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 220)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("white"))
        self.setPalette(palette)

    def sizeHint(self) -> QSize:
        return QSize(560, 300)

    def _begin(self) -> tuple[QPainter, QRectF, QFontMetricsF]:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bounds = QRectF(self.rect()).adjusted(10, 8, -10, -8)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(bounds, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self.title)
        font.setBold(False)
        painter.setFont(font)
        return painter, bounds.adjusted(0, metrics.height() + 8, 0, 0), QFontMetricsF(font)

    def _empty(self, painter: QPainter, area: QRectF) -> None:
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)


class StandardsChart(_Chart):
    """Horizontal bars, one per standard, 0 to 100 % of the cases shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Cases meeting each standard", "No cases to chart.", parent)
        self.bars: list[StandardBar] = []

    def set_bars(self, bars: list[StandardBar]) -> None:
        self.bars = list(bars)
        self.setAccessibleDescription("; ".join(f"{b.name}: {b.met} of {b.of}" for b in self.bars))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter, area, metrics = self._begin()
        if not self.bars or not any(b.of for b in self.bars):
            self._empty(painter, area)
            return
        text = self.palette().color(QPalette.ColorRole.WindowText)
        names = min(area.width() * 0.42, max(metrics.horizontalAdvance(b.name) for b in self.bars) + 12)
        figures = metrics.horizontalAdvance("100 % (10,000 of 10,000)") + 8
        track_left = area.left() + names
        track_width = max(40.0, area.width() - names - figures)
        step = area.height() / len(self.bars)
        thickness = min(26.0, step * 0.62)
        for number, bar in enumerate(self.bars):
            middle = area.top() + step * (number + 0.5)
            painter.setPen(text)
            label = QRectF(area.left(), middle - step / 2, names - 10, step)
            flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(label, flags, bar.name)
            track = QRectF(track_left, middle - thickness / 2, track_width, thickness)
            painter.fillRect(track, TRACK)
            painter.fillRect(QRectF(track.left(), track.top(), track_width * bar.share, thickness), BAR)
            painter.setPen(text)
            words = f"{round(bar.share * 100)} % ({bar.met:,} of {bar.of:,})"
            where = QRectF(track.right() + 8, middle - step / 2, figures, step)
            painter.drawText(where, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, words)
        painter.setPen(QPen(GRID, 1, Qt.PenStyle.DashLine))
        half = track_left + track_width / 2
        painter.drawLine(QPointF(half, area.top()), QPointF(half, area.bottom()))


class HistogramChart(_Chart):
    """Vertical bars, one per bin, each with its count on top and its label below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Days since the last meeting", "No cases to chart.", parent)
        self.bins: list[HistogramBin] = []

    def set_bins(self, bins: list[HistogramBin]) -> None:
        self.bins = list(bins)
        self.setAccessibleDescription("; ".join(f"{b.label}: {b.count}" for b in self.bins))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter, area, metrics = self._begin()
        if not self.bins or not any(b.count for b in self.bins):
            self._empty(painter, area)
            return
        text = self.palette().color(QPalette.ColorRole.WindowText)
        below = metrics.height() * 2.3
        plot = area.adjusted(0, metrics.height() + 2, 0, -below)
        tallest = max(b.count for b in self.bins)
        step = plot.width() / len(self.bins)
        width = step * 0.7
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        for number, histogram_bin in enumerate(self.bins):
            left = plot.left() + step * number + (step - width) / 2
            height = plot.height() * histogram_bin.count / tallest
            painter.fillRect(
                QRectF(left, plot.bottom() - height, width, height), QColor(AMBER) if histogram_bin.flag else BAR
            )
            painter.setPen(text)
            count = QRectF(left - 10, plot.bottom() - height - metrics.height() - 2, width + 20, metrics.height())
            painter.drawText(count, Qt.AlignmentFlag.AlignCenter, f"{histogram_bin.count:,}")
            label = QRectF(plot.left() + step * number, plot.bottom() + 4, step, below - 4)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            painter.drawText(label, flags, histogram_bin.label)

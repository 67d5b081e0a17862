"""The console's page tabs with less room either side of their names, so that all thirteen pages of a meeting show
at once on a 1280-pixel laptop instead of hiding the last ones behind the tab bar's arrows (the names are kept
whole: a practice leader reads "Words and Pictures", not "Words and P…").
"""

from __future__ import annotations

from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QTabBar, QWidget

TAB_SIDE_ROOM = 12
"""Pixels of room beside a tab's name, both sides together (Fusion gives 24)."""


class CompactTabStyle(QProxyStyle):
    """The application's style, with narrower tabs."""

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        if metric == QStyle.PixelMetric.PM_TabBarTabHSpace:
            return TAB_SIDE_ROOM
        return super().pixelMetric(metric, option, widget)


def make_compact(bar: QTabBar) -> None:
    """Give ``bar`` the narrower tabs (the style belongs to the bar and goes with it)."""
    style = CompactTabStyle()
    style.setParent(bar)
    bar.setStyle(style)

"""Doing something once a window has painted: how the console opens its store only after its first paint, and how
``sos-desktop --exit-after-first-paint`` (the console's first paint) and ``--exit-when-ready`` (its first paint once
the store is open and the last meeting shown) quit to time start-up.

The benchmarks (``bench/run.py``) start the real program this way and measure from process start to exit; the bare
PySide6 baseline (``bench/bare_window.py``) does the same with an empty window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class AfterPaint(QObject):
    """Once armed, calls ``then`` after the next paint of ``window`` or of any widget in it, then disarms."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self.window = window
        self.then = then
        self._armed = False

    def arm(self) -> None:
        self._armed = True
        app = QApplication.instance()
        assert app is not None
        # Watched application-wide: a main window covered by its children may get no paint event of its own.
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        in_window = isinstance(watched, QWidget) and watched.window() is self.window
        if self._armed and event.type() == QEvent.Type.Paint and in_window:
            self._armed = False
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            # Queued, so the rest of this paint (the other widgets, then the flush to the screen) finishes first.
            QTimer.singleShot(0, self.then)
        return False


def quit_after_paint(window: QWidget) -> AfterPaint:
    """An :class:`AfterPaint` that quits the application; arm it when the paint to wait for is due."""
    return AfterPaint(window, QCoreApplication.quit)

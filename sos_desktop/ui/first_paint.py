"""Quitting as soon as a window has painted once: what ``sos-desktop --exit-after-first-paint`` uses to time start-up.

The benchmarks (``bench/run.py``) start the real program this way and measure from process start to exit; the bare
PySide6 baseline (``bench/bare_window.py``) does the same with an empty window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class QuitAfterFirstPaint(QObject):
    """Watches ``window`` and quits the application once its first paint has been handled."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._painted = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            watched.removeEventFilter(self)
            # Queued, so the rest of this paint (the children, then the flush to the screen) finishes first.
            QTimer.singleShot(0, QCoreApplication.quit)
        return False

"""The floor for start-up: a bare PySide6 QMainWindow, started the way the app starts, quitting after its first paint.

Run: ``.venv/bin/python bench/bare_window.py``. It makes a QApplication named and styled as ``sos-desktop`` does
(Fusion), shows an empty 1600 x 1000 QMainWindow and quits once it has painted, exactly as
``sos-desktop --exit-after-first-paint`` does with the console. ``bench/run.py`` times both from process start.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _QuitAfterFirstPaint(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.painted = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


def main() -> int:
    QApplication.setApplicationName("bare-window")
    QApplication.setOrganizationName("sos-desktop-bench")
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.resize(1600, 1000)
    _QuitAfterFirstPaint(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

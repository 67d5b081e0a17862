"""The floor for start-up: a bare PySide6 QMainWindow, started the way the app starts, quitting after its first paint.

Run: ``.venv/bin/python bench/bare_window.py [--with-text]``. It makes a QApplication named and styled as
``sos-desktop`` does (Fusion), shows an empty QMainWindow of the console's first-start size and quits once it has
painted, exactly as ``sos-desktop --exit-after-first-paint`` does with the console. ``bench/run.py`` times both from
process start.

``--with-text`` gives the window the least a console shows (six menu titles, a status line, one centred label): a
second floor, since the first text a process paints costs Qt its font database (about 40 ms here), which the empty
window never pays.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class _QuitAfterFirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
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
    screen = app.primaryScreen().availableGeometry()  # sized by the console's own first-start rule
    window.resize(min(1280, int(screen.width() * 0.9)), min(800, int(screen.height() * 0.9)))
    if "--with-text" in sys.argv[1:]:
        for title in ("&File", "&Edit", "&View", "&Meeting", "&Projector", "&Help"):
            window.menuBar().addMenu(title)
        window.statusBar().showMessage("Opening the database…")
        window.setCentralWidget(QLabel('<p align="center">Opening the database…</p>'))
    quitter = _QuitAfterFirstPaint()
    app.installEventFilter(quitter)  # as the console's: any widget of the window painting counts
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

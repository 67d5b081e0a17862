"""The QApplication, named and styled the same way wherever the program starts one (GUI or snapshot)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from sos_desktop import APP_NAME, __version__
from sos_desktop.ui.app_icon import app_icon


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setApplicationName("sos-desktop")
    QApplication.setApplicationDisplayName(APP_NAME)
    QApplication.setOrganizationName("sos-desktop")
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName("sos-desktop")
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setStyle("Fusion")
    app.setWindowIcon(app_icon())
    return app

"""The QApplication, named and styled the same way wherever the program starts one (GUI or snapshot), with the
wheel guard installed: the mouse wheel changes only a focused combo box, spin box or slider (``wheel_guard``).
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from sos_desktop import APP_NAME, __version__
from sos_desktop.ui.common.wheel_guard import guard_the_wheel


def make_application(argv: list[str] | None = None, *, icon: bool = True) -> QApplication:
    """The application, made once; ``icon=False`` leaves the icon to :func:`set_icon` (the console sets it after
    its first paint: decoding six PNGs is time the window need not wait for).
    """
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
    guard_the_wheel(app)
    if icon:
        set_icon(app)
    return app


def set_icon(app: QApplication) -> None:
    from sos_desktop.ui.common.app_icon import app_icon

    app.setWindowIcon(app_icon())

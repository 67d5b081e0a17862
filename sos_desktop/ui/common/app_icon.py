"""SoS Desktop's application icon, built from the PNG renders shipped in ``sos_desktop/resources/icons``.

The PNGs (made from the SVG by ``scripts/make_icons.py``) are used rather than the SVG itself, so the icon needs
no SVG icon-engine plug-in and each size is the one drawn to sit on whole pixels.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon, QPixmap

ICON_SIZES = (16, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The application icon at every size shipped; call only once a QGuiApplication exists."""
    icon = QIcon()
    folder = resources.files("sos_desktop.resources").joinpath("icons")
    for size in ICON_SIZES:
        pixmap = QPixmap()
        # From bytes, not a path, so it works wherever the package lives (a wheel, a zip, a frozen bundle).
        if pixmap.loadFromData(folder.joinpath(f"sos-desktop-{size}.png").read_bytes(), "PNG"):
            icon.addPixmap(pixmap)
    return icon

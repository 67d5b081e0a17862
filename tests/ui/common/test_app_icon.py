"""The application icon: every size shipped loads, and the pictures are the drawn icon, not blanks."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from sos_desktop.ui.common.app_icon import ICON_SIZES, app_icon


def test_icon_has_every_size_shipped(qapp: QApplication) -> None:
    icon = app_icon()
    assert sorted(size.width() for size in icon.availableSizes()) == sorted(ICON_SIZES)


def test_icon_shows_the_three_columns_in_the_house(qapp: QApplication) -> None:
    image = app_icon().pixmap(QSize(256, 256)).toImage()
    # Sampled from the SVG's geometry: the tile, the white house, and the worries / working well / next steps
    # columns in the light theme's accent colours.
    assert image.pixelColor(128, 4) == QColor("#24425E")
    assert image.pixelColor(128, 116) == QColor("#FFFFFF")
    assert image.pixelColor(80, 168) == QColor("#B01E1E")
    assert image.pixelColor(128, 168) == QColor("#166B33")
    assert image.pixelColor(176, 168) == QColor("#0B4FC0")

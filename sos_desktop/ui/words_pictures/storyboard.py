"""The storyboard strip: a story's panels as thumbnails in order, left to right, each numbered with what it tells.

A thin view of the document's story: it is filled again whenever the stories change and reports which panel is
chosen; the page adds, moves and takes off panels through the document.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from sos_desktop.models.words_pictures import TELLS_LABELS, Panel, PanelTells, Story
from sos_desktop.ui.words_pictures.render import ImageOf, NameOf, paint_panel_picture

KeyRole = Qt.ItemDataRole.UserRole + 1
THUMBNAIL = 132

TELLS_COLOURS: dict[PanelTells, str] = {
    PanelTells.WORRY: "#c62828",
    PanelTells.GOING_WELL: "#2e7d32",
    PanelTells.NEXT: "#1565c0",
    PanelTells.OTHER: "#616161",
}
"""The band under each thumbnail: red for a worry, green for what is going well, blue for what happens next."""


def thumbnail(panel: Panel, number: int, image_of: ImageOf | None, name_of: NameOf | None) -> QPixmap:
    """The panel as the strip shows it: its picture (or the start of its words), its number and a coloured band."""
    pixmap = QPixmap(THUMBNAIL, THUMBNAIL)
    pixmap.fill(QColor("#f4f4f4"))
    painter = QPainter(pixmap)
    area = QRectF(4, 4, THUMBNAIL - 8, THUMBNAIL - 24)
    if not paint_panel_picture(painter, area, panel, image_of=image_of, name_of=name_of):
        font = QFont(painter.font())
        font.setPixelSize(12)
        painter.setFont(font)
        painter.setPen(QColor("#333333"))
        words = panel.words.strip() or "No words yet"
        painter.drawText(area.adjusted(4, 4, -4, -4), Qt.TextFlag.TextWordWrap, words[:120])
    band = QColor(TELLS_COLOURS[panel.tells])
    painter.fillRect(QRectF(0, THUMBNAIL - 18, THUMBNAIL, 18), band)
    font = QFont(painter.font())
    font.setPixelSize(12)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRectF(4, THUMBNAIL - 18, THUMBNAIL - 8, 18), Qt.AlignmentFlag.AlignVCenter, str(number))
    painter.end()
    return pixmap


class Storyboard(QListWidget):
    """The panels of one story as thumbnails in a row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Storyboard: the story's panels in order")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.setSpacing(6)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFixedHeight(THUMBNAIL + 62)

    def show_story(self, story: Story | None, image_of: ImageOf | None, name_of: NameOf | None) -> None:
        """Fill the strip with the story's panels, keeping the chosen panel chosen when it is still there."""
        chosen = self.current_key()
        self.blockSignals(True)
        self.clear()
        for number, panel in enumerate(story.panels if story is not None else [], start=1):
            item = QListWidgetItem(QIcon(thumbnail(panel, number, image_of, name_of)), TELLS_LABELS[panel.tells])
            item.setData(KeyRole, panel.key)
            item.setToolTip(f"Panel {number}: {TELLS_LABELS[panel.tells]}")
            self.addItem(item)
        self.blockSignals(False)
        keys = [self.item(row).data(KeyRole) for row in range(self.count())]
        if chosen in keys:
            self.setCurrentRow(keys.index(chosen))
        elif keys:
            self.setCurrentRow(0)
        else:
            self.currentRowChanged.emit(-1)

    def current_key(self) -> str | None:
        item = self.currentItem()
        return None if item is None else str(item.data(KeyRole))

    def choose(self, key: str) -> None:
        for row in range(self.count()):
            if self.item(row).data(KeyRole) == key:
                self.setCurrentRow(row)
                return

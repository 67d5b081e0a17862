"""The trajectory on the console: a scale's median and spread across the case's meetings, drawn as the projector
draws it (in the light theme, for a laptop screen), in a window that redraws at its own size.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from sos_desktop.models import Meeting
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector.view import render_trajectory


class TrajectoryDialog(QDialog):
    def __init__(
        self, document: MeetingDocument, meetings: list[Meeting], key: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Trajectory")
        self.document = document
        self.meetings = meetings
        self.key = key
        self.picture = QLabel()
        self.picture.setAccessibleName("Trajectory chart")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setMinimumSize(480, 270)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(buttons)
        self.resize(1000, 620)

    def redraw(self) -> None:
        size = self.picture.size()
        image = render_trajectory(self.document, self.meetings, QSize(size.width(), size.height()), "light", self.key)
        self.picture.setPixmap(QPixmap.fromImage(image))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.redraw()

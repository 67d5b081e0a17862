"""The Child's voice page: Three Houses per child, in the child's own words (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sos_desktop.ui.document import MeetingDocument


class VoicePanel(QWidget):
    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        QVBoxLayout(self).addWidget(QLabel("The child's voice"))

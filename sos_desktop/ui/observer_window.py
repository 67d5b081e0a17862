"""The observer's own window on the same machine, and merging an observer's file (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sos_desktop.ui.document import MeetingDocument


class ObserverWindow(QWidget):
    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document


def merge_observations_file(parent: QWidget, document: MeetingDocument) -> bool:
    raise NotImplementedError

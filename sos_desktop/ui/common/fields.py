"""Text fields the pages share: a multi-line field that reports only the user's own edits."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from sos_desktop.ui.common.undo_keys import route_undo_keys


class PlainTextField(QPlainTextEdit):
    """A multi-line text field that reports the user's edits only (not the ones we make from the document)."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        route_undo_keys(self)

    def show_text(self, text: str) -> None:
        if self.toPlainText() != text:
            with QSignalBlocker(self):
                self.setPlainText(text)

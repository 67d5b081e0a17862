"""Text fields the pages share: a multi-line field that reports only the user's own edits, and the length limit of a
one-line field that says when it cuts a text (Qt's own maximum length cuts a paste without a word).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSignalBlocker
from PySide6.QtWidgets import QLineEdit, QMainWindow, QPlainTextEdit, QToolTip, QWidget

from sos_desktop.models.network import NetworkPerson
from sos_desktop.ui.common.undo_keys import route_undo_keys
from sos_desktop.ui.document.base import cut_message


def limit_length(line: QLineEdit, limit: int) -> None:
    """Hold ``line`` to ``limit`` characters, telling the user (beside the field, and in the window's status bar)
    when a paste or a typed text is cut, as the document does for a card edited in place.
    """
    line.setMaxLength(limit + 1)  # one over, so that a cut is seen here rather than made silently by Qt

    def check(text: str) -> None:
        if len(text) <= limit:
            return
        line.setText(text[:limit])
        message = cut_message(limit)
        QToolTip.showText(line.mapToGlobal(QPoint(0, line.height())), message, line)
        window = line.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 10_000)
        line.setProperty("cut_notice", message)

    line.textChanged.connect(check)


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


def console_name(person: NetworkPerson) -> str:
    """How a chooser on the console names a network person: the full name, and what the wall calls them when that
    differs ("Lily Example (L)"), so the facilitator knows who is meant and what the room will read.
    """
    shown = person.display_name.strip()
    return person.name if not shown or shown == person.name else f"{person.name} ({shown})"

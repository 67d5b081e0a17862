"""Undo and Redo keys that reach the meeting's undo stack from inside text fields.

A Qt text field claims Ctrl+Z for its own private undo, which would leave the user's last edit of the meeting out
of reach while the cursor is in a field. Every edit of a meeting is already one step of the meeting's undo stack
(typing bursts merge), so fields hand these keys on to the window's Edit menu.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit


class _UndoKeysToMeeting(QObject):
    def __init__(self, field: QLineEdit | QPlainTextEdit, *, only_when_empty: bool) -> None:
        super().__init__(field)
        self.field = field
        self.only_when_empty = only_when_empty

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)):
            return False
        if self.only_when_empty and isinstance(self.field, QLineEdit) and self.field.text():
            return False  # a half-typed new card: the field's own undo works on the draft
        event.ignore()  # not claimed by the field, so the window's Undo/Redo shortcut runs
        return True


def route_undo_keys(field: QLineEdit | QPlainTextEdit, *, only_when_empty: bool = False) -> None:
    """Send Undo/Redo pressed in ``field`` to the meeting (for a draft line: only once it is empty)."""
    if isinstance(field, QPlainTextEdit):
        field.setUndoRedoEnabled(False)
    field.installEventFilter(_UndoKeysToMeeting(field, only_when_empty=only_when_empty))

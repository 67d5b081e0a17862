"""Opening a learning journal from the console: the door first (whose journal, its passphrase), then the window.

The name suggested is the open meeting's facilitator. "Reflect on this meeting…" opens the journal with a new
reflection already linked to the open meeting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from sos_desktop.models.development import facilitator_of
from sos_desktop.store.sealing import JournalKey
from sos_desktop.store.store import Store
from sos_desktop.ui.reflections.door import JournalDoor
from sos_desktop.ui.reflections.window import JournalWindow

if TYPE_CHECKING:
    from sos_desktop.ui.common.console import Console


def ask_journal_key(store: Store, suggestion: str, parent: QWidget) -> JournalKey | None:
    """Ask whose journal and its passphrase; the key, or None if the user gave up (kept apart for tests)."""
    door = JournalDoor(store, suggestion, parent)
    return door.key if door.exec() == QDialog.DialogCode.Accepted else None


def open_journal(console: Console, *, reflect_on_meeting: bool = False) -> JournalWindow | None:
    """The journal window over the console's store, after its door; None if the door was shut."""
    document = console.document
    meeting = document.meeting if document is not None else None
    key = ask_journal_key(console.store, facilitator_of(meeting) if meeting is not None else "", console)
    if key is None:
        return None
    window = JournalWindow(console.store, key, meeting, console)
    if reflect_on_meeting and meeting is not None:
        window.new_reflection(meeting)
    window.show()
    return window

"""The console following an observer on another laptop, live, over a shared PostgreSQL database.

``LiveFeed`` attaches to an open meeting's document. On PostgreSQL it starts the store's watch on the meeting's
feedback (``store/live.py``: LISTEN/NOTIFY on a thread of its own, and a poll of a stamp every few seconds as the
fallback); each change the watch hears is carried to the UI thread by a queued signal, and the document takes the
feedback as stored (``MeetingDocument.reload_observations``: no undo step, nothing typed here lost). The observer's
notes and ratings then appear wherever the console shows them (the observer's window, when open; the minutes,
which are made from the document), and the status bar says so once in a while.

On SQLite there is no feed (``LiveFeed.active`` is False): an observer on another machine brings their meeting file
and it is merged (Meeting › Merge an observer's file), and a second window in this process already follows the
same document.

The feed stops with the document (or by :meth:`LiveFeed.stop`); a change heard after that is dropped.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, Signal

from sos_desktop.store.live import ObservationWatch
from sos_desktop.ui.document.meeting import MeetingDocument

ARRIVED = "The observer's notes and ratings were brought up to date from the shared database."
NOTICE_GAP_SECONDS = 60.0
"""The status bar tells of the observer's changes at most this often, so it does not flicker while they type."""


class LiveFeed(QObject):
    """Keeps ``document``'s observer's feedback in step with the shared database (see the module's docstring)."""

    heard = Signal()  # emitted on the watch's thread; received on the UI thread
    reloaded = Signal()  # the document took feedback another laptop wrote

    def __init__(self, document: MeetingDocument) -> None:
        super().__init__(document)
        self.document = document
        self._told_at = -NOTICE_GAP_SECONDS
        self.heard.connect(self._reload, Qt.ConnectionType.QueuedConnection)
        self.watch: ObservationWatch | None = document.store.watch_observations(document.meeting_id, self.heard.emit)
        watch = self.watch
        if watch is not None:  # a document deleted without a word still stops its watch (not through self: gone)
            document.destroyed.connect(lambda: watch.stop())

    @property
    def active(self) -> bool:
        """Whether the meeting is being followed live (False on SQLite)."""
        return self.watch is not None

    def stop(self) -> None:
        if self.watch is not None:
            self.watch.stop()
            self.watch = None

    def _reload(self) -> None:
        if self.watch is None:
            return
        if not self.document.reload_observations():
            return
        now = time.monotonic()
        if now - self._told_at >= NOTICE_GAP_SECONDS:
            self._told_at = now
            self.document.noticed.emit(ARRIVED)
        self.reloaded.emit()

"""Edits the store did not take: kept in order, retried until it does, and never dropped without a word.

When a save fails (a full disk, a database another program has locked, a PostgreSQL server that went away) the edit
stays on screen and its write waits here, and so does every write after it, so the store receives them in the order
they were made. The queue is tried again after a few seconds, and again after twice as long at each refusal (up to a
minute), and by a new edit once that wait is over; once the store takes them all the document is saved again. A card
added while the store was failing has a provisional (negative) id until its write goes through; the document then
adopts the database's id (``MeetingDocument.adopt_id``) and remembers the provisional one as an alias, so undo steps
that hold it still find the card.

The queue is held in memory. So that a kill or a crash cannot lose it, the console also keeps a copy of the whole
meeting as it stands on screen in a journal file beside the database (:mod:`sos_desktop.ui.shell.journal`) while
anything waits, and offers it back when the meeting is next opened.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from sos_desktop.store.errors import StoreError

RETRY_MILLISECONDS = 3000
"""How soon the waiting writes are first tried again."""
LONGEST_WAIT_MILLISECONDS = 60_000
"""The longest wait between tries: each refusal doubles the wait up to this. A store that blocks before it refuses
(a locked database waits out its busy timeout, a server that does not answer its connect timeout) holds the console
for that long at each try, so a fault that lasts is tried less and less often."""


@dataclass
class PendingWrite:
    """One write the store refused: ``action`` does it; ``adopt`` gives what it stored (a card with its database
    id, say) back to the document; ``touches`` is the id of the card, scale or person it writes, if one.
    """

    action: Callable[[], object]
    adopt: Callable[[object], None] | None = None
    touches: Callable[[], int | None] | None = None


class PendingWrites(QObject):
    """The document's queue of writes not yet in the store; ``changed`` gives how many wait after each change."""

    changed = Signal(int)
    failed = Signal(str)  # the store refused again: the sentence it gave

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.waiting: list[PendingWrite] = []
        self.last_error = ""
        self.wait_ms = RETRY_MILLISECONDS
        self.tried_at = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(self.wait_ms)
        self.timer.timeout.connect(self.flush)

    def __len__(self) -> int:
        return len(self.waiting)

    def __bool__(self) -> bool:
        return bool(self.waiting)

    def due(self) -> bool:
        """Whether the wait since the last try is over (a new edit then tries the queue before waiting behind it)."""
        return (time.monotonic() - self.tried_at) * 1000 >= self.wait_ms

    def add(self, write: PendingWrite, error: StoreError) -> None:
        if not self.waiting:
            self.tried_at = time.monotonic()
        self.waiting.append(write)
        self.last_error = str(error)
        if not self.timer.isActive():
            self.timer.start(self.wait_ms)
        self.changed.emit(len(self.waiting))

    def touched(self) -> set[int]:
        """The ids of the cards, scales and people with a write still waiting."""
        found = {write.touches() for write in self.waiting if write.touches is not None}
        return {touched for touched in found if touched is not None}

    def flush(self) -> bool:
        """Try the waiting writes in order, stopping at the first the store refuses; True once none waits."""
        if not self.waiting:
            self.timer.stop()
            return True
        done = 0
        self.tried_at = time.monotonic()
        try:
            while self.waiting:
                write = self.waiting[0]
                result = write.action()
                self.waiting.pop(0)
                done += 1
                if write.adopt is not None:
                    write.adopt(result)
        except StoreError as error:
            self.last_error = str(error)
            self.wait_ms = min(self.wait_ms * 2, LONGEST_WAIT_MILLISECONDS)
            self.timer.start(self.wait_ms)
            if done:
                self.changed.emit(len(self.waiting))
            self.failed.emit(self.last_error)
            return False
        self.timer.stop()
        self.wait_ms = RETRY_MILLISECONDS
        self.changed.emit(0)
        return True

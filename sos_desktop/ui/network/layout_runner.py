"""Network layouts worked out off the UI thread, so the window keeps answering while a big network is arranged.

The work gets a copy of what the layouts read of the network (the document may change meanwhile; see
``layout_snapshot``: a deep copy of 500 people held the UI thread for tens of milliseconds); the result comes back by
signal on the UI thread, tagged with the request it answers, so a stale answer to an older request is dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

from sos_desktop.models import Network
from sos_desktop.models.network_graph import layout_snapshot
from sos_desktop.ui.common.background import Job, Relay

Positions = dict[int, tuple[float, float]]


class LayoutRunner(QObject):
    """Runs one layout at a time on a worker thread; a newer request supersedes an older one."""

    ready = Signal(str, object)  # the layout's name, positions by person id
    failed = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = Relay(self)
        self._relay.finished.connect(self._finished)
        self._relay.failed.connect(self._failed)
        self._latest = 0
        self._names: dict[int, str] = {}

    @property
    def busy(self) -> bool:
        return bool(self._names)

    def start(self, name: str, network: Network, compute: Callable[[Network], Positions]) -> int:
        """Work out ``compute(layout_snapshot(network))`` in the background; ``ready`` says when it is done."""
        self._latest += 1
        number = self._latest
        snapshot = layout_snapshot(network)
        was_busy = self.busy
        self._names[number] = name
        job = Job(
            number,
            lambda: compute(snapshot),
            self._relay,
            what="Network layout",
            failure="The layout could not be worked out ({kind}).",
        )
        self._pool.start(job)
        if not was_busy:
            self.busyChanged.emit(True)
        return number

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the worker is idle (for closing down, and for tests)."""
        return self._pool.waitForDone(milliseconds)

    def _settle(self, number: int) -> str | None:
        name = self._names.pop(number, None)
        if not self._names:
            self.busyChanged.emit(False)
        return name if number == self._latest else None

    def _finished(self, number: int, positions: Positions) -> None:
        name = self._settle(number)
        if name is not None:
            self.ready.emit(name, positions)

    def _failed(self, number: int, message: str) -> None:
        if self._settle(number) is not None:
            self.failed.emit(message)

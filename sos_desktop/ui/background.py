"""Long work (a big PDF, a picture) done off the UI thread, with a progress window, so the console never freezes.

The work is a plain function of data gathered beforehand on the UI thread; its result, or the one sentence of an
error it raised, comes back by signal on the UI thread. Errors are logged by kind only: a message could quote a
name from the case.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the UI thread: the worker's signals reach its slots there."""

    finished = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay, expected: tuple[type[BaseException], ...]) -> None:
        super().__init__()
        self.work = work
        self.relay = relay
        self.expected = expected

    def run(self) -> None:
        try:
            result = self.work()
        except self.expected as error:  # an error the user can act on: its sentence is for them
            self.relay.failed.emit(str(error))
            return
        except Exception as error:  # a bug must never take the meeting down with it
            log.error("Background work failed: %s", type(error).__name__)
            self.relay.failed.emit(f"Something went wrong ({type(error).__name__}); nothing was written.")
            return
        self.relay.finished.emit(result)


class BackgroundJob(QObject):
    """One piece of work on a worker thread, with a busy window over ``parent`` while it runs."""

    finished = Signal(object)  # the work's result
    failed = Signal(str)  # one sentence

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[], Any],
        expected: tuple[type[BaseException], ...] = (),
    ) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._relay.failed.connect(self._failed)
        self.progress = QProgressDialog(label, "", 0, 0, parent)
        self.progress.setWindowTitle("Working")
        # No button: the work cannot be stopped halfway.
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)  # quick work finishes before any window shows
        self._job = _Job(work, self._relay, expected)
        self.running = False

    def start(self) -> BackgroundJob:
        self.running = True
        self.progress.setValue(0)
        self._pool.start(self._job)
        return self

    def wait(self, milliseconds: int = 60_000) -> bool:
        """Block until the work is done (for tests and for closing down)."""
        return self._pool.waitForDone(milliseconds)

    def _done(self) -> None:
        self.running = False
        self.progress.reset()
        self.progress.hide()

    def _finished(self, result: object) -> None:
        self._done()
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        self._done()
        self.failed.emit(message)

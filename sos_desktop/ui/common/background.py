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


class Relay(QObject):
    """Lives on the UI thread: a signal a worker emits reaches its slots there (a queued connection)."""

    finished = Signal(int, object)  # the request's number, the work's result
    failed = Signal(int, str)  # the request's number, one sentence


class Job(QRunnable):
    """``work()`` on a pool's thread; its result, or one sentence about its failure, told to ``relay``.

    ``expected`` errors are ones the user can act on: their own sentence is told. Any other is a bug: it is logged
    by kind only (a message could quote a name from the case) and told as ``failure`` with ``{kind}`` filled in.
    """

    def __init__(
        self,
        number: int,
        work: Callable[[], Any],
        relay: Relay,
        *,
        expected: tuple[type[BaseException], ...] = (),
        what: str = "Background work",
        failure: str = "Something went wrong ({kind}); nothing was written.",
    ) -> None:
        super().__init__()
        self.number = number
        self.work = work
        self.relay = relay
        self.expected = expected
        self.what = what
        self.failure = failure

    def run(self) -> None:
        try:
            result = self.work()
        except self.expected as error:
            self.relay.failed.emit(self.number, str(error))
            return
        except Exception as error:  # a bug must never take the meeting down with it
            kind = type(error).__name__
            log.error("%s failed: %s", self.what, kind)
            self.relay.failed.emit(self.number, self.failure.format(kind=kind))
            return
        self.relay.finished.emit(self.number, result)


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
        self._relay = Relay(self)
        self._relay.finished.connect(lambda _number, result: self._finished(result))
        self._relay.failed.connect(lambda _number, message: self._failed(message))
        self.progress = QProgressDialog(label, "", 0, 0, parent)
        self.progress.setWindowTitle("Working")
        # No button: the work cannot be stopped halfway.
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)  # quick work finishes before any window shows
        self._job = Job(0, work, self._relay, expected=expected)
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

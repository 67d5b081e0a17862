"""Following an observer on another laptop: a meeting's feedback, watched live on a shared PostgreSQL database.

With a shared PostgreSQL database the observer can work on their own laptop in the same meeting. Each save of the
observer's feedback (``Store.set_observations``, ``Store.set_rubric``) sends ``NOTIFY sos_observations`` with the
meeting's id as payload in the same transaction as the write (:func:`announce`), so the notice goes out exactly
when the write is committed and never for a write that was rolled back.

:class:`ObservationWatch` is how another process hears of it, with no server but the database: a thread of its own
holding its own connection (autocommit, ``LISTEN sos_observations``) that waits for notices in short slices. It also
polls: every :data:`POLL_SECONDS` it reads a stamp of the meeting's feedback (a digest of what is stored, so no
schema change was needed) and reports when it differs from the last one it saw, which covers a notice missed while
its connection was down. A connection that drops is thrown away and made again quietly after a pause; a change made
meanwhile is found by the poll. ``on_change`` is called on the watch's thread, at most once per change seen; the
caller moves it to where it belongs (the console: to the UI thread, by a signal) and reads the feedback again.

On SQLite nothing here runs: ``announce`` does nothing and the console makes no watch (an observer's file is merged
as before; a second window in one process already follows the same document).

No Qt: the store stays free of it.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.engine import Connection

from sos_desktop.models import Observations
from sos_desktop.store import convert
from sos_desktop.store.engine import postgres_connect_args, server_timeout
from sos_desktop.store.errors import NotFoundError
from sos_desktop.store.repo.meetings import RUBRIC_EXTRA_KEY, get_observations
from sos_desktop.store.tables import meetings

CHANNEL = "sos_observations"
"""The PostgreSQL channel an observation save notifies; the payload is the meeting's id."""
POLL_SECONDS = 3.0
"""How often a watch compares the stored feedback's stamp, whatever the notices say."""
WAIT_SLICE_SECONDS = 0.25
"""How long a watch waits for a notice at a time, so that stopping it takes no longer than this."""

Feedback = tuple[Observations, list[str] | None]
"""A meeting's observations with its own rubric criteria (None: it follows the team's default)."""


def announce(conn: Connection, meeting_id: int) -> None:
    """Tell every process listening that the meeting's feedback changed, once this transaction commits."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": str(meeting_id)})


def read_feedback(conn: Connection, meeting_id: int) -> Feedback:
    """The meeting's observations and its own criteria as stored now (NotFoundError if there is no meeting)."""
    extra = conn.scalar(select(meetings.c.extra).where(meetings.c.id == meeting_id))
    if extra is None:
        raise NotFoundError.missing("meeting")
    own = convert.load_dict(extra).get(RUBRIC_EXTRA_KEY)
    criteria = [str(name) for name in own] if isinstance(own, list) else None
    return get_observations(conn, meeting_id), criteria


def feedback_stamp(feedback: Feedback) -> str:
    """A short digest of the feedback: equal stamps, equal feedback (what the poll compares)."""
    return hashlib.sha256(repr(feedback).encode("utf-8")).hexdigest()[:32]


def listener_conninfo(engine: Engine) -> str:
    """The libpq connection string of ``engine``'s database, for the watch's own connection."""
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


class ObservationWatch:
    """A thread that reports changes to one meeting's stored feedback (see the module's docstring)."""

    def __init__(
        self,
        engine: Engine,
        meeting_id: int,
        on_change: Callable[[], None],
        *,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        self.engine = engine
        self.meeting_id = meeting_id
        self.on_change = on_change
        self.poll_seconds = poll_seconds
        self.connected = threading.Event()
        """Set while the watch's own connection is listening (tests wait on it before writing)."""
        self._stop = threading.Event()
        self._last_stamp: str | None = None
        self._thread = threading.Thread(target=self._run, name=f"observations-watch-{meeting_id}", daemon=True)

    def start(self) -> ObservationWatch:
        self._thread.start()
        return self

    def stop(self, wait: float = 0.0) -> None:
        """Stop watching; ``wait`` seconds at most for the thread to end (it ends within a slice anyway)."""
        self._stop.set()
        if wait and self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(wait)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    # On the watch's thread ----------------------------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            connection = self._listen()
            try:
                self._follow(connection)
            except Exception:  # a dropped server: start again quietly, the poll catches up
                pass
            finally:
                self.connected.clear()
                if connection is not None:
                    _close_quietly(connection)
            self._stop.wait(self.poll_seconds)

    def _listen(self) -> Any | None:
        """Its own connection, listening; None while the server cannot be reached (the poll still runs)."""
        try:
            import psycopg

            args = postgres_connect_args(server_timeout())
            connection = psycopg.connect(listener_conninfo(self.engine), autocommit=True, **args)
            connection.execute(f"LISTEN {CHANNEL}")
        except Exception:  # the server is away or refuses: polled instead until it is back
            return None
        self.connected.set()
        return connection

    def _follow(self, connection: Any | None) -> None:
        """Wait for notices in short slices and poll the stamp now and then, until stopped or the line drops."""
        self._check()  # whatever changed before the watch began listening
        since_poll = 0.0
        while not self._stop.is_set():
            if connection is None:
                return  # polled once above; listening is tried again after a pause
            heard = False
            for notice in connection.notifies(timeout=WAIT_SLICE_SECONDS, stop_after=1):
                heard = notice.channel == CHANNEL and notice.payload == str(self.meeting_id)
            since_poll += WAIT_SLICE_SECONDS
            if heard or since_poll >= self.poll_seconds:
                since_poll = 0.0
                self._check()

    def _check(self) -> None:
        """Read the stamp; report a change since the last one (the first reading is one: nothing was seen)."""
        if self._stop.is_set():
            return
        try:
            with self.engine.connect() as conn:
                stamp = feedback_stamp(read_feedback(conn, self.meeting_id))
        except Exception:  # the server is away or the meeting deleted: nothing to report
            return
        if stamp != self._last_stamp:
            self._last_stamp = stamp
            if not self._stop.is_set():
                self.on_change()


def _close_quietly(connection: Any) -> None:
    with contextlib.suppress(Exception):  # closing a connection already gone
        connection.close()

"""A deadline for every request to a PostgreSQL server, so that a server that stops answering cannot hang the app.

A server that has stopped (a hung or paused process, a virtual machine frozen) keeps its connections open and its
operating system still acknowledges what is sent: TCP keepalives and ``tcp_user_timeout`` see nothing wrong, and
the server's own ``statement_timeout`` never runs. psycopg then waits for an answer for ever (the console froze for
108 s until the server was resumed). So each request is watched from this side: a statement, a commit or rollback,
and the check that a pooled connection still works before it is handed out. One that has had no answer when its
deadline passes has its connection's socket shut down, which ends the wait at once with a disconnection error that
SQLAlchemy handles as such (the connection is thrown away) and the store reports as a server that cannot be reached.

One watcher thread serves every engine; it sleeps until the nearest deadline and wakes only when there is one.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DisconnectionError


class _Watcher:
    """The deadlines of the requests now waiting for a server, and the thread that cuts those overdue."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._deadlines: dict[int, tuple[float, Any]] = {}
        self._thread: threading.Thread | None = None

    def arm(self, dbapi_connection: Any, seconds: float) -> None:
        """Cut ``dbapi_connection`` unless :meth:`disarm` is called within ``seconds``."""
        with self._changed:
            self._deadlines[id(dbapi_connection)] = (time.monotonic() + seconds, dbapi_connection)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="sos-server-deadline", daemon=True)
                self._thread.start()
            self._changed.notify()

    def disarm(self, dbapi_connection: Any) -> None:
        with self._changed:
            self._deadlines.pop(id(dbapi_connection), None)

    def _run(self) -> None:
        while True:
            with self._changed:
                now = time.monotonic()
                overdue = [key for key, (deadline, _) in self._deadlines.items() if deadline <= now]
                cut = [self._deadlines.pop(key)[1] for key in overdue]
                if not cut:
                    nearest = min((deadline for deadline, _ in self._deadlines.values()), default=None)
                    self._changed.wait(None if nearest is None else nearest - now)
            for dbapi_connection in cut:
                _shut_down(dbapi_connection)


_WATCHER = _Watcher()


def _shut_down(dbapi_connection: Any) -> None:
    """Shut the connection's socket down (both ways), so that whatever waits on it gets an end of file now."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        descriptor = dbapi_connection.pgconn.socket
        cut = socket.socket(fileno=os.dup(descriptor))
        try:
            cut.shutdown(socket.SHUT_RDWR)
        finally:
            cut.close()


def arm(dbapi_connection: Any, seconds: float) -> None:
    """Give the request about to be sent on ``dbapi_connection`` (a psycopg connection) ``seconds`` to be answered."""
    _WATCHER.arm(dbapi_connection, seconds)


def disarm(dbapi_connection: Any) -> None:
    """The request on ``dbapi_connection`` was answered (or failed): its deadline is dropped."""
    _WATCHER.disarm(dbapi_connection)


def watch(engine: Engine, seconds: float) -> None:
    """Give every request ``engine`` sends ``seconds`` to be answered, the check of a pooled connection included
    (made here, in place of SQLAlchemy's ``pool_pre_ping``, so that it is watched too).
    """

    def dbapi(conn: Connection) -> Any:
        return conn.connection.dbapi_connection

    def before_statement(conn: Connection, *_args: Any) -> None:
        arm(dbapi(conn), seconds)

    def after_statement(conn: Connection, *_args: Any) -> None:
        disarm(dbapi(conn))

    def on_error(context: Any) -> None:
        with contextlib.suppress(Exception):  # a connection already thrown away has nothing left to disarm
            disarm(dbapi(context.connection))

    def before_end(conn: Connection) -> None:
        arm(dbapi(conn), seconds)  # dropped at the next statement or when the connection goes back to the pool

    def checked_out(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        arm(dbapi_connection, seconds / 2)  # half: a new connection may then take the other half to fail
        try:
            cursor = dbapi_connection.cursor()
            try:
                cursor.execute("SELECT 1")
            finally:
                cursor.close()
        except Exception as error:  # SQLAlchemy then tries a new connection
            raise DisconnectionError() from error
        finally:
            disarm(dbapi_connection)

    def checked_in(dbapi_connection: Any, _record: Any) -> None:
        if dbapi_connection is not None:
            disarm(dbapi_connection)

    event.listen(engine, "before_cursor_execute", before_statement)
    event.listen(engine, "after_cursor_execute", after_statement)
    event.listen(engine, "handle_error", on_error)
    event.listen(engine, "commit", before_end)
    event.listen(engine, "rollback", before_end)
    event.listen(engine, "checkout", checked_out)
    event.listen(engine, "checkin", checked_in)

"""A PostgreSQL server that stops answering: the store says so within its timeout, instead of hanging (the console
froze for 108 s).

Two fake servers on loopback, each in a thread: one that takes the connection and never says a word, and a relay to
the throwaway test server (``SOS_DESKTOP_TEST_POSTGRES_URL``) that can be frozen mid-session, as a server process
that has stopped would be: the connection stays open, nothing comes back. The timeout is set short for the tests
with ``SOS_DESKTOP_DB_TIMEOUT``.
"""

from __future__ import annotations

import os
import selectors
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy.engine import make_url

from sos_desktop.models import Case
from sos_desktop.store import Store, server_deadline
from sos_desktop.store.engine import postgres_connect_args, server_timeout
from sos_desktop.store.errors import ServerUnreachableError

pytest.importorskip("psycopg", reason="the PostgreSQL driver (the 'postgres' extra) is not installed")

TIMEOUT_S = 2.0
POSTGRES_URL = os.environ.get("SOS_DESKTOP_TEST_POSTGRES_URL", "")


@pytest.fixture(autouse=True)
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOS_DESKTOP_DB_TIMEOUT", str(TIMEOUT_S))


class _Silent:
    """A TCP server on loopback that accepts every connection and never sends a byte."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self) -> None:
        self.listener.close()
        for connection in self.accepted:
            connection.close()


class _Relay:
    """Passes bytes between the app and a real server until :meth:`freeze`; then holds them, answering nothing."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.frozen = threading.Event()
        self.closed = threading.Event()
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.closed.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            self.sockets += [client, server]
            threading.Thread(target=self._pump, args=(client, server), daemon=True).start()

    def _pump(self, client: socket.socket, server: socket.socket) -> None:
        selector = selectors.DefaultSelector()
        selector.register(client, selectors.EVENT_READ, server)
        selector.register(server, selectors.EVENT_READ, client)
        while not self.closed.is_set():
            if self.frozen.is_set():
                self.closed.wait(0.05)  # the bytes wait in the buffers, unanswered
                continue
            for key, _ in selector.select(0.05):
                source = key.fileobj
                assert isinstance(source, socket.socket)
                try:
                    data = source.recv(65536)
                except OSError:
                    return
                if not data:
                    return
                key.data.sendall(data)

    def freeze(self) -> None:
        self.frozen.set()

    def close(self) -> None:
        self.closed.set()
        self.listener.close()
        for connection in self.sockets:
            connection.close()


@pytest.fixture
def silent() -> Iterator[_Silent]:
    server = _Silent()
    yield server
    server.close()


def test_the_settings_bound_every_wait_on_the_server() -> None:
    assert server_timeout() == TIMEOUT_S
    settings = postgres_connect_args(10)
    assert settings["connect_timeout"] == 5
    assert settings["keepalives"] == 1 and settings["tcp_user_timeout"] == 10_000
    assert settings["options"] == "-c statement_timeout=10000"


def test_a_server_that_takes_the_connection_and_never_answers_is_reported_within_the_timeout(
    silent: _Silent,
) -> None:
    began = time.monotonic()
    with pytest.raises(ServerUnreachableError, match="The database server"):
        Store.open(f"postgresql+psycopg://sos@127.0.0.1:{silent.port}/sos_test")
    assert time.monotonic() - began < TIMEOUT_S + 3
    assert silent.accepted, "the store did not even try the fake server"


def test_a_request_with_no_answer_has_its_connection_cut_at_the_deadline() -> None:
    """The deadline on its own, on socket pairs: the side waiting for an answer gets an end of file."""

    class FakePgConn:
        socket = -1

    class FakeConnection:
        pgconn: FakePgConn

    def fake(sock: socket.socket) -> object:
        connection = FakeConnection()
        connection.pgconn = FakePgConn()
        connection.pgconn.socket = sock.fileno()
        return connection

    answered, answered_peer = socket.socketpair()
    waiting, waiting_peer = socket.socketpair()
    on_answered, on_waiting = fake(answered), fake(waiting)
    began = time.monotonic()
    server_deadline.arm(on_answered, 0.2)
    server_deadline.arm(on_waiting, 0.4)
    server_deadline.disarm(on_answered)  # answered in time: nothing is cut
    waiting.settimeout(5)

    assert waiting.recv(1) == b""  # the shut down ends the wait
    assert 0.35 < time.monotonic() - began < 3
    answered_peer.sendall(b"x")  # the other one, whose deadline passed first, was left alone
    assert answered.recv(1) == b"x"
    for sock in (answered, answered_peer, waiting, waiting_peer):
        sock.close()


def _failure(call: Callable[[], object]) -> BaseException | None:
    try:
        call()
    except BaseException as error:
        return error
    return None


@pytest.fixture
def relay() -> Iterator[_Relay]:
    if not POSTGRES_URL:
        pytest.skip("needs the throwaway PostgreSQL server (SOS_DESKTOP_TEST_POSTGRES_URL; ./dev test starts one)")
    real = make_url(POSTGRES_URL)
    through = _Relay(real.host or "127.0.0.1", real.port or 5432)
    yield through
    through.close()


def test_a_server_that_stops_answering_mid_session_is_reported_within_the_timeout(relay: _Relay) -> None:
    url = make_url(POSTGRES_URL).set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False)
    store = Store.open(url)
    try:
        store.add_case(Case(label="Family Frozen"))
        assert "Family Frozen" in [case.label for case in store.list_cases()]
        relay.freeze()

        outcome: list[BaseException | None] = []
        began = time.monotonic()
        asking = threading.Thread(target=lambda: outcome.append(_failure(store.list_cases)), daemon=True)
        asking.start()
        asking.join(2 * TIMEOUT_S + 3)  # a hang fails the test here, rather than hanging the test run

        assert outcome, f"still waiting for the server after {time.monotonic() - began:.1f} s"
        assert isinstance(outcome[0], ServerUnreachableError), outcome[0]
    finally:
        store.close()

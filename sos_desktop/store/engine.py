"""Where the database lives and how to connect to it: data folder, database URL, and the engine factory.

Nothing here runs at import time; an engine exists only once somebody calls :func:`make_engine` with a URL.

SQLite is the default (one file in the user's data folder); a council may point the app at its own PostgreSQL
database instead. For SQLite every new connection gets:

- ``journal_mode=WAL``: readers (a second window, the ``list`` command) never block the writer, and a crash
  mid-write cannot damage the file;
- ``foreign_keys=ON``: deleting a case really deletes everything that belongs to it;
- ``busy_timeout``: wait a few seconds for another writer rather than failing at once;
- ``synchronous=FULL``: the app saves each edit as it is made and tells the user it is saved, so a committed
  edit must survive a power cut, not only a crash of the app. In WAL mode ``NORMAL`` may lose the last few
  commits on power loss; ``FULL`` syncs the log at every commit, which costs a few milliseconds per edit, far
  below what a person typing or dragging a card can notice;
- ``secure_delete=ON``: deleted content is overwritten with zeros rather than left in free pages, so a case
  deleted "for good" cannot be dug out of the file afterwards (the store also empties the write-ahead log
  after a delete).

An encrypted SQLite file (SQLCipher, see ``store/encryption.py``) is opened through SQLAlchemy's
``sqlite+pysqlcipher`` dialect when a passphrase is given: the dialect sends ``PRAGMA key`` before anything else
on each new connection, then the pragmas above follow as usual.

What WAL mode does not protect against: SQLite maps the ``-shm`` file into memory. Making the database, its ``-wal``
or its ``-shm`` read-only under a running app does not stop it (tried, as a user other than root: the open
connections keep writing through the descriptors they hold; a new connection is refused in words), but a ``-shm``
that is truncated or replaced while mapped, or a full in-memory file system that cannot give it a page, ends the
process with SIGBUS, which no Python code can catch. Only ``locking_mode=EXCLUSIVE`` avoids the mapping, and it
would lock out the second window and the read-only commands, so it is not used.

A PostgreSQL server that stops answering must not hang the app: the connection's settings
(:func:`postgres_connect_args`) and a deadline on each request (``store/server_deadline.py``) make it fail within
about :data:`SERVER_TIMEOUT_S` seconds (``$SOS_DESKTOP_DB_TIMEOUT`` to change it) as a server that cannot be reached.

The stdlib driver's own transaction handling is switched off (it would not BEGIN before SELECT or DDL, so reads
were not repeatable and migrations not atomic) and SQLAlchemy emits BEGIN itself, following SQLAlchemy's
documented recipe. A connection whose execution options say ``sos_write=True`` begins with ``BEGIN IMMEDIATE``,
so a write transaction takes the write lock up front (waiting up to the busy timeout) instead of failing half way
when another writer got there first.
"""

from __future__ import annotations

import math
import os
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import QueuePool

from sos_desktop.store.errors import StoreError, UnsupportedDatabaseError
from sos_desktop.store.paths import DATABASE_FILE_NAME, PRIVATE_FOLDER_MODE, default_data_dir

ENV_VAR = "SOS_DESKTOP_DB"
PASSPHRASE_ENV_VAR = "SOS_DESKTOP_PASSPHRASE"
"""Opens an encrypted database without asking for its passphrase."""
BUSY_TIMEOUT_MS = 5000
"""How long a connection waits for another writer before reporting the database as locked."""

TIMEOUT_ENV_VAR = "SOS_DESKTOP_DB_TIMEOUT"
SERVER_TIMEOUT_S = 10.0
"""How long a PostgreSQL server may leave a request unanswered before the store says it cannot be reached."""

WRITE_OPTION = "sos_write"
"""Execution option that makes a SQLite transaction start with ``BEGIN IMMEDIATE``."""


def _as_url(db: str) -> str:
    """A database URL as given, or a plain file path turned into a SQLite URL."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().absolute()}"


def resolve_database_url(db: str | None, data_dir: Path | None) -> str:
    """The database to use: ``--db``, else the file in an explicit ``--data-dir``, else ``$SOS_DESKTOP_DB``, else
    the file in the user's data folder. What is typed on the command line beats what the environment says.

    ``db`` and the variable may be a SQLAlchemy URL or a plain path to a SQLite file.
    """
    if data_dir is not None and Path(data_dir).expanduser().exists() and not Path(data_dir).expanduser().is_dir():
        raise StoreError("The data folder given with --data-dir is a file, not a folder. Nothing was changed.")
    if db:
        return _as_url(db)
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env and data_dir is None:
        return _as_url(from_env)
    folder = Path(data_dir).expanduser().absolute() if data_dir is not None else default_data_dir()
    return f"sqlite:///{folder / DATABASE_FILE_NAME}"


SUPPORTED_BACKENDS = ("sqlite", "postgresql")


def parse_database_url(url: str) -> URL:
    """The parsed ``url``; UnsupportedDatabaseError if it is malformed or names a database we do not work with."""
    try:
        parsed = make_url(url)
        parsed.port  # noqa: B018 - a malformed port is only found when read
    except (ArgumentError, ValueError):
        raise UnsupportedDatabaseError() from None
    if parsed.get_backend_name() not in SUPPORTED_BACKENDS:
        raise UnsupportedDatabaseError()
    return parsed


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = parse_database_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def display_url(url: str) -> str:
    """Where the database is, for people: the file's path for SQLite, else the URL with any password hidden."""
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    parsed = parse_database_url(url)
    if parsed.get_backend_name() == "sqlite":
        return "a temporary database in memory" if not parsed.database or ":memory:" in parsed.database else url
    return parsed.render_as_string(hide_password=True)


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # The driver must not open transactions on its own; _on_begin does it (see module docstring).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA secure_delete=ON")
    finally:
        cursor.close()


def run_outside_transaction(connection: Connection, sql: str) -> None:
    """Run a SQLite statement that must not be inside a transaction (a pragma), straight through the driver."""
    dbapi_connection: Any = connection.connection.dbapi_connection
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(sql)
    finally:
        cursor.close()


def _on_begin(connection: Connection) -> None:
    mode = "IMMEDIATE" if connection.get_execution_options().get(WRITE_OPTION) else "DEFERRED"
    connection.exec_driver_sql(f"BEGIN {mode}")


def quote_passphrase(passphrase: str) -> str:
    """The passphrase as a SQL string literal, for ``PRAGMA key`` and ``PRAGMA rekey``."""
    return "'" + passphrase.replace("'", "''") + "'"


def raw_connection(path: Path | str, passphrase: str | None = None, *, uri: bool = False) -> Any:
    """A plain DB-API connection to a SQLite file: the stdlib's, or SQLCipher's already keyed with ``passphrase``.

    For work below SQLAlchemy (backups with SQLite's backup API, encrypting a file): the two ends of a backup must
    come from the same driver, and an encrypted database's backup from this function with the same passphrase
    is encrypted with it too.
    """
    if passphrase is None:
        return sqlite3.connect(path, uri=uri, check_same_thread=False)
    sqlcipher = sqlcipher_module()
    connection = sqlcipher.connect(str(path), uri=uri, check_same_thread=False)
    connection.execute("PRAGMA cipher_log_level = NONE")  # a wrong passphrase is reported by us, not on stderr
    connection.execute(f"PRAGMA key = {quote_passphrase(passphrase)}")
    return connection


def sqlcipher_module() -> Any:
    """The SQLCipher driver; UnsupportedDatabaseError when SoS Desktop was installed without it."""
    try:
        import sqlcipher3
    except ImportError:
        raise UnsupportedDatabaseError(
            "Encrypted databases need SQLCipher: install SoS Desktop with its 'encryption' extra "
            "(pip install 'sos-desktop[encryption]'). Nothing was changed."
        ) from None
    return sqlcipher3


def server_timeout() -> float:
    """How long a PostgreSQL server may leave a request unanswered: ``$SOS_DESKTOP_DB_TIMEOUT`` seconds if set to a
    positive number, else :data:`SERVER_TIMEOUT_S`.
    """
    try:
        seconds = float(os.environ.get(TIMEOUT_ENV_VAR, ""))
    except ValueError:
        return SERVER_TIMEOUT_S
    return seconds if seconds > 0 else SERVER_TIMEOUT_S


def postgres_connect_args(timeout: float) -> dict[str, Any]:
    """libpq's settings for a server connection that fails within about ``timeout`` seconds when the server does not
    answer: connecting (half of it: libpq counts whole seconds, two at the least; psycopg's default is 130 s), TCP
    keepalives and ``tcp_user_timeout`` (a server machine or network gone), and the server's ``statement_timeout``
    (a statement the server itself takes too long over, a lock waited for). A server process that has stopped is
    caught by ``server_deadline``.
    """
    return {
        "connect_timeout": max(2, math.ceil(timeout / 2)),
        "keepalives": 1,
        "keepalives_idle": max(1, math.ceil(timeout / 2)),
        "keepalives_interval": 1,
        "keepalives_count": 3,
        "tcp_user_timeout": int(timeout * 1000),
        "options": f"-c statement_timeout={int(timeout * 1000)}",
    }


def make_engine(url: str, passphrase: str | None = None) -> Engine:
    """An engine for ``url``; for a SQLite file, its folder is created and each connection set up as above.

    With a ``passphrase`` a SQLite file is opened (or created) encrypted with SQLCipher; PostgreSQL ignores it.
    """
    if parse_database_url(url).get_backend_name() != "sqlite":
        try:
            timeout = server_timeout()
            engine = create_engine(url, connect_args=postgres_connect_args(timeout))
        except ImportError:
            raise UnsupportedDatabaseError(
                "The PostgreSQL driver is not installed: install SoS Desktop with its 'postgres' extra "
                "(pip install 'sos-desktop[postgres]'). Nothing was changed."
            ) from None
        from sos_desktop.store import server_deadline  # threads and sockets: only for a server

        server_deadline.watch(engine, timeout)  # also checks a pooled connection before use (pool_pre_ping's work)
        return engine
    path = sqlite_file(url)
    if path is not None:  # a folder made here is the user's alone; one that exists may be theirs to share
        path.parent.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
    if passphrase is not None and path is not None:
        sqlcipher_module()
        encrypted = make_url(url).set(drivername="sqlite+pysqlcipher", password=passphrase)
        engine = create_engine(encrypted, poolclass=QueuePool, connect_args={"check_same_thread": False})
    else:
        engine = create_engine(url)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """A SQLite URI opening ``path`` read-only; Windows drive letters and network shares included.

    ``immutable``: SQLite takes no locks and makes no ``-shm`` file (for a file in a folder nobody may write to,
    where it could not make one); what only the write-ahead log holds is then not seen.
    """
    posix = path.absolute().as_posix()
    if posix.startswith("//"):
        posix = f"//{posix}"  # a network share: empty authority, then //server/share/...
    elif not posix.startswith("/"):
        posix = f"/{posix}"  # C:/...
    return f"file://{quote(posix)}?mode=ro{'&immutable=1' if immutable else ''}"


def _on_connect_read_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # as for _on_connect: BEGIN is ours
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
        cursor.execute("PRAGMA query_only=ON")
    finally:
        cursor.close()


def make_read_only_engine(path: Path, passphrase: str | None = None, *, immutable: bool = False) -> Engine:
    """An engine reading the SQLite file ``path`` without ever writing to it (nor to the folder it is in).

    For the commands that only read (``list``, ``export``, ``backup``, ``snapshot``) when the file or its folder
    cannot be written to, or another program holds the database; ``passphrase`` opens an encrypted one.
    """
    uri = read_only_uri(path, immutable=immutable)
    engine = create_engine("sqlite://", creator=lambda: raw_connection(uri, passphrase, uri=True), poolclass=QueuePool)
    event.listen(engine, "connect", _on_connect_read_only)
    event.listen(engine, "begin", _on_begin)
    return engine

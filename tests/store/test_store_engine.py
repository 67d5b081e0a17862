"""The engine factory and database location: precedence of settings, SQLite pragmas, real transactions."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from sos_desktop.store import Store, default_data_dir, make_engine, resolve_database_url
from sos_desktop.store.engine import ENV_VAR, display_url
from sos_desktop.store.errors import ServerUnreachableError, StoreError, UnsupportedDatabaseError


def test_default_data_dir_is_the_apps_own_folder() -> None:
    assert default_data_dir().name == "sos-desktop"


def test_db_argument_beats_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, "sqlite:///from-env.sqlite3")
    assert resolve_database_url("postgresql+psycopg://council/sos", tmp_path) == "postgresql+psycopg://council/sos"


def test_environment_beats_the_default_but_not_an_explicit_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV_VAR, "sqlite:////srv/shared/sos.sqlite3")
    assert resolve_database_url(None, None) == "sqlite:////srv/shared/sos.sqlite3"
    assert resolve_database_url(None, tmp_path) == f"sqlite:///{tmp_path / 'sos-desktop.sqlite3'}"


def test_data_dir_holds_the_database_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resolve_database_url(None, tmp_path) == f"sqlite:///{tmp_path / 'sos-desktop.sqlite3'}"


def test_without_settings_the_users_data_folder_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resolve_database_url(None, None) == f"sqlite:///{default_data_dir() / 'sos-desktop.sqlite3'}"


def test_a_plain_path_is_taken_as_a_sqlite_file(tmp_path: Path) -> None:
    assert resolve_database_url(str(tmp_path / "mine.db"), None) == f"sqlite:///{tmp_path / 'mine.db'}"


def test_make_engine_creates_the_folder_and_sets_the_pragmas(tmp_path: Path) -> None:
    folder = tmp_path / "not" / "there" / "yet"
    engine = make_engine(f"sqlite:///{folder / 'db.sqlite3'}")
    assert folder.is_dir()
    with engine.connect() as conn:
        pragmas = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous", "secure_delete")
        }
    engine.dispose()
    assert pragmas == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "busy_timeout": 5000,
        "synchronous": 2,
        "secure_delete": 1,
    }


def test_foreign_keys_are_on_again_after_the_migrations(sqlite_url: str) -> None:
    # The upgrade switches them off on its connection, which the pool then hands out for ordinary work.
    with Store.open(sqlite_url) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_rolled_back_transaction_leaves_no_trace_even_for_ddl(tmp_path: Path) -> None:
    # The stdlib driver would autocommit CREATE TABLE; with BEGIN emitted properly it rolls back.
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    with pytest.raises(RuntimeError), engine.begin() as conn:
        conn.execute(text("CREATE TABLE scratch (x INTEGER)"))
        conn.execute(text("INSERT INTO scratch VALUES (1)"))
        raise RuntimeError("stop")
    assert "scratch" not in inspect(engine).get_table_names()
    engine.dispose()


def test_importing_the_store_creates_no_database_and_no_qt(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path / "home"))
    code = "import sys, sos_desktop.store; print('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
    assert list(tmp_path.iterdir()) == []


def test_the_database_location_is_shown_without_a_password(tmp_path: Path) -> None:
    assert display_url(f"sqlite:///{tmp_path / 'db.sqlite3'}") == str(tmp_path / "db.sqlite3")
    shown = display_url("postgresql+psycopg://sos:s3cret@db.council.local/sos")
    assert "s3cret" not in shown and "db.council.local/sos" in shown


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("mysql://someone@localhost/cases", UnsupportedDatabaseError),
        ("postgresql+psycopg://sos@:::/x", UnsupportedDatabaseError),
        ("postgresql+psycopg://sos@127.0.0.1:1/nowhere", ServerUnreachableError),
    ],
)
def test_a_database_that_cannot_be_used_is_explained_in_one_sentence(url: str, expected: type[StoreError]) -> None:
    with pytest.raises(expected) as caught:
        Store.open(url)
    message = str(caught.value)
    assert message.endswith("Nothing was changed.")
    assert "Traceback" not in message and "\n" not in message

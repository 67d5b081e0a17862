"""Fixtures for the store tests: a fresh database per test, on SQLite and, when configured, on PostgreSQL.

Set ``SOS_DESKTOP_TEST_POSTGRES_URL`` (for example ``postgresql+psycopg://user@localhost/sos_test``) to run every
test that uses ``database_url`` or ``store`` against that database as well; it is emptied before each test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from store_helpers import small_meeting

from sos_desktop.models import Case, Meeting
from sos_desktop.store import Store
from sos_desktop.store.tables import metadata

POSTGRES_URL = os.environ.get("SOS_DESKTOP_TEST_POSTGRES_URL", "")
BACKENDS = ["sqlite", *(["postgresql"] if POSTGRES_URL else [])]


def _empty_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        metadata.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'data' / 'sos-desktop.sqlite3'}"


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, sqlite_url: str) -> str:
    if request.param == "sqlite":
        return sqlite_url
    _empty_postgres(POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store.open(database_url)
    yield opened
    opened.close()


@pytest.fixture
def case(store: Store) -> Case:
    return store.add_case(Case(label="Family T", reference="CP-1"))


@pytest.fixture
def meeting(store: Store, case: Case) -> Meeting:
    assert case.id is not None
    return store.add_meeting(small_meeting(case.id))

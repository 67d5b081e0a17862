"""CI runs the store tests on PostgreSQL as well as SQLite: skipping PostgreSQL there would hide a broken store."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, text


@pytest.mark.skipif(os.environ.get("CI") != "true", reason="only CI insists on PostgreSQL")
def test_ci_runs_the_store_tests_on_postgresql() -> None:
    url = os.environ.get("SOS_DESKTOP_TEST_POSTGRES_URL", "")
    assert url.startswith("postgresql"), "./dev test starts a PostgreSQL server; CI must not run without it"
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("select 1")).scalar() == 1
    engine.dispose()

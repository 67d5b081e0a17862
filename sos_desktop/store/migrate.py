"""Bring a database up to the schema this version of the app expects, or refuse it without touching it.

The Alembic scripts live in ``sos_desktop/store/migrations`` and need no ``alembic.ini``: :func:`alembic_config`
builds the Config in code. The whole upgrade runs in one transaction, so a failed upgrade leaves the database as
it was. On SQLite, foreign keys are switched off for the upgrade (SQLite's documented procedure for changing a
table: a batch migration rebuilds tables, and dropping the old copy must not cascade deletes), and checked with
``PRAGMA foreign_key_check`` before the commit.

To write a new revision: copy the latest file in ``versions/``, set ``down_revision`` to its revision, and write
the operations by hand; ``tests/store/test_migrate.py`` then checks the result against ``tables.py``.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import Connection

from sos_desktop.store.engine import WRITE_OPTION, run_outside_transaction
from sos_desktop.store.errors import DatabaseTooNewError, MigrationError, NotADatabaseError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config() -> Config:
    """An Alembic Config pointing at the migrations shipped inside the package."""
    from alembic.config import Config  # Alembic is imported only when a schema must change: start-up stays quick

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    return config


@cache
def _revision_graph() -> dict[str, str | None]:
    """Each shipped revision and the one it revises, read from the migration scripts' own assignments.

    Read as text (not by Alembic) so that opening an up-to-date database imports no Alembic at all; a test checks
    this agrees with Alembic's own reading of the scripts.
    """
    graph: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        values: dict[str, object] = {}
        for node in ast.parse(script.read_text("utf-8")).body:
            if isinstance(node, ast.AnnAssign | ast.Assign) and isinstance(node.value, ast.Constant):
                targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
                for target in targets:
                    if isinstance(target, ast.Name):
                        values[target.id] = node.value.value
        revision = values.get("revision")
        if isinstance(revision, str):
            down = values.get("down_revision")
            graph[revision] = down if isinstance(down, str) else None
    return graph


def known_revisions() -> set[str]:
    """Every revision this version of the app can read."""
    return set(_revision_graph())


def head_revisions() -> tuple[str, ...]:
    """The revision(s) a database of this version of the app is at: those no other revision revises."""
    graph = _revision_graph()
    revised = {down for down in graph.values() if down is not None}
    return tuple(sorted(revision for revision in graph if revision not in revised))


def current_revisions(connection: Connection) -> tuple[str, ...]:
    """The revision(s) recorded in the database; empty for a new, empty database."""
    rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))
    return tuple(sorted(str(row[0]) for row in rows))


def check_database(connection: Connection) -> tuple[str, ...]:
    """The database's current revisions, after making sure this app may work on it.

    Raises NotADatabaseError for a database that holds tables but no revision (some other program's), and
    DatabaseTooNewError for a revision this app does not know (written by a newer version).
    """
    tables = set(inspect(connection).get_table_names())
    if VERSION_TABLE not in tables:
        if tables:
            raise NotADatabaseError()
        return ()
    current = current_revisions(connection)
    if not set(current) <= known_revisions():
        raise DatabaseTooNewError()
    return current


def upgrade_to_head(engine: Engine) -> None:
    """Create or upgrade the schema to this version's head, in one transaction; refuse unknown databases."""
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            run_outside_transaction(connection, "PRAGMA foreign_keys=OFF")
        try:
            connection.execution_options(**{WRITE_OPTION: True})
            with connection.begin():
                current = check_database(connection)
                if set(current) == set(head_revisions()):
                    return
                from alembic import command

                config = alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise MigrationError()
        finally:
            if sqlite and not connection.invalidated:
                run_outside_transaction(connection, "PRAGMA foreign_keys=ON")

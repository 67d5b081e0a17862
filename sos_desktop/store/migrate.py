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
from sos_desktop.store.errors import (
    DatabaseTooNewError,
    DatabaseTooOldError,
    MigrationError,
    NotADatabaseError,
    StoreError,
    translate,
)

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

    Raises NotADatabaseError for a database that holds tables but no revision (some other program's),
    DatabaseTooOldError for a revision numbered before the first one shipped (the app no longer carries the steps
    from it), and DatabaseTooNewError for any other revision this app does not know (written by a newer version).
    Each says which revision the database is at.
    """
    tables = set(inspect(connection).get_table_names())
    if VERSION_TABLE not in tables:
        if tables:
            raise NotADatabaseError()
        return ()
    current = current_revisions(connection)
    unknown = sorted(set(current) - known_revisions())
    if unknown:
        raise unknown_revision_error(unknown[0])
    return current


def unknown_revision_error(revision: str) -> DatabaseTooOldError | DatabaseTooNewError:
    """Why a database at ``revision``, which this version does not ship, cannot be opened.

    Revisions are numbered ("0001", "0002", ...): one numbered below the first shipped is older than this version
    can upgrade; anything else (a higher number, or a name) comes from a newer version.
    """
    known = sorted(known_revisions())
    oldest, newest = known[0], "/".join(head_revisions())
    if revision.isdigit() and oldest.isdigit() and int(revision) < int(oldest):
        return DatabaseTooOldError(
            f"{DatabaseTooOldError.opening}: it is at revision {revision}, and this version starts from revision "
            f"{oldest}. It was left untouched; open it once with an earlier version of SoS Desktop (which brings "
            "it up to date), then open it here again, or restore a backup made by this version."
        )
    return DatabaseTooNewError(
        f"{DatabaseTooNewError.opening} (it is at revision {revision}; this version reads up to revision "
        f"{newest}). It was left untouched; please update SoS Desktop to open it."
    )


def _upgrade_failure(error: Exception, current: tuple[str, ...]) -> StoreError:
    """What to tell the user when an upgrade from ``current`` failed part way (it is rolled back whole).

    A locked database or a full disk is said as such; any other refusal means the tables are not what the recorded
    revision says (a file mended by hand, or a copy of a half-upgraded one): a MigrationError naming both revisions.
    """
    translated = translate(error)
    if type(translated) is not StoreError:
        return translated
    revision, head = "/".join(current) or "(none)", "/".join(head_revisions())
    return MigrationError(
        f"{MigrationError.opening} from revision {revision} to {head}: its tables are not what revision "
        f"{revision} should hold. It was left untouched; restore a backup, or keep a copy and contact your "
        "support team."
    )


def upgrade_to_head(engine: Engine) -> None:
    """Create or upgrade the schema to this version's head, in one transaction; refuse unknown databases.

    A database already at head is only read (no write lock is taken), so opening it to read never waits for
    another program's write to finish.
    """
    with engine.connect() as connection, connection.begin():
        if set(check_database(connection)) == set(head_revisions()):
            return
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
                try:
                    command.upgrade(config, "head")
                except Exception as error:
                    raise _upgrade_failure(error, current) from error
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise MigrationError()
        finally:
            if sqlite and not connection.invalidated:
                run_outside_transaction(connection, "PRAGMA foreign_keys=ON")

"""Alembic's environment for SoS Desktop: migrate the connection the app hands over, with no alembic.ini.

``sos_desktop.store.migrate`` builds the Config, opens the transaction and puts the connection in
``config.attributes["connection"]``; this script only runs the revisions inside that transaction. Batch mode is
on so that future ALTERs work on SQLite (which rebuilds a table to change it).
"""

from __future__ import annotations

from alembic import context

from sos_desktop.store.tables import metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("Run SoS Desktop's migrations through sos_desktop.store.migrate, which passes a connection.")
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations()

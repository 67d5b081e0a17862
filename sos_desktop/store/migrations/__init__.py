"""Alembic migrations of the SoS Desktop database, shipped inside the package (run by sos_desktop.store.migrate)."""

"""Storage of SoS Desktop: SQLAlchemy tables, the engine factory, Alembic migrations and the Store repository.

Importing this package creates no engine and touches no file; :meth:`Store.open` does, when called.
"""

from sos_desktop.store.engine import default_data_dir, make_engine, resolve_database_url
from sos_desktop.store.errors import (
    DanglingReferenceError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseTooNewError,
    DiskFullError,
    DuplicateReferenceError,
    MigrationError,
    NotADatabaseError,
    NotFoundError,
    StaleWriteError,
    StoreError,
)
from sos_desktop.store.store import Store

__all__ = [
    "DanglingReferenceError",
    "DatabaseLockedError",
    "DatabaseReadOnlyError",
    "DatabaseTooNewError",
    "DiskFullError",
    "DuplicateReferenceError",
    "MigrationError",
    "NotADatabaseError",
    "NotFoundError",
    "StaleWriteError",
    "Store",
    "StoreError",
    "default_data_dir",
    "make_engine",
    "resolve_database_url",
]

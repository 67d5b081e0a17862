"""Storage of SoS Desktop: SQLAlchemy tables, the engine factory, Alembic migrations and the Store repository.

Importing this package creates no engine and touches no file; :meth:`Store.open` does, when called. Nor does it
import SQLAlchemy: the names below are loaded when first asked for, so that a light module of the package
(:mod:`.paths`) can be read on the way to the console's first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sos_desktop.lazy_names import homes, loader

if TYPE_CHECKING:  # the same names, for the type checker (re-exported explicitly)
    from sos_desktop.store.engine import make_engine as make_engine
    from sos_desktop.store.engine import resolve_database_url as resolve_database_url
    from sos_desktop.store.errors import DanglingReferenceError as DanglingReferenceError
    from sos_desktop.store.errors import DatabaseLockedError as DatabaseLockedError
    from sos_desktop.store.errors import DatabaseReadOnlyError as DatabaseReadOnlyError
    from sos_desktop.store.errors import DatabaseTooNewError as DatabaseTooNewError
    from sos_desktop.store.errors import DiskFullError as DiskFullError
    from sos_desktop.store.errors import DuplicateReferenceError as DuplicateReferenceError
    from sos_desktop.store.errors import MigrationError as MigrationError
    from sos_desktop.store.errors import NotADatabaseError as NotADatabaseError
    from sos_desktop.store.errors import NotFoundError as NotFoundError
    from sos_desktop.store.errors import StaleWriteError as StaleWriteError
    from sos_desktop.store.errors import StoreError as StoreError
    from sos_desktop.store.paths import default_data_dir as default_data_dir
    from sos_desktop.store.store import Store as Store

_HOMES = homes(
    engine=["make_engine", "resolve_database_url"],
    paths=["default_data_dir"],
    store=["Store"],
    errors=[
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
        "StoreError",
    ],
)
__all__ = sorted(_HOMES)
__getattr__ = loader(__name__, _HOMES)

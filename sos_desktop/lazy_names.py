"""Package names loaded on first use (PEP 562), so importing a package does not import all of its modules.

The store and the minutes exporter use it: a light module of theirs can then be imported on the way to the
console's first paint without pulling in SQLAlchemy or the PDF writer.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any


def homes(**modules: Iterable[str]) -> dict[str, str]:
    """``{name: module}`` from ``module=[names]``: where each public name of a package lives."""
    return {name: module for module, names in modules.items() for name in names}


def loader(package: str, where: dict[str, str]) -> Callable[[str], Any]:
    """A module-level ``__getattr__`` for ``package`` that imports each name of ``where`` from its module."""

    def load(name: str) -> Any:
        home = where.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{home}"), name)

    return load

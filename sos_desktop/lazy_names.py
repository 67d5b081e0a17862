"""Names and modules loaded on first use (PEP 562, LazyLoader), so importing a module does not import all it uses.

The store and the minutes exporter use it: a light module of theirs can then be imported on the way to the
console's first paint without pulling in SQLAlchemy or the PDF writer.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable, Iterable
from types import ModuleType
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


def lazy_module(name: str) -> ModuleType:
    """Module ``name``, its code run only when one of its names is first used (the standard library's LazyLoader).

    For a module the console's first paint need not wait for, yet whose names many of its methods use.
    """
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)  # as an ordinary import leaves it, for ``package.module``
    return module

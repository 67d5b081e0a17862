"""The layers hold: models import neither Qt nor SQLAlchemy, store and exporters no Qt, nothing imports the UI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "sos_desktop"


def imported_modules(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(PACKAGE))] = names
    return found


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        (
            "models",
            ("PySide6", "sqlalchemy", "alembic", "sos_desktop.store", "sos_desktop.exporters", "sos_desktop.ui"),
        ),
        ("store", ("PySide6", "sos_desktop.ui", "sos_desktop.exporters")),
        ("exporters", ("PySide6", "sos_desktop.ui", "sos_desktop.store")),
    ],
)
def test_layer_imports_nothing_above_it(layer: str, forbidden: tuple[str, ...]) -> None:
    offenders = {
        module: sorted(name for name in names if name.split(".")[0] in forbidden or name.startswith(forbidden))
        for module, names in imported_modules(PACKAGE / layer).items()
    }
    assert {m: n for m, n in offenders.items() if n} == {}


def test_the_walk_sees_real_imports() -> None:
    # Guards the test above against passing because it read nothing.
    ui = imported_modules(PACKAGE / "ui")
    assert any("PySide6.QtWidgets" in names for names in ui.values())
    assert len(imported_modules(PACKAGE / "models")) >= 5

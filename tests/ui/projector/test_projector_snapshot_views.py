"""``sos-desktop snapshot --view …`` writes each of the case-over-time and child's-tools views of the demo's
follow-up at a wide and a squarer wall's size: a picture of that size, with something drawn on it (one command,
one saved demo, every view).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from sos_desktop.cli import main
from sos_desktop.store import Store
from sos_desktop.store.engine import resolve_database_url

VIEWS = ("plan", "trajectory-plan", "genogram", "safety-house", "words-pictures")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("snapshots")
    store = Store.open(resolve_database_url(None, folder))
    try:
        return folder, store.save_demo().follow_up
    finally:
        store.close()


def _colours(image: QImage) -> int:
    step = max(1, image.width() // 64)
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


@pytest.mark.parametrize("view", VIEWS)
def test_the_snapshot_command_writes_the_view_at_both_sizes(demo: tuple[Path, int], view: str) -> None:
    folder, follow = demo
    out, err = io.StringIO(), io.StringIO()
    for size in ("1920x1080", "1024x768"):
        picture = folder / f"{view}-{size}.png"
        args = ["--data-dir", str(folder), "snapshot", str(follow), "--view", view, "--out", str(picture)]
        assert main([*args, "--size", size], out=out, err=err) == 0, err.getvalue()
        image = QImage(str(picture))
        assert f"{image.width()}x{image.height()}" == size
        assert _colours(image) > 3, f"the {view} view at {size} is blank"

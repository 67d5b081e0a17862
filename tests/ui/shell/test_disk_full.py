"""The field's repro on a real full disk: a 5 MB tmpfs as the data folder, card A added, the disk filled, card B
added (refused), the disk freed, card C added. B used to be gone; now it waits and is saved before C, and while
the disk is full the journal goes to a private folder on another disk.

Needs root to mount a tmpfs (as CI runs here); skipped otherwise.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sos_desktop.app import build_window
from sos_desktop.models import Category
from sos_desktop.ui.common import dialogs


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=5m", "tmpfs", str(mount_point)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(disk: Path) -> Path:
    """Fill the disk to the last byte with one file; removing it frees the disk."""
    filler = disk / "filler"
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 1):
            try:
                while os.write(handle, b"\0" * size):
                    pass
            except OSError:
                pass
    finally:
        os.close(handle)
    return filler


def test_a_card_refused_by_a_full_disk_is_kept_and_saved_in_order_once_it_is_freed(
    qtbot: QtBot, small_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, problem = build_window(argparse.Namespace(data_dir=small_disk, db=None, command=None))
    assert window is not None and window.document is not None, problem
    qtbot.addWidget(window)
    document = window.document
    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell", lambda parent, title, message: told.append(message))
    document.add_item(Category.STRENGTH, "A: Nan visits on Sundays")
    filler = fill(small_disk)
    try:
        document.add_item(Category.STRENGTH, "B: Dad has joined a parenting group")
        assert len(told) == 1 and "full" in told[0].lower()
        assert len(document.pending) == 1
        kept = window.unsaved.journal_path
        assert kept is not None and small_disk not in kept.parents  # the full disk could not take it
        assert "B: Dad has joined a parenting group" in kept.read_text("utf-8")
        assert kept.stat().st_mode & 0o777 == 0o600 and kept.parent.stat().st_mode & 0o777 == 0o700
    finally:
        filler.unlink()
    document.add_item(Category.STRENGTH, "C: Lily sleeps through the night")  # waits behind B, in order
    qtbot.waitUntil(lambda: not document.pending, timeout=10_000)  # the retry timer, a few seconds on
    assert not kept.exists()
    texts = [i.text for i in window.store.get_meeting(document.meeting_id).items if i.category is Category.STRENGTH]
    assert texts[-3:] == [
        "A: Nan visits on Sundays",
        "B: Dad has joined a parenting group",
        "C: Lily sleeps through the night",
    ]
    window.store.close()

"""The Qt binding must not leak references to None: PySide6 6.12.0 did, and aborted the app mid-meeting."""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF


def test_calls_that_return_nothing_keep_python_s_none_alive() -> None:
    before = sys.getrefcount(None)
    point = QPointF()
    for _ in range(2000):
        point.setX(1.0)  # returns nothing: with the broken binding, each call loses one reference to None
    after = sys.getrefcount(None)
    assert after >= before - 50, f"the Qt binding lost {before - after} references to None in 2,000 calls"

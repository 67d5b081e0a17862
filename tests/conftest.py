"""Test set-up shared by every test: offscreen Qt, and no test ever touching the user's real data or settings.

With ``SOS_DESKTOP_QT_FREE=1`` (the Qt-free job of ``./dev test``) the run fails if anything imported PySide6.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_isolated_home = Path(tempfile.mkdtemp(prefix="sos-desktop-tests-"))
for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[variable] = str(_isolated_home / variable.lower())
os.environ.pop("SOS_DESKTOP_DB", None)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("SOS_DESKTOP_QT_FREE") == "1" and "PySide6" in sys.modules:
        print("\nThe Qt-free tests imported PySide6: models, store and exporters must not need Qt.", file=sys.stderr)
        session.exitstatus = 1

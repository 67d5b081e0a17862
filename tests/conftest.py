"""Test set-up shared by every test: offscreen Qt, and no test ever touching the user's real data or settings; and
the command line run in-process (``run_cli``, ``demo_meeting_id``).

With ``SOS_DESKTOP_QT_FREE=1`` (the Qt-free job of ``./dev test``) the run fails if anything imported PySide6.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_isolated_home = Path(tempfile.mkdtemp(prefix="sos-desktop-tests-"))
for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[variable] = str(_isolated_home / variable.lower())
# A developer's own settings never reach a test: the database, a passphrase, a PDF password, a server timeout.
for variable in ("SOS_DESKTOP_DB", "SOS_DESKTOP_PASSPHRASE", "SOS_DESKTOP_PDF_PASSWORD", "SOS_DESKTOP_DB_TIMEOUT"):
    os.environ.pop(variable, None)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("SOS_DESKTOP_QT_FREE") == "1" and "PySide6" in sys.modules:
        print("\nThe Qt-free tests imported PySide6: models, store and exporters must not need Qt.", file=sys.stderr)
        session.exitstatus = 1


CliRun = Callable[..., tuple[int, str, str]]
"""``run_cli(data_dir, *args)``: ``sos-desktop --data-dir DATA_DIR ARGS…`` in-process; (status, output, errors)."""


@pytest.fixture
def run_cli() -> CliRun:
    """The command line as a user or a script runs it, in this process (see ``CliRun``)."""
    from sos_desktop.cli import main  # imported when asked for, so that loading this file stays light

    def run(data_dir: Path, *args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        status = main(["--data-dir", str(data_dir), *args], out=out, err=err)
        return status, out.getvalue(), err.getvalue()

    return run


@pytest.fixture
def demo_meeting_id(tmp_path: Path, run_cli: CliRun) -> str:
    """The id of the demo meeting ``sos-desktop demo`` made in the test's folder."""
    status, out, err = run_cli(tmp_path, "demo")
    assert (status, err) == (0, "")
    return out.strip()

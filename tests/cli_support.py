"""The command line run in-process for the CLI tests: ``sos-desktop --data-dir DIR ARGS``, with its status and what
it printed to standard output and standard error.
"""

from __future__ import annotations

import io
from pathlib import Path

from sos_desktop.cli import main


def run(data_dir: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(["--data-dir", str(data_dir), *args], out=out, err=err)
    return status, out.getvalue(), err.getvalue()

"""Starting the console keeps the heavy libraries off the start-up path: reportlab, networkx, scipy and numpy are
imported when a PDF, a layout or the network's findings are first wanted, not to show the window.

Each check runs in a fresh interpreter, so what this test run has already imported does not hide anything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("reportlab", "networkx", "scipy", "numpy")

_START_CONSOLE = """
import argparse, json, sys
from pathlib import Path
from sos_desktop.app import build_window
from sos_desktop.ui.common.application import make_application

app = make_application([])
window, problem = build_window(argparse.Namespace(db=None, data_dir=Path(sys.argv[1])))
assert window is not None, problem
window.show()
app.processEvents()
window.grab()
opened = window.document is not None
window.close()
window.store.close()
print(json.dumps({"opened": opened, "modules": sorted(name.split(".")[0] for name in sys.modules)}), flush=True)
import os
os._exit(0)  # what was imported is all this asks; the interpreter's teardown is checked elsewhere
"""


def _run(code: str, *args: str) -> dict[str, object]:
    environment = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=environment, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def test_starting_the_console_on_an_empty_database_imports_no_heavy_library(tmp_path: Path) -> None:
    started = _run(_START_CONSOLE, str(tmp_path / "data"))
    assert started["opened"], "the first start should open the demo meeting"
    modules = set(started["modules"])  # type: ignore[call-overload]
    assert "PySide6" in modules
    assert not modules & set(HEAVY), f"imported at start-up: {sorted(modules & set(HEAVY))}"


def test_the_command_line_module_imports_no_heavy_library() -> None:
    loaded = _run("import json, sys\nimport sos_desktop.cli\nprint(json.dumps({'modules': sorted(sys.modules)}))")
    modules = {name.split(".")[0] for name in loaded["modules"]}  # type: ignore[attr-defined]
    assert not modules & {*HEAVY, "PySide6"}

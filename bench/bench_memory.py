"""Peak memory with the large meeting open on the console and projected, against a bare PySide6 window.

Run: ``.venv/bin/python bench/bench_memory.py DATABASE.sqlite3 MEETING_ID`` (offscreen) prints the process's peak
resident set size in MiB once the console and the projector (1920 x 1080) have painted the meeting; ``--bare``
prints the same for an empty QMainWindow. ``bench/run.py`` runs it in a fresh process, so the peak is this alone.
Target: <= 300 MB.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MB = 300.0


def peak_mib() -> float:
    """This process's peak resident set size.

    On Linux, VmHWM of /proc/self/status: ``ru_maxrss`` survives exec, so a child started by a large parent would
    report the parent's size. Elsewhere ``ru_maxrss`` (macOS reports bytes).
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def bare() -> float:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    window = QMainWindow()
    window.resize(1600, 1000)
    window.show()
    window.grab()
    app.processEvents()
    return peak_mib()


def meeting_projected(database: str, meeting_id: int) -> float:
    from PySide6.QtCore import QSettings

    from sos_desktop.store.store import Store
    from sos_desktop.ui.common.application import make_application
    from sos_desktop.ui.projector import ProjectorWindow
    from sos_desktop.ui.shell.main_window import MainWindow

    app = make_application([])
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(f"sqlite:///{database}")
        window = MainWindow(store, QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(1600, 1000)
        window.show()
        window.open_meeting(meeting_id)
        assert window.document is not None
        projector = ProjectorWindow(window.document, console=window)
        projector.resize(1920, 1080)
        projector.show()
        app.processEvents()
        window.grab()
        projector.grab()
        app.processEvents()
        peak = peak_mib()
        print(f"{peak:.1f}", flush=True)  # before the teardown, which is not what is measured
        projector.close()
        window.close()
        store.close()
    return peak


def main(argv: list[str]) -> int:
    if argv == ["--bare"]:
        print(f"{bare():.1f}")
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    meeting_projected(argv[0], int(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

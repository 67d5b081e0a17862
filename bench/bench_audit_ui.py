"""Benchmark of the team audit window over the 10,000-meeting fixture: first paint and filter changes.

Run: ``.venv/bin/python bench/bench_audit_ui.py`` (offscreen; ``--quick`` for fewer filter changes). It measures

- first paint: from building the window (Practice › Team audit…) until it is shown and a paint event of it has been
  processed (target 1 s; the figures are read on a worker thread meanwhile);
- the figures shown: until the rows have arrived and the window has painted them (also against 1 s);
- the worst filter change: a team, a worker or a period chosen, until the table, tiles and charts have repainted
  (target 100 ms), over every team, up to 20 workers and a few periods.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).parent))
from fixtures import large_fixture

from sos_desktop.store.store import Store
from sos_desktop.ui.audit.window import AuditWindow
from sos_desktop.ui.common.application import make_application

FIRST_PAINT_MS = 1000.0
FILTER_MS = 100.0


class PaintWatch(QObject):
    """Counts the paint events of a widget."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def _wait(app: QApplication, done: object, limit_s: float = 30.0) -> None:
    deadline = time.perf_counter() + limit_s
    while not done() and time.perf_counter() < deadline:  # type: ignore[operator]
        app.processEvents()


def _verdict(value: float, target: float) -> str:
    return "PASS" if value <= target else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer filter changes")
    args = parser.parse_args()
    app = make_application(["bench"])
    fixture = large_fixture(quiet=True)
    store = Store.open(fixture.url)
    today = date(2026, 12, 3)
    watch = PaintWatch()
    started = time.perf_counter()
    window = AuditWindow(store, today=lambda: today)
    window.installEventFilter(watch)
    window.resize(1440, 900)
    window.show()
    window.load()
    _wait(app, lambda: watch.paints > 0)
    first_paint = (time.perf_counter() - started) * 1000
    _wait(app, lambda: window.loaded)
    window.repaint()
    shown = (time.perf_counter() - started) * 1000
    rows = len(window.all_rows)

    changes: list[tuple[str, object]] = [("team", t) for t in [None, *window.filters.team_names()]]
    workers = window.filters.worker_names()[: 5 if args.quick else 20]
    changes += [("worker", w) for w in workers]
    changes += [("worker", None)]
    for days in (30, 90, 365) if not args.quick else (90,):
        changes.append(("since", today - timedelta(days=days)))
    changes.append(("since", None))
    timings: list[float] = []
    for kind, value in changes:
        began = time.perf_counter()
        if kind == "team":
            window.filters.team.setCurrentIndex(max(0, window.filters.team.findData(value)))
        elif kind == "worker":
            window.filters.worker.setCurrentIndex(max(0, window.filters.worker.findData(value)))
        else:
            window.filters.set_period(value, None)  # type: ignore[arg-type]
        window.repaint()
        app.processEvents()
        timings.append((time.perf_counter() - began) * 1000)
    worst = max(timings)
    print(f"Team audit window over {fixture.path.name}: {rows:,} cases")
    paint_verdict = _verdict(first_paint, FIRST_PAINT_MS)
    print(f"  first paint          {first_paint:7.1f} ms  (target {FIRST_PAINT_MS:.0f})  {paint_verdict}")
    print(f"  figures shown        {shown:7.1f} ms  (target {FIRST_PAINT_MS:.0f})  {_verdict(shown, FIRST_PAINT_MS)}")
    print(
        f"  filter change        worst {worst:.1f} ms, median {statistics.median(timings):.1f} ms over {len(timings)} "
        f"changes  (target {FILTER_MS:.0f})  {_verdict(worst, FILTER_MS)}"
    )
    window.close()
    store.close()
    return 0 if max(first_paint, shown) <= FIRST_PAINT_MS and worst <= FILTER_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark of the team's audit over the 10,000-meeting fixture: reading the figures, filtering them, and the CSV.

Run: ``.venv/bin/python bench/bench_audit.py``. It prints, each against its target, PASS or FAIL:

- ``Store.audit``: every case's figures read from the database (the view's first paint needs them within 1 s);
- filtering: each team, a worker, a period and all three combined over the 2,000 cases (the worst; 100 ms);
- ``sos-desktop audit --csv``: the command's wall time minus a bare start of the command line (``--version``),
  median of three runs each (target 2 s beyond the start).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from fixtures import AUDIT_DAY, large_fixture

from sos_desktop.models.audit import AuditFilter, filter_cases, teams, workers
from sos_desktop.store.store import Store

STORE_MS = 1000.0
FILTER_MS = 100.0
CSV_BEYOND_START_MS = 2000.0
RUNS = 3


def verdict(value: float, target: float) -> str:
    return "PASS" if value <= target else "FAIL"


def line(name: str, value: float, target: float) -> None:
    print(f"{name:<44} {value:>9.1f} ms {target:>9.1f} ms  {verdict(value, target)}")


def cli_ms(*args: str) -> float:
    """The median wall time of ``sos-desktop ARGS`` over RUNS runs."""
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "sos_desktop", *args], check=True, capture_output=True)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    fixture = large_fixture()
    store = Store.open(fixture.url)
    try:
        started = time.perf_counter()
        rows = store.audit(AUDIT_DAY)
        read_ms = (time.perf_counter() - started) * 1000
    finally:
        store.close()
    print(f"{len(rows)} cases; figure, time, target, verdict")
    line("Store.audit (every case's figures)", read_ms, STORE_MS)
    chosen = [AuditFilter(team=team) for team in teams(rows)]
    chosen += [AuditFilter(worker=workers(rows)[0]), AuditFilter(since=date(2026, 1, 1), until=date(2026, 6, 30))]
    chosen.append(AuditFilter(team=teams(rows)[0], worker=workers(rows)[1], since=date(2025, 6, 1)))
    worst = 0.0
    for flt in chosen:
        started = time.perf_counter()
        filter_cases(rows, flt)
        worst = max(worst, (time.perf_counter() - started) * 1000)
    line(f"filter, worst of {len(chosen)} (teams, worker, period, all)", worst, FILTER_MS)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "audit.csv"
        bare = cli_ms("--version")
        whole = cli_ms("--db", fixture.url, "audit", "--csv", str(out))
    line(f"audit --csv beyond CLI start ({bare:.0f} ms)", whole - bare, CSV_BEYOND_START_MS)


if __name__ == "__main__":
    main()

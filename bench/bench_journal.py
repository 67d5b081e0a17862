"""Learning journals: what a journal's key costs to derive (slow on purpose) and what the demo's journal adds to
building the demo (which many tests do).

Run: ``.venv/bin/python bench/bench_journal.py``. Prints the median of several runs against its target:
- deriving a new journal's key (scrypt at ``sealing.COST``): between 0.1 and 0.3 s, slow enough to make guessing
  passphrases slow, quick enough that opening the journal does not feel stuck;
- deriving the demo journal's key (``sealing.DEMO_COST``): under 5 ms;
- ``Store.save_demo`` with the demo's journal, against the same without it: at most 30 ms more.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sos_desktop.store import demo, sealing
from sos_desktop.store.sealing import KeyRecipe
from sos_desktop.store.store import Store


def _median(run: Callable[[], object], times: int = 5) -> float:
    taken = []
    for _ in range(times):
        started = time.perf_counter()
        run()
        taken.append(time.perf_counter() - started)
    return statistics.median(taken)


def _save_demo_seconds() -> float:
    taken = []
    for _ in range(7):
        with tempfile.TemporaryDirectory() as folder, Store.open(f"sqlite:///{Path(folder) / 'x.sqlite3'}") as store:
            started = time.perf_counter()
            store.save_demo()
            taken.append(time.perf_counter() - started)
    return statistics.median(taken)


def _report(name: str, value: float, low: float, high: float) -> None:
    verdict = "PASS" if low <= value <= high else "FAIL"
    print(f"{name:<44} {value * 1000:8.1f} ms   target {low * 1000:.0f}–{high * 1000:.0f} ms   {verdict}")


def main() -> None:
    full = KeyRecipe.fresh(sealing.COST)
    cheap = KeyRecipe.fresh(sealing.DEMO_COST)
    full_name = f"new journal's key (scrypt n=2^{sealing.COST})"
    _report(full_name, _median(lambda: sealing.derive("A", "pw", full)), 0.1, 0.3)
    cheap_name = f"demo journal's key (n=2^{sealing.DEMO_COST})"
    _report(cheap_name, _median(lambda: sealing.derive("A", "pw", cheap)), 0, 0.005)
    with_journal = _save_demo_seconds()
    original = demo.save_demo_journal
    demo.save_demo_journal = lambda conn, first: None  # type: ignore[assignment]
    try:
        without = _save_demo_seconds()
    finally:
        demo.save_demo_journal = original
    print(f"save_demo without the journal {without * 1000:.1f} ms, with it {with_journal * 1000:.1f} ms")
    _report("what the demo's journal adds to save_demo", max(with_journal - without, 0.0), 0, 0.030)


if __name__ == "__main__":
    main()

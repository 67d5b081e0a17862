"""Benchmark of continuing a case: the next meeting made from a large last one and painted on the console.

Run: ``.venv/bin/python bench/bench_continue.py`` (offscreen; about twenty seconds), ``--quick`` for fewer repeats.
The last meeting holds 300 cards (30 of them next steps), 60 people in the network and 20 scales rated by four
people. Each run is what Meeting › New meeting from the last one does once the dialog is answered: the store
continues the meeting (cards with their keys and pairs, scales unrated, reviews of the next steps, the network as it
stands) and the console opens it, timed until every map category on screen has painted its first cards.
Target: <= 300 ms (median).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication

from sos_desktop.models import Category, MapItem, NetworkPerson, PersonRole, Scale, ScaleRating
from sos_desktop.models.demo import default_agenda, demo_bundle
from sos_desktop.store.store import Store
from sos_desktop.ui.common.application import make_application
from sos_desktop.ui.map.card_delegate import CardDelegate
from sos_desktop.ui.shell.main_window import MainWindow

CARDS, STEPS, PEOPLE, SCALES = 300, 30, 60, 20
RUNS, QUICK_RUNS = 15, 5
TARGET_MS = 300.0
SENTENCE = (
    "Nan is worried that when Dad has been drinking he shouts at Mum in front of Lily, and Lily could be hurt "
    "or grow up frightened at home"
)
RATERS = ("Sam Patel", "Alex Morgan", "Priya Shah", "Tom Evans")


def large_last_meeting(store: Store) -> int:
    """The demo meeting grown to 300 cards, 60 people and 20 rated scales, saved; its id."""
    bundle = demo_bundle()
    others = [category for category in Category if category is not Category.NEXT_STEP]
    cards = [
        MapItem(category=others[n % len(others)], text=f"{n + 1}. {SENTENCE[: 60 + (n * 7) % 70]}")
        for n in range(CARDS - STEPS)
    ]
    cards += [
        MapItem(
            category=Category.NEXT_STEP,
            text=f"Step {n + 1}: {SENTENCE[:50]}",
            owner=RATERS[n % len(RATERS)],
            due=date(2026, 11, 1) + timedelta(days=n),
        )
        for n in range(STEPS)
    ]
    bundle.meeting.items = cards
    bundle.meeting.scales = [
        Scale(
            question=f"Scale {n + 1}: how safe is Lily at home?",
            ratings=[ScaleRating(rater, (n + i) % 11) for i, rater in enumerate(RATERS)],
        )
        for n in range(SCALES)
    ]
    start = len(bundle.network.people)
    bundle.network.people += [
        NetworkPerson(id=-100 - n, name=f"Person {n} Example", role=PersonRole.FRIEND) for n in range(PEOPLE - start)
    ]
    return store.save_bundle(bundle).meeting.id or 0


def measure(app: QApplication, window: MainWindow, store: Store, last_id: int, runs: int) -> list[float]:
    """Seconds from continuing the meeting to its map painted on the console, for each run."""
    painted: set[int] = set()
    original_paint = CardDelegate.paint

    def noting_paint(delegate: CardDelegate, *args: object) -> None:
        original_paint(delegate, *args)  # type: ignore[arg-type]
        painted.add(id(delegate))

    CardDelegate.paint = noting_paint  # type: ignore[method-assign]
    samples = []
    held = datetime(2026, 12, 5, 10)
    try:
        for run in range(runs):
            window.open_meeting(last_id)
            app.processEvents()
            painted.clear()
            start = time.perf_counter()
            following = store.continue_meeting(
                last_id, title=f"Follow-up {run + 1}", held_on=held + timedelta(days=run), agenda=default_agenda()
            )
            assert following.id is not None
            window.open_meeting(following.id)
            assert window.map_panel is not None
            shown = {
                id(box.list.itemDelegate())
                for box in window.map_panel.boxes.values()
                if box.isVisible() and box.model.rowCount() and not box.visibleRegion().isEmpty()
            }
            deadline = start + 5.0
            while not shown <= painted and time.perf_counter() < deadline:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            samples.append(time.perf_counter() - start)
            document = window.document
            assert document is not None
            assert len(document.meeting.items) == CARDS - STEPS and len(document.meeting.reviews) == STEPS
            app.processEvents()
    finally:
        CardDelegate.paint = original_paint  # type: ignore[method-assign]
    return samples


FIGURE = f"continue a {CARDS}-card meeting ({PEOPLE} people, {SCALES} scales), painted"


def continue_samples(runs: int) -> list[float]:
    """Seconds of each run (see the module docstring), in a fresh database and console."""
    app = QApplication.instance() or make_application()
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        last_id = large_last_meeting(store)
        window = MainWindow(store, QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        samples = measure(app, window, store, last_id, runs)
        window.close()
        store.close()
    return samples


def figures(runs: int) -> list[tuple[str, float, float]]:
    """(figure, median in ms, target in ms), for bench/run.py."""
    return [(FIGURE, statistics.median(continue_samples(runs)) * 1000, TARGET_MS)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args(argv)
    samples = continue_samples(QUICK_RUNS if args.quick else RUNS)
    value = statistics.median(samples) * 1000
    name = FIGURE
    print(f"{'figure':<64} {'median':>10} {'target':>10}  verdict")
    print(f"{name:<64} {value:>8.1f}ms {TARGET_MS:>8.1f}ms  {'ok' if value <= TARGET_MS else 'MISSED'}")
    print(f"(slowest of {len(samples)} runs: {max(samples) * 1000:.1f} ms)")
    return 0 if value <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmarks of the case over time: what changed since last time, computed and painted on the projector.

Run: ``.venv/bin/python bench/bench_changes.py`` (offscreen; under a minute, most of it building the case), or
``--quick`` for fewer repeats. The case is the demo's, grown over 50 meetings, each continued from the one before
(``Store.continue_meeting``): at each, three cards reworded, one dropped, seven added, two next steps set, every
scale rated by three people, somebody joining the network; the last meeting holds about 300 cards. Prints the median
of repeated runs against its target. Targets: what changed (``models.changes.changes_since``) <= 50 ms; the
"What changed since last time" view painted on the projector (1920x1080) <= 100 ms.
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

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter

from sos_desktop.models import Category, MapItem, Meeting, NetworkPerson, PersonRole, ScaleRating
from sos_desktop.models.changes import changes_since
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store.store import Store
from sos_desktop.ui.common.application import make_application
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import ChangesMode, Projection
from sos_desktop.ui.projector.changes_chart import ChangesLayout
from sos_desktop.ui.projector.changes_content import changes_content
from sos_desktop.ui.projector.text import TextCache
from sos_desktop.ui.projector.themes import load_theme

MEETINGS = 50
ADDED, REWORDED, DROPPED, STEPS = 7, 3, 1, 2
RUNS, QUICK_RUNS = 60, 15
CHANGES_TARGET_MS = 50.0
PAINT_TARGET_MS = 100.0
WALL = QSize(1920, 1080)
CATEGORIES = [category for category in Category if category is not Category.NEXT_STEP]
RATERS = ("Sam Patel", "Alex Morgan", "Pat Example")
WORDS = (
    "Nan says that when Dad has been drinking he shouts at Mum in front of Lily, and nursery saw Lily upset the "
    "next morning; the family agreed a plan with the health visitor"
)


def grow_case(store: Store) -> tuple[int, int]:
    """The demo case over ``MEETINGS`` meetings; the ids of its first and last."""
    saved = store.save_bundle(demo_bundle())
    first = saved.meeting.id or 0
    case_id = saved.meeting.case_id or 0
    current = store.get_meeting(first)
    held = datetime(2026, 1, 5, 10)
    for number in range(2, MEETINGS + 1):
        held += timedelta(days=14)
        meeting = store.continue_meeting(current.id or 0, title=f"Meeting {number}", held_on=held, agenda=[])
        edit(store, meeting, number, held.date())
        store.add_person(case_id, NetworkPerson(f"Helper {number} Person", role=PersonRole.FRIEND))
        current = store.get_meeting(meeting.id or 0)
    return first, current.id or 0


def edit(store: Store, meeting: Meeting, number: int, held: date) -> None:
    """One meeting's work on the map carried forward: rewordings, a card dropped, cards and next steps added, and
    every scale rated.
    """
    meeting_id = meeting.id or 0
    cards = [item for item in meeting.items if item.category is not Category.NEXT_STEP]
    for offset in range(REWORDED):
        card = cards[(number * 5 + offset * 11) % len(cards)]
        card.text = f"{card.text.split(' (')[0]} (seen again at meeting {number})"
        store.update_item(card)
    for offset in range(DROPPED):
        gone = cards[(number * 3 + offset) % len(cards)]
        if gone.id is not None:
            store.delete_item(gone.id)
    for offset in range(ADDED):
        n = number * ADDED + offset
        text = f"{n}. {WORDS[: 50 + (n * 13) % 90]}"
        store.add_item(meeting_id, MapItem(CATEGORIES[n % len(CATEGORIES)], text))
    for offset in range(STEPS):
        step = MapItem(Category.NEXT_STEP, f"Step {number}.{offset}: ring Nan about the plan", owner="Sam Patel")
        step.due = held + timedelta(days=7 * (offset + 1))
        store.add_item(meeting_id, step)
    for scale in meeting.scales:
        scale.ratings = [ScaleRating(rater, float((number + index * 3) % 11)) for index, rater in enumerate(RATERS)]
        store.update_scale(scale)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(work: object, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return samples


def paint_cold(document: MeetingDocument) -> None:
    """The view chosen afresh: a new projection (nothing laid out yet) lays the frame out and paints it."""
    image = QImage(WALL, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    projection = Projection(document)
    projection.set_mode(ChangesMode())
    projection.paint(painter, QRectF(0, 0, WALL.width(), WALL.height()))
    painter.end()
    projection.set_document(None)


def measure(runs: int) -> list[tuple[str, float, float]]:
    """Each figure's name, median in ms and target in ms."""
    make_application([])
    with tempfile.TemporaryDirectory(prefix="sos-bench-changes-") as folder:
        store = Store.open(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        try:
            first_id, last_id = grow_case(store)
            last = store.get_meeting(last_id)
            previous = store.previous_meeting(last_id)
            first = store.get_meeting(first_id)
            network = store.get_network(last.case_id or 0)
            cards = len(last.items)
            since = timed(lambda: changes_since(previous, last, network), runs)
            all_cards = timed(lambda: changes_since(first, last, network), runs)
            document = MeetingDocument(store, last_id)
            cold = timed(lambda: paint_cold(document), runs)
            # An edit on the console with the view on the wall: the changes read again, the frame laid out again.
            projection = Projection(document)
            projection.set_mode(ChangesMode())
            image = QImage(WALL, QImage.Format.Format_RGB32)
            card = next(item for item in document.meeting.items if item.category is Category.HARM)
            assert card.id is not None
            counter = iter(range(10**6))

            def edit_and_paint() -> None:
                document.set_item_text(card.id or 0, f"{WORDS[:80]} ({next(counter)})")
                painter = QPainter(image)
                projection.paint(painter, QRectF(0, 0, WALL.width(), WALL.height()))
                painter.end()

            warm = timed(edit_and_paint, runs)
            # A stress case: every card of meeting 50 new against meeting 1, summarised with "+ N more".
            found = changes_since(first, last, network)
            content = changes_content(found, "Meeting 50 · Family Demo", document.template, projection.mask)
            theme = load_theme("projector")

            def stress() -> None:
                image = QImage(WALL, QImage.Format.Format_RGB32)
                painter = QPainter(image)
                scene = ChangesLayout(content, theme, WALL.width(), WALL.height(), 1.0, TextCache()).scene()
                scene.paint(painter, QRectF(0, 0, WALL.width(), WALL.height()))
                painter.end()

            stressed = timed(stress, max(3, runs // 4))
            projection.set_document(None)
            changed = sum(len(found.cards[c]) for c in found.cards)
        finally:
            store.close()
    return [
        (f"what changed since last time, meeting {MEETINGS} ({cards} cards)", median_ms(since), CHANGES_TARGET_MS),
        (f"what changed against meeting 1 ({changed} cards changed)", median_ms(all_cards), CHANGES_TARGET_MS),
        ("changes view chosen, laid out and painted (1920x1080)", median_ms(cold), PAINT_TARGET_MS),
        ("console edit, changes view painted again", median_ms(warm), PAINT_TARGET_MS),
        (f"changes view painted, {changed} changed cards ('+ N more')", median_ms(stressed), PAINT_TARGET_MS),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time what changed since last time, computed and projected.")
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    options = parser.parse_args(argv)
    rows = measure(QUICK_RUNS if options.quick else RUNS)
    print(f"{'figure':<62} {'median':>10} {'target':>10}  verdict")
    for name, value, target in rows:
        print(f"{name:<62} {value:>8.1f}ms {target:>8.1f}ms  {'ok' if value <= target else 'MISSED'}")
    return 0 if all(value <= target for _, value, target in rows) else 1


if __name__ == "__main__":
    sys.exit(main())

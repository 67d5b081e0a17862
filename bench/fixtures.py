"""The benchmarks' large fixture, built once and cached: a database of 10,000 meetings whose last case is the
large one (6 meetings; the last has 300 map items, 60 network people and 20 scales x 12 ratings).

The cache lives under the system's temporary folder, in ``sos-desktop-bench/<schema head>-<fixture version>``, so
a rerun reuses it and a schema change builds a fresh one. The 9,994 small meetings are written in one transaction
with ``executemany`` through the store's own tables (seconds, not minutes); the large case goes in through
``Store.save_bundle``, as an imported file would.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_minutes import large_meeting

from sos_desktop.models import Case, Category, MapItem, Meeting, MeetingBundle, Network
from sos_desktop.models.demo import default_agenda
from sos_desktop.store import convert
from sos_desktop.store.migrate import head_revisions
from sos_desktop.store.store import Store
from sos_desktop.store.tables import agenda_phases, attendees, cases, map_items, meetings

FIXTURE_VERSION = "2"
MEETINGS = 10_000
MEETINGS_PER_CASE = 5
ITEMS_PER_SMALL_MEETING = 4


@dataclass(frozen=True)
class LargeFixture:
    """Where the cached database is, and the ids of what the benchmarks open."""

    path: Path
    large_meeting_id: int
    small_meeting_id: int

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path}"


def cache_dir() -> Path:
    head = "-".join(head_revisions())
    return Path(tempfile.gettempdir()) / "sos-desktop-bench" / f"{head}-{FIXTURE_VERSION}"


def _fill_small_meetings(store: Store, count: int) -> None:
    """``count`` small meetings in cases of five, inserted row by row in bulk in one transaction."""
    stamp = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    phases = [convert.phase_values(phase) for phase in default_agenda()]
    categories = list(Category)
    case_rows, meeting_rows, attendee_rows, phase_rows, item_rows = [], [], [], [], []
    case_count = (count + MEETINGS_PER_CASE - 1) // MEETINGS_PER_CASE
    for case_id in range(1, case_count + 1):
        case_rows.append(
            convert.case_values(Case(f"Family {case_id} (invented)", f"BULK-{case_id}"))
            | {"id": case_id, "created_at": stamp}
        )
    for meeting_id in range(1, count + 1):
        held_on = stamp + timedelta(hours=meeting_id)
        meeting = Meeting(
            f"Review {meeting_id}",
            held_on=held_on,
            focus_question="What needs to happen so that the children are safe at home?",
            confidentiality_agreed=True,
        )
        meeting_rows.append(
            convert.meeting_values(meeting)
            | {
                "id": meeting_id,
                "case_id": (meeting_id - 1) // MEETINGS_PER_CASE + 1,
                "created_at": held_on,
                "updated_at": held_on,
            }
        )
        attendee_rows += [
            {"meeting_id": meeting_id, "position": n, "name": name, "role": "participant"}
            for n, name in enumerate(("Social worker", "Team manager", "Health visitor"))
        ]
        phase_rows += [{"meeting_id": meeting_id, "position": n, **values} for n, values in enumerate(phases)]
        item_rows += [
            convert.item_values(MapItem(categories[n % len(categories)], f"Card {n + 1} of meeting {meeting_id}"))
            | {"meeting_id": meeting_id, "category": categories[n % len(categories)].value, "position": 0}
            for n in range(ITEMS_PER_SMALL_MEETING)
        ]
    with store.engine.begin() as conn:
        for table, rows in (
            (cases, case_rows),
            (meetings, meeting_rows),
            (attendees, attendee_rows),
            (agenda_phases, phase_rows),
            (map_items, item_rows),
        ):
            conn.execute(table.insert(), rows)


def _save_large_case(store: Store) -> int:
    """The large case's six meetings through ``save_bundle``; the id of the last (the large one)."""
    bundle, case_meetings = large_meeting()
    for earlier in case_meetings[:-1]:
        earlier.id = None
        store.save_bundle(MeetingBundle(Case(bundle.case.label, bundle.case.reference), earlier, Network()))
    return store.save_bundle(bundle).meeting.id or 0


def build(path: Path) -> LargeFixture:
    store = Store.open(f"sqlite:///{path}")
    try:
        _fill_small_meetings(store, MEETINGS - 6)
        large_id = _save_large_case(store)
    finally:
        store.close()
    return LargeFixture(path, large_id, 1)


def large_fixture(*, rebuild: bool = False, quiet: bool = False) -> LargeFixture:
    """The cached fixture, building it first if it is missing (or ``rebuild``)."""
    folder = cache_dir()
    path = folder / "large.sqlite3"
    marker = folder / "ids.txt"
    if rebuild and folder.exists():
        shutil.rmtree(folder)
    if marker.exists() and path.exists():
        large_id, small_id = (int(part) for part in marker.read_text().split())
        return LargeFixture(path, large_id, small_id)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("large.sqlite3*"):
        stale.unlink()
    started = time.perf_counter()
    fixture = build(path)
    marker.write_text(f"{fixture.large_meeting_id} {fixture.small_meeting_id}\n")
    if not quiet:
        print(f"built the 10,000-meeting fixture in {time.perf_counter() - started:.1f} s: {path}", file=sys.stderr)
    return fixture


if __name__ == "__main__":
    print(large_fixture(rebuild="--rebuild" in sys.argv))

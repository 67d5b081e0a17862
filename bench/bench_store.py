"""Benchmark of write-through saving: one card edit saved to SQLite, against bare SQLAlchemy doing one insert+commit.

Run: ``.venv/bin/python bench/bench_store.py [DATABASE.sqlite3 MEETING_ID]`` (no Qt; without arguments it makes a
large meeting in a temporary database). The edit is ``Store.update_item`` on a card of the large meeting, exactly
what the console's write-through does as each edit applies. The baseline is SQLAlchemy Core on a file database
with the app's durability settings (WAL, ``synchronous=FULL``) inserting one row and committing. Target: <= 5 ms.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import Column, Integer, MetaData, Table, Text, create_engine, event

from sos_desktop.store.store import Store

TARGET_MS = 5.0
EDITS = 200


def measure_edit_saved(store: Store, meeting_id: int, edits: int = EDITS) -> list[float]:
    """Seconds for each of ``edits`` saves of one card's text (write-through, one transaction each)."""
    item = store.get_meeting(meeting_id).items[0]
    samples = []
    for n in range(edits):
        item.text = f"Nan says Dad has not been drinking since the summer ({n})."
        started = time.perf_counter()
        store.update_item(item)
        samples.append(time.perf_counter() - started)
    return samples


def measure_bare_insert(folder: Path, inserts: int = EDITS) -> list[float]:
    """Seconds for each bare SQLAlchemy insert of one row and commit, on SQLite with the app's pragmas."""
    engine = create_engine(f"sqlite:///{folder / 'bare.sqlite3'}")

    @event.listens_for(engine, "connect")
    def _pragmas(connection: object, record: object) -> None:
        cursor = connection.cursor()  # type: ignore[attr-defined]
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    metadata = MetaData()
    notes = Table("notes", metadata, Column("id", Integer, primary_key=True), Column("text", Text, nullable=False))
    metadata.create_all(engine)
    samples = []
    for n in range(inserts):
        started = time.perf_counter()
        with engine.begin() as conn:
            conn.execute(notes.insert().values(text=f"Nan says Dad has not been drinking ({n})."))
        samples.append(time.perf_counter() - started)
    engine.dispose()
    return samples


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as folder:
        if len(argv) == 2:
            store, meeting_id = Store.open(f"sqlite:///{argv[0]}"), int(argv[1])
        else:
            sys.path.insert(0, str(Path(__file__).parent))
            from bench_minutes import large_meeting

            store = Store.open(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
            meeting_id = store.save_bundle(large_meeting()[0]).meeting.id or 0
        try:
            edit = statistics.median(measure_edit_saved(store, meeting_id)) * 1000
        finally:
            store.close()
        bare = statistics.median(measure_bare_insert(Path(folder))) * 1000
    verdict = "PASS" if edit <= TARGET_MS else "MISS"
    print(
        f"one edit saved: median {edit:.2f} ms (target {TARGET_MS:.0f} ms) {verdict}; bare insert+commit {bare:.2f} ms"
    )
    return 0 if edit <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

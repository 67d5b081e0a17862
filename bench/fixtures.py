"""The benchmarks' large fixture, built once and cached: a database of 10,000 meetings whose last case is the
large one (6 meetings; the last has 300 map items, 60 network people and 20 scales x 12 ratings).

The cache lives under the system's temporary folder, in ``sos-desktop-bench/<schema head>-<fixture version>``, so
a rerun reuses it and a schema change builds a fresh one. The 9,994 small meetings are written in one transaction
with ``executemany`` through the store's own tables (seconds, not minutes); the large case goes in through
``Store.save_bundle``, as an imported file would.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import count as count_from
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, update

sys.path.insert(0, str(Path(__file__).parent))
from bench_minutes import large_meeting

from sos_desktop.models import (
    Case,
    Category,
    ChildVoiceEntry,
    MapItem,
    Meeting,
    MeetingBundle,
    Network,
    NetworkPerson,
    Scale,
    ScaleRating,
)
from sos_desktop.models.demo import default_agenda
from sos_desktop.models.enums import House
from sos_desktop.models.plans_data import safety_plan_data
from sos_desktop.models.safety_plan import PlanRule, SafetyPlan
from sos_desktop.store import convert
from sos_desktop.store.migrate import head_revisions
from sos_desktop.store.store import Store
from sos_desktop.store.tables import (
    agenda_phases,
    attendees,
    cases,
    child_voice,
    map_items,
    meeting_plans,
    meetings,
    people,
    ratings,
    scales,
)

FIXTURE_VERSION = "3"
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


TEAMS = (
    "Family Safeguarding Team 1",
    "Family Safeguarding Team 2",
    "Children in Need North",
    "Children in Need South",
    "Edge of Care",
)
WORKERS = tuple(f"Worker {letter}. (invented)" for letter in "ABCDEFGHIJKLMNOPQRST")
"""Twenty presenters (invented)."""
AUDIT_DAY = date(2026, 12, 1)
"""The day the fixture's dates lead up to: the meetings spread over the two years before it."""
_AUDITED = (Category.HARM, Category.COMPLICATING, Category.STRENGTH, Category.SAFETY, Category.GREY)


def _case_cards(
    rng: random.Random, meeting_id: int, next_id: Iterator[int], pairs: list[dict[str, int]]
) -> tuple[list[dict[str, Any]], list[int]]:
    """A small meeting's cards (a varied map: some complete, dangers some paired, steps some overdue), and the ids
    of its danger statements.
    """
    rows: list[dict[str, Any]] = []

    def card(category: Category, **values: Any) -> int:
        item_id = next(next_id)
        rows.append(
            convert.item_values(MapItem(category, f"Card {len(rows) + 1} of meeting {meeting_id}"))
            | {"id": item_id, "meeting_id": meeting_id, "category": category.value, "position": len(rows)}
            | {"pairs_with": None, "due": None, "status": None}  # every row with the same keys (executemany)
            | values
        )
        return item_id

    for category in _AUDITED:
        if rng.random() < 0.8:
            card(category)
    dangers = [card(Category.DANGER) for _ in range(rng.choice((0, 1, 1, 2, 2, 3)))]
    for danger in dangers:
        if rng.random() < 0.75:
            goal = card(Category.GOAL, pairs_with=danger)
            pairs.append({"danger": danger, "goal": goal})  # the danger's side once both are in (foreign keys)
    if not dangers and rng.random() < 0.3:
        card(Category.GOAL)
    for _ in range(rng.choice((0, 1, 2, 3))):
        due = AUDIT_DAY + timedelta(days=rng.randint(-120, 60)) if rng.random() < 0.8 else None
        card(Category.NEXT_STEP, due=due, status=rng.choice((None, "idea", "agreed", "agreed", "done")))
    return rows, dangers


def fill_small_meetings(store: Store, count: int, seed: int = 21) -> None:
    """``count`` small meetings in cases of five, into an empty database (the ids are given), varied for the
    team's audit (teams, workers, maps, scales, plans, child's voice, networks; dates over two years), inserted in
    bulk in one transaction; seeded, so repeatable.
    """
    rng = random.Random(seed)
    stamp = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    phases = [convert.phase_values(phase) for phase in default_agenda()]
    rows: dict[Any, list[dict[str, Any]]] = {table: [] for table in _FILLED}
    pairs: list[dict[str, int]] = []
    ids = {name: count_from(1) for name in ("item", "scale", "voice", "person")}
    case_count = (count + MEETINGS_PER_CASE - 1) // MEETINGS_PER_CASE
    for case_id in range(1, case_count + 1):
        rows[cases].append(
            convert.case_values(Case(f"Family {case_id} (invented)", f"BULK-{case_id}", team=rng.choice((*TEAMS, ""))))
            | {"id": case_id, "created_at": stamp}
        )
        for n in range(rng.choice((0, 2, 3, 5, 8, 12))):
            person = NetworkPerson(f"Person {n + 1} of case {case_id}", knows_worries=rng.random() < 0.5)
            rows[people].append(convert.person_values(person) | {"id": next(ids["person"]), "case_id": case_id})
    day = {case_id: AUDIT_DAY - timedelta(days=rng.randint(150, 730)) for case_id in range(1, case_count + 1)}
    worker = {case_id: rng.choice(WORKERS) for case_id in day}
    for meeting_id in range(1, count + 1):
        case_id = 1 + (meeting_id - 1) // MEETINGS_PER_CASE
        day[case_id] += timedelta(days=rng.randint(7, 60))
        held_on = (
            None if rng.random() < 0.03 else datetime.combine(day[case_id], datetime.min.time(), UTC).replace(hour=10)
        )
        meeting = Meeting(
            f"Review {meeting_id}",
            held_on=held_on,
            focus_question="What needs to happen so that the children are safe at home?",
            confidentiality_agreed=True,
        )
        rows[meetings].append(
            convert.meeting_values(meeting)
            | {"id": meeting_id, "case_id": case_id, "created_at": stamp, "updated_at": stamp}
        )
        presenter = worker[case_id] if rng.random() < 0.9 else rng.choice(WORKERS)
        rows[attendees] += [
            {"meeting_id": meeting_id, "position": n, "name": name, "role": role}
            for n, (name, role) in enumerate(
                (("Team manager", "facilitator"), (presenter, "presenter"), ("Health visitor", "participant"))
            )
        ]
        rows[agenda_phases] += [{"meeting_id": meeting_id, "position": n, **values} for n, values in enumerate(phases)]
        cards, dangers = _case_cards(rng, meeting_id, ids["item"], pairs)
        rows[map_items] += cards
        for position, danger in enumerate(dangers):
            if rng.random() < 0.85:
                scale_id = next(ids["scale"])
                scale = convert.scale_values(Scale("How safe is the child, 0 to 10?"))
                rows[scales].append(
                    scale | {"id": scale_id, "meeting_id": meeting_id, "position": position, "about": danger}
                )
                for n in range(rng.choice((0, 1, 3, 3))):
                    rating = convert.rating_values(ScaleRating(f"Rater {n + 1}", rng.randint(0, 10)))
                    rows[ratings].append(rating | {"scale_id": scale_id, "position": n})
        if rng.random() < 0.4:
            plan = SafetyPlan(rules=[PlanRule(f"Rule {n + 1}") for n in range(rng.randint(0, 3))])
            rows[meeting_plans].append(
                {"meeting_id": meeting_id, "safety_plan": convert.dump_json(safety_plan_data(plan, lambda p: p))}
            )
        if rng.random() < 0.15:
            entry = convert.voice_values(ChildVoiceEntry(House.WORRIES, "Words (invented)"))
            rows[child_voice].append(entry | {"id": next(ids["voice"]), "meeting_id": meeting_id, "position": 0})
    with store.engine.begin() as conn:
        for table in _FILLED:
            if rows[table]:
                conn.execute(table.insert(), rows[table])
        if pairs:
            pairing = (
                update(map_items).where(map_items.c.id == bindparam("danger")).values(pairs_with=bindparam("goal"))
            )
            conn.execute(pairing, pairs)


_FILLED = (cases, people, meetings, attendees, agenda_phases, map_items, scales, ratings, meeting_plans, child_voice)
"""The tables the filler writes, in the order their foreign keys need."""


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
        fill_small_meetings(store, MEETINGS - 6)
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

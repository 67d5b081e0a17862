"""Crash safety, proven: a child process edits the database through the real Store and is killed with SIGKILL at
random moments, over and over; after every kill the file is intact and every acknowledged edit is in it.

SQLite only (the property is about the local file and its write-ahead log), and POSIX only (SIGKILL).
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from sos_desktop.store import Store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX only")

CHILD = Path(__file__).with_name("crash_child.py")
SEED = 20261122
TIME_BUDGET_S = 12.0
MIN_KILLS = 12
MAX_KILLS = 60


def _run_and_kill(database: Path, first: int, rng: random.Random) -> list[dict[str, Any]]:
    """Start the child, let it acknowledge a random number of edits, wait a random moment, then SIGKILL it."""
    child = subprocess.Popen(
        [sys.executable, "-u", str(CHILD), str(database), str(first)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert child.stdout is not None
    acknowledged: list[dict[str, Any]] = []
    wanted = rng.randint(0, 40)
    try:
        while len([a for a in acknowledged if a["op"] != "ready"]) < wanted:
            line = child.stdout.readline()
            if not line:
                pytest.fail(f"the child stopped by itself: {child.stderr.read().decode() if child.stderr else ''}")
            acknowledged.append(json.loads(line))
        time.sleep(rng.uniform(0, 0.01))  # somewhere in the next edit, or between two
    finally:
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate()
    assert child.returncode == -signal.SIGKILL
    # Lines printed before the kill were printed after their commit: they count as acknowledged as well.
    acknowledged.extend(json.loads(line) for line in rest.decode().splitlines() if line.strip())
    return [a for a in acknowledged if a["op"] != "ready"]


def _number(text: str) -> int:
    match = re.search(r"(\d+)$", text)
    assert match, text
    return int(match.group(1))


def _check(database: Path, acknowledged: list[dict[str, Any]]) -> None:
    raw = sqlite3.connect(database)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        raw.close()
    with Store.open(f"sqlite:///{database}") as store:
        labels = {case.label for case in store.list_cases()}
        [meeting] = [m for case in store.list_cases() for m in store.list_meetings(case.id)]
        full = store.get_meeting(meeting.id or 0)
        cards = {item.id: item.text for item in full.items}
        raters = {rating.rater for scale in full.scales for rating in scale.ratings}
    newest_text: dict[int, int] = {}
    for ack in acknowledged:
        if ack["op"] == "case":
            assert f"case-{ack['n']}" in labels
        elif ack["op"] in ("card", "edit"):
            newest_text[ack["id"]] = max(newest_text.get(ack["id"], -1), ack["n"])
        elif ack["op"] == "rate":
            assert f"rater-{ack['n']}" in raters
    for card_id, number in newest_text.items():
        assert card_id in cards, "an acknowledged card is missing"
        # The acknowledged text, or a later one whose commit happened just before the kill.
        assert _number(cards[card_id]) >= number


def test_killed_at_random_moments_the_database_stays_intact_with_every_acknowledged_edit(tmp_path: Path) -> None:
    database = tmp_path / "crash.sqlite3"
    rng = random.Random(SEED)
    every_ack: list[dict[str, Any]] = []
    started = time.monotonic()
    kills = 0
    while kills < MAX_KILLS and (kills < MIN_KILLS or time.monotonic() - started < TIME_BUDGET_S):
        every_ack.extend(_run_and_kill(database, kills * 1000, rng))
        kills += 1
        _check(database, every_ack)
    assert kills >= MIN_KILLS
    assert len(every_ack) > kills  # real work was interrupted, not only start-ups
    print(f"{kills} kills, {len(every_ack)} acknowledged edits, {time.monotonic() - started:.1f} s")

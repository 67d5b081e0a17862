"""The case over time in the real window on a real X display (Xvfb), driven with xdotool the way a facilitator
drives it: Meeting › New meeting from the last one (Ctrl+Shift+M) accepted with Enter, the review of last time's
next steps marked from the keyboard, a card added on the map, and the app killed outright just after an edit the
store has taken, then started again on the same data folder.

Each step is checked where it matters, in the database, which the test reads through a read-only ``Store`` of its
own while the app runs. Skipped where Xvfb or xdotool is missing (``./dev test`` installs both).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from sos_desktop.models import Category, Meeting
from sos_desktop.models.enums import ReviewOutcome
from sos_desktop.store.engine import resolve_database_url
from sos_desktop.store.store import Store

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (Debian packages xvfb and xdotool)",
)

WAIT = 20.0
"""Seconds a window, a focus change or a save may take before the test gives up (a slow machine, not a flaky
check: every wait ends as soon as what it waits for is there)."""

NOTE = "Nan said yes; they meet on Friday"
CARD = "Lily was left alone at home on 2 December"

T = TypeVar("T")


def wait_until(found: Callable[[], T | None], what: str) -> T:
    """The first thing ``found`` gives that is not None (or False), asked again every tenth of a second."""
    deadline = time.monotonic() + WAIT
    while True:
        result = found()
        if result is not None and result is not False:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.1)


@pytest.fixture
def display() -> Iterator[str]:
    """An X server of its own (1280×800, a laptop's console) on whichever display number is free."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not say which display it took"
    yield f":{number}"
    server.terminate()
    server.wait(10)


class Console:
    """The app as a separate process on ``display``, over its own data folder, and the keys and clicks given to it."""

    def __init__(self, display: str, data_dir: Path, log: Path) -> None:
        self.display = display
        self.data_dir = data_dir
        self.log = log
        environment = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        command = [sys.executable, "-m", "sos_desktop", "--data-dir", str(data_dir)]
        with log.open("wb") as errors:  # a file, not a pipe: a chatty app never blocks on a full pipe
            self.process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=errors)

    def x(self, *arguments: str) -> str:
        result = subprocess.run(
            ["xdotool", *arguments],
            env={**os.environ, "DISPLAY": self.display},
            capture_output=True,
            text=True,
            timeout=WAIT,
        )
        return result.stdout.strip()

    def windows(self) -> dict[str, str]:
        """Every visible window's id and title."""
        ids = self.x("search", "--onlyvisible", "--name", ".").split()
        return {window: self.x("getwindowname", window) for window in ids}

    def window(self, starting: str) -> str:
        """The id of the visible window whose title starts with ``starting``, once there is one."""
        return wait_until(
            lambda: next((w for w, title in self.windows().items() if title.startswith(starting)), None),
            f"a window titled {starting!r}",
        )

    def focused(self, window: str) -> None:
        """Wait until the X keyboard focus is on ``window`` (Qt gives it to a dialog as the dialog opens)."""
        wait_until(lambda: self.x("getwindowfocus") == window, f"the keyboard focus on window {window}")

    def stop(self) -> str:
        """Close the app if it still runs (kill it if it will not close); what it wrote to stderr."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        return self.log.read_text(errors="replace")


def saved(data_dir: Path) -> Store:
    """The app's database as saved so far, opened read-only from the test's side."""
    return Store.open_read_only(resolve_database_url(None, data_dir))


def meetings(data_dir: Path) -> list[Meeting]:
    with saved(data_dir) as store:
        return [store.get_meeting(m.id) for m in store.list_meetings() if m.id is not None]


def meeting(data_dir: Path, meeting_id: int | None) -> Meeting:
    assert meeting_id is not None
    with saved(data_dir) as store:
        return store.get_meeting(meeting_id)


def case_label(data_dir: Path) -> str:
    with saved(data_dir) as store:
        [case] = store.list_cases()
        return case.label


def first_run_with_the_demo(display: str, tmp_path: Path) -> tuple[Console, str, list[Meeting]]:
    """The app started for the first time (it makes the demo case), its welcome closed and the case selected in the
    list; the console's window id and the demo's first meeting and its latest (the conference, continued from the
    follow-up, which is continued from the first).
    """
    app = Console(display, tmp_path / "data", tmp_path / "first-run.log")
    console = app.window("Group supervision")
    welcome = app.window("Welcome to SoS Desktop")
    app.x("mousemove", "--window", welcome, "20", "20")
    app.x("key", "Escape")
    app.x("mousemove", "--window", console, "100", "31", "click", "1")  # the case: the first row of the list
    demo = meetings(app.data_dir)
    first, follow_up, conference = sorted(demo, key=lambda m: m.id or 0)
    assert follow_up.follows == first.uid and conference.follows == follow_up.uid
    return app, console, [first, conference]


def continue_with_enter(app: Console, console: str, latest: Meeting) -> Meeting:
    """Ctrl+Shift+M, and Enter in the dialog as it opens: the new meeting as saved."""
    app.x("key", "ctrl+shift+m")
    dialog = app.window("New meeting from the last one")
    app.focused(dialog)
    app.x("key", "Return")  # the dialog's default button, "Create the meeting"
    new = wait_until(
        lambda: next((m for m in meetings(app.data_dir) if m.follows == latest.uid), None),
        "a meeting continued from the latest (Enter did not create it)",
    )
    app.window(new.title)  # the console has opened it
    # With no window manager nobody gives the console the keyboard back when the dialog goes: do what one does.
    app.x("windowfocus", "--sync", console)
    app.focused(console)
    return new


def review_first_step(app: Console, data_dir: Path, new: Meeting) -> None:
    """From the list, where the keyboard is, Tab to the first step's outcome, choose Partly done from its list,
    then Tab to its note and type it.
    """
    app.x("key", "Tab", "Tab")  # the list of cases, the review's scroll area, the first outcome
    app.x("key", "alt+Down")  # the outcome's list opens at "Not reviewed yet"
    app.x("key", "Down", "Down", "Return")  # Done, Partly done
    wait_until(
        lambda: meeting(data_dir, new.id).reviews[0].outcome is ReviewOutcome.PARTLY_DONE,
        "Partly done saved as the first step's outcome",
    )
    app.x("key", "Tab")
    app.x("type", "--delay", "20", NOTE)
    wait_until(lambda: meeting(data_dir, new.id).reviews[0].note == NOTE, "the note saved")


def test_the_next_meeting_is_continued_with_enter_and_reviewed_from_the_keyboard(display: str, tmp_path: Path) -> None:
    app, console, (_first, latest) = first_run_with_the_demo(display, tmp_path)
    try:
        new = continue_with_enter(app, console, latest)
        assert new.id is not None and new.case_id == latest.case_id
        carried = [(i.category, i.key, i.text) for i in new.items]
        assert carried == [(i.category, i.key, i.text) for i in latest.items if i.category != Category.NEXT_STEP]
        steps = [i for i in latest.items if i.category == Category.NEXT_STEP]
        assert [(r.key, r.text, r.outcome, r.note) for r in new.reviews] == [(s.key, s.text, None, "") for s in steps]
        assert len(new.reviews) == 2
        review_first_step(app, app.data_dir, new)
        reviews = meeting(app.data_dir, new.id).reviews
        assert (reviews[1].outcome, reviews[1].note) == (None, "")  # the second step untouched
    finally:
        errors = app.stop()
    assert "Traceback" not in errors


def test_an_edit_the_store_has_taken_survives_the_app_being_killed(display: str, tmp_path: Path) -> None:
    app, console, (_first, latest) = first_run_with_the_demo(display, tmp_path)
    try:
        new = continue_with_enter(app, console, latest)
        assert new.id is not None
        review_first_step(app, app.data_dir, new)
        app.x("key", "ctrl+1")  # the entry line under Harm on the map
        app.x("type", "--delay", "20", CARD)
        app.x("key", "Return")
        wait_until(
            lambda: CARD in [i.text for i in meeting(app.data_dir, new.id).items if i.category == Category.HARM],
            "the new harm card saved",
        )
        app.process.send_signal(signal.SIGKILL)  # at once, as a power cut would
        assert app.process.wait(WAIT) == -signal.SIGKILL
    finally:
        errors = app.stop()
    assert "Traceback" not in errors

    again = Console(display, app.data_dir, tmp_path / "restart.log")
    try:
        again.window(new.title)  # back on the meeting being worked on
        after = meeting(again.data_dir, new.id)
        harm = [i.text for i in after.items if i.category == Category.HARM]
        assert harm[-1] == CARD and harm.count(CARD) == 1
        assert (after.reviews[0].outcome, after.reviews[0].note) == (ReviewOutcome.PARTLY_DONE, NOTE)
        assert len(meetings(again.data_dir)) == 4  # the demo's three and the new one
        # Nothing to recover and no other window claiming the database: the console alone.
        assert list(again.windows().values()) == [f"{new.title} · {case_label(again.data_dir)} — SoS Desktop"]
    finally:
        errors = again.stop()
    assert "Traceback" not in errors

"""The real window on a real X display (Xvfb), driven with xdotool as a facilitator would: after F5, typing goes to
the console, not the projection.

Offscreen Qt activates windows however they ask, so only a real X server shows the fault: with no window manager
the keyboard follows the pointer, and a projection window that asks for focus takes every key pressed over it.
Skipped where Xvfb or xdotool is missing (``./dev test`` installs both).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (Debian packages xvfb and xdotool)",
)

WAIT = 20.0
"""Seconds to wait for a window or a saved card before the test gives up (a slow machine, not a flaky check)."""


@pytest.fixture
def display() -> Iterator[str]:
    """A fresh X server on a free display number, 1280×800 like the default console window's laptop."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    server.wait(10)


def run_x(display: str, *arguments: str) -> str:
    result = subprocess.run(
        ["xdotool", *arguments], env={**os.environ, "DISPLAY": display}, capture_output=True, text=True, timeout=WAIT
    )
    return result.stdout.strip()


def wait_for_window(display: str, name: str) -> str:
    """The id of a visible window whose title matches ``name`` (a regular expression, as xdotool takes it)."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        found = run_x(display, "search", "--onlyvisible", "--name", name).split()
        if found:
            return found[0]
        time.sleep(0.1)
    raise AssertionError(f"no window named {name!r} appeared")


def strengths(database: Path) -> list[str]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        rows = connection.execute("SELECT text FROM map_items WHERE category = 'strength' ORDER BY id").fetchall()
    return [text for (text,) in rows]


def test_after_f5_the_console_keeps_the_keyboard_on_one_screen(display: str, tmp_path: Path) -> None:
    environment = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    command = [sys.executable, "-m", "sos_desktop", "--data-dir", str(tmp_path)]
    app = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        console = wait_for_window(display, "Group supervision")
        welcome = wait_for_window(display, "Welcome to SoS Desktop")  # the first run's welcome: closed with Escape
        run_x(display, "mousemove", "--window", welcome, "20", "20")
        run_x(display, "key", "Escape")
        run_x(display, "mousemove", "--window", console, "100", "40", "click", "1")  # the case list, as users do
        run_x(display, "key", "F5")
        wait_for_window(display, "No separate screen for the projector")  # one screen: asked first, not projected
        run_x(display, "key", "alt+p")  # Practise in a window
        projector = wait_for_window(display, "^Projector")
        # The pointer rests on the projection: with no window manager, X gives the keyboard to the window under it.
        run_x(display, "mousemove", "--window", projector, "200", "200")
        time.sleep(0.5)
        run_x(display, "key", "ctrl+5")
        run_x(display, "type", "--delay", "20", "Nan visits. Tuesdays too")
        run_x(display, "key", "Return")
        database = tmp_path / "sos-desktop.sqlite3"
        deadline = time.monotonic() + WAIT
        while "Nan visits. Tuesdays too" not in strengths(database) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert strengths(database)[-1] == "Nan visits. Tuesdays too"
    finally:
        app.terminate()
        _, errors = app.communicate(timeout=30)
    assert "Traceback" not in errors.decode(errors="replace")

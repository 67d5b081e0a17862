"""Encryption cut short: whatever moment a kill stops ``encrypt`` at, no plain copy of the database survives the next
start or ``encrypt``, and no case is lost.

Two ways of stopping it: a forked child that ends itself (``os._exit``, so no ``except`` or ``finally`` runs, as
with SIGKILL) just before each file-system step of :func:`encrypt_database`, or half way through overwriting a file;
and the real ``sos-desktop encrypt`` killed with SIGKILL at seeded random moments, thirty times.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("sqlcipher3", reason="SQLCipher (the 'encryption' extra) is not installed")

from sos_desktop import durable
from sos_desktop.cli import encryption as cli_encryption
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store import Store, encryption
from sos_desktop.store.encryption import encrypt_database, finish_interrupted, looks_encrypted, plain_aside
from sos_desktop.store.engine import raw_connection

pytestmark = pytest.mark.skipif(os.name != "posix", reason="fork and SIGKILL are POSIX only")

PASSPHRASE = "a passphrase for the team"
MARKERS = ("Lily Example", "Jordan Example", "Family Demo")
"""Names from the demo meeting: the child, her mother, the family."""
DATABASE = "sos-desktop.sqlite3"
SEED = 20261202
KILLS = 30


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def _readable(folder: Path) -> list[str]:
    """Every file under ``folder`` in which one of the demo's names can be read, and the name."""
    found = []
    for candidate in sorted(folder.rglob("*")):
        if not candidate.is_file():
            continue
        data = candidate.read_bytes()
        for marker in MARKERS:
            if marker.encode() in data or marker.encode("utf-16-le") in data:
                found.append(f"{candidate.name}: {marker}")
    return found


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small plain database holding the demo meeting (about 180 kB)."""
    path = tmp_path_factory.mktemp("template") / DATABASE
    with Store.open(_url(path)) as store:
        store.save_bundle(demo_bundle())
    assert _readable(path.parent) != []
    return path


@pytest.fixture
def database(template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy2(template, folder / DATABASE)
    return folder / DATABASE


@pytest.fixture
def passphrase_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOS_DESKTOP_PASSPHRASE", PASSPHRASE)


def _assert_whole(database: Path) -> None:
    """The demo meeting is all there, whether the database ended up plain or encrypted (read as the store reads it:
    with the passphrase when it is encrypted; one key derivation, not the store's several).
    """
    connection = raw_connection(database, PASSPHRASE if looks_encrypted(database) else None)
    try:
        assert connection.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
        assert [row[0] for row in connection.execute("SELECT label FROM cases")] == ["Family Demo (invented)"]
        assert connection.execute("SELECT count(*) FROM meetings").fetchone()[0] == 1
        people = {row[0] for row in connection.execute("SELECT name FROM people")}
        assert {"Lily Example", "Jordan Example"} <= people
    finally:
        connection.close()


# -- a child that stops itself before each step -----------------------------------------------------------------------


class _Stop:
    """Counts the file-system steps of an encryption and ends the process at step ``at`` (never, if None).

    ``midway`` ends it half way through overwriting a file instead of before it: half the bytes zeros, half not.
    """

    def __init__(self, at: int | None, midway: bool = False) -> None:
        self.at = at
        self.midway = midway
        self.steps: list[str] = []

    def _step(self, name: str, path: Any) -> None:
        if name == "shred" and not Path(path).exists():
            return  # nothing to stop half way through, or before
        self.steps.append(f"{name} {Path(path).name}")
        if self.at is not None and len(self.steps) - 1 == self.at and not self.midway:
            os._exit(0)

    def wrap(self, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def step(*args: Any) -> Any:
            self._step(name, args[0])
            return real(*args)

        return step

    def shred(self, real: Callable[[Path], None]) -> Callable[[Path], None]:
        def step(path: Path) -> None:
            self._step("shred", path)
            if path.exists() and self.midway and self.at is not None and len(self.steps) - 1 == self.at:
                with path.open("r+b") as file:
                    file.write(bytes(path.stat().st_size // 2))
                    os.fsync(file.fileno())
                os._exit(0)
            real(path)

        return step

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(os, "link", self.wrap("link", os.link))
        monkeypatch.setattr(os, "replace", self.wrap("replace", os.replace))
        monkeypatch.setattr(encryption, "sync_file", self.wrap("sync_file", durable.sync_file))
        monkeypatch.setattr(encryption, "sync_folder", self.wrap("sync_folder", durable.sync_folder))
        monkeypatch.setattr(encryption, "shred", self.shred(encryption.shred))


def _steps(database: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The steps of an encryption that runs to the end (in a copy of ``database``)."""
    copy = database.with_name("count.sqlite3")
    shutil.copy2(database, copy)
    counter = _Stop(None)
    with monkeypatch.context() as patch:
        counter.install(patch)
        encrypt_database(copy, PASSPHRASE)
    for leftover in copy.parent.glob("count.sqlite3*"):
        leftover.unlink()
    return counter.steps


def _stopped_at(database: Path, stop: _Stop) -> None:
    """Run the encryption of ``database`` in a forked child that ends itself as ``stop`` says."""
    pid = os.fork()
    if pid == 0:  # the child: nothing of pytest's may run here
        try:
            stop.install(pytest.MonkeyPatch())
            encrypt_database(database, PASSPHRASE)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status)


@pytest.fixture
def no_link(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A file system without hard links (FAT, some network shares)."""

    def refuse(*_args: Any) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", refuse)
    yield


@pytest.mark.parametrize("links", [True, False], ids=["hard links", "no hard links"])
def test_a_stop_before_any_step_leaves_no_plain_copy_after_the_next_start_and_loses_nothing(
    database: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest, links: bool
) -> None:
    if not links:
        request.getfixturevalue("no_link")
    steps = _steps(database, monkeypatch)
    assert any(step.startswith("replace") for step in steps)
    pristine = database.read_bytes()
    outcomes = set()
    for at in range(len(steps)):
        for midway in (False, True) if steps[at].startswith("shred") else (False,):
            for leftover in database.parent.iterdir():
                leftover.unlink()
            database.write_bytes(pristine)

            _stopped_at(database, _Stop(at, midway))
            notes = finish_interrupted(database)  # what the next start (or encrypt) does first

            where = f"stopped {'half way through' if midway else 'before'} step {at} ({steps[at]})"
            names = sorted(child.name for child in database.parent.iterdir())
            if looks_encrypted(database):
                outcomes.add("encrypted")
                assert _readable(database.parent) == [], where
                assert names == [DATABASE], where
            else:
                outcomes.add("plain")
                assert names == [DATABASE], where  # the database itself, and nothing beside it
            assert all("could not" not in note for note in notes), where
            _assert_whole(database)
            if not looks_encrypted(database) and "encrypted again" not in outcomes:
                outcomes.add("encrypted again")
                encrypt_database(database, PASSPHRASE)  # and encrypt can be run again
                assert _readable(database.parent) == [], where
                _assert_whole(database)
    assert outcomes == {"plain", "encrypted", "encrypted again"}


@pytest.fixture
def left_behind(database: Path) -> Path:
    """As the issue found it after a kill: the database encrypted, ``*.plain-removing`` (plain text) beside it."""
    aside = plain_aside(database)
    shutil.copy2(database, aside)
    encrypted = database.with_name("other.sqlite3")
    shutil.copy2(database, encrypted)
    encrypt_database(encrypted, PASSPHRASE)
    os.replace(encrypted, database)
    assert _readable(database.parent) == [f"{aside.name}: {marker}" for marker in MARKERS]
    return aside


@pytest.mark.usefixtures("passphrase_env")
def test_a_plain_copy_left_by_an_earlier_version_is_overwritten_at_the_next_start(
    left_behind: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = left_behind.with_name(DATABASE)

    cli_encryption.open_store(_url(database)).close()  # the next start, with the passphrase from the environment

    assert not left_behind.exists()
    assert _readable(database.parent) == []
    assert "overwritten with zeros and removed" in capsys.readouterr().err


@pytest.mark.usefixtures("passphrase_env")
def test_encrypt_again_overwrites_the_plain_copy_instead_of_saying_only_already_encrypted(left_behind: Path) -> None:
    database = left_behind.with_name(DATABASE)

    status = subprocess.run(
        [sys.executable, "-m", "sos_desktop", "--data-dir", str(database.parent), "encrypt"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert status.returncode == 1
    assert "overwritten with zeros and removed" in status.stderr
    assert "already encrypted" in status.stderr
    assert _readable(database.parent) == []


def test_the_encrypted_file_is_as_private_as_the_plain_one(database: Path) -> None:
    database.chmod(0o600)
    encrypt_database(database, PASSPHRASE)
    assert database.stat().st_mode & 0o777 == 0o600


def _encrypt_process(folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "sos_desktop", "--data-dir", str(folder), "encrypt"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


@pytest.mark.slow
@pytest.mark.usefixtures("passphrase_env")
def test_thirty_kills_of_encrypt_leave_no_plain_text_after_the_next_start(template: Path, tmp_path: Path) -> None:
    """``sos-desktop encrypt`` killed with SIGKILL at a seeded random moment of its run, thirty times (a fresh copy
    of the database each time); after each, one start (the command line's opening) and a look at every file.
    """
    rng = random.Random(SEED)
    timed = tmp_path / "timed"
    timed.mkdir()
    shutil.copy2(template, timed / DATABASE)
    began = time.monotonic()
    assert _encrypt_process(timed).wait() == 0
    whole_run = time.monotonic() - began
    outcomes: dict[str, int] = {}
    for run in range(KILLS):
        folder = tmp_path / f"run-{run}"
        folder.mkdir()
        shutil.copy2(template, folder / DATABASE)
        child = _encrypt_process(folder)
        # Most of a run is starting Python; the file work is in its last part, where most kills land.
        time.sleep(rng.uniform(0.6, 1.05) * whole_run)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        left = sorted(path.name for path in folder.iterdir())

        cli_encryption.open_store(_url(folder / DATABASE)).close()  # the next start

        state = "encrypted" if looks_encrypted(folder / DATABASE) else "plain"
        outcomes[state] = outcomes.get(state, 0) + 1
        readable = _readable(folder)
        if state == "plain":  # killed before the encrypted copy was in place: the database itself is still plain
            readable = [found for found in readable if not found.startswith(f"{DATABASE}: ")]
        assert readable == [], f"run {run} ({state}): left {left}"
        assert sorted(path.name for path in folder.iterdir()) == [DATABASE], f"run {run} ({state}): left {left}"
        _assert_whole(folder / DATABASE)
    print(f"after {KILLS} kills: {outcomes}")

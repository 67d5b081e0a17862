"""``sos-desktop encrypt`` and ``encrypt --change`` as a script runs them, passphrases from the environment."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3", reason="SQLCipher (the 'encryption' extra) is not installed")

from cli_support import run

from sos_desktop.cli import encryption as cli_encryption
from sos_desktop.store.encryption import looks_encrypted

DATABASE = "sos-desktop.sqlite3"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("SOS_DESKTOP_PASSPHRASE", raising=False)
    monkeypatch.delenv("SOS_DESKTOP_NEW_PASSPHRASE", raising=False)
    folder = tmp_path / "data"
    status, _, err = run(folder, "demo")
    assert status == 0, err
    return folder


def _encrypt(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Encrypt the database with "the first passphrase", then forget the passphrase (as a new shell would)."""
    monkeypatch.setenv("SOS_DESKTOP_PASSPHRASE", "the first passphrase")
    assert run(data_dir, "encrypt")[0] == 0
    monkeypatch.delenv("SOS_DESKTOP_PASSPHRASE")


def test_encrypt_with_the_passphrase_from_the_environment(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, listed, _ = run(data_dir, "list")
    assert b"Family Demo" in (data_dir / DATABASE).read_bytes()
    monkeypatch.setenv("SOS_DESKTOP_PASSPHRASE", "the first passphrase")

    status, out, err = run(data_dir, "encrypt")

    assert status == 0, err
    assert "Encrypted" in out and "keep the passphrase safe" in out
    assert looks_encrypted(data_dir / DATABASE)
    assert b"Family Demo" not in (data_dir / DATABASE).read_bytes()
    assert run(data_dir, "list") == (0, listed, "")


def test_an_encrypted_database_without_its_passphrase_and_no_terminal_is_a_clear_error(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _encrypt(data_dir, monkeypatch)
    before = (data_dir / DATABASE).read_bytes()

    status, out, err = run(data_dir, "list")

    assert (status, out) == (1, "")
    assert "This database is encrypted; give its passphrase" in err
    assert "Traceback" not in err
    monkeypatch.setenv("SOS_DESKTOP_PASSPHRASE", "not the passphrase")
    status, _, err = run(data_dir, "list")
    assert status == 1 and "The passphrase does not open this database" in err
    assert (data_dir / DATABASE).read_bytes() == before


def test_encrypt_change_gives_a_new_passphrase(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOS_DESKTOP_PASSPHRASE", "the first passphrase")
    assert run(data_dir, "encrypt")[0] == 0
    monkeypatch.setenv("SOS_DESKTOP_NEW_PASSPHRASE", "the second passphrase")

    status, out, err = run(data_dir, "encrypt", "--change")

    assert status == 0, err
    assert "Changed the passphrase" in out
    assert run(data_dir, "list")[0] == 1
    monkeypatch.setenv("SOS_DESKTOP_PASSPHRASE", "the second passphrase")
    assert run(data_dir, "list")[0] == 0


def test_encrypt_without_a_passphrase_or_terminal_changes_nothing(data_dir: Path) -> None:
    before = (data_dir / DATABASE).read_bytes()
    status, _, err = run(data_dir, "encrypt")
    assert status == 1
    assert "A passphrase is needed: set SOS_DESKTOP_PASSPHRASE" in err
    assert (data_dir / DATABASE).read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir() if p.name.startswith(DATABASE)) == [
        DATABASE,
        *[n for n in (f"{DATABASE}-shm", f"{DATABASE}-wal") if (data_dir / n).exists()],
    ]


def _typed(monkeypatch: pytest.MonkeyPatch, *answers: str) -> None:
    """A terminal on which ``answers`` are typed at the passphrase prompts, in turn."""
    queue = iter(answers)
    monkeypatch.setattr(cli_encryption, "_terminal", lambda: True)
    monkeypatch.setattr(getpass, "getpass", lambda _prompt: next(queue))


def test_nothing_typed_at_the_passphrase_prompt_is_refused_in_a_sentence_and_asked_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _encrypt(data_dir, monkeypatch)
    _typed(monkeypatch, "", "the first passphrase")

    status, out, err = run(data_dir, "list")

    assert status == 0, err
    assert "Family Demo" in out
    assert "No passphrase was typed. Type the passphrase that opens this database" in capsys.readouterr().err


def test_nothing_typed_every_time_ends_with_that_sentence_not_an_unexpected_error(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _encrypt(data_dir, monkeypatch)
    _typed(monkeypatch, "", "", "")

    status, _, err = run(data_dir, "list")

    assert status == 1
    assert (
        err == "sos-desktop: No passphrase was typed. Type the passphrase that opens this database; the file was "
        "left untouched.\n"
    )


def test_a_new_passphrase_of_only_spaces_is_refused_from_the_environment_and_when_typed(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (data_dir / DATABASE).read_bytes()
    monkeypatch.setenv("SOS_DESKTOP_PASSPHRASE", "   ")
    status, _, err = run(data_dir, "encrypt")
    assert status == 1
    assert "SOS_DESKTOP_PASSPHRASE holds only spaces" in err and "Traceback" not in err
    assert (data_dir / DATABASE).read_bytes() == before

    monkeypatch.delenv("SOS_DESKTOP_PASSPHRASE")
    _typed(monkeypatch, "  ", "", "chosen", "chosen")
    assert run(data_dir, "encrypt")[0] == 0
    assert capsys.readouterr().err.count("The passphrase cannot be empty or only spaces") == 2
    assert looks_encrypted(data_dir / DATABASE)

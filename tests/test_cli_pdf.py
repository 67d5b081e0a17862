"""``sos-desktop export MEETING_ID --pdf/--feedback-pdf``: the minutes and the feedback report from the command line."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import run

from sos_desktop.cli import main

sys.path.insert(0, str(Path(__file__).parent / "exporters"))
from minutes_pdf_support import all_text, has_text_reader, page_texts

needs_text = pytest.mark.skipif(not has_text_reader(), reason="needs pdftotext or pypdf to read the text back")


@pytest.fixture
def demo(tmp_path: Path) -> str:
    status, out, _ = run(tmp_path, "demo")
    assert status == 0
    return out.strip()


@needs_text
def test_export_writes_the_minutes_the_feedback_report_and_the_json_together(tmp_path: Path, demo: str) -> None:
    minutes, feedback, document = tmp_path / "minutes.pdf", tmp_path / "feedback.pdf", tmp_path / "meeting.json"
    status, out, err = run(
        tmp_path, "export", demo, "--pdf", str(minutes), "--feedback-pdf", str(feedback), "--json", str(document)
    )
    assert (status, err) == (0, "")
    assert f"Wrote the minutes of meeting {demo} to {minutes}" in out
    assert f"Wrote the feedback report on meeting {demo} to {feedback}" in out
    assert document.exists()
    pages = page_texts(minutes.read_bytes())
    assert all("OFFICIAL-SENSITIVE" in page and f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, 1))
    assert "Jordan Example" in all_text(minutes.read_bytes())
    assert "Development across the meetings Alex Morgan facilitated" in all_text(feedback.read_bytes())


@needs_text
def test_export_with_pseudonyms_a_marking_and_the_feedback(tmp_path: Path, demo: str) -> None:
    minutes = tmp_path / "minutes.pdf"
    status, _, err = run(
        tmp_path, "export", demo, "--pdf", str(minutes), "--pseudonymise", "--marking", "OFFICIAL", "--with-feedback"
    )
    assert (status, err) == (0, "")
    text = all_text(minutes.read_bytes())
    assert "Jordan Example" not in text and "Lily Example" not in text
    assert "Observer's feedback on the facilitation" in text
    assert "SENSITIVE" not in text and text.count("OFFICIAL") >= 2


def test_export_with_a_password_makes_a_file_that_stays_shut_without_it(tmp_path: Path, demo: str) -> None:
    minutes = tmp_path / "minutes.pdf"
    status, _, err = run(tmp_path, "export", demo, "--pdf", str(minutes), "--password", "s3cret")
    assert (status, err) == (0, "")
    data = minutes.read_bytes()
    assert b"/Encrypt" in data
    if shutil.which("pdftotext"):
        assert subprocess.run(["pdftotext", str(minutes), "-"], capture_output=True).returncode != 0
        assert "OFFICIAL-SENSITIVE" in page_texts(data, password="s3cret")[0]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ([], "Say what to export: --json OUT.json, --pdf OUT.pdf or --feedback-pdf OUT.pdf."),
        (["--json", "x.json", "--password", "pw"], "--password applies to the PDFs only: add --pdf or --feedback-pdf."),
        (["--feedback-pdf", "f.pdf", "--with-feedback"], "--with-feedback adds the feedback to the minutes"),
        (["--pdf", "m.pdf", "--marking", " "], "The protective marking cannot be empty"),
    ],
)
def test_export_refuses_what_it_cannot_do_with_status_2(
    tmp_path: Path, demo: str, arguments: list[str], message: str
) -> None:
    status, out, err = run(tmp_path, "export", demo, *arguments)
    assert status == 2
    assert err.startswith(f"sos-desktop: {message}")
    assert out == ""


def test_export_of_an_unknown_meeting_is_status_2_and_writes_nothing(tmp_path: Path, demo: str) -> None:
    minutes = tmp_path / "minutes.pdf"
    status, _, err = run(tmp_path, "export", "999", "--pdf", str(minutes))
    assert status == 2
    assert "There is no meeting 999 in the database" in err
    assert not minutes.exists()


def test_export_into_a_missing_folder_is_status_1_in_one_sentence(tmp_path: Path, demo: str) -> None:
    minutes = tmp_path / "gone" / "minutes.pdf"
    status, _, err = run(tmp_path, "export", demo, "--pdf", str(minutes))
    assert status == 1
    assert err == f"sos-desktop: The minutes could not be written to {minutes}: no such file or directory.\n"
    assert not minutes.parent.exists()


def _opens_only_with(path: Path, password: str) -> None:
    """The PDF at ``path`` is encrypted: qpdf refuses it without ``password`` and reads it with it."""
    assert b"/Encrypt" in path.read_bytes()
    if shutil.which("qpdf"):
        assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode != 0
        shown = subprocess.run(
            ["qpdf", "--show-encryption", f"--password={password}", str(path)], capture_output=True, text=True
        )
        assert shown.returncode == 0 and "R = 6" in shown.stdout
    assert "OFFICIAL-SENSITIVE" in page_texts(path.read_bytes(), password=password)[0]


def test_the_pdf_password_can_come_from_the_environment_unseen_in_the_process_list(tmp_path: Path, demo: str) -> None:
    minutes = tmp_path / "minutes.pdf"
    environment = {**os.environ, "SOS_DESKTOP_PDF_PASSWORD": "from the env"}
    command = [sys.executable, "-m", "sos_desktop", "--data-dir", str(tmp_path), "export", demo, "--pdf", str(minutes)]
    done = subprocess.run(command, env=environment, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert "from the env" not in " ".join(command)
    _opens_only_with(minutes, "from the env")


def test_an_empty_pdf_password_in_the_environment_is_refused(
    tmp_path: Path, demo: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOS_DESKTOP_PDF_PASSWORD", "")
    minutes = tmp_path / "minutes.pdf"
    status, _, err = run(tmp_path, "export", demo, "--pdf", str(minutes))
    assert status == 2 and "SOS_DESKTOP_PDF_PASSWORD is set but empty" in err
    assert not minutes.exists()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_password_prompt_asks_twice_on_a_terminal_until_both_agree(
    tmp_path: Path, demo: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["first try", "a typo", "typed twice", "typed twice"])
    prompts: list[str] = []

    def typed(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.delenv("SOS_DESKTOP_PDF_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", _Terminal())
    monkeypatch.setattr("getpass.getpass", typed)
    minutes = tmp_path / "minutes.pdf"
    status, _, err = run(tmp_path, "export", demo, "--pdf", str(minutes), "--password-prompt")
    assert (status, err) == (0, "")
    assert prompts == ["Password for the PDFs: ", "The same password again: "] * 2
    assert "The two passwords differ; try again." in capsys.readouterr().err
    _opens_only_with(minutes, "typed twice")


def test_password_prompt_reads_one_line_when_standard_input_is_not_a_terminal(
    tmp_path: Path, demo: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("piped in\n"))
    minutes = tmp_path / "minutes.pdf"
    status, _, err = run(tmp_path, "export", demo, "--pdf", str(minutes), "--password-prompt")
    assert (status, err) == (0, "")
    _opens_only_with(minutes, "piped in")


def test_password_and_password_prompt_together_are_refused(tmp_path: Path, demo: str) -> None:
    minutes = tmp_path / "minutes.pdf"
    status, _, err = run(tmp_path, "export", demo, "--pdf", str(minutes), "--password", "a", "--password-prompt")
    assert status == 2 and "Give --password or --password-prompt, not both." in err
    assert not minutes.exists()


def test_export_help_warns_that_password_is_visible_and_names_the_private_ways(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "other users of this computer can see PW in the process list" in shown
    assert "--password-prompt" in shown and "$SOS_DESKTOP_PDF_PASSWORD" in shown

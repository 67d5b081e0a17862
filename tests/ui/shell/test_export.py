"""File › Export from the console: the minutes and the feedback report as PDF (made off the UI thread), and
pictures of the projector's view and of the network; a failed export says why and leaves nothing behind.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from sos_desktop.app import build_window
from sos_desktop.exporters.minutes import MinutesOptions
from sos_desktop.models import Category
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    opened, _ = build_window(argparse.Namespace(data_dir=tmp_path / "data", db=None, command=None))
    assert opened is not None and opened.document is not None
    qtbot.addWidget(opened)
    yield opened
    opened.store.close()


def answer(monkeypatch: pytest.MonkeyPatch, path: Path, options: MinutesOptions | None = None) -> list[str]:
    """Answer the save dialog with ``path`` and the minutes' options with ``options``; collect any complaint."""
    told: list[str] = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: path)
    monkeypatch.setattr(dialogs, "ask_minutes_options", lambda *args, **kwargs: options or MinutesOptions())
    monkeypatch.setattr(dialogs, "tell", lambda parent, title, message: told.append(message))
    return told


def full_names(window: MainWindow) -> list[str]:
    assert window.document is not None
    return [person.name for person in window.document.network.people]


def test_minutes_are_made_off_the_ui_thread_and_pseudonymised_when_asked(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "minutes.pdf"
    answer(monkeypatch, out, MinutesOptions(pseudonymise=True, marking="OFFICIAL-SENSITIVE"))
    job = window.export_menu.export_minutes()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "OFFICIAL-SENSITIVE" in text and "Page 1 of" in text
    assert "Meet Dad at home to hear his view." in text
    assert not [name for name in full_names(window) if name in text]
    assert "Saved" in window.statusBar().currentMessage()


def test_a_failed_export_says_why_and_leaves_nothing(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "no such folder" / "minutes.pdf"
    told = answer(monkeypatch, out)
    job = window.export_menu.export_minutes()
    assert job is not None
    with qtbot.waitSignal(job.failed, timeout=30_000):
        pass
    assert told and "could not be written" in told[0]
    assert not out.parent.exists()


def test_the_feedback_report_is_its_own_pdf(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "feedback.pdf"
    answer(monkeypatch, out)
    job = window.export_menu.export_feedback()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Alex Morgan" in text  # the facilitator the report is for


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_pictures_of_the_network_carry_display_names_only(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"network{suffix}"
    answer(monkeypatch, out)
    window.export_menu.export_network_picture()
    if suffix == ".png":
        image = QImage(str(out))
        assert (image.width(), image.height()) == (1920, 1080)
    else:
        drawing = out.read_text("utf-8")
        assert "<svg" in drawing and ">Mum<" in drawing
        assert not [name for name in full_names(window) if name in drawing]


def test_a_picture_of_the_projectors_view_without_an_ending_is_saved_as_png(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    answer(monkeypatch, tmp_path / "wall")
    window.export_menu.export_projector_picture()
    image = QImage(str(tmp_path / "wall.png"))
    assert not image.isNull() and image.width() == 1920


def _exported_minutes(window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, out: Path) -> list[str]:
    """Export the minutes to ``out`` and wait for them; what the dialog after it said, if anything."""
    told = answer(monkeypatch, out)
    informed: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, message: informed.append(f"{title}: {message}"))
    job = window.export_menu.export_minutes()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    assert told == [] and out.exists()
    return informed


def test_the_minutes_export_names_the_card_whose_characters_no_font_has(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The command line printed the warning; the console said only "Saved"."""
    assert window.document is not None
    window.document.add_item(Category.STRENGTH, "Zoë drew \U0010fffd for her dad.")  # private use: no font has it
    out = tmp_path / "minutes.pdf"
    informed = _exported_minutes(window, qtbot, monkeypatch, out)
    assert len(informed) == 1
    assert informed[0].startswith("Some characters could not be printed: ")
    assert "U+10FFFD" in informed[0] and "“Zoë drew" in informed[0] and "[?]" in informed[0]
    status = window.statusBar().currentMessage()
    assert status.startswith(f"Saved {out}") and "1 text has characters no font here can draw" in status


def test_minutes_every_font_can_draw_are_only_said_to_be_saved(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "minutes.pdf"
    assert _exported_minutes(window, qtbot, monkeypatch, out) == []
    assert window.statusBar().currentMessage() == f"Saved {out}"


def test_the_family_s_safety_plan_is_its_own_pdf_from_the_export_menu(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "our plan.pdf"
    answer(monkeypatch, out)
    assert window.export_menu.family_plan_action.isEnabled()
    assert "safety plan" in window.export_menu.family_plan_action.text().replace("&", "")
    job = window.export_menu.export_family_plan()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Our safety plan" in text and "Pat Example" in text  # the family's own copy, real names
    assert window.document is not None
    for rule in window.document.safety_plan.rules:
        assert rule.words.split()[0] in text


def test_the_words_and_pictures_are_their_own_pdf_from_the_export_menu(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "our story.pdf"
    told = answer(monkeypatch, out)
    assert window.document is not None and not window.document.words_pictures  # the first meeting has none
    assert window.export_menu.export_words_pictures() is None
    assert told and "no Words and Pictures story" in told[0] and not out.exists()
    ids = [m.id or 0 for m in window.store.list_meetings(window.document.case_id)]
    follow_up = next(i for i in ids if window.store.get_meeting(i).words_pictures)  # the demo's follow-up
    window.open_meeting(follow_up)
    assert window.export_menu.words_pictures_action.isEnabled()
    assert window.export_menu.words_pictures_action.text().replace("&", "") == "Words and Pictures as PDF…"
    job = window.export_menu.export_words_pictures()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    story = window.document.words_pictures[0]
    assert story.title in text and "For Lily Example" in text  # the family's own copy, real names
    for panel in story.panels:
        assert " ".join(panel.words.split()) in text
    assert "Saved" in window.statusBar().currentMessage()

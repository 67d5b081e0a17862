"""``sos-desktop export MEETING_ID --words-pictures-pdf OUT.pdf``: the family's copy of the Words and Pictures from
the command line, with the export's options (pseudonymise, marking, password); a meeting with no story is refused
with status 2 and nothing written, not even the other files asked for.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from cli_support import run

from sos_desktop.store.engine import resolve_database_url
from sos_desktop.store.store import Store

sys.path.insert(0, str(Path(__file__).parent / "exporters"))
from minutes_pdf_support import all_text, has_text_reader, page_texts
from words_pictures_support import FULL_NAMES, TITLE, WORDS, give_story

needs_text = pytest.mark.skipif(not has_text_reader(), reason="needs pdftotext or pypdf to read the text back")


@pytest.fixture
def follow_up(tmp_path: Path) -> str:
    """The demo's follow-up meeting, holding the test story."""
    assert run(tmp_path, "demo")[0] == 0
    status, listing, _ = run(tmp_path, "list")
    assert status == 0
    meeting = re.findall(r"meeting (\d+): Group supervision: review", listing)[-1]
    with Store.open(resolve_database_url(None, tmp_path)) as store:
        give_story(store, int(meeting))
    return meeting


@needs_text
def test_export_writes_the_words_and_pictures_with_real_names(tmp_path: Path, follow_up: str) -> None:
    story = tmp_path / "story.pdf"
    status, out, err = run(tmp_path, "export", follow_up, "--words-pictures-pdf", str(story))
    assert (status, err) == (0, "")
    assert f"Wrote the Words and Pictures of meeting {follow_up} to {story}" in out
    text = " ".join(all_text(story.read_bytes()).split())
    assert TITLE in text
    assert WORDS[0] in text


@needs_text
def test_export_honours_pseudonymise_marking_and_password(tmp_path: Path, follow_up: str) -> None:
    story = tmp_path / "story.pdf"
    status, _, err = run(
        tmp_path,
        "export",
        follow_up,
        "--words-pictures-pdf",
        str(story),
        "--pseudonymise",
        "--marking",
        "OFFICIAL",
        "--password",
        "s3cret",
    )
    assert (status, err) == (0, "")
    pages = page_texts(story.read_bytes(), password="s3cret")
    assert all(page.startswith("OFFICIAL ") for page in pages)
    text = " ".join(pages)
    for name in FULL_NAMES:
        assert name not in text, name
    assert "Nan and Mum love L very much." in text


def test_a_meeting_without_a_story_is_refused_and_nothing_is_written(tmp_path: Path, follow_up: str) -> None:
    with Store.open(resolve_database_url(None, tmp_path)) as store:
        store.set_words_pictures(int(follow_up), [])
    story, document = tmp_path / "story.pdf", tmp_path / "meeting.json"
    status, out, err = run(tmp_path, "export", follow_up, "--words-pictures-pdf", str(story), "--json", str(document))
    assert status == 2
    assert out == ""
    assert "has no Words and Pictures story" in err and "nothing was written" in err
    assert not story.exists() and not document.exists()

"""The family's copy of Words and Pictures as a PDF: a title page (the story's title, for whom, its state and the
meeting's day), then every panel in order with its picture (the store's image embedded, the drawing in vectors with
its figures named) and its words exactly as written, in 14 points or more; real names by default, display names and
masked words when pseudonymised (in the metadata too); a meeting with no story is refused and nothing is written;
absurd lengths and any script still print.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from minutes_pdf_support import all_text, has_text_reader, metadata, page_texts, searchable_bytes, spellings
from words_pictures_support import CAPTION, FULL_NAMES, TITLE, WORDS, give_story, tiny_png

from sos_desktop.exporters.minutes import MinutesOptions
from sos_desktop.exporters.words_pictures import NoStoryError, words_pictures_pdf_bytes, write_words_pictures_pdf
from sos_desktop.exporters.words_pictures.content import figure_name
from sos_desktop.models import MeetingBundle, NetworkPerson
from sos_desktop.models.drawing import MAX_SHAPE_LABEL_LENGTH, Drawing, Shape, ShapeKind
from sos_desktop.models.mapping import MAX_TEXT_LENGTH
from sos_desktop.models.words_pictures import MAX_TITLE_LENGTH, Panel, PanelImage, Story
from sos_desktop.store.store import Store

needs_reader = pytest.mark.skipif(not has_text_reader(), reason="needs pdftotext or pypdf")
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext")


@pytest.fixture
def bundle(tmp_path: Path) -> Iterator[MeetingBundle]:
    store = Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    made = store.save_demo()
    give_story(store, made.follow_up)
    yield store.load_bundle(made.follow_up)
    store.close()


def _flat(text: str) -> str:
    return " ".join(text.split())


@needs_reader
def test_the_title_page_and_then_every_panel_s_words_in_order(bundle: MeetingBundle) -> None:
    pages = page_texts(words_pictures_pdf_bytes(bundle))
    assert TITLE in pages[0]
    assert "For Lily Example" in pages[0]
    assert "Shared with the parents" in pages[0]
    assert "Made for the meeting on Saturday 12 December 2026" in pages[0]
    assert "Panel" not in pages[0]
    rest = " ".join(pages[1:])
    positions = [rest.index(_flat(words)) for words in WORDS]
    assert positions == sorted(positions)
    assert [rest.index(f"Panel {n} of 4") for n in range(1, 5)] == sorted(
        rest.index(f"Panel {n} of 4") for n in range(1, 5)
    )
    assert CAPTION in rest
    # The figures go by the names the child knows them by; the family's copy keeps the words' full names.
    for label in ("Nan", "Mum", "Dad", "Our family"):
        assert label in rest, label
    assert "Pat Example and Jordan Example love Lily Example" in rest
    assert len(pages) <= 1 + 4  # one or two panels a page
    assert metadata(words_pictures_pdf_bytes(bundle))["title"] == "Words and Pictures"


@needs_poppler
def test_the_words_come_back_byte_for_byte(bundle: MeetingBundle, tmp_path: Path) -> None:
    target = tmp_path / "story.pdf"
    write_words_pictures_pdf(bundle, target)
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(target), "-"], capture_output=True, check=True)
    lines = done.stdout.decode("utf-8").splitlines()
    assert WORDS[2] in lines  # accents, guillemets, Greek, Cyrillic and what looks like markup, as written
    first, second = WORDS[3].split("\n")
    assert lines[lines.index(first) + 1] == second  # the line break kept


@needs_poppler
def test_the_store_s_image_is_embedded(bundle: MeetingBundle, tmp_path: Path) -> None:
    target = tmp_path / "story.pdf"
    write_words_pictures_pdf(bundle, target)
    done = subprocess.run(["pdfimages", "-list", str(target)], capture_output=True, text=True, check=True)
    images = [line.split() for line in done.stdout.splitlines()[2:]]
    assert [(row[3], row[4]) for row in images] == [("48", "32")]
    assert tiny_png()  # the same picture the support module kept in the store


def test_the_words_are_set_in_fourteen_points_or_more(bundle: MeetingBundle, tmp_path: Path) -> None:
    target = tmp_path / "story.pdf"
    write_words_pictures_pdf(bundle, target)
    try:
        done = subprocess.run(["pdftotext", "-bbox", str(target), "-"], capture_output=True, text=True, check=True)
    except FileNotFoundError:
        pytest.skip("needs pdftotext")
    boxes = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<', done.stdout)
    # The drawings' labels are part of their pictures (sized to them); the words under the pictures are not.
    labels = {"Nan", "Mum", "Dad", "Lily", "Our", "family"}
    panel_words = {word for words in WORDS[:2] for word in words.split()} - labels
    # The header and footer (marking, case, page number) are the minutes' small print; the panels' words are not.
    body = [(float(top), float(bottom), word) for top, bottom, word in boxes if 80 < float(top) < 842 - 80]
    heights = [bottom - top for top, bottom, word in body if word in panel_words]
    assert heights and min(heights) >= 14 - 0.01


@needs_reader
def test_pseudonymised_holds_no_full_name_anywhere(bundle: MeetingBundle) -> None:
    data = words_pictures_pdf_bytes(bundle, options=MinutesOptions(pseudonymise=True))
    text, found = _flat(all_text(data)), searchable_bytes(data)
    for person in bundle.network.people:
        assert person.name not in text, person.name
        assert not any(form in found for form in spellings(person.name)), person.name
    for name in FULL_NAMES:
        assert not any(form in found for form in spellings(name)), name
    assert "For L" in text
    assert "Nan and Mum love L very much." in text
    info = metadata(data)
    assert not any(name in value for name in FULL_NAMES for value in info.values())


@needs_reader
def test_the_marking_and_a_password_are_honoured(bundle: MeetingBundle) -> None:
    data = words_pictures_pdf_bytes(bundle, options=MinutesOptions(marking="OFFICIAL", password="s3cret"))
    pages = page_texts(data, password="s3cret")
    assert all(page.startswith("OFFICIAL ") for page in pages)
    assert f"Page 1 of {len(pages)}" in pages[0]
    with pytest.raises(subprocess.CalledProcessError):
        page_texts(data)


def test_a_meeting_with_no_story_or_no_panels_is_refused(bundle: MeetingBundle, tmp_path: Path) -> None:
    for stories in ([], [Story(child=None, title="Nothing yet")]):
        empty = replace(bundle, meeting=replace(bundle.meeting, words_pictures=stories))
        with pytest.raises(NoStoryError):
            write_words_pictures_pdf(empty, tmp_path / "story.pdf")
    assert not (tmp_path / "story.pdf").exists()


@needs_reader
def test_absurd_panels_still_print_and_a_missing_image_keeps_its_caption(bundle: MeetingBundle) -> None:
    huge = ("Once upon a time " + "and then " * 20_000)[: MAX_TEXT_LENGTH - 4] + " end"
    labels = [Shape(ShapeKind.TEXT, 0.0, 0.0, 1.0, 0.02, label="W" * MAX_SHAPE_LABEL_LENGTH)]
    labels += [Shape(ShapeKind.STICK_FIGURE, 0.9, 0.9, 0.05, 0.05, label="Z" * MAX_SHAPE_LABEL_LENGTH)] * 50
    story = Story(
        child=None,
        title="T" * MAX_TITLE_LENGTH,
        panels=[
            Panel(huge, drawing=Drawing(labels)),
            Panel("x" * 3_000),
            Panel("مرحبا بالعائلة"),
            Panel("The picture", image=PanelImage(987_654, "Nan's garden")),
        ],
    )
    text = _flat(
        all_text(words_pictures_pdf_bytes(replace(bundle, meeting=replace(bundle.meeting, words_pictures=[story]))))
    )
    assert text.startswith("OFFICIAL-SENSITIVE") and "Once upon a time and then" in text and " end " in text
    assert "For the family" in text and "Panel 4 of 4" in text
    assert "Nan's garden The picture" in text


def test_a_figure_goes_by_the_name_the_child_knows_them_by() -> None:
    lily, nan = NetworkPerson("Lily Example", display_name="L"), NetworkPerson("Pat Example", display_name="Nan")
    assert [figure_name(person, False) for person in (lily, nan)] == ["Lily", "Nan"]  # not the initial that hides her
    assert [figure_name(person, True) for person in (lily, nan)] == ["L", "Nan"]

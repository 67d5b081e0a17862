"""Names and cards in any script in the minutes: each in a font that has its glyphs, shaped, right to left where
the text is, and a character no font has printed as [?] with a warning naming the card, never as an empty box.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest
from minutes_pdf_support import all_text, unicode_bundle

from sos_desktop.exporters.minutes import minutes_pdf_bytes
from sos_desktop.exporters.minutes.fonts import PLACEHOLDER, MissingGlyphWarning, covering, font_runs
from sos_desktop.exporters.minutes.script_text import visual_line
from sos_desktop.models import Attendee, Category, MapItem
from sos_desktop.models.bidi import Direction

CHINESE = "王小明每天放学后去奶奶家吃饭。"
DEVANAGARI = "दादी हर शाम बच्चों को स्कूल से लाती हैं।"
ARABIC = "نور تخاف عندما يصرخ والدها في الليل"
ARABIC_CARD = f"{ARABIC}، وتبقى في غرفتها حتى الصباح مع أخيها الصغير كريم."
NO_FONT_HAS = "\U0010fffd"  # a private-use character: no font draws it

needs_fonts = pytest.mark.skipif(
    not all(covering("SoSSans", c) for c in "王द"),
    reason="needs fonts for Chinese and Devanagari (./dev installs fonts-wqy-microhei and fonts-noto-core)",
)
needs_poppler = pytest.mark.skipif(not shutil.which("pdffonts"), reason="needs poppler-utils")


def _minutes_with_scripts() -> bytes:
    bundle = unicode_bundle()
    bundle.meeting.items += [
        MapItem(Category.STRENGTH, CHINESE, id=21),
        MapItem(Category.STRENGTH, DEVANAGARI, id=22),
        MapItem(Category.DANGER, ARABIC_CARD, id=23),
    ]
    bundle.meeting.attendees.append(Attendee("王小明"))
    return minutes_pdf_bytes(bundle)


@needs_fonts
@needs_poppler
def test_chinese_devanagari_and_arabic_cards_are_drawn_in_fonts_that_have_them(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingGlyphWarning)  # every character has a font here
        data = _minutes_with_scripts()
    target = tmp_path / "minutes.pdf"
    target.write_bytes(data)
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
    embedded = [line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]]
    assert any("Devanagari" in name for name in embedded), embedded
    assert any(name.startswith(("WenQuanYi", "Noto", "Droid")) and "Devanagari" not in name for name in embedded)
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # every font embedded
    text = all_text(data)
    assert CHINESE in text and "王小明" in text
    assert "शाम" in text  # the words without conjuncts come back as typed


def test_a_word_is_split_into_runs_by_the_font_that_has_its_letters() -> None:
    runs = font_runs("Li Wei 王小明")
    assert runs[0] == ("SoSSans", "Li Wei ")
    if covering("SoSSans", "王"):
        assert runs[1][1] == "王小明" and runs[1][0] != "SoSSans"
    assert font_runs("نور") == [("SoSSans", "نور")]  # DejaVu has Arabic


def test_arabic_is_shaped_joined_and_its_words_run_right_to_left() -> None:
    segments, width = visual_line(ARABIC, "SoSSans", 10, Direction.RIGHT_TO_LEFT)
    words = [part for _, part in segments if part != " "]
    assert len(words) == 7 and width > 0
    # The last word, "الليل", is seen first; shaped, its letters are the joined forms, in the order they are seen:
    # final lam, medial yeh, medial lam, initial lam, alef.
    assert list(words[0]) == ["\ufede", "\ufef4", "\ufee0", "\ufedf", "\u0627"]
    assert list(words[-1]) == ["\u0631", "\ufeee", "\ufee7"]  # "نور", the first word, at the right


def test_a_character_no_font_has_prints_as_a_placeholder_and_the_warning_quotes_the_card() -> None:
    bundle = unicode_bundle()
    card = f"Zoë drew {NO_FONT_HAS} for her dad."
    bundle.meeting.items.append(MapItem(Category.STRENGTH, card, id=30))
    with pytest.warns(MissingGlyphWarning) as caught:
        data = minutes_pdf_bytes(bundle)
    messages = [str(w.message) for w in caught if issubclass(w.category, MissingGlyphWarning)]
    assert any("U+10FFFD" in m and "“Zoë drew" in m and "[?]" in m for m in messages), messages
    assert f"Zoë drew {PLACEHOLDER} for her dad." in " ".join(all_text(data).split())


@needs_poppler
def test_an_arabic_card_is_right_aligned_in_the_minutes(tmp_path: Path) -> None:
    """Every line of the Arabic card ends at its column's right edge, its short last line too."""
    target = tmp_path / "m.pdf"
    target.write_bytes(_minutes_with_scripts())
    first_page = ["pdftotext", "-f", "1", "-l", "1", "-bbox", str(target), "-"]
    box = subprocess.run(first_page, capture_output=True, text=True, check=True).stdout
    words = _word_boxes(box)
    lines: dict[float, float] = {}
    for word, _, right, top in words:
        if any("\u0600" <= c <= "\u06ff" or "\ufe70" <= c <= "\ufeff" for c in word) and right < 300:
            lines[top] = max(lines.get(top, 0.0), right)
    second_column = min(left for word, left, _, _ in words if word == "Existing")
    assert len(lines) >= 3  # the card wraps, its last line short
    assert all(second_column - 25 < right < second_column for right in lines.values()), (lines, second_column)


def _word_boxes(bbox_html: str) -> list[tuple[str, float, float, float]]:
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>'
    return [
        (match.group(4), float(match.group(1)), float(match.group(3)), round(float(match.group(2))))
        for match in re.finditer(pattern, bbox_html)
    ]

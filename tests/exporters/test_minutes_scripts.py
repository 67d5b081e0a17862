"""Names and cards in any script in the minutes: each in a font that has its glyphs, shaped, right to left where
the text is, and a character no font has printed as [?] with a warning naming the card, never as an empty box.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import warnings
from pathlib import Path

import pytest
from minutes_pdf_support import all_text, page_texts, unicode_bundle

from sos_desktop.exporters.minutes import MinutesOptions, feedback_pdf_bytes, minutes_pdf_bytes
from sos_desktop.exporters.minutes.fonts import PLACEHOLDER, MissingGlyphWarning, covering, font_runs
from sos_desktop.exporters.minutes.script_text import visual_line
from sos_desktop.models import Attendee, Category, MapItem, MeetingBundle, Observations, RubricRating
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


# Everywhere else a typed text reaches the page: the case and the meeting on page 1 and in every header and footer,
# the headings that hold a name, the observer's line, the findings and the names in the network drawing.
CASE_LABEL = "عائلة حداد"  # Arabic: the Haddad family
TITLE = "פגישת מיפוי"  # Hebrew: a mapping meeting
CHILD = "نور حداد"
FRIEND = "דוד כהן"
AUNT = "प्रिया शर्मा"
NEIGHBOUR = "王小明"
OBSERVER = "ليلى سالم"


def _everywhere_bundle() -> MeetingBundle:
    bundle = unicode_bundle()
    bundle.case.label = CASE_LABEL
    bundle.meeting.title = TITLE
    for person, name in zip(bundle.network.people, (CHILD, None, AUNT, NEIGHBOUR, FRIEND), strict=True):
        if name is not None:
            person.name, person.display_name = name, ""
    bundle.meeting.attendees.append(Attendee(FRIEND))
    bundle.meeting.items.append(MapItem(Category.STRENGTH, DEVANAGARI, id=40))
    bundle.meeting.observations = Observations(observer=OBSERVER, ratings=[RubricRating(CHILD, 7)])
    return bundle


def _lines(data: bytes, page: int) -> list[list[tuple[str, float, float]]]:
    """Page ``page``'s words as poppler finds them drawn, line by line from the top, each line left to right."""
    command = ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", "-", "-"]
    words = _word_boxes(subprocess.run(command, input=data, capture_output=True, check=True).stdout.decode())
    lines: dict[float, list[tuple[str, float, float]]] = {}
    for word, left, right, top in words:
        lines.setdefault(top, []).append((word, left, right))
    return [sorted(lines[top], key=lambda box: box[1]) for top in sorted(lines)]


def _right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def _seen(line: list[tuple[str, float, float]]) -> str:
    """The line as read: its right-to-left words turned back into the letters typed (Arabic's joined forms undone)
    and each run of them read from right to left, in place among the others; where a wide gap parts the words
    (table columns, the header's two ends) the parts are read apart and joined by " | ".
    """
    parts: list[list[tuple[str, float, float]]] = []
    for box in line:
        if not parts or box[1] - parts[-1][-1][2] > 9:
            parts.append([])
        parts[-1].append(box)
    return " | ".join(_read(part) for part in parts)


def _read(words: list[tuple[str, float, float]]) -> str:
    out: list[str] = []
    run: list[str] = []
    for word, _, _ in [*words, ("", 0.0, 0.0)]:
        letters = word.rstrip(":;,.")
        if letters and _right_to_left(letters):
            run.insert(0, unicodedata.normalize("NFKC", letters)[::-1])
            if letters == word:
                continue
            run[-1] += word[len(letters) :]  # punctuation seen at the right of the run follows it
            word = ""
        out += run
        run = []
        if word:
            out.append(word)
    return " ".join(out)


def _joined(line: list[tuple[str, float, float]], letters: str) -> bool:
    """Whether every Arabic word of ``line`` among ``letters`` is drawn in the joined (presentation) forms."""
    arabic = [w for w, _, _ in line if any("\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff" for c in w)]
    return (
        bool(arabic)
        and all(any("\ufb50" <= c <= "\ufeff" for c in w) for w in arabic)
        and all(unicodedata.normalize("NFKC", w)[::-1] in letters.split() for w in arabic)
    )


def _fonts_on(data: bytes, page: int) -> list[str]:
    command = ["pdffonts", "-f", str(page), "-l", str(page), "-"]
    listed = subprocess.run(command, input=data, capture_output=True, text=False, check=True).stdout.decode()
    return [line.split()[0].split("+")[-1] for line in listed.splitlines()[2:]]


@needs_fonts
@needs_poppler
def test_the_case_the_meeting_and_names_print_joined_and_in_the_order_seen_on_every_part_of_the_page() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingGlyphWarning)
        data = minutes_pdf_bytes(_everywhere_bundle(), options=MinutesOptions(include_feedback=True))
    pages = page_texts(data)
    first = [_seen(line) for line in _lines(data, 1)]
    header, footer = _lines(data, 1)[1], _lines(data, 1)[-2]
    title = next(line for line in _lines(data, 1) if line[0][2] - line[0][1] > 0 and line[0][1] > 300)
    # Page 1: the case in large type, right-aligned as a right-to-left text is; the meeting after "Minutes:".
    assert _seen(title) == CASE_LABEL and _joined(title, CASE_LABEL)
    assert title[-1][2] > 530  # its right edge at the frame's
    assert f"Minutes: {TITLE}" in first
    assert f"{FRIEND} | Participant" in first  # a right-to-left name at the right of its cell
    # The header (case at the left, "meeting · date" at the right) and the footer (case at the right), every page.
    assert _seen(header) == f"{CASE_LABEL} | {TITLE} · 2 Nov 2026" and _joined(header, CASE_LABEL)
    assert header[0][1] < 60 and header[-1][2] > 540
    assert _seen(footer) == f"Page 1 of {len(pages)} | {CASE_LABEL}" and footer[-1][2] > 540
    # The network page: each name under its person; the headings and findings that hold one.
    network = next(n for n, text in enumerate(pages, start=1) if "Safety network" in text)
    seen = [_seen(line) for line in _lines(data, network)]
    for name in (CHILD, FRIEND, NEIGHBOUR):
        assert any(line == name or line.endswith(f" {name}") or line.startswith(f"{name} ") for line in seen), name
    child_line = next(line for line in _lines(data, network) if _seen(line) == CHILD)
    assert _joined(child_line, CHILD)
    assert f"{CHILD}: Three Houses" in seen  # an English heading: the colon after the name, to its right
    assert any(line.startswith(f"⚠ Without Łukasz Wójcik, {CHILD} would be cut off") for line in seen), seen
    on_network_page = _fonts_on(data, network)
    assert any("Devanagari" in name for name in on_network_page), on_network_page
    assert any(name.startswith(("WenQuanYi", "Noto Sans CJK", "Droid")) for name in on_network_page)
    # The observer's line of the feedback.
    feedback = next(n for n, text in enumerate(pages, start=1) if "Observer:" in text)
    assert f"Observer: {OBSERVER}" in [_seen(line) for line in _lines(data, feedback)]
    assert PLACEHOLDER not in " ".join(pages)


@needs_fonts
@needs_poppler
def test_the_feedback_report_prints_the_meeting_and_the_observer_in_the_order_seen() -> None:
    bundle = _everywhere_bundle()
    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingGlyphWarning)
        data = feedback_pdf_bytes(bundle, facilitated=[(bundle.meeting, bundle.meeting.observations)])
    lines = _lines(data, 1)
    seen = [_seen(line) for line in lines]
    assert _seen(next(line for line in lines if line[0][1] > 300)) == CASE_LABEL
    assert f"Feedback on the facilitation: {TITLE}" in seen
    assert any(f"2 Nov 2026 | {TITLE} | {OBSERVER} | 1" in line for line in seen), seen  # the development table
    assert any(line.startswith(f"{CHILD} |") for line in seen), seen  # the rubric's criterion, in its table

"""The minutes' pages read as whole pages: no heading at the foot of a page without its first line, and no page
(the last least of all) holding only a heading and a stray line. Read back from the text a PDF reader selects.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence

import pytest
from minutes_pdf_support import has_text_reader
from reportlab.platypus import Flowable, Paragraph

from sos_desktop.exporters.minutes import MinutesOptions, minutes_pdf_bytes
from sos_desktop.exporters.minutes.keeping import FRAME_HEIGHT, LEAST_ROWS
from sos_desktop.exporters.minutes.plain_text import PlainText
from sos_desktop.exporters.minutes.snapshot import minutes_snapshot
from sos_desktop.exporters.minutes.story import minutes_story
from sos_desktop.exporters.minutes.story_parts import grid
from sos_desktop.exporters.minutes.styles import FRAME_WIDTH, styles
from sos_desktop.models import MeetingBundle, ObservationNote, Observations, RubricRating
from sos_desktop.models.demo import demo_bundle

pytestmark = pytest.mark.skipif(not has_text_reader(), reason="needs pdftotext or pypdf to read the text back")


def _headings(bundle: MeetingBundle, options: MinutesOptions) -> set[str]:
    """Every heading the story of ``bundle``'s minutes sets, sections and those within them."""
    s = styles()
    kinds = {s.section.name, s.subsection.name, s.category.name}
    found: set[str] = set()

    def walk(flowables: Sequence[Flowable]) -> None:
        for flowable in flowables:
            inner = getattr(flowable, "_content", None)
            if inner is not None:
                walk(inner)
            elif isinstance(flowable, Paragraph) and flowable.style.name in kinds:
                found.add(flowable.getPlainText())
            elif isinstance(flowable, PlainText) and flowable.style_name in kinds:
                found.add(" ".join(run.text for run in flowable.runs))

    walk(minutes_story(minutes_snapshot(bundle, options, None)))
    return found


def _page_lines(data: bytes) -> list[list[str]]:
    """Each page's lines of text, less what every page repeats (the marking, the case, the meeting, the count)."""
    if not shutil.which("pdftotext"):
        pytest.skip("needs poppler's pdftotext for the lines of each page")
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True)
    pages = [[line.strip() for line in page.splitlines() if line.strip()] for page in done.stdout.decode().split("\f")]
    pages = [page for page in pages if page]
    furniture = set.intersection(*(set(page) for page in pages)) if len(pages) > 1 else set()
    return [
        [line for line in page if line not in furniture and not re.fullmatch(r"Page \d+ of \d+", line)]
        for page in pages
    ]


def _with_feedback(notes: int) -> MeetingBundle:
    bundle = demo_bundle()
    bundle.meeting.observations = Observations(
        observer="Jo Reid",
        notes=[ObservationNote(f"Note {n} on how the group was led", 3.0 + n, "purpose") for n in range(notes)],
        ratings=[RubricRating("Time-keeping", 8, "Kept the mapping to 25 minutes"), RubricRating("Plain language", 7)],
        went_well="Appreciative questions throughout",
        even_better_if="Ask the presenter to scale first",
    )
    return bundle


def _assert_whole_pages(bundle: MeetingBundle, options: MinutesOptions) -> None:
    headings = _headings(bundle, options)
    assert {"Who was there", "Next steps", "The scale"} <= headings
    pages = _page_lines(minutes_pdf_bytes(bundle, options=options))
    assert len(pages) > 1
    for number, lines in enumerate(pages, start=1):
        assert len(lines) > 2 or not (set(lines) & headings), f"page {number} holds only {lines}"
        assert len(lines) > 1, f"page {number} holds a single line: {lines}"
        assert lines[-1] not in headings, f"page {number} ends with the heading {lines[-1]!r}, its text overleaf"


@pytest.mark.parametrize("notes", [None, 0, 6, 13, 14, 15])
def test_no_page_holds_a_heading_alone_or_a_stray_line(notes: int | None) -> None:
    bundle = demo_bundle() if notes is None else _with_feedback(notes)
    options = MinutesOptions(include_feedback=notes is not None)
    _assert_whole_pages(bundle, options)


def test_a_short_observer_section_keeps_its_last_headings_with_what_comes_before() -> None:
    # Fourteen notes put the end of the feedback just over page 5: "Even better if" and its line stood on page 6.
    last = _page_lines(minutes_pdf_bytes(_with_feedback(14), options=MinutesOptions(include_feedback=True)))[-1]
    assert last.index("Rubric") < last.index("What went well") < last.index("Even better if")
    assert "Ask the presenter to scale first" in last and "Appreciative questions throughout" in last


def test_a_table_leaves_at_least_two_rows_of_its_body_on_each_side_of_a_page_break() -> None:
    s = styles()
    rows = [[Paragraph("Who", s.cell_bold), Paragraph("Note", s.cell_bold)]]
    rows += [[Paragraph(f"Person {n}", s.cell), Paragraph("A line", s.cell)] for n in range(10)]
    table = grid(rows, [FRAME_WIDTH * 0.3, FRAME_WIDTH * 0.7])
    table.wrap(FRAME_WIDTH, FRAME_HEIGHT)
    heights = table._rowHeights
    # Room for the header and nine rows: the tenth would stand alone overleaf, so the eighth goes with it.
    first, rest = table.split(FRAME_WIDTH, sum(heights[:10]) + 1)
    assert len(first._cellvalues) - 1 == 8 and len(rest._cellvalues) - 1 == LEAST_ROWS
    # Room for the header and one row at the foot of a page: the table starts on the next page instead.
    assert table.split(FRAME_WIDTH, sum(heights[:2]) + 1) == []
    # Room for the header and three rows: three here, seven overleaf.
    first, rest = table.split(FRAME_WIDTH, sum(heights[:4]) + 1)
    assert (len(first._cellvalues), len(rest._cellvalues)) == (4, 8)

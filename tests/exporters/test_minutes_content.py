"""What the PDF minutes say, read back from their text layer as a reader's PDF viewer would select it."""

from __future__ import annotations

import copy
from datetime import datetime
from pathlib import Path

import pytest
from minutes_pdf_support import (
    UNICODE_ATTENDEES,
    UNICODE_NAMES,
    all_text,
    has_text_reader,
    metadata,
    page_texts,
    qpdf_check,
    searchable_bytes,
    unicode_bundle,
)

from sos_desktop.exporters.minutes import MinutesOptions, minutes_pdf_bytes, write_minutes_pdf
from sos_desktop.models import Framework, Meeting, Observations, RubricRating, Scale, ScaleRating
from sos_desktop.models.agenda import clock_text
from sos_desktop.models.demo import demo_bundle

pytestmark = pytest.mark.skipif(not has_text_reader(), reason="needs pdftotext or pypdf to read the text back")


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def demo_pdf() -> bytes:
    return minutes_pdf_bytes(demo_bundle())


def test_every_page_carries_the_marking_the_case_and_its_page_count(demo_pdf: bytes) -> None:
    pages = page_texts(demo_pdf)
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert page.count("OFFICIAL-SENSITIVE") == 2, f"page {number} lacks the marking at top and bottom"
        assert "Family Demo (invented)" in page
        assert f"Page {number} of {len(pages)}" in page


def test_a_chosen_marking_replaces_the_default_on_every_page() -> None:
    pages = page_texts(minutes_pdf_bytes(demo_bundle(), options=MinutesOptions(marking="OFFICIAL")))
    assert all(page.count("OFFICIAL") == 2 and "SENSITIVE" not in page for page in pages)


def test_the_minutes_hold_the_whole_meeting_in_order(demo_pdf: bytes) -> None:
    bundle = demo_bundle()
    meeting = bundle.meeting
    text = all_text(demo_pdf)
    for item in meeting.items:
        assert _flat(item.text) in text, item.text
    for attendee in meeting.attendees:
        assert attendee.name in text
    assert "Facilitator" in text and "Presenter" in text and "Observer" in text
    assert _flat(meeting.focus_question) in text
    for phase in meeting.agenda:
        assert phase.title in text
    assert clock_text(25) in text  # the planned time of the mapping phase, as a clock reads
    for heading in ("Harm", "Danger statements", "Existing strengths", "Existing safety", "Safety goals"):
        assert heading in text
    assert "What are we worried about?" in text and "What needs to happen?" in text
    assert "Mum acted to protect Lily; Nan is involved." in text
    assert "median 4.75" in text
    assert "When Daddy shouts I hide under the table." in text
    assert "Meet Dad at home to hear his view. Sam Patel 5 Dec 2026 Idea" in text
    assert _flat(meeting.summary) in text
    sections = [
        "Who was there",
        "Focus question",
        "Agenda and time",
        "The assessment and planning map",
        "Danger statements and safety goals",
        "Scaling",
        "Safety network",
        "The child's voice",
        "Next steps",
        "Summary for the child's file",
    ]
    place = 0
    for section in sections:  # each after the one before (the agenda names some of them earlier, as phases)
        place = text.index(section, place + 1)
    assert "Observer's feedback" not in text


def test_the_network_is_drawn_with_names_legend_and_findings(demo_pdf: bytes) -> None:
    text = all_text(demo_pdf)
    for person in demo_bundle().network.people:
        assert person.name in text
    for legend in ("Child", "Family", "Friends and community", "Professional", "Knows the worries", "Partners"):
        assert legend in text
    assert "do not know the worries yet" in text


def test_names_in_every_script_are_real_embedded_text(tmp_path: Path) -> None:
    target = tmp_path / "minutes.pdf"
    write_minutes_pdf(unicode_bundle(), target)
    data = target.read_bytes()
    text = all_text(data)
    for name in (*UNICODE_NAMES, *UNICODE_ATTENDEES):
        assert name in text
    assert "Łukasz will speak calmly; Zoë will feel safe" in text
    assert "<every> day & stays for tea" in text
    streams = searchable_bytes(data)
    assert b"/FontFile2" in streams  # the TrueType font itself is inside the file
    assert b"/BaseFont /Helvetica" not in streams and b"/BaseFont/Helvetica" not in streams
    qpdf_check(target)


def test_the_metadata_names_the_meeting_and_no_family_member() -> None:
    info = metadata(minutes_pdf_bytes(demo_bundle()))
    assert info["title"] == "Group supervision (demo)"
    assert info["author"] == "SoS Desktop"
    names = [person.name for person in demo_bundle().network.people]
    assert not any(name in value for value in info.values() for name in names)


def test_line_breaks_are_kept_and_markup_characters_printed_as_typed() -> None:
    bundle = demo_bundle()
    bundle.meeting.summary = "First line & <b>not bold</b>\nSecond line"
    text = " ".join(page_texts(minutes_pdf_bytes(bundle)))
    assert "First line & <b>not bold</b> Second line" in text


def test_the_frameworks_own_labels_head_the_map() -> None:
    bundle = demo_bundle()
    bundle.case.framework = Framework.WELLBEING
    text = all_text(minutes_pdf_bytes(bundle))
    assert "Worry statements" in text and "Wellbeing goals" in text
    assert "Signs of Wellbeing" in text


def _earlier(bundle_question: str, values: list[float], when: datetime, meeting_id: int) -> Meeting:
    ratings = [ScaleRating(f"R{i}", value) for i, value in enumerate(values)]
    return Meeting("Earlier review", id=meeting_id, held_on=when, scales=[Scale(bundle_question, ratings=ratings)])


def test_a_trajectory_is_drawn_only_when_earlier_meetings_rated_the_same_question() -> None:
    bundle = demo_bundle()
    question = bundle.meeting.scales[0].question
    assert "Across the case's meetings" not in all_text(minutes_pdf_bytes(bundle, case_meetings=[bundle.meeting]))
    earlier = [_earlier(question, [2, 3], datetime(2026, 6, 1), 1), _earlier(question, [3, 4], datetime(2026, 9, 1), 2)]
    text = all_text(minutes_pdf_bytes(bundle, case_meetings=earlier))
    assert "Across the case's meetings" in text
    assert "1 Jun 2026" in text and "1 Sep 2026" in text and "21 Nov 2026" in text
    assert "this meeting" in text
    other = _earlier("A different question?", [5], datetime(2026, 6, 1), 3)
    assert "Across the case's meetings" not in all_text(minutes_pdf_bytes(bundle, case_meetings=[other]))


def test_the_observers_feedback_is_added_only_when_asked_for() -> None:
    bundle = demo_bundle()
    bundle.meeting.observations = Observations(
        observer="Jo Reid",
        ratings=[RubricRating("Time-keeping", 6, "Mapping overran")],
        went_well="Appreciative questions",
        even_better_if="Keep to time",
    )
    assert "Mapping overran" not in all_text(minutes_pdf_bytes(bundle))
    text = all_text(minutes_pdf_bytes(bundle, options=MinutesOptions(include_feedback=True)))
    assert "Observer's feedback on the facilitation" in text
    for words in ("Jo Reid", "Time-keeping 6 Mapping overran", "Appreciative questions", "Keep to time"):
        assert words in text


def test_an_empty_meeting_still_makes_complete_minutes(tmp_path: Path) -> None:
    bundle = copy.deepcopy(demo_bundle())
    meeting = bundle.meeting
    meeting.items, meeting.scales, meeting.child_voice, meeting.attendees, meeting.agenda = [], [], [], [], []
    meeting.summary = meeting.focus_question = ""
    bundle.network.people, bundle.network.ties = [], []
    target = tmp_path / "empty.pdf"
    write_minutes_pdf(bundle, target)
    text = all_text(target.read_bytes())
    for words in ("No attendees were recorded.", "No scales were used.", "No next steps were recorded."):
        assert words in text
    assert "an empty network is itself a finding" in text
    qpdf_check(target)

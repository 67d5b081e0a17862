"""A learning journal entry: its checks (lengths, control characters), and its data read back byte for byte."""

from __future__ import annotations

from datetime import date

from sos_desktop.models.reflections import (
    TEXT_LIMIT,
    MeetingLink,
    Reflection,
    check_author,
    check_reflection,
    reflection_data,
    reflection_from_data,
)


def test_an_entry_comes_back_from_its_data_as_it_was_unicode_included() -> None:
    text = "Nan’s voice came late — next time I’ll ask her first.\n\tمرحبا 👍 e\u0301"
    link = MeetingLink("u-1", "Group supervision", date(2026, 11, 21))
    entry = Reflection(date(2026, 12, 1), text, "Bringing Nan in", link)
    back = reflection_from_data(date(2026, 12, 1), reflection_data(entry), 7)
    assert back == entry and back.id == 7
    assert back.text.encode() == text.encode()


def test_data_without_a_meeting_or_with_damaged_fields_reads_leniently() -> None:
    back = reflection_from_data(date(2026, 1, 2), {"text": 5, "meeting": {"uid": "x", "held_on": "not a day"}})
    assert back.text == "" and back.meeting == MeetingLink("x", "", None)
    assert reflection_from_data(date(2026, 1, 2), {"meeting": "nonsense"}).meeting is None


def test_control_characters_are_refused_but_lines_and_tabs_kept() -> None:
    assert check_reflection(Reflection(date(2026, 1, 1), "one\n\ttwo")) is None
    assert "control character" in (check_reflection(Reflection(date(2026, 1, 1), "bad \x1b[2J")) or "")
    assert "control character" in (check_reflection(Reflection(date(2026, 1, 1), "", "Noor\u202e")) or "")
    assert "control character" in (check_reflection(Reflection(date(2026, 1, 1), "", "line\nbreak")) or "")


def test_an_absurdly_long_reflection_is_refused_with_its_length() -> None:
    message = check_reflection(Reflection(date(2026, 1, 1), "x" * (TEXT_LIMIT + 1)))
    assert message is not None and f"{TEXT_LIMIT + 1:,}" in message
    assert check_reflection(Reflection(date(2026, 1, 1), "x" * TEXT_LIMIT)) is None


def test_an_author_needs_a_name_without_control_characters() -> None:
    assert check_author("  ") is not None
    assert check_author("Alex\x07") is not None
    assert check_author("Siobhán Ó Briain") is None


def test_the_heading_shows_the_day_and_title_or_first_words() -> None:
    assert Reflection(date(2026, 12, 1), "x", "A title").heading() == "1 Dec 2026 — A title"
    assert Reflection(date(2026, 12, 1), "First line\nsecond").heading() == "1 Dec 2026 — First line"
    assert MeetingLink("u", "Group supervision", date(2026, 11, 21)).label() == "Group supervision, 21 November 2026"

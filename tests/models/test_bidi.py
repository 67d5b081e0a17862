"""One bidi decision for the projector and the minutes: a paragraph's base direction, and words in visual order."""

from __future__ import annotations

from sos_desktop.models.bidi import Direction, base_direction, has_right_to_left, visual_order

LTR, RTL = Direction.LEFT_TO_RIGHT, Direction.RIGHT_TO_LEFT


def test_the_first_strong_character_decides_the_base_direction() -> None:
    assert base_direction("نور تخاف") is RTL
    assert base_direction("שלום Noor") is RTL
    assert base_direction("Noor (نور) stays") is LTR
    assert base_direction("12، نور") is RTL  # digits and punctuation are not strong
    assert base_direction("王小明") is LTR
    assert base_direction("") is LTR and base_direction("12 - 3") is LTR


def test_only_text_with_right_to_left_letters_needs_bidi_layout() -> None:
    assert has_right_to_left("Noor (نور)") and not has_right_to_left("दादी 王小明 Zoë")


def test_a_right_to_left_line_is_seen_last_word_first() -> None:
    words = ["نور", "تخاف", "عندما"]
    assert visual_order(words, RTL) == [2, 1, 0]


def test_english_inside_arabic_keeps_its_own_order_and_arabic_inside_english_turns_round() -> None:
    assert visual_order(["نور", "met", "Mr", "Holt", "اليوم"], RTL) == [4, 1, 2, 3, 0]
    assert visual_order(["Noor", "(نور", "حداد)", "stays"], LTR) == [0, 2, 1, 3]


def test_a_number_after_arabic_stays_with_its_words() -> None:
    assert visual_order(["عمرها", "6", "سنوات"], RTL) == [2, 1, 0]
    assert visual_order(["Zoë", "is", "6"], LTR) == [0, 1, 2]

"""Jargon in a card is found as whole words whatever their case, as the team lists it; the team's list is kept tidy."""

from __future__ import annotations

import pytest

from sos_desktop.models.jargon import DEFAULT_JARGON, MAX_JARGON_LENGTH, clean_jargon, jargon_hint, jargon_in


def test_a_listed_word_is_found_whatever_its_case_and_spacing() -> None:
    text = "Dad's drinking is a risk factor; we held a Section  47 enquiry and a\nstrategy discussion."
    assert jargon_in(text, DEFAULT_JARGON) == ["section 47", "strategy discussion"]


def test_only_whole_words_are_found() -> None:
    words = ["LAC", "CP plan", "threshold"]
    assert jargon_in("There is a lack of food; the cp planning; thresholds", words) == []
    assert jargon_in("A LAC review, then a cp plan (the threshold is met).", words) == ["LAC", "CP plan", "threshold"]


def test_a_word_found_twice_is_named_once_as_the_list_spells_it() -> None:
    assert jargon_in("safeguarding, SAFEGUARDING and Safeguarding", ["Safeguarding"]) == ["Safeguarding"]


def test_the_longest_listed_phrase_wins() -> None:
    assert jargon_in("She is on a CP plan.", ["CP", "CP plan"]) == ["CP plan"]


def test_any_unicode_and_punctuation_in_a_listed_word_is_matched_literally() -> None:
    assert jargon_in("Tout va bien (ça va).", ["ça va", "."]) == ["ça va", "."]
    assert jargon_in("Nothing here", ["(", "[a-z]+"]) == []


def test_the_team_s_list_is_tidied_and_too_long_a_word_is_refused() -> None:
    assert clean_jargon(["  LAC ", "lac", "", "CP\x1b  plan", 7]) == ["LAC", "CP plan"]
    with pytest.raises(ValueError, match=f"at most {MAX_JARGON_LENGTH} characters"):
        clean_jargon(["x" * (MAX_JARGON_LENGTH + 1)])


def test_the_hint_names_the_words_found() -> None:
    assert jargon_hint(["section 47"]) == (
        "Jargon with the family present: “section 47”. Can it be said in plain words?"
    )

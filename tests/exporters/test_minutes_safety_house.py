"""The minutes' Safety House and the Fairy: Noah's house with who lives there, who visits, the rules and the path in
his words (the entry he did not agree to share only counted); Lily's words under the Bad, Good and Dream Fairy;
pseudonymised minutes give display names and masked words and no full name; a meeting without a house has no such
section; the child's exact words come back out of the PDF as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from minutes_pdf_support import all_text, has_text_reader

from sos_desktop.exporters.minutes import MinutesOptions, minutes_pdf_bytes
from sos_desktop.exporters.minutes.naming import Namer
from sos_desktop.exporters.minutes.safety_house import houses_view
from sos_desktop.models import House, MeetingBundle
from sos_desktop.models.demo_child_tools import FOLLOW_UP_PATH_WORDS, NOAH_RULES, NOT_SHARED_WORDS
from sos_desktop.models.safety_house import HouseRule
from sos_desktop.models.voice import ChildVoiceEntry
from sos_desktop.store.store import Store

needs_reader = pytest.mark.skipif(not has_text_reader(), reason="needs pdftotext or pypdf")
EXACT = "Zoë’s «safe» room — Łukasz\u00a0&amp; <b>me</b>  two  spaces, then\na new line"


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[MeetingBundle, MeetingBundle]]:
    store = Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    made = store.save_demo()
    yield store.load_bundle(made.first), store.load_bundle(made.follow_up)
    store.close()


def _text(bundle: MeetingBundle, *, pseudonymise: bool = False) -> str:
    data = minutes_pdf_bytes(bundle, options=MinutesOptions(pseudonymise=pseudonymise))
    return " ".join(all_text(data).split())


def test_the_house_view_keeps_shared_entries_in_the_child_s_words(demo: tuple[MeetingBundle, MeetingBundle]) -> None:
    _, follow_up = demo
    (house,) = houses_view(follow_up, Namer(follow_up, pseudonymise=False))
    assert house.child == "Noah Example"
    assert [title for title, _ in house.places] == ["Living in the house", "Visiting the house"]
    assert house.places[0][1][0] == ("Jordan Example", "Mum makes my tea and reads to Lily.")
    assert house.rules == NOAH_RULES and house.path == "6 of 10" and house.path_words == FOLLOW_UP_PATH_WORDS
    assert house.not_shared == 1


@needs_reader
def test_the_minutes_have_the_safety_house_and_the_fairy(demo: tuple[MeetingBundle, MeetingBundle]) -> None:
    first, follow_up = demo
    text = _text(follow_up)
    assert "Safety House" in text and "Noah Example" in text
    assert "Living in the house" in text and "Visiting the house" in text
    for rule in NOAH_RULES:
        assert f"“{rule}”" in text
    assert "The child put themselves at 6 of 10." in text and FOLLOW_UP_PATH_WORDS in text
    assert NOT_SHARED_WORDS not in text
    assert "1 entry is left out: the child has not agreed to share it." in text
    follow_up.meeting.child_voice = [
        ChildVoiceEntry(
            House.WORRIES,
            "the dark",
            child=next(p.id for p in follow_up.network.people if p.display_name == "L"),
            consent_to_share=True,
        )
    ]
    text = _text(follow_up)
    assert "Lily Example: Fairy" in text and "The Bad Fairy" in text
    first_text = _text(first)
    assert "Lily Example: Three Houses" in first_text and "Visiting the house" not in first_text


@needs_reader
def test_pseudonymised_minutes_give_display_names_and_masked_words(demo: tuple[MeetingBundle, MeetingBundle]) -> None:
    _, follow_up = demo
    text = _text(follow_up, pseudonymise=True)
    assert "Mum: “Mum makes my tea and reads to L.”" in text
    for full in ("Noah Example", "Jordan Example", "Pat Example", "Kim Sample", "Lily"):
        assert full not in text


@needs_reader
def test_the_child_s_exact_words_come_back_out_of_the_pdf(demo: tuple[MeetingBundle, MeetingBundle]) -> None:
    _, follow_up = demo
    follow_up.meeting.safety_houses[0].rules.append(HouseRule(EXACT, consent_to_share=True))
    text = _text(follow_up)
    assert f"“{' '.join(EXACT.split())}”" in text  # the PDF's reader lays out the spaces; every character is there

"""The minutes of the demo's child protection conference (Mum, Dad and Nan attending as family members): each
rater's number, the agreement table (who agrees with each danger statement and safety goal, and who does not, in
their words) and the decision are in the minutes; pseudonymised, the family go by their display names and no full
name is anywhere in the text; a meeting with no record has neither section.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from minutes_pdf_support import all_text, has_text_reader

from sos_desktop.exporters.minutes import MinutesOptions, minutes_pdf_bytes
from sos_desktop.exporters.minutes.family_meeting import family_meeting_view
from sos_desktop.exporters.minutes.naming import Namer
from sos_desktop.models import MeetingBundle, MeetingKind
from sos_desktop.models.agreement import FamilyMeeting
from sos_desktop.models.demo_conference import CHAIR, DAD_DISAGREES
from sos_desktop.store.store import Store

needs_reader = pytest.mark.skipif(not has_text_reader(), reason="needs pdftotext or pypdf")


@pytest.fixture
def conference(tmp_path: Path) -> Iterator[MeetingBundle]:
    store = Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    made = store.save_demo()
    yield store.load_bundle(made.conference)
    store.close()


def _text(data: bytes) -> str:
    return " ".join(all_text(data).split())


def test_the_view_lists_each_statement_with_who_agrees_and_who_does_not(conference: MeetingBundle) -> None:
    view = family_meeting_view(conference, Namer(conference, pseudonymise=False))
    assert view is not None and view.decision is not None
    assert [row.label for row in view.agreements] == [
        "Danger statement 1",
        "Danger statement 2",
        "Safety goal 1",
        "Safety goal 2",
    ]
    first = view.agreements[0]
    assert first.agrees == ("Jordan Example", "Pat Example: “I have seen it.”")
    assert first.disagrees == (f"Chris Sample: “{DAD_DISAGREES}”",)
    assert view.agreements[1].disagrees == ()
    assert view.decision.outcome == "Child protection plan"
    assert view.decision.chair == CHAIR and view.decision.decided_on == "Thursday 17 December 2026"
    assert view.decision.dissent[0].startswith("Chris Sample: A child in need plan")


@needs_reader
def test_the_minutes_give_each_rater_s_number_the_agreement_table_and_the_decision(conference: MeetingBundle) -> None:
    assert conference.meeting.kind is MeetingKind.CONFERENCE
    text = _text(minutes_pdf_bytes(conference))
    assert "Child protection conference" in text
    for rater, number in (("Jordan Example", 6), ("Chris Sample", 7), ("Pat Example", 5), ("Sam Patel", 4)):
        assert f"{rater} {number}" in text
    assert "Statement Agrees Does not agree" in text
    assert "Danger statement 1" in text and "I have never hurt Lily." in text
    assert "Decided: Child protection plan" in text
    assert "Disagreed: Chris Sample: A child in need plan would be enough" in text
    assert "Decided on: Thursday 17 December 2026, by Ruth Mensah" in text
    assert "Chris Sample Family or network member" in text
    assert "not yet shared with the family. professionals only" in text  # the card the wall never shows them


@needs_reader
def test_pseudonymised_the_family_at_the_meeting_go_by_their_display_names(conference: MeetingBundle) -> None:
    text = _text(minutes_pdf_bytes(conference, options=MinutesOptions(pseudonymise=True)))
    for rater, number in (("Mum", 6), ("Dad", 7), ("Nan", 5)):
        assert f"{rater} {number}" in text
    assert "Dad: “I have never hurt L." in text
    assert "Disagreed: Dad: A child in need plan" in text
    for name in ("Jordan", "Chris", "Sample", "Pat Example", "Lily"):
        assert name not in text


@needs_reader
def test_a_meeting_without_a_record_has_no_agreement_and_no_decision(conference: MeetingBundle) -> None:
    conference.meeting.family_meeting = FamilyMeeting()
    assert family_meeting_view(conference, Namer(conference, pseudonymise=False)) is None
    text = _text(minutes_pdf_bytes(conference))
    assert "Does not agree" not in text and "Decided:" not in text

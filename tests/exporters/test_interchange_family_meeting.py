"""A conference in the meeting file: its kind, family attendees linked to their network person, the chair, a
professional-only card and the family record (agreements, decision, family-present) go into another database and
out again byte for byte; a file without them is written as before, and a bad record is refused naming the place.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sos_desktop.exporters.interchange.files import (
    InterchangeError,
    bundle_to_dict,
    parse_meeting,
    read_meeting_file,
    write_meeting_file,
)
from sos_desktop.models import Attendee, AttendeeRole, Case, Category, MapItem, Meeting, MeetingKind, NetworkPerson
from sos_desktop.models.agreement import Agreement, Decision, Dissent, FamilyMeeting, Outcome, View
from sos_desktop.store import Store


def _document() -> dict[str, Any]:
    return {
        "format": "sos-desktop/meeting",
        "version": 1,
        "case": {"label": "Family C"},
        "meeting": {
            "title": "Child protection conference",
            "kind": "conference",
            "attendees": [
                {"name": "Morgan Lee", "role": "chair"},
                {"name": "Chris Sample", "role": "family", "person": "p1"},
            ],
        },
        "people": [{"id": "p1", "name": "Chris Sample", "display_name": "Dad", "role": "parent"}],
        "map": [
            {"id": "m1", "key": "k-1", "category": "danger", "text": "Shouting in front of L."},
            {"id": "m2", "key": "k-2", "category": "complicating", "text": "Police log.", "professional_only": True},
        ],
        "family_meeting": {
            "family_present": True,
            "agreements": [{"item_key": "k-1", "attendee": "Chris Sample", "view": "does_not_agree", "words": "No"}],
            "decision": {"outcome": "child_in_need_plan", "decided_on": "2026-12-17", "chair": "Morgan Lee"},
        },
    }


def test_a_conference_goes_into_another_database_and_out_again_byte_for_byte(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'one.sqlite3'}") as first:
        case = first.add_case(Case(label="Family C", reference="CP-21"))
        assert case.id is not None
        dad = first.add_person(case.id, NetworkPerson("Chris Sample", display_name="Dad"))
        meeting = first.add_meeting(Meeting("Conference", case_id=case.id, kind=MeetingKind.CONFERENCE))
        assert meeting.id is not None
        first.set_attendees(
            meeting.id,
            [Attendee("Morgan Lee", AttendeeRole.CHAIR), Attendee("Chris Sample", AttendeeRole.FAMILY, dad.id)],
        )
        card = first.add_item(meeting.id, MapItem(Category.DANGER, "Shouting — “in front of” L.\n"))
        first.add_item(meeting.id, MapItem(Category.COMPLICATING, "Police log.", professional_only=True))
        record = FamilyMeeting(
            [Agreement(card.key, "Chris Sample", View.DISAGREES, "Ünïcode words,\nkept exactly  ")],
            Decision(
                Outcome.OTHER,
                other="Legal planning meeting",
                reasons="Because.",
                dissent=[Dissent("Chris Sample", "Too much.")],
                decided_on=date(2026, 12, 17),
                chair="Morgan Lee",
            ),
            family_present=True,
        )
        first.set_family_meeting(meeting.id, record)
        exported = tmp_path / "out.json"
        write_meeting_file(first.load_bundle(meeting.id), exported)
    with Store.open(f"sqlite:///{tmp_path / 'two.sqlite3'}") as second:
        imported = second.import_bundle(read_meeting_file(exported)).bundle
        assert imported.meeting.id is not None
        again = tmp_path / "again.json"
        write_meeting_file(second.load_bundle(imported.meeting.id), again)
        stored = second.get_meeting(imported.meeting.id)
        people = {person.id: person.name for person in imported.network.people}
    assert again.read_bytes() == exported.read_bytes()
    assert stored.family_meeting == record
    assert stored.kind is MeetingKind.CONFERENCE
    chair, family = stored.attendees
    assert chair == Attendee("Morgan Lee", AttendeeRole.CHAIR)
    assert family.role is AttendeeRole.FAMILY and people[family.person or 0] == "Chris Sample"
    assert [item.professional_only for item in stored.items] == [False, True]
    text = exported.read_text("utf-8")
    assert '"person": "p1"' in text and '"professional_only": true' in text and '"family_present": true' in text


def test_a_file_s_record_reads_in_and_is_written_back_the_same() -> None:
    bundle = parse_meeting(_document())
    assert bundle.meeting.family_meeting.decision.outcome is Outcome.CHILD_IN_NEED_PLAN
    assert bundle.meeting.attendees[1].person == bundle.network.people[0].id
    assert bundle_to_dict(bundle)["family_meeting"] == _document()["family_meeting"]
    assert bundle_to_dict(parse_meeting(bundle_to_dict(bundle))) == bundle_to_dict(bundle)


def test_a_meeting_without_a_family_record_is_written_as_before() -> None:
    document = _document()
    del document["family_meeting"]
    document["meeting"]["attendees"][1].pop("person")
    document["map"][1].pop("professional_only")
    written = bundle_to_dict(parse_meeting(document))
    assert "family_meeting" not in written
    assert written["meeting"]["attendees"][1] == {"name": "Chris Sample", "role": "family"}
    assert all("professional_only" not in item for item in written["map"])


def test_an_attendee_naming_nobody_in_the_file_stays_linked_to_nobody() -> None:
    document = _document()
    document["meeting"]["attendees"][1]["person"] = "p9"
    warnings: list[str] = []
    bundle = parse_meeting(document, warnings)
    assert bundle.meeting.attendees[1] == Attendee("Chris Sample", AttendeeRole.FAMILY)
    assert any("p9" in warning for warning in warnings)


@pytest.mark.parametrize(
    ("change", "place", "words"),
    [
        (lambda d: d["meeting"].update(kind="tribunal"), "meeting.kind", "'tribunal' is not one of"),
        (lambda d: d["meeting"]["attendees"][0].update(role="judge"), "attendees[0].role", "'judge' is not one of"),
        (lambda d: d["map"][1].update(professional_only="yes"), "map[1].professional_only", "true or false"),
        (
            lambda d: d["family_meeting"]["agreements"][0].update(view="maybe"),
            "family_meeting.agreements[0].view",
            "'maybe' is not one of",
        ),
        (
            lambda d: d["family_meeting"]["decision"].update(decided_on="17/12/2026"),
            "family_meeting.decision.decided_on",
            "",
        ),
    ],
)
def test_a_bad_record_is_refused_naming_the_place(change: Any, place: str, words: str) -> None:
    document = _document()
    change(document)
    with pytest.raises(InterchangeError) as refused:
        parse_meeting(document)
    assert place in str(refused.value)
    assert words in str(refused.value)

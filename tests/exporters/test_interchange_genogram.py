"""The genogram marks in the meeting file: gender, deceased, the index child, the household and a tie's bond go
into another database and out again byte for byte; unknown values, a bond the tie cannot have, an adult as the
index child and a second index child are refused, naming the place.
"""

from __future__ import annotations

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
from sos_desktop.models import Case, Gender, Meeting, NetworkPerson, PersonRole, Tie, TieBond, TieKind
from sos_desktop.store import Store


def _document() -> dict[str, Any]:
    return {
        "format": "sos-desktop/meeting",
        "version": 1,
        "case": {"label": "Family G"},
        "meeting": {"title": "Mapping"},
        "people": [
            {"id": "p1", "name": "Lily Example", "role": "child", "index_child": True, "household": "Mum's flat"},
            {"id": "p2", "name": "Sam Example", "role": "parent", "gender": "female", "household": "Mum's flat"},
            {"id": "p3", "name": "Dan Example", "role": "parent", "gender": "male"},
            {"id": "p4", "name": "Nan Example", "role": "family", "gender": "female", "deceased": True},
        ],
        "ties": [
            {"from": "p2", "to": "p1", "kind": "parent"},
            {"from": "p3", "to": "p1", "kind": "parent", "bond": "step"},
            {"from": "p2", "to": "p3", "kind": "partner", "bond": "divorced"},
            {"from": "p4", "to": "p2", "kind": "parent"},
        ],
        "map": [],
    }


def test_the_marks_go_into_another_database_and_out_again_byte_for_byte(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'one.sqlite3'}") as first:
        case = first.add_case(Case(label="Family G", reference="CP-20"))
        assert case.id is not None
        meeting = first.add_meeting(Meeting(title="Mapping", case_id=case.id))
        assert meeting.id is not None
        lily, sam, dan = (
            first.add_person(case.id, person)
            for person in (
                NetworkPerson("Lily Example", role=PersonRole.CHILD, index_child=True, household="Mum's flat"),
                NetworkPerson("Sam Example", role=PersonRole.PARENT, gender=Gender.FEMALE, household="mum's flat"),
                NetworkPerson("Dan Example", role=PersonRole.PARENT, gender=Gender.MALE, deceased=True),
            )
        )
        assert lily.id is not None and sam.id is not None and dan.id is not None
        first.add_tie(case.id, Tie(sam.id, lily.id, TieKind.PARENT, bond=TieBond.ADOPTIVE))
        first.add_tie(case.id, Tie(sam.id, dan.id, TieKind.PARTNER, bond=TieBond.EX))
        exported = tmp_path / "out.json"
        write_meeting_file(first.load_bundle(meeting.id), exported)
    with Store.open(f"sqlite:///{tmp_path / 'two.sqlite3'}") as second:
        imported = second.import_bundle(read_meeting_file(exported)).bundle
        assert imported.meeting.id is not None
        again = tmp_path / "again.json"
        write_meeting_file(second.load_bundle(imported.meeting.id), again)
        people = {person.name: person for person in imported.network.people}
    assert again.read_bytes() == exported.read_bytes()
    assert people["Lily Example"].index_child and people["Dan Example"].deceased
    assert people["Sam Example"].household == "mum's flat"
    assert {tie.bond for tie in imported.network.ties} == {TieBond.ADOPTIVE, TieBond.EX}
    text = exported.read_text("utf-8")
    assert '"bond": "ex"' in text and '"gender": "female"' in text and '"index_child": true' in text


def test_a_network_without_marks_is_written_as_before() -> None:
    document = _document()
    for person in document["people"]:
        for key in ("gender", "deceased", "index_child", "household"):
            person.pop(key, None)
    for tie in document["ties"]:
        tie.pop("bond", None)
    written = bundle_to_dict(parse_meeting(document))
    assert not any(key in person for person in written["people"] for key in ("gender", "deceased", "household"))
    assert not any("bond" in tie for tie in written["ties"])


def test_a_file_s_marks_read_in_and_are_written_back_the_same() -> None:
    bundle = parse_meeting(_document())
    by_name = {person.name: person for person in bundle.network.people}
    assert by_name["Nan Example"].deceased and by_name["Dan Example"].gender is Gender.MALE
    assert [tie.bond for tie in bundle.network.ties] == [
        TieBond.BIRTH_OR_TOGETHER,
        TieBond.STEP,
        TieBond.DIVORCED,
        TieBond.BIRTH_OR_TOGETHER,
    ]
    assert bundle_to_dict(parse_meeting(bundle_to_dict(bundle))) == bundle_to_dict(bundle)


@pytest.mark.parametrize(
    ("change", "place", "words"),
    [
        (lambda d: d["people"][1].update(gender="man"), "people[1].gender", "'man' is not one of 'male'"),
        (lambda d: d["people"][3].update(deceased="yes"), "people[3].deceased", "true or false"),
        (lambda d: d["ties"][0].update(bond="estranged"), "ties[0].bond", "'estranged' is not one of"),
        (lambda d: d["ties"][3].update(kind="sibling", bond="step"), "ties[3].bond", "sibling tie cannot be 'step'"),
        (lambda d: d["ties"][2].update(bond="foster"), "ties[2].bond", "'married', 'separated', 'divorced', 'ex'"),
        (lambda d: d["people"][1].update(index_child=True), "people[1].index_child", "only a child"),
        (
            lambda d: d["people"].append({"id": "p5", "name": "Tom", "role": "child", "index_child": True}),
            "people[4].index_child",
            "people[0] is it already",
        ),
        (lambda d: d["people"][0].update(household="x" * 81), "people[0].household", "more than the 80 allowed"),
    ],
)
def test_bad_marks_are_refused_naming_the_place(change: Any, place: str, words: str) -> None:
    document = _document()
    change(document)
    with pytest.raises(InterchangeError) as refused:
        parse_meeting(document)
    assert place in str(refused.value)
    assert words in str(refused.value)


def test_a_household_s_invisible_control_characters_are_taken_out_with_a_warning() -> None:
    document = _document()
    document["people"][1]["household"] = "Mum\u202e's flat"
    warnings: list[str] = []
    bundle = parse_meeting(document, warnings)
    assert bundle.network.people[1].household == "Mum's flat"
    assert any("people[1].household" in warning for warning in warnings)


def test_a_later_file_s_bond_and_marks_update_the_case_and_one_without_them_keeps_them(tmp_path: Path) -> None:
    document = _document()
    document["case"]["reference"] = "CP-21"
    with Store.open(f"sqlite:///{tmp_path / 'one.sqlite3'}") as store:
        first = store.import_bundle(parse_meeting(document)).bundle
        later = _document()
        later["case"]["reference"] = "CP-21"
        later["meeting"]["title"] = "Review"
        later["ties"][2]["bond"] = "separated"  # Sam and Dan: divorced in the first file
        later["people"][2]["deceased"] = True
        later["people"][0].pop("index_child")
        later["people"].append({"id": "p5", "name": "Tom Example", "role": "child", "index_child": True})
        store.import_bundle(parse_meeting(later))
        bare = _document()
        bare["case"]["reference"] = "CP-21"
        bare["meeting"]["title"] = "Another review"
        for person in bare["people"]:
            for key in ("gender", "deceased", "index_child", "household"):
                person.pop(key, None)
        for tie in bare["ties"]:
            tie.pop("bond", None)
        store.import_bundle(parse_meeting(bare))
        assert first.meeting.case_id is not None
        network = store.get_network(first.meeting.case_id)
    by_name = {person.name: person for person in network.people}
    couple = next(tie for tie in network.ties if tie.kind is TieKind.PARTNER)
    assert couple.bond is TieBond.SEPARATED
    assert by_name["Dan Example"].deceased and by_name["Dan Example"].gender is Gender.MALE
    assert by_name["Lily Example"].household == "Mum's flat"
    # The later file's index child is the case's one: Lily is no longer marked (one a case).
    assert by_name["Tom Example"].index_child and not by_name["Lily Example"].index_child
    assert len(network.people) == 5 and len(network.ties) == 4

"""Meeting files that are valid: what lands where on import, and what export writes back."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from sos_desktop.exporters.interchange.files import (
    bundle_to_dict,
    parse_meeting,
    read_meeting_file,
    read_observations,
    write_meeting_file,
)
from sos_desktop.models import (
    AttendeeRole,
    Category,
    Circle,
    House,
    MapItem,
    MeetingBundle,
    MeetingKind,
    NextStepStatus,
    PersonRole,
    ScaleRating,
    TieKind,
    find_item,
    unpaired,
)
from sos_desktop.models.demo import demo_bundle

DATA = Path(__file__).parent / "data"


def spec_example() -> dict[str, Any]:
    document: dict[str, Any] = json.loads((DATA / "spec-example.json").read_text("utf-8"))
    return document


def round_trip(bundle: MeetingBundle) -> MeetingBundle:
    return parse_meeting(bundle_to_dict(bundle))


def test_demo_meeting_survives_export_and_import() -> None:
    document = bundle_to_dict(demo_bundle())
    again = bundle_to_dict(parse_meeting(document))
    assert again == document
    # The dict is not trivially empty: the demo's content is really in it.
    assert [item["category"] for item in document["map"]][:3] == ["harm", "danger", "goal"]
    assert document["scales"][0]["ratings"][1]["value"] == 5.5


def test_demo_meeting_written_and_read_back_is_the_same_meeting(tmp_path: Path) -> None:
    original = demo_bundle()
    path = tmp_path / "demo.json"
    write_meeting_file(original, path)
    back = read_meeting_file(path)
    assert back.case.label == original.case.label
    assert back.meeting.held_on == original.meeting.held_on
    assert [(i.category, i.text, i.owner, i.due, i.status) for i in back.meeting.items] == [
        (i.category, i.text, i.owner, i.due, i.status) for i in original.meeting.items
    ]
    assert [(p.name, p.display_name, p.rules) for p in back.network.people] == [
        (p.name, p.display_name, p.rules) for p in original.network.people
    ]
    assert back.meeting.scales[0].ratings == original.meeting.scales[0].ratings
    assert back.meeting.child_voice[0].words == "When Daddy shouts I hide under the table."
    # Pairings survive: the danger statement and its goal point at each other.
    danger, goal = back.meeting.items[1], back.meeting.items[2]
    assert (danger.pairs_with, goal.pairs_with) == (goal.id, danger.id)
    assert back.meeting.scales[0].about == danger.id
    assert unpaired(back.meeting.items) == []


def test_export_import_export_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    write_meeting_file(demo_bundle(), first)
    write_meeting_file(read_meeting_file(first), second)
    assert first.read_bytes() == second.read_bytes()

    third = tmp_path / "third.json"
    write_meeting_file(read_meeting_file(DATA / "spec-example.json"), second)
    write_meeting_file(read_meeting_file(second), third)
    assert second.read_bytes() == third.read_bytes()


def test_written_file_is_readable_utf8_json_with_two_space_indent(tmp_path: Path) -> None:
    bundle = read_meeting_file(DATA / "unicode-names.json")
    path = tmp_path / "out.json"
    write_meeting_file(bundle, path)
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert text.endswith("}\n")
    assert b"\r\n" not in raw.replace(b"\\r\\n", b"")
    assert '\n  "format": "sos-desktop/meeting",' in text
    assert "Łukasz Żółć" in text and "\\u" not in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary file left beside it


def test_spec_example_lands_every_field_in_its_place() -> None:
    bundle = read_meeting_file(DATA / "spec-example.json")
    case, meeting, network = bundle.case, bundle.meeting, bundle.network
    assert (case.reference, case.label, case.framework) == ("CP-2026-0412", "Family S", "safety")
    assert meeting.title == "Group supervision"
    assert meeting.kind is MeetingKind.GROUP_SUPERVISION
    assert meeting.held_on == datetime(2026, 11, 21, 10, 0)
    assert meeting.focus_question == "What do you want from the group today?"
    assert meeting.confidentiality_agreed is True
    assert [(a.name, a.role) for a in meeting.attendees] == [
        ("Alex Morgan", AttendeeRole.FACILITATOR),
        ("Sam Patel", AttendeeRole.PRESENTER),
    ]
    phase = meeting.agenda[0]
    assert (phase.phase, phase.title, phase.planned_minutes, phase.actual_minutes) == (
        "purpose",
        "Purpose and roles",
        5,
        6,
    )
    assert meeting.summary == "Short summary for the child's file."

    mia, mum = network.people
    assert (mia.name, mia.display_name, mia.role, mia.age, mia.circle) == (
        "Mia Spencer",
        "M",
        PersonRole.CHILD,
        4,
        Circle.INNER,
    )
    assert mia.knows_worries is False and mia.knows_worries_since == date(2026, 11, 1)
    # A person's rules are the safety plan's rules they own (the one place a rule is kept).
    assert mia.rules == []
    assert [(rule.words, rule.owners) for rule in meeting.safety_plan.rules] == [
        ("Mia tells her teacher if Mum and Dad shout.", [mia.id])
    ]
    assert (mia.contact, mia.notes, mia.x, mia.y) == ("Through Mum", "", 120.0, -40.0)
    harm, danger, goal, step = meeting.items
    assert mia.agrees_with == [danger.id]
    tie = network.ties[0]
    assert (tie.source, tie.target, tie.kind) == (mum.id, mia.id, TieKind.PARENT)

    assert (harm.category, harm.said_by) == (Category.HARM, "Sam Patel")
    assert harm.text == "In October Mia saw Dad throw a plate at Mum; a piece cut Mia's hand."
    assert (danger.category, danger.pairs_with) == (Category.DANGER, goal.id)
    assert (goal.category, goal.pairs_with) == (Category.GOAL, danger.id)  # named on the danger's side only
    assert (step.owner, step.due, step.status) == ("Sam Patel", date(2026, 12, 5), NextStepStatus.IDEA)

    scale = meeting.scales[0]
    assert scale.about == danger.id
    assert (scale.zero_means, scale.ten_means) == ("Mia cannot live at home", "Safe enough to close the case")
    assert scale.ratings == [ScaleRating("Sam Patel", 4, "Mum moved out with Mia for a week after the fight.")]

    voice = meeting.child_voice[0]
    assert (voice.child, voice.house, voice.consent_to_share) == (mia.id, House.WORRIES, False)
    assert voice.words == "I don't like it when the plates break."

    observations = meeting.observations
    assert observations.observer == "Jo Reid"
    assert [(n.at_minute, n.phase) for n in observations.notes] == [(12, "mapping")]
    assert [(r.criterion, r.value, r.comment) for r in observations.ratings] == [
        ("Kept to process", 7, "Steady pace, good use of the timer.")
    ]
    assert observations.went_well == "Everyone gave a number before anybody spoke."
    assert observations.even_better_if.startswith("Ask the presenter")


def test_file_ids_become_unique_negative_ids() -> None:
    bundle = read_meeting_file(DATA / "spec-example.json")
    ids = [p.id for p in bundle.network.people] + [i.id for i in bundle.meeting.items]
    ids += [s.id for s in bundle.meeting.scales]
    assert all(isinstance(i, int) and i < 0 for i in ids)
    assert len(set(ids)) == len(ids)


def test_missing_optional_keys_take_the_defaults() -> None:
    bundle = parse_meeting(
        {
            "format": "sos-desktop/meeting",
            "version": 1,
            "case": {"label": "Family T"},
            "meeting": {"title": "Mapping"},
            "people": [{"name": "Mia Spencer"}],
            "map": [{"category": "next_step", "text": "Call school."}],
        }
    )
    assert (bundle.case.reference, bundle.case.framework) == ("", "safety")
    meeting = bundle.meeting
    assert (meeting.kind, meeting.held_on, meeting.confidentiality_agreed) == ("group_supervision", None, False)
    assert (meeting.attendees, meeting.agenda, meeting.scales, meeting.child_voice) == ([], [], [], [])
    assert meeting.observations.is_empty()
    person = bundle.network.people[0]
    assert (person.display_name, person.role, person.circle) == ("MS", PersonRole.OTHER, None)
    step = meeting.items[0]
    assert (step.owner, step.due, step.status, step.pairs_with) == ("", None, None, None)
    assert "observations" not in bundle_to_dict(bundle)


def test_null_means_the_same_as_leaving_a_value_out() -> None:
    document = spec_example()
    document["meeting"]["held_on"] = None
    document["people"][0].update(age=None, circle=None, x=None)
    document["map"][1]["pairs_with"] = None
    bundle = parse_meeting(document)
    assert bundle.meeting.held_on is None
    assert (bundle.network.people[0].age, bundle.network.people[0].circle, bundle.network.people[0].x) == (
        None,
        None,
        None,
    )
    assert bundle.meeting.items[1].pairs_with is None


def test_unknown_keys_are_kept_and_written_back() -> None:
    document = spec_example()
    document["case"]["council"] = "Anyshire"
    document["meeting"]["room"] = {"name": "Oak room", "floor": 2}
    document["people"][0]["pronouns"] = "she/her"
    document["ties"][0]["since"] = 2019
    document["map"][0]["colour"] = "#ffcc00"
    document["scales"][0]["x-trend"] = [3, 4]
    document["scales"][0]["ratings"][0]["private"] = True
    document["some_other_system"] = {"anything": ["at all"]}
    document["meeting"]["attendees"][0]["email"] = "a@example.org"

    bundle = parse_meeting(document)
    assert bundle.case.extra == {"council": "Anyshire"}
    assert bundle.meeting.extra == {"room": {"name": "Oak room", "floor": 2}}
    assert bundle.network.people[0].extra == {"pronouns": "she/her"}
    assert bundle.network.ties[0].extra == {"since": 2019}
    assert bundle.meeting.items[0].extra == {"colour": "#ffcc00"}
    assert bundle.meeting.scales[0].extra == {"x-trend": [3, 4]}
    assert bundle.meeting.scales[0].ratings[0].extra == {"private": True}

    exported = bundle_to_dict(bundle)
    assert exported["case"]["council"] == "Anyshire"
    assert exported["meeting"]["room"] == {"name": "Oak room", "floor": 2}
    assert exported["people"][0]["pronouns"] == "she/her"
    assert exported["ties"][0]["since"] == 2019
    assert exported["map"][0]["colour"] == "#ffcc00"
    assert exported["scales"][0]["x-trend"] == [3, 4]
    assert exported["scales"][0]["ratings"][0]["private"] is True
    assert bundle_to_dict(parse_meeting(exported)) == exported


def test_kept_unknown_keys_are_copies_not_shared_with_the_file_data() -> None:
    document = spec_example()
    document["meeting"]["room"] = {"name": "Oak room"}
    bundle = parse_meeting(document)
    document["meeting"]["room"]["name"] = "changed"
    assert bundle.meeting.extra["room"]["name"] == "Oak room"


@pytest.mark.parametrize("value", [0, 0.5, 4.5, 9.5, 10])
def test_half_points_are_accepted_and_whole_numbers_written_as_integers(value: float) -> None:
    document = spec_example()
    document["scales"][0]["ratings"][0]["value"] = value
    document["observations"]["ratings"][0]["value"] = float(value)
    bundle = parse_meeting(document)
    assert bundle.meeting.scales[0].ratings[0].value == value
    exported = bundle_to_dict(bundle)
    written = json.dumps(exported["scales"][0]["ratings"][0]["value"])
    assert written == (str(int(value)) if float(value).is_integer() else str(value))
    assert json.dumps(exported["observations"]["ratings"][0]["value"]) == written


def test_coordinates_and_minutes_are_written_without_needless_decimals() -> None:
    exported = bundle_to_dict(read_meeting_file(DATA / "spec-example.json"))
    assert json.dumps(exported["people"][0]["x"]) == "120"
    assert json.dumps(exported["people"][0]["y"]) == "-40"
    assert json.dumps(exported["meeting"]["agenda"][0]["planned_minutes"]) == "5"


def test_unicode_names_and_line_breaks_are_kept_exactly(tmp_path: Path) -> None:
    bundle = read_meeting_file(DATA / "unicode-names.json")
    names = [p.name for p in bundle.network.people]
    assert names == [
        "Zoë Brontë-Smith",
        "Łukasz Żółć",
        "Siobhán Ní Bhriain",
        "Nguyễn Thị Minh",
        "Ayşe Yılmaz",
        "Ελένη Παπαδοπούλου",
        "Дмитрий Иванов",
        "فاطمة الزهراء",
        "Nan 🌻",
    ]
    assert [p.display_name for p in bundle.network.people][:8] == ["ZBS", "ŁŻ", "SNB", "NTM", "AY", "ΕΠ", "ДИ", "فا"]
    assert bundle.network.people[8].display_name == "🌻"
    assert bundle.case.label == "Familie Nguyễn – Ayşe & Дмитрий"
    assert bundle.meeting.title == "Réunion de réseau 👨‍👩‍👧"
    assert bundle.meeting.summary == (
        "First line.\nSecond line, after a break.\r\nThird, after a Windows break.\n\n\tIndented after a blank line."
    )
    assert bundle.meeting.items[1].text.startswith("Combining accents kept as written: Zoe\u0308 (not Zoë)")
    assert bundle.meeting.child_voice[0].words == "I want a 🐶 called Ελένη.\nAnd a garden."

    path = tmp_path / "unicode.json"
    write_meeting_file(bundle, path)
    back = read_meeting_file(path)
    assert [p.name for p in back.network.people] == names
    assert back.meeting.summary == bundle.meeting.summary
    assert [(i.text, i.said_by) for i in back.meeting.items] == [(i.text, i.said_by) for i in bundle.meeting.items]
    assert back.meeting.child_voice[0].words == bundle.meeting.child_voice[0].words


def test_a_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "with-bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + (DATA / "spec-example.json").read_bytes())
    assert read_meeting_file(path).case.label == "Family S"


def test_held_on_keeps_its_time_zone_or_its_absence() -> None:
    document = spec_example()
    document["meeting"]["held_on"] = "2026-11-21T10:00:00+01:00"
    aware = parse_meeting(document).meeting.held_on
    assert aware == datetime(2026, 11, 21, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    assert aware is not None and aware.utcoffset() == timedelta(hours=1)
    assert bundle_to_dict(parse_meeting(document))["meeting"]["held_on"] == "2026-11-21T10:00:00+01:00"

    document["meeting"]["held_on"] = "2026-11-21T09:30:00Z"
    assert parse_meeting(document).meeting.held_on == datetime(2026, 11, 21, 9, 30, tzinfo=UTC)

    document["meeting"]["held_on"] = "2026-11-21"
    plain = parse_meeting(document).meeting.held_on
    assert plain == datetime(2026, 11, 21) and plain.tzinfo is None


def test_a_pair_named_on_the_goal_side_only_is_paired_both_ways() -> None:
    document = spec_example()
    del document["map"][1]["pairs_with"]
    document["map"][2]["pairs_with"] = "m2"
    items = parse_meeting(document).meeting.items
    assert (items[1].pairs_with, items[2].pairs_with) == (items[2].id, items[1].id)


def test_order_of_items_is_kept() -> None:
    document = spec_example()
    document["map"] = [
        {"category": "strength", "text": "third strength"},
        {"category": "harm", "text": "first harm"},
        {"category": "strength", "text": "first strength"},
        {"category": "harm", "text": "second harm"},
    ]
    document["scales"][0]["about"] = None
    document["people"][0]["agrees_with"] = []
    items = parse_meeting(document).meeting.items
    assert [i.text for i in items] == ["third strength", "first harm", "first strength", "second harm"]
    assert [m["text"] for m in bundle_to_dict(parse_meeting(document))["map"]] == [i.text for i in items]


def test_export_writes_a_pair_held_on_one_side_on_both_and_drops_broken_links() -> None:
    bundle = demo_bundle()
    goal = find_item(bundle.meeting.items, -13)
    goal.pairs_with = None  # the store might only keep the danger statement's side
    bundle.meeting.items.append(MapItem(Category.HARM, "A harm wrongly paired.", id=-50, pairs_with=-999))
    bundle.meeting.items.append(MapItem(Category.DANGER, "Paired to a harm.", id=-51, pairs_with=-11))
    bundle.network.people[0].agrees_with = [-12, -999]
    bundle.meeting.scales[0].about = -999

    exported = bundle_to_dict(bundle)
    by_text = {item["text"]: item for item in exported["map"]}
    assert by_text[goal.text]["pairs_with"] == "m2"
    assert exported["map"][1]["pairs_with"] == "m3"
    assert "pairs_with" not in by_text["A harm wrongly paired."]
    assert "pairs_with" not in by_text["Paired to a harm."]
    assert exported["people"][0]["agrees_with"] == ["m2"]
    assert "about" not in exported["scales"][0]
    assert bundle_to_dict(parse_meeting(exported)) == exported


def test_observations_are_written_only_when_there_are_some() -> None:
    bundle = demo_bundle()
    assert "observations" not in bundle_to_dict(bundle)
    bundle.meeting.observations.went_well = "Clear time-keeping."
    assert bundle_to_dict(bundle)["observations"] == {"went_well": "Clear time-keeping."}


def test_read_observations_gives_what_a_merge_needs(tmp_path: Path) -> None:
    reference, title, held_on, observations = read_observations(DATA / "spec-example.json")
    assert (reference, title, held_on) == ("CP-2026-0412", "Group supervision", datetime(2026, 11, 21, 10, 0))
    assert observations.observer == "Jo Reid"
    assert observations.ratings[0].value == 7


def test_parse_does_not_change_the_data_it_is_given() -> None:
    document = spec_example()
    before = copy.deepcopy(document)
    parse_meeting(document)
    assert document == before


def test_a_person_s_other_names_travel_in_the_meeting_file() -> None:
    bundle = demo_bundle()
    document = bundle_to_dict(bundle)
    lily = next(person for person in document["people"] if person["name"] == "Lily Example")
    assert lily["also_known_as"] == ["Lils"]
    assert "also_known_as" not in next(p for p in document["people"] if p["name"] == "Chris Sample")  # none: left out
    again = parse_meeting(document)
    assert [p.also_known_as for p in again.network.people] == [p.also_known_as for p in bundle.network.people]

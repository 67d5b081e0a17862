"""Meeting files that must be refused, and the sentence that tells the user where the fault is."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sos_desktop.exporters.interchange.files import (
    MAX_FILE_BYTES,
    InterchangeError,
    parse_meeting,
    read_meeting_file,
    read_observations,
)

DATA = Path(__file__).parent / "data"
Document = dict[str, Any]


def spec_example() -> Document:
    document: Document = json.loads((DATA / "spec-example.json").read_text("utf-8"))
    return document


def refusal(document: object) -> InterchangeError:
    with pytest.raises(InterchangeError) as caught:
        parse_meeting(document)
    return caught.value


def _set(path: tuple[str | int, ...], value: object) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        node: Any = document
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return change


def _delete(path: tuple[str | int, ...]) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        node: Any = document
        for part in path[:-1]:
            node = node[part]
        del node[path[-1]]

    return change


def _append_map_item(item: Document) -> Callable[[Document], None]:
    return lambda document: document["map"].append(item)


CASES: list[tuple[str, Callable[[Document], None], str, str]] = [
    (
        "misspelt category",
        _set(("map", 3, "category"), "danger_statment"),
        "map[3].category",
        "map[3].category: 'danger_statment' is not one of 'harm', 'danger', 'complicating', 'strength', 'safety', "
        "'goal', 'next_step', 'grey'.",
    ),
    ("missing title", _delete(("meeting", "title")), "meeting.title", "meeting.title: this is required but missing."),
    ("missing label", _delete(("case", "label")), "case.label", "case.label: this is required but missing."),
    ("blank label", _set(("case", "label"), "   "), "case.label", "case.label: this must not be empty."),
    ("missing card text", _delete(("map", 2, "text")), "map[2].text", "map[2].text: this is required but missing."),
    (
        "another program's file",
        _set(("format",), "other-app/case"),
        "format",
        "format: 'other-app/case' is not 'sos-desktop/meeting', so this is not a SoS Desktop meeting file.",
    ),
    ("no format", _delete(("format",)), "format", "format: this is required but missing."),
    (
        "newer version",
        _set(("version",), 2),
        "version",
        "version: this file is version 2, but this SoS Desktop reads version 1 files only.",
    ),
    (
        "rating above ten",
        _set(("scales", 0, "ratings", 0, "value"), 10.5),
        "scales[0].ratings[0].value",
        "scales[0].ratings[0].value: 10.5 is above the highest allowed value, 10.",
    ),
    (
        "rating below zero",
        _set(("scales", 0, "ratings", 0, "value"), -1),
        "scales[0].ratings[0].value",
        "scales[0].ratings[0].value: -1 is below the lowest allowed value, 0.",
    ),
    (
        "rating not in half points",
        _set(("scales", 0, "ratings", 0, "value"), 3.3),
        "scales[0].ratings[0].value",
        "scales[0].ratings[0].value: 3.3 is not a whole or half point (ratings go in steps of 0.5).",
    ),
    (
        "observer's rating not in half points",
        _set(("observations", "ratings", 0, "value"), 7.25),
        "observations.ratings[0].value",
        "observations.ratings[0].value: 7.25 is not a whole or half point (ratings go in steps of 0.5).",
    ),
    (
        "rating as text",
        _set(("scales", 0, "ratings", 0, "value"), "4"),
        "scales[0].ratings[0].value",
        "scales[0].ratings[0].value: expected a number, found the text '4'.",
    ),
    (
        "rating with no value",
        _delete(("scales", 0, "ratings", 0, "value")),
        "scales[0].ratings[0].value",
        "scales[0].ratings[0].value: a rating needs a value from 0 to 10.",
    ),
    (
        "tie with one end",
        _delete(("ties", 0, "to")),
        "ties[0].to",
        "ties[0].to: a tie needs both ends, 'from' and 'to', naming people.",
    ),
    (
        "duplicate map ids",
        _set(("map", 3, "id"), "m1"),
        "map[3].id",
        "map[3].id: 'm1' is already the id of map[0]; each map item needs its own.",
    ),
    (
        "duplicate person ids",
        _set(("people", 1, "id"), "p1"),
        "people[1].id",
        "people[1].id: 'p1' is already the id of people[0]; each person needs its own.",
    ),
    (
        "child's words in no house",
        _delete(("child_voice", 0, "house")),
        "child_voice[0].house",
        "child_voice[0].house: each of the child's words belongs in a house.",
    ),
    (
        "130,000-character card",
        _set(("map", 0, "text"), "x" * 130_000),
        "map[0].text",
        "map[0].text: this text is 130,000 characters long, more than the 100,000 allowed.",
    ),
    (
        "201-character title",
        _set(("meeting", "title"), "T" * 201),
        "meeting.title",
        "meeting.title: this text is 201 characters long, more than the 200 allowed.",
    ),
    (
        "date in the British way",
        _set(("meeting", "held_on"), "21/11/2026"),
        "meeting.held_on",
        "meeting.held_on: '21/11/2026' is not a date and time written as YYYY-MM-DDThh:mm:ss (or a date, YYYY-MM-DD).",
    ),
    (
        "date not in the calendar",
        _set(("map", 3, "due"), "2026-02-30"),
        "map[3].due",
        "map[3].due: '2026-02-30' is not a real date.",
    ),
    ("impossible age", _set(("people", 0, "age"), 200), "people[0].age", "people[0].age: 200 is above the highest"),
    (
        "age with a fraction",
        _set(("people", 0, "age"), 4.5),
        "people[0].age",
        "people[0].age: expected a whole number, found the number 4.5.",
    ),
    ("true as a number", _set(("people", 0, "x"), True), "people[0].x", "people[0].x: expected a number, found true."),
    ("number id", _set(("map", 0, "id"), 1), "map[0].id", "map[0].id: expected text, found the number 1."),
    ("empty id", _set(("map", 0, "id"), ""), "map[0].id", "map[0].id: this must not be empty."),
    ("map as an object", _set(("map",), {}), "map", "map: expected a list, found a JSON object."),
    (
        "unknown kind",
        _set(("meeting", "kind"), "supervision"),
        "meeting.kind",
        "meeting.kind: 'supervision' is not one of 'group_supervision', 'mapping',",
    ),
    (
        "too long an agenda",
        _set(("meeting", "agenda"), [{"phase": "mapping"}] * 101),
        "meeting.agenda",
        "meeting.agenda: this list has 101 entries, more than the 100 allowed.",
    ),
]


BROKEN_LINKS: list[tuple[str, Callable[[Document], None], str, str]] = [
    (
        "pair with a missing card",
        _set(("map", 1, "pairs_with"), "m9"),
        "map[1].pairs_with",
        "map[1].pairs_with: 'm9' is not the id of any map item in this file.",
    ),
    (
        "danger paired with a harm",
        _set(("map", 1, "pairs_with"), "m1"),
        "map[1].pairs_with",
        "map[1].pairs_with: a danger statement pairs with a safety goal, but 'm1' is a 'harm' item.",
    ),
    (
        "next step paired",
        _set(("map", 3, "pairs_with"), "m3"),
        "map[3].pairs_with",
        "map[3].pairs_with: only danger statements and safety goals are paired, and this is a 'next_step' item.",
    ),
    (
        "goal claimed by a second danger statement",
        _append_map_item({"id": "m5", "category": "danger", "text": "Another worry.", "pairs_with": "m3"}),
        "map[4].pairs_with",
        "map[4].pairs_with: 'm3' is already paired with map[1].",
    ),
    (
        "tie to a missing person",
        _set(("ties", 0, "to"), "p9"),
        "ties[0].to",
        "ties[0].to: 'p9' is not the id of any person in this file.",
    ),
    (
        "agreement with a missing card",
        _set(("people", 0, "agrees_with"), ["m2", "m7"]),
        "people[0].agrees_with[1]",
        "people[0].agrees_with[1]: 'm7' is not the id of any map item in this file.",
    ),
    (
        "scale about a missing card",
        _set(("scales", 0, "about"), "m0"),
        "scales[0].about",
        "scales[0].about: 'm0' is not the id of any map item in this file.",
    ),
    (
        "child's words from a missing person",
        _set(("child_voice", 0, "child"), "p3"),
        "child_voice[0].child",
        "child_voice[0].child: 'p3' is not the id of any person in this file.",
    ),
]


@pytest.mark.parametrize(("change", "path", "message"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_invalid_file_is_refused_naming_the_first_bad_path(
    change: Callable[[Document], None], path: str, message: str
) -> None:
    document = spec_example()
    change(document)
    error = refusal(document)
    assert error.path == path
    assert str(error).startswith(message)
    assert str(error).endswith(".") and ". " not in str(error)  # one sentence


@pytest.mark.parametrize(
    ("change", "path", "message"), [case[1:] for case in BROKEN_LINKS], ids=[case[0] for case in BROKEN_LINKS]
)
def test_a_broken_link_is_left_out_with_a_warning_and_every_text_is_still_imported(
    change: Callable[[Document], None], path: str, message: str
) -> None:
    document = spec_example()
    change(document)
    warnings: list[str] = []
    bundle = parse_meeting(document, warnings)
    assert len(warnings) == 1
    assert warnings[0].startswith(message.rstrip(".") + "; ")
    assert warnings[0].endswith(".") and ". " not in warnings[0]
    assert [item.text for item in bundle.meeting.items] == [item["text"] for item in document["map"]]
    assert [entry.words for entry in bundle.meeting.child_voice] == [e["words"] for e in document["child_voice"]]
    assert len(bundle.network.people) == len(document["people"])
    section = path.split("[")[0]
    if section == "ties":
        assert len(bundle.network.ties) == len(document["ties"]) - 1


def test_the_first_problem_in_the_file_is_reported_whatever_the_order_of_the_keys() -> None:
    document = spec_example()
    document["people"][0]["age"] = -3
    document["map"][3]["category"] = "danger_statment"
    assert refusal(document).path == "people[0].age"

    reordered = {key: document[key] for key in ("format", "version", "case", "meeting", "map", "people")}
    assert refusal(reordered).path == "map[3].category"


def test_format_and_version_are_judged_before_anything_else() -> None:
    document = spec_example()
    document["map"][0]["category"] = "nonsense"
    document["version"] = 2
    moved = {key: value for key, value in document.items() if key != "version"} | {"version": 2}
    assert refusal(moved).path == "version"


def test_the_same_file_always_gives_the_same_message() -> None:
    document = spec_example()
    document["map"][0]["text"] = 42
    document["map"][1]["category"] = "worry"
    document["ties"][0]["kind"] = "cousin"
    messages = {str(refusal(document)) for _ in range(5)}
    assert messages == {
        "ties[0].kind: 'cousin' is not one of 'parent', 'partner', 'sibling', 'family', 'support', "
        "'professional', 'other'."
    }


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "(top level): expected a JSON object, found a list."),
        ("meeting", "(top level): expected a JSON object, found the text 'meeting'."),
        (None, "(top level): expected a JSON object, found null."),
    ],
)
def test_top_level_must_be_an_object(document: object, message: str) -> None:
    error = refusal(document)
    assert (error.path, str(error)) == ("(top level)", message)


def test_values_json_cannot_hold_are_refused() -> None:
    document = spec_example()
    document["people"][0]["x"] = float("nan")
    assert str(refusal(document)) == "people[0].x: nan is not a number JSON can hold."
    document = spec_example()
    document["case"]["when"] = {1, 2}
    assert refusal(document).path == "case.when"


def write(tmp_path: Path, content: bytes, name: str = "meeting.json") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def file_refusal(path: Path) -> str:
    with pytest.raises(InterchangeError) as caught:
        read_meeting_file(path)
    return str(caught.value)


def test_not_json_gives_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, b'{\n  "format": "sos-desktop/meeting",\n  "version": 1\n  "case": {}\n}\n')
    assert file_refusal(path) == f"{path} is not valid JSON: expecting ',' delimiter at line 4, column 3."


def test_an_unterminated_string_says_where_it_starts_in_plain_words(tmp_path: Path) -> None:
    path = write(tmp_path, b'{"format": "sos-desktop/meeting", "case": {"label": "Family S')
    refusal = file_refusal(path)
    assert refusal == f"{path} is not valid JSON: unterminated string starting at line 1, column 53."
    assert "at at" not in refusal


def test_empty_file_is_refused(tmp_path: Path) -> None:
    assert file_refusal(write(tmp_path, b"")).endswith("is empty, so it holds no meeting.")
    assert file_refusal(write(tmp_path, b" \n\t\n")).endswith("is empty, so it holds no meeting.")


def test_json_array_file_is_refused(tmp_path: Path) -> None:
    assert file_refusal(write(tmp_path, b"[]\n")) == "(top level): expected a JSON object, found a list."


def test_text_that_is_not_utf8_is_refused_with_its_line(tmp_path: Path) -> None:
    content = '{\n  "case": {"label": "Famille Hélène"}\n}\n'.encode("latin-1")
    message = file_refusal(write(tmp_path, content))
    assert message.endswith("is not UTF-8 text: line 2 holds a byte (0xE9) that UTF-8 does not allow.")


def test_utf16_file_is_refused_with_advice(tmp_path: Path) -> None:
    content = (DATA / "spec-example.json").read_text("utf-8").encode("utf-16")
    assert file_refusal(write(tmp_path, content)).endswith(
        "is saved as UTF-16 text; save it as UTF-8 and import it again."
    )


def test_nan_literal_is_refused(tmp_path: Path) -> None:
    text = (DATA / "spec-example.json").read_text("utf-8").replace('"x": 120.0', '"x": NaN')
    assert file_refusal(write(tmp_path, text.encode())).endswith("is not valid JSON: NaN is not a number JSON allows.")


def test_too_large_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk space
    assert file_refusal(path) == f"{path} is larger than 50 MB, too large to be a meeting file."


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    assert (
        file_refusal(tmp_path / "nothing.json")
        == f"{tmp_path / 'nothing.json'} cannot be read: no such file or directory."
    )
    assert file_refusal(tmp_path).startswith(f"{tmp_path} cannot be read: ")


def test_merging_observations_checks_the_whole_file(tmp_path: Path) -> None:
    document = spec_example()
    document["map"][3]["category"] = "danger_statment"
    path = write(tmp_path, json.dumps(document).encode())
    with pytest.raises(InterchangeError, match=r"^map\[3\]\.category: 'danger_statment' is not one of"):
        read_observations(path)


def test_a_lone_surrogate_or_absurd_nesting_is_refused_with_its_path(tmp_path: Path) -> None:
    document = spec_example()
    document["map"][0]["text"] = "Mum said \ud800"
    error = refusal(document)
    assert error.path == "map[0].text"
    assert "not a character" in str(error)

    deep: Any = "bottom"
    for _ in range(600):
        deep = {"inner": deep}
    document = spec_example()
    document["someone_elses_key"] = deep
    path = tmp_path / "deep.json"
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(InterchangeError, match="nested too deeply"):
        read_meeting_file(path)

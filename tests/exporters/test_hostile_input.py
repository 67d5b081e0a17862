"""The importer fed hostile and extreme files: whatever comes in ends in the documented refusal
(``InterchangeError``, one sentence naming where the fault is) or a correct import, never another exception.
Cards of the longest text allowed and meetings of 5,000 cards are read, saved and written back whole.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sos_desktop.exporters.interchange.files import (
    InterchangeError,
    bundle_to_dict,
    parse_meeting,
    read_meeting_file,
    write_meeting_file,
)
from sos_desktop.models import Category, MapItem, MeetingBundle
from sos_desktop.models.control_characters import strip_controls
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.mapping import MAX_TEXT_LENGTH
from sos_desktop.store import Store

BASE: dict[str, Any] = bundle_to_dict(demo_bundle())
EXAMPLES = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text from every plane of Unicode, control characters and lone surrogates included.
any_text = st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF), max_size=60)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    any_text,
)
json_like = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(any_text, inner, max_size=4)),
    max_leaves=20,
)


def _outcome(parse: Any, *args: Any) -> MeetingBundle | InterchangeError:
    """What parsing gives: a bundle or the documented refusal (any other exception fails the test)."""
    try:
        bundle = parse(*args)
    except InterchangeError as refusal:
        message = str(refusal)
        assert message and "Traceback" not in message
        return refusal
    assert isinstance(bundle, MeetingBundle)
    return bundle


def _paths(document: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a document a value sits, for putting something else there."""
    found = [prefix]
    if isinstance(document, dict):
        for key, value in document.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found.extend(_paths(value, (*prefix, index)))
    return found


PATHS = _paths(BASE)[1:]


def _replaced(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    document = copy.deepcopy(BASE)
    holder: Any = document
    for step in path[:-1]:
        holder = holder[step]
    holder[path[-1]] = value
    return document


@EXAMPLES
@given(json_like)
def test_any_json_like_value_is_refused_or_imported(value: Any) -> None:
    _outcome(parse_meeting, value)


@EXAMPLES
@given(st.sampled_from(PATHS), json_like)
def test_a_valid_meeting_with_any_one_value_replaced_is_refused_or_imported(path: tuple[Any, ...], value: Any) -> None:
    _outcome(parse_meeting, _replaced(path, value))


@EXAMPLES
@given(st.sampled_from(PATHS), any_text)
def test_any_text_anywhere_is_refused_or_imported_exactly(path: tuple[Any, ...], text: str) -> None:
    result = _outcome(parse_meeting, _replaced(path, text))
    if isinstance(result, MeetingBundle) and path[:1] == ("case",) and path[-1] == "label":
        # Taken as given, not "cleaned", except for control characters, which a name never keeps.
        assert result.case.label == strip_controls(text)


@EXAMPLES
@given(st.binary(max_size=400))
def test_any_bytes_in_a_file_are_refused_or_imported(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "meeting.json"
    path.write_bytes(data)
    _outcome(read_meeting_file, path)


@EXAMPLES
@given(st.sampled_from(PATHS), st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", '"\\ud800"', '"\\udfff x"']))
def test_non_json_numbers_and_lone_surrogates_in_a_file_are_refused_or_imported(
    tmp_path_factory: pytest.TempPathFactory, path: tuple[Any, ...], token: str
) -> None:
    marker = "@@HOSTILE@@"
    text = json.dumps(_replaced(path, marker)).replace(f'"{marker}"', token)
    file = tmp_path_factory.mktemp("tokens") / "meeting.json"
    file.write_text(text, "utf-8")
    _outcome(read_meeting_file, file)


def test_duplicate_keys_are_refused_or_read_as_the_last_one(tmp_path: Path) -> None:
    text = json.dumps(BASE)
    doubled = text.replace('"format":', '"format": "something else", "format":', 1)
    path = tmp_path / "meeting.json"
    path.write_text(doubled, "utf-8")
    _outcome(read_meeting_file, path)


@pytest.mark.parametrize("depth", [50, 1_000, 100_000])
def test_deep_nesting_is_refused_plainly(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "meeting.json"
    path.write_text('{"format": ' + "[" * depth + "]" * depth + "}", "utf-8")
    assert isinstance(_outcome(read_meeting_file, path), InterchangeError)
    nested: Any = "deep"
    for _ in range(min(depth, 5_000)):
        nested = {"x": [nested]}
    assert isinstance(_outcome(parse_meeting, _replaced(("case", "extra"), nested)), (InterchangeError, MeetingBundle))


def test_a_huge_string_is_refused_or_imported(tmp_path: Path) -> None:
    _outcome(parse_meeting, _replaced(("meeting", "title"), "x" * 5_000_000))


def _with_cards(count: int, text: str) -> dict[str, Any]:
    document = copy.deepcopy(BASE)
    template = next(card for card in document["map"] if card["category"] == Category.STRENGTH.value)
    start = 10_000
    for number in range(count):
        card = copy.deepcopy(template)
        card["id"] = f"bulk-{start + number}"
        card["text"] = text if number == 0 else f"Strength {number}"
        document["map"].append(card)
    return document


def test_a_card_longer_than_100000_characters_is_refused_in_one_plain_sentence() -> None:
    with pytest.raises(InterchangeError, match=r"100,001 characters long, more than the 100,000 allowed"):
        parse_meeting(_with_cards(1, "x" * 100_001))


def test_a_card_of_100000_characters_imports_saves_and_round_trips(tmp_path: Path) -> None:
    sentence = "Nan walks Lily to school every morning and waits at the gate; Zoë waves. "
    longest = (sentence * 2_000)[:MAX_TEXT_LENGTH]
    assert len(longest) == 100_000
    bundle = parse_meeting(_with_cards(2, longest))
    with Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}") as store:
        saved = store.save_bundle(bundle)
        loaded = store.load_bundle(saved.meeting.id or 0)
    write_meeting_file(loaded, tmp_path / "out.json")
    again = read_meeting_file(tmp_path / "out.json")
    assert [item.text for item in again.meeting.items if len(item.text) == MAX_TEXT_LENGTH] == [longest]


def test_a_meeting_of_5000_cards_imports_and_saves(tmp_path: Path) -> None:
    bundle = parse_meeting(_with_cards(5_000, "Strength 0"))
    assert len(bundle.meeting.items) >= 5_000
    with Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}") as store:
        saved = store.save_bundle(bundle)
        loaded = store.load_bundle(saved.meeting.id or 0)
    strengths = [item for item in loaded.meeting.items if item.category is Category.STRENGTH]
    assert len(strengths) >= 5_000
    assert isinstance(strengths[-1], MapItem) and strengths[-1].text == "Strength 4999"

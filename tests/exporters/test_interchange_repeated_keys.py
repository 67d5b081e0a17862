"""A meeting file whose object gives a key twice is refused, naming the place: JSON readers keep one of the values
each their own way (Python's the last), so which one the writer meant is unknown.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from interchange_support import DATA, spec_example, write_text

from sos_desktop.exporters.interchange.files import InterchangeError, read_meeting_file


def test_a_key_given_twice_is_refused_naming_where(tmp_path: Path) -> None:
    text = (DATA / "spec-example.json").read_text("utf-8")
    repeated = text.replace('"title": "Group supervision",', '"title": "Group supervision", "title": "Other",', 1)
    assert repeated != text
    with pytest.raises(InterchangeError) as refused:
        read_meeting_file(write_text(tmp_path, repeated))
    assert refused.value.path == "meeting.title"
    assert str(refused.value) == (
        "meeting.title: this key is given twice in the same object, so which value is meant is unclear; "
        "keep one of them."
    )


def test_a_key_given_twice_inside_a_list_is_named_by_its_place(tmp_path: Path) -> None:
    document = spec_example()
    document["map"] = [{"category": "harm", "text": "a"}, {"category": "harm", "text": "b"}]
    text = json.dumps(document).replace('"text": "b"', '"text": "b", "text": "c"')
    with pytest.raises(InterchangeError) as refused:
        read_meeting_file(write_text(tmp_path, text))
    assert refused.value.path == "map[1].text"


def test_the_first_repeated_key_in_the_file_is_the_one_named(tmp_path: Path) -> None:
    text = '{"format": "sos-desktop/meeting", "case": {"label": "A", "label": "B"}, "version": 1, "version": 1}'
    with pytest.raises(InterchangeError) as refused:
        read_meeting_file(write_text(tmp_path, text))
    assert refused.value.path == "case.label"

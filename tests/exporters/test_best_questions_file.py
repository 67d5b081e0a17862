"""The best questions file: written and read back whole, and a file that is not one refused naming the place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sos_desktop.exporters.best_questions.file import (
    MAX_FILE_BYTES,
    questions_document,
    read_questions_file,
    write_questions_file,
)
from sos_desktop.exporters.errors import InterchangeError
from sos_desktop.models.best_questions import BestQuestion


def test_questions_round_trip_byte_for_byte_without_who_added_them_or_where(tmp_path: Path) -> None:
    questions = [
        BestQuestion("Что помогает маме? ☀", ("strength", "mapping"), added_by="Alex Morgan", meeting_uid="m-1"),
        BestQuestion("ما الذي يسير على ما يرام؟", ()),
    ]
    path = tmp_path / "questions.json"
    write_questions_file(questions, path)
    text = path.read_text("utf-8")
    assert "Alex Morgan" not in text and "m-1" not in text
    back = read_questions_file(path)
    assert [(q.uid, q.text, q.tags) for q in back] == [(q.uid, q.text, q.tags) for q in questions]


def _file(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(document), "utf-8")
    return path


@pytest.mark.parametrize(
    ("document", "says"),
    [
        ({"format": "sos-desktop/meeting", "version": 1, "questions": []}, "not a best questions file"),
        ({"format": "sos-desktop-best-questions", "version": 2, "questions": []}, "version"),
        ({"format": "sos-desktop-best-questions", "version": 1, "questions": [{"tags": []}]}, r"questions\[0\]"),
        (
            {"format": "sos-desktop-best-questions", "version": 1, "questions": [{"text": "ok", "tags": ["Bad Tag"]}]},
            r"questions\[0\]\.tags\[0\]",
        ),
        ([1, 2], "top level"),
    ],
)
def test_a_file_that_is_not_a_usable_questions_file_is_refused_naming_the_place(
    tmp_path: Path, document: object, says: str
) -> None:
    with pytest.raises(InterchangeError, match=says):
        read_questions_file(_file(tmp_path, document))


def test_an_oversized_broken_or_missing_file_is_refused_in_a_sentence(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    with pytest.raises(InterchangeError, match="larger than 5 MB"):
        read_questions_file(big)
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": ', "utf-8")
    with pytest.raises(InterchangeError, match="not a JSON file"):
        read_questions_file(broken)
    with pytest.raises(InterchangeError, match="cannot be read"):
        read_questions_file(tmp_path / "absent.json")


def test_the_document_names_its_format_and_version() -> None:
    document = questions_document([BestQuestion("Who?")])
    assert (document["format"], document["version"]) == ("sos-desktop-best-questions", 1)

"""Writing and reading the best questions file: JSON, ``"format": "sos-desktop-best-questions"``, version 1, kept
to ``schema/best-questions-v1.schema.json``.

A question travels with its uid (so a second import of the same file adds nothing), its words, its tags and when it
was added. Who added it and the meeting it was captured in stay in the database: a file that goes to another team
carries no colleague's name and nothing of a case. A file that is not such a file, is larger than
:data:`MAX_FILE_BYTES`, or breaks the schema is refused whole with one sentence naming the place; nothing of it is
imported.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from sos_desktop.exporters.atomic import write_export
from sos_desktop.exporters.errors import InterchangeError
from sos_desktop.exporters.reading import read_bounded
from sos_desktop.models.best_questions import BestQuestion, QuestionError

FORMAT = "sos-desktop-best-questions"
VERSION = 1
MAX_FILE_BYTES = 5 * 1024 * 1024
SCHEMA_FILE = "best-questions-v1.schema.json"


@cache
def questions_schema() -> dict[str, Any]:
    """The JSON Schema of the best questions file, as shipped in the package."""
    text = resources.files("sos_desktop.exporters.schema").joinpath(SCHEMA_FILE).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def questions_document(questions: Sequence[BestQuestion], exported_at: datetime | None = None) -> dict[str, Any]:
    """The file's JSON document for ``questions``."""
    stamp = (exported_at or datetime.now(UTC)).isoformat(timespec="seconds")
    entries = []
    for question in questions:
        entry: dict[str, Any] = {"uid": question.uid, "text": question.text, "tags": list(question.tags)}
        if question.added_at is not None:
            entry["added_at"] = question.added_at.isoformat(timespec="seconds")
        entries.append(entry)
    return {"format": FORMAT, "version": VERSION, "exported_at": stamp, "questions": entries}


def write_questions_file(questions: Sequence[BestQuestion], path: Path) -> None:
    """Write ``questions`` to ``path`` whole or not at all (ExportError in one sentence when it cannot)."""
    text = json.dumps(questions_document(questions), ensure_ascii=False, indent=2) + "\n"
    write_export(path, text.encode("utf-8"), "The best questions")


def _when(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def parse_questions(document: object) -> list[BestQuestion]:
    """The questions a file's JSON document holds (InterchangeError naming the first bad place)."""
    from jsonschema import Draft202012Validator

    if isinstance(document, dict) and document.get("format") != FORMAT:
        raise InterchangeError.at(("format",), f"this is not {FORMAT!r}, so this is not a best questions file.")
    errors = sorted(Draft202012Validator(questions_schema()).iter_errors(document), key=lambda e: list(e.path))
    if errors:
        error = errors[0]
        raise InterchangeError.at(tuple(error.absolute_path), f"{error.message[:200]}.")
    assert isinstance(document, dict)
    questions = []
    for index, entry in enumerate(document["questions"]):
        try:
            given = {"uid": entry["uid"]} if "uid" in entry else {}
            questions.append(
                BestQuestion(
                    entry["text"], tuple(entry.get("tags", ())), added_at=_when(entry.get("added_at")), **given
                )
            )
        except QuestionError as error:
            raise InterchangeError.at(("questions", index, "text"), str(error)) from error
    return questions


def read_questions_file(path: Path) -> list[BestQuestion]:
    """The questions of the file at ``path``; InterchangeError in one sentence if it is not a usable file."""
    raw = read_bounded(path, MAX_FILE_BYTES, "larger than 5 MB, too large to be a best questions file.")
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise InterchangeError(f"{path} is not UTF-8 text.") from error
    except ValueError as error:
        raise InterchangeError(f"{path} is not a JSON file: {error}.") from error
    try:
        return parse_questions(document)
    except InterchangeError as error:
        raise InterchangeError(f"{path}: {error}", error.path) from error

"""The shipped JSON Schema: valid draft 2020-12, in step with the domain's vocabularies and limits."""

from __future__ import annotations

import json
from enum import StrEnum
from importlib import resources
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from sos_desktop.exporters.interchange.files import bundle_to_dict, meeting_schema
from sos_desktop.models import (
    AttendeeRole,
    Category,
    Circle,
    Framework,
    House,
    MeetingKind,
    NextStepStatus,
    PersonRole,
    TieKind,
)
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.mapping import MAX_TEXT_LENGTH
from sos_desktop.models.meeting import MAX_LABEL_LENGTH


def test_schema_ships_in_the_package_and_is_a_valid_draft_2020_12_schema() -> None:
    text = resources.files("sos_desktop.exporters.schema").joinpath("meeting-v1.schema.json").read_text("utf-8")
    schema = json.loads(text)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert meeting_schema() == schema


def test_an_exported_meeting_keeps_to_the_schema_as_any_other_program_would_check_it() -> None:
    errors = list(Draft202012Validator(meeting_schema()).iter_errors(bundle_to_dict(demo_bundle())))
    assert errors == []


def _at(*keys: str) -> Any:
    node: Any = meeting_schema()
    for key in keys:
        node = node[key]
    return node


@pytest.mark.parametrize(
    ("keys", "vocabulary"),
    [
        (("properties", "case", "properties", "framework"), Framework),
        (("properties", "meeting", "properties", "kind"), MeetingKind),
        (("properties", "meeting", "properties", "attendees", "items", "properties", "role"), AttendeeRole),
        (("properties", "people", "items", "properties", "role"), PersonRole),
        (("properties", "people", "items", "properties", "circle"), Circle),
        (("properties", "ties", "items", "properties", "kind"), TieKind),
        (("properties", "map", "items", "properties", "category"), Category),
        (("properties", "map", "items", "properties", "status"), NextStepStatus),
        (("properties", "child_voice", "items", "properties", "house"), House),
    ],
)
def test_enumerations_match_the_domain(keys: tuple[str, ...], vocabulary: type[StrEnum]) -> None:
    allowed = [value for value in _at(*keys)["enum"] if value is not None]
    assert allowed == [member.value for member in vocabulary]


def test_text_and_label_limits_match_the_domain() -> None:
    defs = _at("$defs")
    assert defs["text"]["maxLength"] == MAX_TEXT_LENGTH
    assert defs["label"]["maxLength"] == defs["requiredLabel"]["maxLength"] == MAX_LABEL_LENGTH
    assert _at("properties", "map", "items", "properties", "text") == {"$ref": "#/$defs/text"}
    assert _at("properties", "meeting", "properties", "title") == {"$ref": "#/$defs/requiredLabel"}


def test_only_the_essentials_are_required() -> None:
    assert _at("required") == ["format", "version", "case", "meeting"]
    assert _at("properties", "case", "required") == ["label"]
    assert _at("properties", "meeting", "required") == ["title"]
    assert _at("properties", "map", "items", "required") == ["category", "text"]

"""Validation of a meeting file against its JSON Schema, reporting the first problem in document order.

jsonschema finds every error, in an order that follows the schema; the user needs one, the first they would
meet reading the file from the top, worded as a sentence rather than as a schema keyword.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from sos_desktop.exporters.errors import InterchangeError, JsonPath, PathPart

if TYPE_CHECKING:
    from jsonschema import ValidationError

SCHEMA_PACKAGE = "sos_desktop.exporters.schema"
SCHEMA_FILE = "meeting-v1.schema.json"
FORMAT = "sos-desktop/meeting"
VERSION = 1

_EXPECTED = {
    "object": "a JSON object",
    "array": "a list",
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
}


@cache
def meeting_schema() -> dict[str, Any]:
    """The JSON Schema of the meeting file, version 1, as shipped in the package."""
    text = resources.files(SCHEMA_PACKAGE).joinpath(SCHEMA_FILE).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator() -> Any:
    # Imported on first use: jsonschema is only needed to read a meeting file, not to start the console.
    from jsonschema import Draft202012Validator

    return Draft202012Validator(meeting_schema())


def order_key(document: object, parts: Iterable[PathPart]) -> tuple[int, ...]:
    """Where ``parts`` stands when the document is read from the top; a missing key sorts first in its object.

    A problem with the file's ``format`` or ``version`` comes before anything else: when those are wrong,
    the rest of the file cannot be judged.
    """
    parts = tuple(parts)
    key = [0 if parts and parts[0] in ("format", "version") else 1]
    node = document
    for part in parts:
        if isinstance(node, dict):
            if part not in node:
                key.append(-1)
                break
            key.append(list(node).index(part))
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int):
            key.append(part)
            node = node[part]
    return tuple(key)


MAX_DEPTH = 32
"""A meeting file is a few levels deep; anything much deeper is not one (and would exhaust the validator)."""


def _not_text(text: str) -> str | None:
    """Why ``text`` cannot be stored as Unicode text (a lone surrogate, say), or None if it can."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return f"the text holds {text[error.start]!a}, half of a character pair, which is not a character."
    return None


def first_non_json_value(document: object) -> InterchangeError | None:
    """The first value (in document order) that JSON or our store cannot hold, such as NaN, or None if none."""
    stack: list[tuple[JsonPath, object]] = [((), document)]
    while stack:
        parts, value = stack.pop()
        if len(parts) > MAX_DEPTH:
            return InterchangeError.at(parts[:MAX_DEPTH], "the file is nested too deeply to be a meeting file.")
        if isinstance(value, str) and (reason := _not_text(value)):
            return InterchangeError.at(parts, reason)
        if isinstance(value, dict):
            for key in value:
                if not isinstance(key, str):
                    return InterchangeError.at(parts, f"the key {key!r} is not text, as JSON keys must be.")
                if reason := _not_text(key):
                    return InterchangeError.at(parts, f"a key is not text: {reason}")
            stack.extend(((*parts, key), child) for key, child in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*parts, index), child) for index, child in reversed(list(enumerate(value))))
        elif isinstance(value, float) and not math.isfinite(value):
            return InterchangeError.at(parts, f"{value} is not a number JSON can hold.")
        elif value is not None and not isinstance(value, str | int | float | bool):
            return InterchangeError.at(parts, f"a {type(value).__name__} is not a JSON value.")
    return None


def first_schema_error(document: object) -> InterchangeError | None:
    """The first place (in document order) where ``document`` breaks the schema, or None if it keeps to it."""
    found: list[tuple[tuple[int, ...], JsonPath, str]] = []
    for error in _validator().iter_errors(document):
        parts, detail = _explain(error)
        found.append((order_key(document, parts), parts, detail))
    if not found:
        return None
    # min() keeps the first of equal keys, so two errors at one place come in the schema's own order.
    _, parts, detail = min(found, key=lambda entry: entry[0])
    return InterchangeError.at(parts, detail)


def _explain(error: ValidationError) -> tuple[JsonPath, str]:
    """The place an error is about, and a sentence saying what is wrong there."""
    parts: JsonPath = tuple(error.absolute_path)
    rule, limit, value = error.validator, error.validator_value, error.instance
    if rule == "required":
        missing = next(key for key in limit if key not in value)
        return (*parts, missing), "this is required but missing."
    if rule == "type":
        wanted = [limit] if isinstance(limit, str) else [kind for kind in limit if kind != "null"]
        return parts, f"expected {' or '.join(_EXPECTED[kind] for kind in wanted)}, found {_found(value)}."
    if rule == "const" and parts == ("format",):
        return parts, f"{_short(value)} is not {FORMAT!r}, so this is not a SoS Desktop meeting file."
    if rule == "const" and parts == ("version",):
        if isinstance(value, int) and not isinstance(value, bool) and value > VERSION:
            return parts, f"this file is version {value}, but this SoS Desktop reads version {VERSION} files only."
        return parts, f"{_short(value)} is not a version this SoS Desktop can read (it reads version {VERSION})."
    if rule == "enum":
        options = ", ".join(repr(option) for option in limit if option is not None)
        return parts, f"{_short(value)} is not one of {options}."
    return parts, _explain_limit(rule, limit, value, error.message)


def _explain_limit(rule: str, limit: Any, value: Any, fallback: str) -> str:
    """A sentence for a value that is of the right type but out of bounds."""
    if rule == "minimum":
        return f"{_number(value)} is below the lowest allowed value, {_number(limit)}."
    if rule == "maximum":
        return f"{_number(value)} is above the highest allowed value, {_number(limit)}."
    if rule == "multipleOf" and limit == 0.5:
        return f"{_number(value)} is not a whole or half point (ratings go in steps of 0.5)."
    if rule == "multipleOf":
        return f"{_number(value)} is not a multiple of {_number(limit)}."
    if rule == "maxLength":
        return f"this text is {len(value):,} characters long, more than the {limit:,} allowed."
    if rule == "minLength":
        return "this must not be empty."
    if rule == "maxItems":
        return f"this list has {len(value):,} entries, more than the {limit:,} allowed."
    if rule == "pattern" and limit == r"\S":
        return "this must not be empty."
    if rule == "pattern" and limit == meeting_schema()["$defs"]["uidOrNull"]["pattern"]:
        return f"{_short(value)} is not a meeting uid, which is a UUID (such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427)."
    if rule == "pattern" and limit == meeting_schema()["$defs"]["dateTimeOrNull"]["pattern"]:
        return f"{_short(value)} is not a date and time written as YYYY-MM-DDThh:mm:ss (or a date, YYYY-MM-DD)."
    if rule == "pattern":
        return f"{_short(value)} is not a date written as YYYY-MM-DD."
    return fallback.rstrip(".") + "."


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _short(value: Any, limit: int = 40) -> str:
    """A value as the user wrote it, cut short if long."""
    if isinstance(value, str):
        return repr(value if len(value) <= limit else value[:limit] + "…")
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        return _number(value)
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit] + "…"


def _found(value: Any) -> str:
    if isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int | float):
        return f"the number {_number(value)}"
    if isinstance(value, str):
        return f"the text {_short(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a JSON object"
    return "null"

"""The meeting interchange file, version 1: one meeting with its case, as JSON, read and written whole.

The format is ``shared/spec/interchange-v1.md``, encoded by ``schema/meeting-v1.schema.json`` (shipped in the
package). Reading checks, in this order, and stops at the first problem, which an ``InterchangeError`` names by
its path (``map[3].category: ...``): that the file can be read as UTF-8 JSON of sensible size, no object giving a
key twice; that it holds only JSON values; that it keeps to the schema; that its ids, references and pairs hold
together. Only then are domain objects built, so an invalid file gives nothing at all. Writing never leaves a
half-written file behind.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from sos_desktop.exporters.atomic import write_export
from sos_desktop.exporters.errors import TOP_LEVEL, ExportError, InterchangeError, JsonPath, PathPart, format_path
from sos_desktop.exporters.interchange import child_tools, words_pictures
from sos_desktop.exporters.interchange.checks import (
    broken_references,
    first_semantic_error,
    without_broken_references,
)
from sos_desktop.exporters.interchange.decode import decode_bundle
from sos_desktop.exporters.interchange.encode import encode_bundle
from sos_desktop.exporters.interchange.names import without_controls
from sos_desktop.exporters.interchange.schema import (
    FORMAT,
    VERSION,
    first_non_json_value,
    first_schema_error,
    meeting_schema,
)
from sos_desktop.exporters.reading import read_bounded
from sos_desktop.models import MeetingBundle, Observations

__all__ = [
    "FORMAT",
    "MAX_FILE_BYTES",
    "TOP_LEVEL",
    "VERSION",
    "ExportError",
    "InterchangeError",
    "bundle_to_dict",
    "format_path",
    "meeting_schema",
    "parse_meeting",
    "read_meeting_file",
    "read_observations",
    "write_meeting_file",
]

MAX_FILE_BYTES = 50 * 1024 * 1024
"""The largest file we read: a real meeting is a few hundred kilobytes at most."""


class _NotANumberError(ValueError):
    """JSON has no NaN or Infinity, though Python's json module reads them."""


def _refuse_constant(name: str) -> Any:
    raise _NotANumberError(name)


class _RepeatedKey(dict[str, Any]):
    """A JSON object that gives a key more than once (JSON readers keep one of the values, each its own way)."""

    key: str
    keys_before: list[str]
    """The keys given before the repeat, so that a problem inside them, earlier in the file, is reported first."""


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    record = dict(pairs)
    if len(record) == len(pairs):
        return record
    seen: list[str] = []
    for key, _ in pairs:
        if key in seen:
            marked = _RepeatedKey(record)
            marked.key, marked.keys_before = key, seen
            return marked
        seen.append(key)
    raise AssertionError("a repeated key was not found")  # pragma: no cover


def _first_repeated_key(document: object, parts: JsonPath = ()) -> InterchangeError | None:
    """The first key (in file order) that an object of a freshly read document gives twice, or None."""
    if isinstance(document, list):
        children: list[tuple[PathPart, object]] = list(enumerate(document))
    elif isinstance(document, dict):
        before = document.keys_before if isinstance(document, _RepeatedKey) else list(document)
        children = [(key, document[key]) for key in before]
    else:
        return None
    for part, child in children:
        if (found := _first_repeated_key(child, (*parts, part))) is not None:
            return found
    if isinstance(document, _RepeatedKey):
        return InterchangeError.at(
            (*parts, document.key),
            "this key is given twice in the same object, so which value is meant is unclear; keep one of them.",
        )
    return None


_DROPPED = {
    "ties": "the tie was left out",
    "people": "that agreement was left out",
    "map": "the card was imported without that pairing",
    "scales": "the scale was imported without that link",
    "child_voice": "the words were imported without naming the child",
    "network_at_start": "the entry was imported without naming the person",
    "meeting": "the attendee was imported without naming their network person",
}


def _dropped(parts: JsonPath) -> str:
    """What was left out for the broken link at ``parts``, for its warning."""
    if parts[0] == "words_pictures":
        return words_pictures.DROPPED[str(parts[-1])]
    if parts[0] in child_tools.TOP_LEVEL_KEYS:
        return child_tools.dropped(parts)
    if parts[0] == "safety_plan":
        return "the rule was kept without that owner" if parts[1] == "rules" else "that sign-up was left out"
    return _DROPPED[str(parts[0])]


def parse_meeting(data: object, warnings: list[str] | None = None) -> MeetingBundle:
    """The meeting bundle described by ``data`` (a parsed JSON document), or InterchangeError at its first fault.

    File ids become provisional negative ids unique within the bundle; the store assigns real ones. Links that
    point nowhere are left out rather than refusing the file; each is described, one sentence with its path,
    in ``warnings`` when a list is given.
    """
    problem = first_non_json_value(data) or first_schema_error(data)
    if problem is None and isinstance(data, dict):
        problem = first_semantic_error(data)
    if problem is not None:
        raise problem
    assert isinstance(data, dict)  # the schema asks for an object at the top level
    broken = broken_references(data)
    if warnings is not None:
        warnings.extend(f"{format_path(parts)}: {detail.rstrip('.')}; {_dropped(parts)}." for parts, detail in broken)
    return without_controls(decode_bundle(without_broken_references(data, broken) if broken else data), warnings)


def read_meeting_file(path: Path, warnings: list[str] | None = None) -> MeetingBundle:
    """The meeting bundle in the file at ``path``; InterchangeError if it cannot be read or is not valid."""
    return parse_meeting(_load(Path(path)), warnings)


def read_observations(path: Path) -> tuple[str, str, datetime | None, Observations]:
    """What ``import FILE --merge-observations`` needs: case reference, meeting title, held on, observations.

    The whole file is checked as for an import, so a broken file is refused before anything is merged.
    """
    bundle = read_meeting_file(path)
    return bundle.case.reference, bundle.meeting.title, bundle.meeting.held_on, bundle.meeting.observations


def bundle_to_dict(bundle: MeetingBundle) -> dict[str, Any]:
    """The version 1 document of ``bundle``, ready for ``json.dump``; reading it back gives the same meeting."""
    return encode_bundle(bundle)


def write_meeting_file(bundle: MeetingBundle, path: Path) -> None:
    """Write ``bundle`` to ``path`` as UTF-8 JSON, replacing any file there only once the new one is complete.

    Raises ExportError if the folder cannot be written to, or if the meeting holds something a meeting file
    cannot (a name longer than the format allows, say), since we never write a file we would refuse to read.
    """
    path = Path(path)
    document = bundle_to_dict(bundle)
    try:
        parse_meeting(document)
    except InterchangeError as error:
        raise ExportError(f"The meeting cannot be exported because of {error}") from error
    data = (json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        # Words and Pictures images can make a meeting larger than a meeting file is read at.
        size, most = len(data) / 1024 / 1024, MAX_FILE_BYTES // (1024 * 1024)
        raise ExportError(
            f"The meeting cannot be exported: its file would be {size:.0f} MB, more than the {most} MB a meeting "
            "file can hold. Take some images off its Words and Pictures panels, or make them smaller."
        )
    write_export(path, data, "The meeting")


def _load(path: Path) -> object:
    """The JSON document in the file at ``path``; InterchangeError, in one sentence, if there is none."""
    raw = read_bounded(
        path, MAX_FILE_BYTES, f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, too large to be a meeting file."
    )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InterchangeError(f"{path} is saved as UTF-16 text; save it as UTF-8 and import it again.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InterchangeError(
            f"{path} is not UTF-8 text: line {line} holds a byte (0x{raw[error.start]:02X}) that UTF-8 does not allow."
        ) from error
    if not text.strip():
        raise InterchangeError(f"{path} is empty, so it holds no meeting.")
    try:
        document = json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_json_object)
    except json.JSONDecodeError as error:
        # json says "Unterminated string starting at" and leaves the place to us: one "at", not two.
        reason = (error.msg[:1].lower() + error.msg[1:]).removesuffix(" at")
        raise InterchangeError(
            f"{path} is not valid JSON: {reason} at line {error.lineno}, column {error.colno}."
        ) from error
    except _NotANumberError as error:
        raise InterchangeError(f"{path} is not valid JSON: {error} is not a number JSON allows.") from error
    except RecursionError as error:
        raise InterchangeError(f"{path} is nested too deeply to be a meeting file.") from error
    try:
        repeated = _first_repeated_key(document)
    except RecursionError as error:
        raise InterchangeError(f"{path} is nested too deeply to be a meeting file.") from error
    if repeated is not None:
        raise repeated
    return document

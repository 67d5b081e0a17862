"""What a meeting file says about the meeting beyond its content: its uid, and the keys we do not read at its top
level (kept with the meeting and written back).
"""

from __future__ import annotations

import pytest
from interchange_support import spec_example

from sos_desktop.exporters.interchange.decode import FILE_KEYS
from sos_desktop.exporters.interchange.files import (
    InterchangeError,
    bundle_to_dict,
    meeting_schema,
    parse_meeting,
)
from sos_desktop.models.demo import demo_bundle

UID = "0b7c4a4e-5f1d-4c4b-9d0e-2f6a1c3b8e91"


def test_unknown_top_level_keys_are_kept_and_written_back_after_the_known_ones() -> None:
    document = spec_example()
    document["x_origin"] = {"system": "Liquidlogic", "exported": "2026-11-22"}
    document["x_note"] = "kept"
    bundle = parse_meeting(document)
    assert bundle.meeting.file_extra == {
        "x_origin": {"system": "Liquidlogic", "exported": "2026-11-22"},
        "x_note": "kept",
    }
    written = bundle_to_dict(bundle)
    assert list(written)[-2:] == ["x_origin", "x_note"]
    assert written["x_origin"] == document["x_origin"] and written["x_note"] == "kept"


def test_the_top_level_keys_read_are_those_of_the_schema() -> None:
    assert set(meeting_schema()["properties"]) == FILE_KEYS


def test_the_uid_is_read_and_written_first_in_the_meeting() -> None:
    document = spec_example()
    document["meeting"]["uid"] = UID.upper()
    bundle = parse_meeting(document)
    assert bundle.meeting.uid == UID
    assert "uid" not in bundle.meeting.extra
    assert next(iter(bundle_to_dict(bundle)["meeting"].items())) == ("uid", UID)


def test_a_meeting_without_uid_is_written_without_one() -> None:
    assert "uid" not in bundle_to_dict(demo_bundle())["meeting"]


def test_a_uid_that_is_not_a_uuid_is_refused() -> None:
    document = spec_example()
    document["meeting"]["uid"] = "meeting-7"
    with pytest.raises(InterchangeError) as refused:
        parse_meeting(document)
    assert str(refused.value) == (
        "meeting.uid: 'meeting-7' is not a meeting uid, which is a UUID (such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427)."
    )

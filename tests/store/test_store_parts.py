"""A meeting's own documents kept whole as plain data, and the pictures a case keeps inside the database."""

from __future__ import annotations

import pytest

from sos_desktop.models import Case, Meeting
from sos_desktop.store import Store
from sos_desktop.store.errors import StoreError


def _meeting(store: Store) -> tuple[int, int]:
    case = store.add_case(Case("Parts"))
    assert case.id is not None
    meeting = store.add_meeting(Meeting("First", case_id=case.id))
    assert meeting.id is not None
    return case.id, meeting.id


def test_a_part_is_saved_whole_read_back_and_an_empty_one_leaves_no_row(store: Store) -> None:
    _, meeting_id = _meeting(store)
    assert store.meeting_part(meeting_id, "safety_houses") == {}
    data = {"houses": [{"child": 3, "words": "Zoë’s “safe” room 🏠"}]}
    store.set_meeting_part(meeting_id, "safety_houses", data)
    store.set_meeting_part(meeting_id, "words_pictures", {"panels": []})
    assert store.meeting_part(meeting_id, "safety_houses") == data
    assert store.meeting_part(meeting_id, "words_pictures") == {"panels": []}
    store.set_meeting_part(meeting_id, "safety_houses", {})
    assert store.meeting_part(meeting_id, "safety_houses") == {}


def test_a_picture_is_kept_once_per_case_and_read_back_byte_for_byte(store: Store) -> None:
    case_id, _ = _meeting(store)
    image = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10
    first = store.add_picture(case_id, image, "image/png")
    assert store.add_picture(case_id, image, "image/png") == first
    assert store.picture(first) == ("image/png", image)
    assert store.picture(first + 1000) is None
    with pytest.raises(StoreError, match="empty"):
        store.add_picture(case_id, b"", "image/png")

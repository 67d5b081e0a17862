"""The document's parts declare what the document supplies in one base, which never stands in for the real thing."""

from __future__ import annotations

from sos_desktop.ui.document import MeetingDocument
from sos_desktop.ui.document_part import DocumentPart


def test_document_part_comes_last_and_none_of_its_stubs_is_used() -> None:
    assert MeetingDocument.__mro__[-2:] == (DocumentPart, object)
    stubs = [name for name in vars(DocumentPart) if not name.startswith("__")]
    assert {"_write", "_bounded", "meeting_id", "item", "agenda_state"} <= set(stubs)
    for name in stubs:
        owner = next(cls for cls in MeetingDocument.__mro__ if name in vars(cls))
        assert owner is not DocumentPart, f"MeetingDocument.{name} is DocumentPart's stub"

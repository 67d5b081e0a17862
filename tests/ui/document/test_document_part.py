"""The document's parts share one base: it supplies the write-through to every part, and its stubs (what one part
asks of another) never stand in for the real thing.
"""

from __future__ import annotations

import inspect

from sos_desktop.ui.document.base import DocumentPart
from sos_desktop.ui.document.meeting import MeetingDocument


def _is_stub(member: object) -> bool:
    return callable(member) and "raise NotImplementedError" in inspect.getsource(member)  # type: ignore[arg-type]


def test_document_part_comes_last_and_none_of_its_stubs_is_used() -> None:
    assert MeetingDocument.__mro__[-2:] == (DocumentPart, object)
    members = {name: member for name, member in vars(DocumentPart).items() if not name.startswith("__")}
    stubs = {name for name, member in members.items() if _is_stub(member)}
    assert {"item", "agenda_state", "apply_agreement"} <= stubs
    # The write-through and the length check are the base's own, shared by every part.
    assert {"_write", "_bounded", "meeting_id", "template"} <= set(members) - stubs
    for name in stubs:
        owner = next(cls for cls in MeetingDocument.__mro__ if name in vars(cls))
        assert owner is not DocumentPart, f"MeetingDocument.{name} is DocumentPart's stub"

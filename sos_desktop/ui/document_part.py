"""What ``MeetingDocument`` supplies to the parts it is made of (the network, agenda, next steps, voice, feedback).

Each part is a mixin of the document, kept in a module of its own; they all inherit ``DocumentPart`` so that the
attributes, signals and helpers they use from the document are declared once, for the type checker. Nothing here
has a value: the attributes are annotations only, and the methods raise. ``DocumentPart`` comes last in the
document's method resolution order, after the document and every part, so whatever they define always wins.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoStack

    from sos_desktop.models import Case, MapItem, Meeting, Network
    from sos_desktop.models.agenda import AgendaState
    from sos_desktop.store.store import Store

T = TypeVar("T")


class DocumentPart:
    """A part of ``MeetingDocument``: the attributes below are the document's (set in its ``__init__``)."""

    store: Store
    case: Case
    meeting: Meeting
    network: Network
    undo_stack: QUndoStack
    clock: Callable[[], datetime]
    _provisional_ids: itertools.count[int]

    # The document's signals (each declared with ``Signal()`` on ``MeetingDocument``).
    itemTextChanged: SignalInstance  # noqa: N815 - Qt signal naming
    noticed: SignalInstance
    networkChanged: SignalInstance  # noqa: N815
    networkMoved: SignalInstance  # noqa: N815
    agendaChanged: SignalInstance  # noqa: N815
    voiceChanged: SignalInstance  # noqa: N815
    observationsChanged: SignalInstance  # noqa: N815

    @property
    def meeting_id(self) -> int:
        raise NotImplementedError  # supplied by MeetingDocument

    def _write(self, action: Callable[[], T]) -> T | None:
        raise NotImplementedError  # supplied by MeetingDocument

    def _bounded(self, text: str, limit: int) -> str:
        raise NotImplementedError  # supplied by MeetingDocument

    def item(self, item_id: int) -> MapItem:
        raise NotImplementedError  # supplied by MeetingDocument

    def agenda_state(self) -> AgendaState:
        raise NotImplementedError  # supplied by AgendaEditing

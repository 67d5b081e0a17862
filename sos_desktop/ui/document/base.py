"""What every part of the meeting document shares: the write-through to the store, one kind of undo step for a
change of value, and the ids that say which undo steps may merge.

``MeetingDocument`` (:mod:`.meeting`) is made of parts, one module each (details, map, scaling, network, agenda,
next steps, voice, observation); each module holds the part's edits and their undo commands. Every part inherits
``DocumentPart``, which declares the attributes and signals the document sets in its ``__init__`` (annotations
only, for the type checker), supplies the write-through (``_write``) and the length check (``_bounded``) that all
parts use, and names the few methods one part calls on another. ``DocumentPart`` comes last in the document's
method resolution order, so whatever the document or a part defines always wins.

Commands hold the old and the new value and only call the document's ``apply_*`` methods, which change the domain
object, write it through to the store and tell the views. A burst of typing in one field merges into one step.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from datetime import datetime
from enum import IntEnum
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtGui import QUndoCommand

from sos_desktop.models.templates import FrameworkTemplate, template
from sos_desktop.store.errors import StaleWriteError, StoreError

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoStack

    from sos_desktop.models import Case, MapItem, Meeting, Network
    from sos_desktop.models.agenda import AgendaState
    from sos_desktop.store.store import Store

T = TypeVar("T")

MERGE_WINDOW_SECONDS = 2.0
"""Keystrokes closer together than this in one field are one undo step."""


class MergeId(IntEnum):
    """Which undo steps may merge with the one before: steps of the same id, on the same target, close in time.

    One enum for every part, so no two kinds of step can share an id by accident.
    """

    NEVER = -1  # Qt's "never merge"
    DETAIL = 1
    ITEM_TEXT = 2
    PERSON_TEXT = 10
    SCALE_TEXT = 11
    RATING = 12
    VOICE_WORDS = 20
    OBSERVATIONS_TYPING = 30


class ValueChange(QUndoCommand):
    """A change from ``old`` to ``new`` of one thing (``target``); quick successive changes of it merge."""

    merge_id: MergeId = MergeId.NEVER

    def __init__(self, text: str, target: object, old: Any, new: Any) -> None:
        super().__init__(text)
        self.target = target
        self.old = old
        self.new = new
        self.stamp = time.monotonic()

    def id(self) -> int:
        return int(self.merge_id)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if type(other) is not type(self) or not isinstance(other, ValueChange) or other.target != self.target:
            return False
        if other.stamp - self.stamp > MERGE_WINDOW_SECONDS:
            return False
        self.new = other.new
        self.stamp = other.stamp
        self.setObsolete(self.new == self.old)
        return True


class DocumentPart:
    """A part of ``MeetingDocument``: the attributes below are the document's (set in its ``__init__``)."""

    store: Store
    case: Case
    meeting: Meeting
    network: Network
    undo_stack: QUndoStack
    clock: Callable[[], datetime]
    stale: bool
    _provisional_ids: itertools.count[int]

    # The document's signals (each declared with ``Signal()`` on ``MeetingDocument``).
    detailsChanged: SignalInstance
    attendeesChanged: SignalInstance
    itemsChanged: SignalInstance
    itemTextChanged: SignalInstance
    saveFailed: SignalInstance
    noticed: SignalInstance
    scalesChanged: SignalInstance
    pairsChanged: SignalInstance
    networkChanged: SignalInstance
    networkMoved: SignalInstance
    agendaChanged: SignalInstance
    voiceChanged: SignalInstance
    observationsChanged: SignalInstance

    @property
    def meeting_id(self) -> int:
        assert self.meeting.id is not None
        return self.meeting.id

    @property
    def template(self) -> FrameworkTemplate:
        """The case's framework: its labels and its standard scale."""
        return template(self.case.framework)

    def _write(self, action: Callable[[], T]) -> T | None:
        """Write through to the store; on failure keep the edit in memory and say so instead of crashing."""
        try:
            return action()
        except StoreError as error:
            self.stale = self.stale or isinstance(error, StaleWriteError)
            self.saveFailed.emit(str(error))
            return None

    def _bounded(self, text: str, limit: int) -> str:
        """``text`` cut to ``limit`` characters (a pasted document, say), telling the user when it was cut."""
        if len(text) <= limit:
            return text
        self.noticed.emit(f"The text was cut to {limit:,} characters, the most one field holds.")
        return text[:limit]

    # What one part asks of another (each supplied by the part named).

    def item(self, item_id: int) -> MapItem:
        raise NotImplementedError  # supplied by MapEditing

    def agenda_state(self) -> AgendaState:
        raise NotImplementedError  # supplied by AgendaEditing

    def apply_agreement(self, item_id: int, people: tuple[int, ...] | None) -> None:
        raise NotImplementedError  # supplied by NetworkEditing

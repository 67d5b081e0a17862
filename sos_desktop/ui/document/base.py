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

import copy
import itertools
import time
from collections.abc import Callable
from datetime import datetime
from enum import IntEnum
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtGui import QUndoCommand

from sos_desktop.models.templates import FrameworkTemplate, template
from sos_desktop.store.errors import StaleWriteError, StoreError
from sos_desktop.ui.document.pending import PendingWrite, PendingWrites

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoStack

    from sos_desktop.models import Case, MapItem, Meeting, Network
    from sos_desktop.models.agenda import AgendaState
    from sos_desktop.store.store import Store

T = TypeVar("T")

MERGE_WINDOW_SECONDS = 2.0
"""Keystrokes closer together than this in one field are one undo step."""


def cut_message(limit: int) -> str:
    """What the user is told when a text (typed, pasted or read from a file) is cut to fit its field."""
    return f"The text was cut to {limit:,} characters, the most one field holds."


class MergeId(IntEnum):
    """Which undo steps may merge with the one before: steps of the same id, on the same target, close in time.

    One enum for every part, so no two kinds of step can share an id by accident.
    """

    NEVER = -1  # Qt's "never merge"
    DETAIL = 1
    ITEM_TEXT = 2
    NEXT_STEP_OWNER = 3
    PERSON_TEXT = 10
    SCALE_TEXT = 11
    RATING = 12
    VOICE_WORDS = 20
    OBSERVATIONS_TYPING = 30
    REVIEW_NOTE = 40
    EVENT_TEXT = 41
    PLAN_TEXT = 50
    MILESTONE_TEXT = 51
    FAMILY_TYPING = 60
    SAFETY_HOUSE_TEXT = 70
    SAFETY_HOUSE_PATH = 71
    WORDS_PICTURES_TEXT = 80


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
    pending: PendingWrites
    _provisional_ids: itertools.count[int]
    _aliases: dict[int, int]

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
    reviewsChanged: SignalInstance
    chronologyChanged: SignalInstance
    safetyPlanChanged: SignalInstance
    trajectoryPlanChanged: SignalInstance
    wordsPicturesChanged: SignalInstance
    familyMeetingChanged: SignalInstance
    safetyHousesChanged: SignalInstance

    @property
    def meeting_id(self) -> int:
        assert self.meeting.id is not None
        return self.meeting.id

    @property
    def template(self) -> FrameworkTemplate:
        """The case's framework: its labels and its standard scale."""
        return template(self.case.framework)

    def _write(
        self,
        action: Callable[[], T],
        adopt: Callable[[T], None] | None = None,
        touches: Callable[[], int | None] | None = None,
    ) -> T | None:
        """Write through to the store. A write the store refuses waits in ``pending`` (and so does every write
        after it, to keep their order) and is tried again until the store takes it; the edit stays on screen.

        None when the write is waiting: ``adopt`` then gets what the store gives back once it goes through (a card
        with its database id). ``touches`` names the card, scale or person written, to mark it as not saved.
        """
        write = PendingWrite(action, adopt, touches)  # type: ignore[arg-type]
        if self.pending and (not self.pending.due() or not self.pending.flush()):
            self.pending.add(write, StoreError(self.pending.last_error))
            return None
        try:
            return action()
        except StaleWriteError as error:
            # Somebody else saved the meeting: writing again would undo their work, so only a reload helps.
            self.stale = True
            self.saveFailed.emit(str(error))
            return None
        except StoreError as error:
            self.pending.add(write, error)
            self.saveFailed.emit(str(error))
            return None

    def _read(self, action: Callable[[], T], default: T) -> T:
        """Read from the store, or ``default`` if it cannot answer (a read never waits in ``pending``)."""
        try:
            return action()
        except StoreError:
            return default

    def _for_store(self, thing: T) -> T:
        """A copy of ``thing`` to add to the store: a provisional id (negative, given while its save waited) becomes
        the database id it was given since, or none at all, so the store never files a row under a provisional id.
        """
        copied = copy.deepcopy(thing)
        some_id = getattr(copied, "id", None)
        if isinstance(some_id, int) and some_id < 0:
            copied.id = self._aliases.get(some_id)  # type: ignore[attr-defined]
        return copied

    def real_id(self, some_id: int) -> int:
        """The database id of a card, scale, person or tie known by ``some_id`` (perhaps a provisional id it had
        while its save was waiting).
        """
        return self._aliases.get(some_id, some_id)

    def _bounded(self, text: str, limit: int) -> str:
        """``text`` cut to ``limit`` characters (a pasted document, say), telling the user when it was cut."""
        if len(text) <= limit:
            return text
        self.noticed.emit(cut_message(limit))
        return text[:limit]

    def _adopted(self, thing: Any, real: int | None, changed: SignalInstance) -> None:
        """A waiting add went through: ``thing`` takes its database id, and the views are told."""
        self.adopt_id(thing, real)
        changed.emit()

    # What one part asks of another (each supplied by the part named).

    def adopt_id(self, thing: Any, real: int | None) -> None:
        raise NotImplementedError  # supplied by MeetingDocument

    def item(self, item_id: int) -> MapItem:
        raise NotImplementedError  # supplied by MapEditing

    def agenda_state(self) -> AgendaState:
        raise NotImplementedError  # supplied by AgendaEditing

    def apply_agreement(self, item_id: int, people: tuple[int, ...] | None) -> None:
        raise NotImplementedError  # supplied by NetworkEditing

"""The meeting document: one per open meeting, owning the domain object and its QUndoStack.

Public methods only push undo commands. The ``apply_*`` methods, called by the commands, change the domain object,
write the change through to the store in its own transaction, and emit the signal the views follow. Views never
change domain data themselves, and never keep a copy of it.

The document is made of parts, each a mixin in its own module of this package holding its edits and their undo
commands: the details and attendees, the map, the scales, the case's safety network, the agenda and its clock, the
next steps, the child's voice, the observer's feedback, the case over time (the meeting before, what changed, the
review of its next steps), the case's chronology, and the meeting's version of the safety plan and the trajectory
plan. This module declares the signals and composes them.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from sos_desktop.models import Case, Category, MapItem, Meeting, MeetingBundle, Network
from sos_desktop.store.store import Store
from sos_desktop.ui.document.agenda import AgendaEditing
from sos_desktop.ui.document.agreement import AgreementEditing
from sos_desktop.ui.document.chronology import ChronologyEditing
from sos_desktop.ui.document.continuity import ContinuityEditing
from sos_desktop.ui.document.details import DetailsEditing
from sos_desktop.ui.document.map import MapEditing
from sos_desktop.ui.document.network import NetworkEditing
from sos_desktop.ui.document.next_steps import NextStepEditing
from sos_desktop.ui.document.observation import ObservationEditing
from sos_desktop.ui.document.pending import PendingWrites
from sos_desktop.ui.document.plans import PlanEditing
from sos_desktop.ui.document.safety_house import SafetyHouseEditing
from sos_desktop.ui.document.scaling import ScalingEditing
from sos_desktop.ui.document.voice import VoiceEditing
from sos_desktop.ui.document.words_pictures import WordsPicturesEditing


class HasId(Protocol):
    """Anything of the meeting the store gives an id: a card, scale, person, tie or child's-voice entry."""

    id: int | None


class MeetingDocument(
    QObject,
    DetailsEditing,
    MapEditing,
    ScalingEditing,
    NetworkEditing,
    AgendaEditing,
    NextStepEditing,
    VoiceEditing,
    ObservationEditing,
    ContinuityEditing,
    ChronologyEditing,
    PlanEditing,
    WordsPicturesEditing,
    SafetyHouseEditing,
    AgreementEditing,
):
    """An open meeting. Signals tell the views what changed; the store always holds what the views show."""

    detailsChanged = Signal()
    attendeesChanged = Signal()
    itemsChanged = Signal()  # cards added, removed or moved
    itemTextChanged = Signal(int)  # the card's id
    saveFailed = Signal(str)  # one sentence for the user
    noticed = Signal(str)  # a passing remark for the status bar, such as a text cut to length
    scalesChanged = Signal()  # scales added, removed, moved, reworded, rated, revealed
    pairsChanged = Signal()  # danger statements and goals paired or unpaired
    caseChanged = Signal()  # the case's name, reference or framework (so labels) changed
    networkChanged = Signal()  # people or ties of the case's network added, removed or changed
    networkMoved = Signal()  # people of the network only placed elsewhere
    agendaChanged = Signal()  # phases added, removed, edited; the clock started, moved on or paused
    voiceChanged = Signal()  # the child's-voice entries changed
    observationsChanged = Signal()  # the observer's notes, rubric or comments changed
    reviewsChanged = Signal()  # the review of last time's next steps changed
    chronologyChanged = Signal()  # the case's chronology changed
    safetyPlanChanged = Signal()  # the meeting's version of the safety plan changed
    trajectoryPlanChanged = Signal()  # the meeting's version of the trajectory plan changed
    wordsPicturesChanged = Signal()  # the Words and Pictures stories changed
    familyMeetingChanged = Signal()  # who agrees, the decision, family-present or a card's professional-only changed
    safetyHousesChanged = Signal()  # a child's Safety House changed

    def __init__(self, store: Store, meeting_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.meeting: Meeting = store.get_meeting(meeting_id)
        assert self.meeting.case_id is not None
        self.case: Case = store.get_case(self.meeting.case_id)
        self.network: Network = store.get_network(self.meeting.case_id)
        self.undo_stack = QUndoStack(self)
        self.load_previous()
        self.load_chronology()
        # Derived views of the meeting, worked out once and forgotten when what they derive from changes. Connected
        # before any view connects, so they are forgotten before a view asks again.
        self._by_category: dict[Category, list[MapItem]] | None = None
        self._pair_numbers: dict[int, int] | None = None
        self._hints: dict[int, list[str]] = {}
        for signal in (self.itemsChanged, self.pairsChanged, self.caseChanged):
            signal.connect(self._forget_derived)
        self.itemsChanged.connect(self.forget_changes)
        self.itemTextChanged.connect(lambda _item_id: self.forget_changes())
        self.itemTextChanged.connect(lambda item_id: self._hints.pop(item_id, None))
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        """Where the document reads the time (the agenda's clock, observers' notes); tests set their own."""
        self.last_inserted_id: int | None = None
        self._provisional_ids = itertools.count(-1, -1)
        self._aliases: dict[int, int] = {}
        """Provisional ids (given while a save waited) to the database ids the store gave later."""
        self.pending = PendingWrites(self)
        """Writes the store refused, in order, tried again until it takes them."""
        self.stale = False
        """True once a save was refused because somebody else changed the meeting: only a reload helps then."""

    def adopt_id(self, thing: HasId, real: int | None) -> None:
        """A write that waited has gone through: ``thing`` (a card, scale, person, tie or child's-voice entry, with
        a provisional id) takes the database's id ``real``, and whatever pointed at it by the provisional id points
        at ``real`` now. Provisional ids are negative and never repeat, so a pointer equal to one means that thing.
        """
        old = thing.id
        if real is None or old is None or old == real:
            return
        thing.id = real
        self._aliases[old] = real

        def moved(value: int | None) -> int | None:
            return real if value == old else value

        for item in self.meeting.items:
            item.pairs_with = moved(item.pairs_with)
        for scale in self.meeting.scales:
            scale.about = moved(scale.about)
        for person in self.network.people:
            person.agrees_with = [real if card == old else card for card in person.agrees_with]
        for tie in self.network.ties:
            tie.source = real if tie.source == old else tie.source
            tie.target = real if tie.target == old else tie.target
        for entry in self.meeting.child_voice:
            entry.child = moved(entry.child)
        for house in self.meeting.safety_houses:  # a person placed (or a child drawn) while their save waited
            house.child = moved(house.child) or house.child
            for placed in house.people:
                placed.person = moved(placed.person) or placed.person
        if old in self.meeting.child_tools:
            self.meeting.child_tools[real] = self.meeting.child_tools.pop(old)

    def unsaved_ids(self) -> set[int]:
        """The cards, scales and people with a change the store has not taken yet."""
        return self.pending.touched()

    def replace_case(self, case: Case) -> None:
        """Show the case as changed elsewhere (its details dialog saves it; it is not a step of this meeting)."""
        self.case = case
        self.caseChanged.emit()

    def bundle(self) -> MeetingBundle:
        """The meeting as it stands on screen, with its case and network, in the shape the store's ``load_bundle``
        gives (agreements kept to this meeting's cards), for an export.

        It holds what the store may not: an edit whose save failed is kept in memory, and the console tells the
        user to export the meeting to keep it. A deep copy, so work on another thread never shares the live objects.
        """
        bundle = copy.deepcopy(
            MeetingBundle(
                case=self.case,
                meeting=self.meeting,
                network=self.network,
                chronology=self.chronology,
                previous=self.previous,
                pictures=self.words_pictures_pictures(),
            )
        )
        cards = {item.id for item in bundle.meeting.items if item.id is not None}
        for person in bundle.network.people:
            person.agrees_with = sorted(card for card in person.agrees_with if card in cards)
        return bundle

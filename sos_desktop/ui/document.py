"""The meeting document: one per open meeting, owning the domain object and its QUndoStack.

Public methods only push undo commands. The ``apply_*`` methods, called by the commands, change the domain object,
write the change through to the store in its own transaction, and emit the signal the views follow. Views never
change domain data themselves, and never keep a copy of it.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from sos_desktop.models import (
    Attendee,
    Case,
    Category,
    MapItem,
    Meeting,
    Network,
    NextStepStatus,
    Scale,
    ScaleRating,
    can_pair,
    find_item,
    index_in_category,
    pair_numbers,
    place_item,
    set_partner,
)
from sos_desktop.models.guidance import hints_for
from sos_desktop.models.mapping import MAX_TEXT_LENGTH
from sos_desktop.models.meeting import MAX_LABEL_LENGTH
from sos_desktop.models.templates import FrameworkTemplate, template
from sos_desktop.store.errors import StaleWriteError, StoreError
from sos_desktop.store.repo.items import ItemLinks
from sos_desktop.store.store import Store
from sos_desktop.ui.agenda_editing import AgendaEditing
from sos_desktop.ui.commands import (
    AddItemCommand,
    DeleteItemCommand,
    EditItemTextCommand,
    MoveItemCommand,
    PairCommand,
    SetAttendeesCommand,
    SetDetailCommand,
)
from sos_desktop.ui.network_editing import NetworkEditing
from sos_desktop.ui.next_step_editing import NextStepEditing
from sos_desktop.ui.observation_editing import ObservationEditing
from sos_desktop.ui.scale_commands import (
    AddScaleCommand,
    DeleteScaleCommand,
    MoveScaleCommand,
    SetRatingCommand,
    SetScaleFieldCommand,
)
from sos_desktop.ui.voice_editing import VoiceEditing

T = TypeVar("T")

DETAIL_LABELS = {
    "title": "title",
    "kind": "kind of meeting",
    "held_on": "date",
    "focus_question": "focus question",
    "confidentiality_agreed": "confidentiality",
    "summary": "summary",
}
_TEXT_DETAILS = {"title", "focus_question", "summary"}
SCALE_FIELDS = ("question", "zero_means", "ten_means", "about", "private_round")


class MeetingDocument(QObject, NetworkEditing, AgendaEditing, NextStepEditing, VoiceEditing, ObservationEditing):
    """An open meeting. Signals tell the views what changed; the store always holds what the views show.

    The case's safety network, the agenda and its clock, the child's voice and the observer's feedback are edited
    through the methods of the mixins, each in its own module.
    """

    detailsChanged = Signal()  # noqa: N815 - Qt signal naming
    attendeesChanged = Signal()  # noqa: N815
    itemsChanged = Signal()  # noqa: N815 - cards added, removed or moved
    itemTextChanged = Signal(int)  # noqa: N815 - the card's id
    saveFailed = Signal(str)  # noqa: N815 - one sentence for the user
    noticed = Signal(str)  # a passing remark for the status bar, such as a text cut to length
    scalesChanged = Signal()  # noqa: N815 - scales added, removed, moved, reworded, rated, revealed
    pairsChanged = Signal()  # noqa: N815 - danger statements and goals paired or unpaired
    caseChanged = Signal()  # noqa: N815 - the case's name, reference or framework (so labels) changed
    networkChanged = Signal()  # noqa: N815 - people or ties of the case's network added, removed or changed
    networkMoved = Signal()  # noqa: N815 - people of the network only placed elsewhere
    agendaChanged = Signal()  # noqa: N815 - phases added, removed, edited; the clock started, moved on or paused
    voiceChanged = Signal()  # noqa: N815 - the child's-voice entries changed
    observationsChanged = Signal()  # noqa: N815 - the observer's notes, rubric or comments changed

    def __init__(self, store: Store, meeting_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.meeting: Meeting = store.get_meeting(meeting_id)
        assert self.meeting.case_id is not None
        self.case: Case = store.get_case(self.meeting.case_id)
        self.network: Network = store.get_network(self.meeting.case_id)
        self.undo_stack = QUndoStack(self)
        # Derived views of the meeting, worked out once and forgotten when what they derive from changes. Connected
        # before any view connects, so they are forgotten before a view asks again.
        self._by_category: dict[Category, list[MapItem]] | None = None
        self._pair_numbers: dict[int, int] | None = None
        self._hints: dict[int, list[str]] = {}
        for signal in (self.itemsChanged, self.pairsChanged, self.caseChanged):
            signal.connect(self._forget_derived)
        self.itemTextChanged.connect(lambda item_id: self._hints.pop(item_id, None))
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        """Where the document reads the time (the agenda's clock, observers' notes); tests set their own."""
        self.last_inserted_id: int | None = None
        self._provisional_ids = itertools.count(-1, -1)
        self.stale = False
        """True once a save was refused because somebody else changed the meeting: only a reload helps then."""

    @property
    def meeting_id(self) -> int:
        assert self.meeting.id is not None
        return self.meeting.id

    @property
    def template(self) -> FrameworkTemplate:
        return template(self.case.framework)

    def replace_case(self, case: Case) -> None:
        """Show the case as changed elsewhere (its details dialog saves it; it is not a step of this meeting)."""
        self.case = case
        self.caseChanged.emit()

    # Reading ---------------------------------------------------------------------------------------------------

    def _forget_derived(self) -> None:
        self._by_category = None
        self._pair_numbers = None
        self._hints.clear()

    def items(self, category: Category) -> list[MapItem]:
        """The cards of one category in map order (a shared list: read it, do not change it)."""
        if self._by_category is None:
            self._by_category = {c: [] for c in Category}
            for item in self.meeting.items:
                self._by_category[item.category].append(item)
        return self._by_category[category]

    def pair_number(self, item_id: int | None) -> int | None:
        """The number a paired danger statement and its goal both show, or None."""
        if self._pair_numbers is None:
            self._pair_numbers = pair_numbers(self.meeting.items)
        return None if item_id is None else self._pair_numbers.get(item_id)

    def hints(self, item: MapItem) -> list[str]:
        """The practice guidance for a card, in the case's framework words (never a block)."""
        if item.id is None:
            return []
        if item.id not in self._hints:
            template = self.template
            found = hints_for(
                item,
                self.meeting.items,
                danger_label=template.one(Category.DANGER),
                goal_label=template.one(Category.GOAL),
            )
            self._hints[item.id] = [hint.message for hint in found]
        return self._hints[item.id]

    def item(self, item_id: int) -> MapItem:
        return find_item(self.meeting.items, item_id)

    def index_of(self, item: MapItem) -> int:
        return index_in_category(self.meeting.items, item)

    # Edits: each pushes one undo command ------------------------------------------------------------------------

    def _bounded(self, text: str, limit: int) -> str:
        """``text`` cut to ``limit`` characters (a pasted document, say), telling the user when it was cut."""
        if len(text) <= limit:
            return text
        self.noticed.emit(f"The text was cut to {limit:,} characters, the most one field holds.")
        return text[:limit]

    def set_detail(self, name: str, value: Any) -> None:
        if name not in DETAIL_LABELS:
            raise KeyError(name)
        if name in _TEXT_DETAILS and isinstance(value, str):
            value = self._bounded(value, MAX_LABEL_LENGTH if name == "title" else MAX_TEXT_LENGTH)
        if getattr(self.meeting, name) == value:
            return
        self.undo_stack.push(
            SetDetailCommand(self, name, value, mergeable=name in _TEXT_DETAILS, label=DETAIL_LABELS[name])
        )

    def set_attendees(self, attendees: list[Attendee], label: str = "Change attendees") -> None:
        attendees = [Attendee(self._bounded(a.name, MAX_LABEL_LENGTH), a.role) for a in attendees]
        if attendees != self.meeting.attendees:
            self.undo_stack.push(SetAttendeesCommand(self, attendees, label))

    def add_item(self, category: Category, text: str, index: int | None = None) -> MapItem:
        """Add a card and return it (with its id)."""
        status = NextStepStatus.IDEA if category is Category.NEXT_STEP else None  # an idea until agreed
        item = MapItem(category=category, text=self._bounded(text, MAX_TEXT_LENGTH), status=status)
        command = AddItemCommand(self, item, index, self.template.label(category))
        self.undo_stack.push(command)
        return self.item(command.item.id) if command.item.id is not None else item

    def set_item_text(self, item_id: int, text: str) -> None:
        item = self.item(item_id)
        text = self._bounded(text, MAX_TEXT_LENGTH)
        if item.text != text:
            self.undo_stack.push(EditItemTextCommand(self, item, text))

    def delete_item(self, item_id: int) -> None:
        self.undo_stack.push(DeleteItemCommand(self, self.item(item_id)))

    def pair_items(self, item_id: int, partner_id: int) -> None:
        """Pair a danger statement with a safety goal (either way round); anything else is refused."""
        item, partner = self.item(item_id), self.item(partner_id)
        if not can_pair(item, partner):
            raise ValueError("Only a danger statement and a safety goal can be paired.")
        if item.pairs_with != partner_id:
            self.undo_stack.push(PairCommand(self, item_id, partner_id, "Pair cards"))

    def unpair_item(self, item_id: int) -> None:
        if self.item(item_id).pairs_with is not None:
            self.undo_stack.push(PairCommand(self, item_id, None, "Unpair cards"))

    def move_item(self, item_id: int, category: Category, index: int) -> None:
        item = self.item(item_id)
        if item.category == category and self.index_of(item) == index:
            return
        self.undo_stack.push(MoveItemCommand(self, item, category, index))

    # Scales -----------------------------------------------------------------------------------------------------

    def scale(self, scale_id: int) -> Scale:
        return next(scale for scale in self.meeting.scales if scale.id == scale_id)

    def add_scale(self, question: str, zero_means: str = "", ten_means: str = "", about: int | None = None) -> Scale:
        scale = Scale(
            question=self._bounded(question, MAX_TEXT_LENGTH),
            zero_means=self._bounded(zero_means, MAX_TEXT_LENGTH),
            ten_means=self._bounded(ten_means, MAX_TEXT_LENGTH),
            about=about,
        )
        command = AddScaleCommand(self, scale, None)
        self.undo_stack.push(command)
        return self.scale(command.scale.id) if command.scale.id is not None else scale

    def add_standard_scale(self) -> Scale:
        """The framework's own scale (the safety scale of Signs of Safety), worded from the template."""
        wording = self.template.scale
        return self.add_scale(wording.question, wording.zero_means, wording.ten_means)

    def set_scale_field(self, scale_id: int, name: str, value: Any) -> None:
        if name not in SCALE_FIELDS:
            raise KeyError(name)
        scale = self.scale(scale_id)
        if isinstance(value, str):
            value = self._bounded(value, MAX_TEXT_LENGTH)
        if getattr(scale, name) != value:
            mergeable = name in ("question", "zero_means", "ten_means")
            self.undo_stack.push(SetScaleFieldCommand(self, scale, name, value, mergeable=mergeable))

    def delete_scale(self, scale_id: int) -> None:
        self.undo_stack.push(DeleteScaleCommand(self, self.scale(scale_id)))

    def move_scale(self, scale_id: int, index: int) -> None:
        scale = self.scale(scale_id)
        index = max(0, min(index, len(self.meeting.scales) - 1))
        if self.meeting.scales.index(scale) != index:
            self.undo_stack.push(MoveScaleCommand(self, scale, index))

    def set_rating(self, scale_id: int, rater: str, value: float, reason: str = "", higher: str = "") -> None:
        """Give or change ``rater``'s number (0 to 10, half points) with the two follow-up answers beside it."""
        rating = ScaleRating(
            rater=self._bounded(rater.strip(), MAX_LABEL_LENGTH),
            value=value,
            reason=self._bounded(reason, MAX_TEXT_LENGTH),
            one_point_higher=self._bounded(higher, MAX_TEXT_LENGTH),
        )
        scale = self.scale(scale_id)
        current = next((r for r in scale.ratings if r.rater == rating.rater), None)
        if current is None or (current.value, current.reason, current.one_point_higher) != (
            rating.value,
            rating.reason,
            rating.one_point_higher,
        ):
            self.undo_stack.push(SetRatingCommand(self, scale, rating.rater, rating))

    def remove_rating(self, scale_id: int, rater: str) -> None:
        scale = self.scale(scale_id)
        if any(r.rater == rater for r in scale.ratings):
            self.undo_stack.push(SetRatingCommand(self, scale, rater, None))

    def apply_insert_scale(self, scale: Scale, index: int | None) -> int:
        position = len(self.meeting.scales) if index is None else index
        saved = self._write(lambda: self.store.add_scale(self.meeting_id, copy.deepcopy(scale), position))
        if saved is not None:
            scale.id = saved.id
        elif scale.id is None:
            scale.id = next(self._provisional_ids)
        self.meeting.scales.insert(position, scale)
        self.scalesChanged.emit()
        assert scale.id is not None
        return scale.id

    def apply_remove_scale(self, scale_id: int) -> None:
        scale = self.scale(scale_id)
        self._write(lambda: self.store.delete_scale(scale_id))
        self.meeting.scales.remove(scale)
        self.scalesChanged.emit()

    def apply_move_scale(self, scale_id: int, index: int) -> None:
        scale = self.scale(scale_id)
        self._write(lambda: self.store.move_scale(scale_id, index))
        self.meeting.scales.remove(scale)
        self.meeting.scales.insert(index, scale)
        self.scalesChanged.emit()

    def apply_scale_field(self, scale_id: int, name: str, value: Any) -> None:
        scale = self.scale(scale_id)
        setattr(scale, name, value)
        self._write(lambda: self.store.update_scale(scale))
        self.scalesChanged.emit()

    def apply_rating(self, scale_id: int, rater: str, rating: ScaleRating | None, position: int) -> None:
        scale = self.scale(scale_id)
        scale.ratings = [r for r in scale.ratings if r.rater != rater]
        if rating is not None:
            scale.ratings.insert(min(position, len(scale.ratings)), rating)
        self._write(lambda: self.store.update_scale(scale))
        self.scalesChanged.emit()

    # Applying, called by the commands ---------------------------------------------------------------------------

    def _write(self, action: Callable[[], T]) -> T | None:
        """Write through to the store; on failure keep the edit in memory and say so instead of crashing."""
        try:
            return action()
        except StoreError as error:
            self.stale = self.stale or isinstance(error, StaleWriteError)
            self.saveFailed.emit(str(error))
            return None

    def apply_detail(self, name: str, value: Any) -> None:
        setattr(self.meeting, name, value)
        self._write(lambda: self.store.update_meeting_details(self.meeting))
        self.detailsChanged.emit()

    def apply_attendees(self, attendees: list[Attendee]) -> None:
        self.meeting.attendees = attendees
        self._write(lambda: self.store.set_attendees(self.meeting_id, copy.deepcopy(attendees)))
        self.attendeesChanged.emit()

    def links_of(self, item_id: int) -> ItemLinks:
        """The scales and people pointing at a card, to give back if its delete is undone."""
        return self._write(lambda: self.store.item_links(item_id)) or ItemLinks()

    def apply_insert_item(self, item: MapItem, index: int | None, links: ItemLinks | None = None) -> None:
        siblings = self.items(item.category)
        position = len(siblings) if index is None else index
        saved = self._write(lambda: self.store.add_item(self.meeting_id, copy.deepcopy(item), position, links))
        if saved is not None:
            item.id = saved.id
        elif item.id is None:
            item.id = next(self._provisional_ids)
        place_item(self.meeting.items, item, item.category, position)
        if item.pairs_with is not None:
            for other in self.meeting.items:
                if other.id == item.pairs_with:
                    other.pairs_with = item.id
        for scale in self.meeting.scales:
            if links is not None and scale.id in links.scales:
                scale.about = item.id
        if links is not None and links.people and item.id is not None:
            self.apply_agreement(item.id, links.people)
        self.last_inserted_id = item.id
        self.itemsChanged.emit()

    def apply_remove_item(self, item_id: int) -> None:
        item = self.item(item_id)
        self._write(lambda: self.store.delete_item(item_id))
        self.meeting.items.remove(item)
        for other in self.meeting.items:
            if other.pairs_with == item_id:
                other.pairs_with = None
        for scale in self.meeting.scales:
            if scale.about == item_id:
                scale.about = None
        self.apply_agreement(item_id, None)
        self.itemsChanged.emit()

    def apply_item_text(self, item_id: int, text: str) -> None:
        item = self.item(item_id)
        item.text = text
        self._write(lambda: self.store.update_item(item))
        self.itemTextChanged.emit(item_id)

    def apply_pairs(self, assignments: dict[int, int | None]) -> None:
        """Set each card's partner (None: unpaired), keeping pairs symmetric, and save each card."""
        for item_id, partner_id in assignments.items():
            set_partner(self.meeting.items, item_id, partner_id)
            item = self.item(item_id)
            self._write(lambda item=item: self.store.update_item(item))  # type: ignore[misc]
        self.pairsChanged.emit()

    def apply_move_item(self, item_id: int, category: Category, index: int) -> None:
        item = self.item(item_id)
        self._write(lambda: self.store.move_item(item_id, category, index))
        place_item(self.meeting.items, item, category, index)
        self.itemsChanged.emit()

"""The case chronology, as a part of the meeting document: events added, changed and taken off (a mixin of the
document). The chronology is the case's, like its network: every meeting of the case shows the same list, and each
change is an undo step of the meeting in which it was made, saved at once.
"""

from __future__ import annotations

import copy
from datetime import date

from PySide6.QtGui import QUndoCommand

from sos_desktop.models import MapItem
from sos_desktop.models.chronology import (
    ChronologyEvent,
    DatePrecision,
    date_in_text,
    event_from_card,
    in_date_order,
)
from sos_desktop.ui.document.base import DocumentPart


class AddEventCommand(QUndoCommand):
    def __init__(
        self, document: ChronologyEditing, event: ChronologyEvent, text: str = "Add to the chronology"
    ) -> None:
        super().__init__(text)
        self.document = document
        self.event = event

    def redo(self) -> None:
        # The first redo gets an id from the store; a later redo puts the event back under that same id.
        self.event.id = self.document.apply_insert_event(copy.deepcopy(self.event))

    def undo(self) -> None:
        assert self.event.id is not None
        self.document.apply_remove_event(self.event.id)


class RemoveEventCommand(QUndoCommand):
    def __init__(self, document: ChronologyEditing, event: ChronologyEvent) -> None:
        super().__init__("Take off the chronology")
        self.document = document
        self.event = copy.deepcopy(event)

    def redo(self) -> None:
        assert self.event.id is not None
        self.document.apply_remove_event(self.event.id)

    def undo(self) -> None:
        self.document.apply_insert_event(copy.deepcopy(self.event))


class ChangeEventCommand(QUndoCommand):
    def __init__(self, document: ChronologyEditing, old: ChronologyEvent, new: ChronologyEvent) -> None:
        super().__init__("Change an event of the chronology")
        self.document = document
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)

    def redo(self) -> None:
        self.document.apply_event(copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.apply_event(copy.deepcopy(self.old))


class ChronologyEditing(DocumentPart):
    """The case's chronology, for ``MeetingDocument``."""

    chronology: list[ChronologyEvent]

    def load_chronology(self) -> None:
        assert self.meeting.case_id is not None
        case_id = self.meeting.case_id
        self.chronology = self._read(lambda: self.store.chronology(case_id), [])

    def chronology_event(self, event_id: int) -> ChronologyEvent:
        real = self.real_id(event_id)
        return next(event for event in self.chronology if event.id == real)

    def events(self, *, newest_first: bool = False) -> list[ChronologyEvent]:
        return in_date_order(self.chronology, newest_first=newest_first)

    def add_event(
        self, happened_on: date, what: str, source: str = "", precision: DatePrecision = DatePrecision.DAY
    ) -> ChronologyEvent:
        """Put an event on the case's chronology (ValueError if it says nothing or is too long)."""
        event = ChronologyEvent(happened_on=happened_on, what=what, source=source, precision=precision)
        command = AddEventCommand(self, event)
        self.undo_stack.push(command)
        assert command.event.id is not None
        return self.chronology_event(command.event.id)

    def change_event(self, event_id: int, **values: object) -> None:
        """Change an event's date, precision, words or source (ValueError if the result is refused)."""
        old = self.chronology_event(event_id)
        fields = {
            "happened_on": old.happened_on,
            "what": old.what,
            "source": old.source,
            "precision": old.precision,
            "item_key": old.item_key,
            "id": old.id,
            "extra": copy.deepcopy(old.extra),
        } | values
        new = ChronologyEvent(**fields)  # type: ignore[arg-type]
        if new != old:
            self.undo_stack.push(ChangeEventCommand(self, old, new))

    def remove_event(self, event_id: int) -> None:
        self.undo_stack.push(RemoveEventCommand(self, self.chronology_event(event_id)))

    def card_date(self, item: MapItem) -> tuple[date, DatePrecision] | None:
        """The date a card's words give, if any (a harm card that says when it happened)."""
        return date_in_text(item.text)

    def put_card_on_chronology(
        self, item_id: int, on: date | None = None, precision: DatePrecision | None = None
    ) -> ChronologyEvent:
        """Put a card on the chronology in one step: on the date its words give, unless ``on`` is given (the date
        asked for when its words give none: ValueError if there is neither). The source names this meeting.
        """
        item = self.item(item_id)
        found = self.card_date(item)
        if on is None:
            if found is None:
                raise ValueError("The card does not say when it happened: give the date.")
            on, precision = found
        source = f"Case map, {self.meeting.title}"
        event = event_from_card(item, source=source, on=on, precision=precision or DatePrecision.DAY)
        command = AddEventCommand(self, event, "Put the card on the chronology")
        self.undo_stack.push(command)
        assert command.event.id is not None
        return self.chronology_event(command.event.id)

    # Applied by the commands

    def apply_insert_event(self, event: ChronologyEvent) -> int:
        assert self.meeting.case_id is not None
        case_id = self.meeting.case_id
        for_store = self._for_store(event)
        saved = self._write(
            lambda: self.store.add_event(case_id, for_store, for_store.id),
            adopt=lambda stored: self._adopted(event, stored.id, self.chronologyChanged),
        )
        if saved is not None:
            event.id = saved.id
        elif event.id is None:
            event.id = next(self._provisional_ids)
        self.chronology.append(event)
        self.chronologyChanged.emit()
        assert event.id is not None
        return event.id

    def apply_remove_event(self, event_id: int) -> None:
        event = self.chronology_event(event_id)
        self._write(lambda: self.store.delete_event(self.real_id(event_id)))
        self.chronology.remove(event)
        self.chronologyChanged.emit()

    def apply_event(self, changed: ChronologyEvent) -> None:
        assert changed.id is not None
        at = self.chronology.index(self.chronology_event(changed.id))
        changed.id = self.real_id(changed.id)
        self.chronology[at] = changed
        self._write(lambda: self.store.update_event(changed))
        self.chronologyChanged.emit()

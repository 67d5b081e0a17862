"""Undo commands for the case's safety network: people and ties added, changed, removed, and moved.

Like the map's commands they hold old and new values and only call the document's ``apply_*`` methods. Typing in
one of a person's text fields merges into one step; a drag of several people, or a whole layout, is one step.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from sos_desktop.models import NetworkPerson, Tie
from sos_desktop.ui.commands import ValueChange

if TYPE_CHECKING:
    from sos_desktop.store.repo.network import PersonRemoval
    from sos_desktop.ui.network_editing import NetworkEditing

Positions = dict[int, tuple[float | None, float | None]]

_PERSON_TEXT_ID = 10


class AddPersonCommand(QUndoCommand):
    def __init__(self, document: NetworkEditing, person: NetworkPerson) -> None:
        super().__init__("Add person to the network")
        self.document = document
        self.person = copy.deepcopy(person)

    def redo(self) -> None:
        # The first redo gets an id from the store; a later redo puts the person back under that same id.
        self.person.id = self.document.apply_insert_person(copy.deepcopy(self.person))

    def undo(self) -> None:
        assert self.person.id is not None
        self.document.apply_remove_person(self.person.id)


class DeletePersonCommand(QUndoCommand):
    def __init__(self, document: NetworkEditing, person: NetworkPerson) -> None:
        super().__init__("Remove person from the network")
        assert person.id is not None
        self.document = document
        self.person_id = person.id
        self.removal: PersonRemoval | None = None

    def redo(self) -> None:
        self.removal = self.document.apply_remove_person(self.person_id)

    def undo(self) -> None:
        assert self.removal is not None
        self.document.apply_restore_person(self.removal)


class SetPersonFieldCommand(ValueChange):
    """Change details of a person (usually one; a new name takes default initials along with it). A burst of
    typing in one text field is one step.
    """

    def __init__(
        self, document: NetworkEditing, person: NetworkPerson, field: str, changes: dict[str, Any], *, typing: bool
    ) -> None:
        assert person.id is not None
        old = {name: copy.deepcopy(getattr(person, name)) for name in changes}
        super().__init__("Edit person", (person.id, field), old, copy.deepcopy(changes))
        self.document = document
        self.person_id = person.id
        self.merge_id = _PERSON_TEXT_ID if typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        earlier_old = dict(self.old)
        if not super().mergeWith(other):
            return False
        assert isinstance(other, SetPersonFieldCommand)
        # A detail the later change touched and this one did not: its value before is the later command's "old".
        self.old = {**other.old, **earlier_old}
        self.new = {**{name: self.old[name] for name in self.old}, **self.new}
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        self.document.apply_person_fields(self.person_id, copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.apply_person_fields(self.person_id, copy.deepcopy(self.old))


class AddTieCommand(QUndoCommand):
    def __init__(self, document: NetworkEditing, tie: Tie) -> None:
        super().__init__("Connect two people")
        self.document = document
        self.tie = copy.deepcopy(tie)

    def redo(self) -> None:
        self.tie.id = self.document.apply_insert_tie(copy.deepcopy(self.tie))

    def undo(self) -> None:
        assert self.tie.id is not None
        self.document.apply_remove_tie(self.tie.id)


class DeleteTieCommand(QUndoCommand):
    def __init__(self, document: NetworkEditing, tie: Tie) -> None:
        super().__init__("Remove tie")
        self.document = document
        self.tie = copy.deepcopy(tie)

    def redo(self) -> None:
        assert self.tie.id is not None
        self.document.apply_remove_tie(self.tie.id)

    def undo(self) -> None:
        self.document.apply_insert_tie(copy.deepcopy(self.tie))


class ChangeTieCommand(QUndoCommand):
    """A tie's kind or direction changed (who is the parent of whom)."""

    def __init__(self, document: NetworkEditing, old: Tie, new: Tie) -> None:
        super().__init__("Change tie")
        self.document = document
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)

    def redo(self) -> None:
        self.document.apply_tie(copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.apply_tie(copy.deepcopy(self.old))


class MovePeopleCommand(QUndoCommand):
    """People placed somewhere else: dragged by hand, or arranged by a layout (one step however many moved)."""

    def __init__(self, document: NetworkEditing, old: Positions, new: Positions, text: str) -> None:
        super().__init__(text)
        self.document = document
        self.old = dict(old)
        self.new = dict(new)

    def redo(self) -> None:
        self.document.apply_positions(self.new)

    def undo(self) -> None:
        self.document.apply_positions(self.old)

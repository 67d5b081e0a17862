"""The meeting document's hold on the case's safety network: reading it, and editing it by undo commands.

A mixin of ``MeetingDocument`` (kept apart so neither module grows past a few hundred lines). The network belongs to
the case, so an edit made in one meeting is there in every meeting of the case. ``networkChanged`` says who is in
the network, their details or their ties changed; ``networkMoved`` that people were only placed elsewhere.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from PySide6.QtGui import QUndoCommand

from sos_desktop.models import Circle, Gender, NetworkPerson, PersonRole, Tie, TieBond, TieKind
from sos_desktop.models.genogram import checked_bond, checked_household
from sos_desktop.models.mapping import MAX_TEXT_LENGTH
from sos_desktop.models.meeting import MAX_LABEL_LENGTH
from sos_desktop.models.network import chosen, guess_again, guessed_tie, initials, kind_is_guessed
from sos_desktop.store.repo.network import PersonRemoval
from sos_desktop.ui.document.base import DocumentPart, MergeId, ValueChange

Positions = dict[int, tuple[float | None, float | None]]

PERSON_TEXT_FIELDS = ("name", "display_name", "relationship", "contact", "notes")
_TYPED_FIELDS = (*PERSON_TEXT_FIELDS, "rules", "also_known_as", "household")
"""Details typed letter by letter: a burst of typing in one of them is one undo step."""
PERSON_FIELDS = (
    *PERSON_TEXT_FIELDS,
    "role",
    "age",
    "circle",
    "knows_worries",
    "knows_worries_since",
    "agrees_with",
    "rules",
    "also_known_as",
    "gender",
    "deceased",
    "index_child",
    "household",
)


class NetworkEditing(DocumentPart):
    """People and ties of the case's network, for ``MeetingDocument``."""

    @property
    def case_id(self) -> int:
        assert self.case.id is not None
        return self.case.id

    # Reading ---------------------------------------------------------------------------------------------------

    def person(self, person_id: int) -> NetworkPerson:
        person_id = self.real_id(person_id)
        for person in self.network.people:
            if person.id == person_id:
                return person
        raise KeyError(person_id)

    def tie(self, tie_id: int) -> Tie:
        tie_id = self.real_id(tie_id)
        for tie in self.network.ties:
            if tie.id == tie_id:
                return tie
        raise KeyError(tie_id)

    def ties_of(self, person_id: int) -> list[Tie]:
        return [tie for tie in self.network.ties if person_id in (tie.source, tie.target)]

    def tie_between(self, first: int, second: int) -> Tie | None:
        for tie in self.network.ties:
            if {tie.source, tie.target} == {first, second}:
                return tie
        return None

    # Edits: each pushes one undo command ------------------------------------------------------------------------

    def add_person(
        self,
        name: str,
        role: PersonRole = PersonRole.OTHER,
        *,
        position: tuple[float, float] | None = None,
        circle: Circle | None = None,
        relationship: str = "",
    ) -> NetworkPerson:
        """Add somebody to the case's network and return them (with their id)."""
        name = self._bounded(name.strip(), MAX_LABEL_LENGTH) or "New person"
        person = NetworkPerson(
            name=name,
            role=role,
            circle=circle,
            relationship=self._bounded(relationship, MAX_LABEL_LENGTH),
            x=None if position is None else position[0],
            y=None if position is None else position[1],
        )
        command = AddPersonCommand(self, person)
        self.undo_stack.push(command)
        assert command.person.id is not None
        return self.person(command.person.id)

    def set_person_field(self, person_id: int, name: str, value: Any) -> None:
        """Change one detail of a person (see ``PERSON_FIELDS``); a value the model refuses raises ValueError."""
        if name not in PERSON_FIELDS:
            raise KeyError(name)
        person = self.person(person_id)
        value = self._checked_field(person, name, value)
        if getattr(person, name) == value:
            return
        changes = {name: value}
        if name == "name" and person.display_name == initials(person.name):
            changes["display_name"] = initials(value)  # default initials follow the name; a chosen name stays
        if name == "role" and value is not PersonRole.CHILD and person.index_child:
            changes["index_child"] = False  # only a child can be the child the case is about
        command = SetPersonFieldCommand(self, person, name, changes, typing=name in _TYPED_FIELDS)
        guesses = self._guesses_after(person, value) if name == "role" else []
        others = self._other_index_children(person) if name == "index_child" and value else []
        if others:
            # One index child a case: choosing this child un-chooses the other, in the same undo step.
            self.undo_stack.beginMacro("Choose the child the case is about")
            try:
                self.undo_stack.push(command)
                for other in others:
                    self.undo_stack.push(SetPersonFieldCommand(self, other, name, {name: False}, typing=False))
            finally:
                self.undo_stack.endMacro()
            return
        if not guesses:
            self.undo_stack.push(command)
            return
        # A tie whose kind is still a guess follows the new role, in the same undo step; a chosen kind stays.
        self.undo_stack.beginMacro("Edit person")
        try:
            self.undo_stack.push(command)
            for old, new in guesses:
                self.undo_stack.push(ChangeTieCommand(self, old, new))
        finally:
            self.undo_stack.endMacro()

    def _other_index_children(self, person: NetworkPerson) -> list[NetworkPerson]:
        return [other for other in self.network.people if other.index_child and other.id != person.id]

    def _guesses_after(self, person: NetworkPerson, role: PersonRole) -> list[tuple[Tie, Tie]]:
        """The person's ties whose guessed kind a new role changes, each with the tie as now guessed."""
        assert person.id is not None
        recast = copy.copy(person)
        recast.role = role
        changed = []
        for tie in self.ties_of(person.id):
            ends = [recast if end == person.id else self.person(end) for end in (tie.source, tie.target)]
            fresh = guess_again(tie, ends[0], ends[1])
            if fresh is not None:
                changed.append((tie, fresh))
        return changed

    def _checked_field(self, person: NetworkPerson, name: str, value: Any) -> Any:
        if name in PERSON_TEXT_FIELDS:
            limit = MAX_TEXT_LENGTH if name in ("contact", "notes") else MAX_LABEL_LENGTH
            value = self._bounded(str(value), limit)
            if name == "name" and not value.strip():
                raise ValueError("A person needs a name (the projector shows only their display name).")
        elif name == "role":
            value = PersonRole(value)
        elif name == "circle":
            value = None if value is None else Circle(value)
        elif name == "age":
            if value is not None and not 0 <= int(value) <= 130:
                raise ValueError(f"An age of {value} is not possible.")
            value = None if value is None else int(value)
        elif name == "knows_worries":
            value = bool(value)
        elif name == "knows_worries_since":
            if value is not None and not isinstance(value, date):
                raise ValueError("The date they learnt of the worries must be a date.")
        elif name == "agrees_with":
            value = sorted({int(item_id) for item_id in value})
        elif name == "rules":
            value = [self._bounded(rule, MAX_TEXT_LENGTH) for rule in value if rule.strip()]
        elif name == "gender":
            value = None if value is None else Gender(value)
        elif name == "deceased":
            value = bool(value)
        elif name == "index_child":
            value = bool(value)
            if value and person.role is not PersonRole.CHILD:
                raise ValueError("Only a child can be the child the case is about: make their role Child first.")
        elif name == "household":
            value = checked_household(self._bounded(str(value), MAX_LABEL_LENGTH))
        elif name == "also_known_as":
            others = (self._bounded(other.strip(), MAX_LABEL_LENGTH) for other in value if other.strip())
            value = list(dict.fromkeys(others))  # each nickname once, in the order typed
        return value

    def delete_person(self, person_id: int) -> None:
        """Remove a person with their ties (one undo step gives all of it back)."""
        self.undo_stack.push(DeletePersonCommand(self, self.person(person_id)))

    def remove_parts(self, people: list[int], ties: list[int]) -> None:
        """Remove several people and ties in one undo step (a selection deleted at once)."""
        ties = [t for t in ties if not {self.tie(t).source, self.tie(t).target} & set(people)]
        if not people and not ties:
            return
        self.undo_stack.beginMacro("Remove from the network")
        try:
            for tie_id in ties:
                self.delete_tie(tie_id)
            for person_id in people:
                self.delete_person(person_id)
        finally:
            self.undo_stack.endMacro()

    def add_tie(self, source: int, target: int, kind: TieKind = TieKind.OTHER) -> Tie:
        """Connect two different people (``source`` is the parent when ``kind`` is PARENT); one tie per pair."""
        if source == target:
            raise ValueError("A person cannot be tied to themselves.")
        for person_id in (source, target):
            self.person(person_id)  # KeyError for somebody not in the network
        return self._push_tie(Tie(source, target, TieKind(kind)))

    def add_guessed_tie(self, first: int, second: int) -> Tie:
        """Connect two people with the kind of tie their roles suggest, kept as a guess until the user chooses."""
        if first == second:
            raise ValueError("A person cannot be tied to themselves.")
        return self._push_tie(guessed_tie(self.person(first), self.person(second)))

    def _push_tie(self, tie: Tie) -> Tie:
        if self.tie_between(tie.source, tie.target) is not None:
            raise ValueError("These two people are already connected; change the kind of their tie instead.")
        command = AddTieCommand(self, tie)
        self.undo_stack.push(command)
        assert command.tie.id is not None
        return self.tie(command.tie.id)

    def set_tie_kind(self, tie_id: int, kind: TieKind) -> None:
        """The user chooses the tie's kind; choosing the guessed kind makes it theirs, no longer a guess."""
        tie = self.tie(tie_id)
        if tie.kind != kind or kind_is_guessed(tie):
            self.undo_stack.push(ChangeTieCommand(self, tie, chosen(tie, kind)))

    def set_tie_bond(self, tie_id: int, bond: TieBond) -> None:
        """What a parent or partner tie is on the genogram (adoptive, step, divorced, ...): one undo step."""
        tie = self.tie(tie_id)
        bond = checked_bond(tie.kind, bond)
        if tie.bond is not bond:
            changed = copy.deepcopy(tie)
            changed.bond = bond
            self.undo_stack.push(ChangeTieCommand(self, tie, changed))

    def reverse_tie(self, tie_id: int) -> None:
        """Swap the tie's ends: who is whose parent (the user has looked at it: no longer a guess)."""
        tie = self.tie(tie_id)
        self.undo_stack.push(ChangeTieCommand(self, tie, chosen(tie, reversed_ends=True)))

    def delete_tie(self, tie_id: int) -> None:
        self.undo_stack.push(DeleteTieCommand(self, self.tie(tie_id)))

    def move_people(self, positions: dict[int, tuple[float, float]], text: str = "Move people") -> None:
        """Place people where they were dragged or laid out: one undo step, however many moved."""
        old: Positions = {}
        new: Positions = {}
        people = {p.id: p for p in self.network.people}
        for person_id, (x, y) in positions.items():
            person = people[person_id]
            if (person.x, person.y) != (x, y):
                old[person_id] = (person.x, person.y)
                new[person_id] = (float(x), float(y))
        if new:
            self.undo_stack.push(MovePeopleCommand(self, old, new, text))

    # Applying, called by the commands ---------------------------------------------------------------------------

    def apply_insert_person(self, person: NetworkPerson) -> int:
        saved = self._write(
            lambda: self.store.add_person(self.case_id, self._for_store(person)),
            adopt=lambda stored: self._adopted(person, stored.id, self.networkChanged),
            touches=lambda: person.id,
        )
        if saved is not None:
            person.id = saved.id
        elif person.id is None:
            person.id = next(self._provisional_ids)
        self._place_person(person)
        self.networkChanged.emit()
        assert person.id is not None
        return person.id

    def _place_person(self, person: NetworkPerson) -> None:
        # The network lists people in the order they were added (by id), as the store gives them back.
        assert person.id is not None
        at = next((i for i, p in enumerate(self.network.people) if (p.id or 0) > person.id > 0), None)
        self.network.people.insert(len(self.network.people) if at is None else at, person)

    def apply_remove_person(self, person_id: int) -> PersonRemoval:
        person = self.person(person_id)
        stored = self._write(lambda: self.store.remove_person(self.real_id(person_id)))
        ties = [tie for tie in self.network.ties if person_id in (tie.source, tie.target)]
        removal = PersonRemoval(copy.deepcopy(person), copy.deepcopy(ties), stored.voice_entries if stored else ())
        self.network.people.remove(person)
        self.network.ties = [tie for tie in self.network.ties if tie not in ties]
        for entry in self.meeting.child_voice:
            if entry.child == person_id:
                entry.child = None
        self.networkChanged.emit()
        return removal

    def apply_restore_person(self, removal: PersonRemoval) -> None:
        self._write(lambda: self.store.restore_person(self.case_id, copy.deepcopy(removal)))
        person = copy.deepcopy(removal.person)
        self._place_person(person)
        present = {p.id for p in self.network.people}
        self.network.ties.extend(
            copy.deepcopy(tie) for tie in removal.ties if tie.source in present and tie.target in present
        )
        self.network.ties.sort(key=lambda tie: tie.id or 0)
        for entry in self.meeting.child_voice:
            if entry.id in removal.voice_entries and entry.child is None:
                entry.child = person.id
        self.networkChanged.emit()

    def apply_person_fields(self, person_id: int, values: dict[str, Any]) -> None:
        person = self.person(person_id)
        for name, value in values.items():
            setattr(person, name, value)
        self._write(lambda: self.store.update_person(copy.deepcopy(person)), touches=lambda: person.id)
        self.networkChanged.emit()

    def apply_insert_tie(self, tie: Tie) -> int:
        saved = self._write(
            lambda: self.store.add_tie(self.case_id, self._tie_for_store(tie)),
            adopt=lambda stored: self._adopted(tie, stored.id, self.networkChanged),
        )
        if saved is not None:
            tie.id = saved.id
        elif tie.id is None:
            tie.id = next(self._provisional_ids)
        self.network.ties.append(tie)
        self.network.ties.sort(key=lambda t: t.id or 0)
        self.networkChanged.emit()
        assert tie.id is not None
        return tie.id

    def _tie_for_store(self, tie: Tie) -> Tie:
        """The tie to add, its ends by their database ids (a person added while saves waited has one by now)."""
        stored = self._for_store(tie)
        stored.source, stored.target = self.real_id(tie.source), self.real_id(tie.target)
        return stored

    def apply_remove_tie(self, tie_id: int) -> None:
        tie = self.tie(tie_id)
        self._write(lambda: self.store.delete_tie(self.real_id(tie_id)))
        self.network.ties.remove(tie)
        self.networkChanged.emit()

    def apply_tie(self, changed: Tie) -> None:
        assert changed.id is not None
        tie = self.tie(changed.id)
        tie.source, tie.target, tie.kind, tie.bond = changed.source, changed.target, changed.kind, changed.bond
        tie.extra = copy.deepcopy(changed.extra)
        self._write(lambda: self.store.update_tie(copy.deepcopy(tie)))
        self.networkChanged.emit()

    def apply_positions(self, positions: Positions) -> None:
        people = {p.id: p for p in self.network.people}
        for person_id, (x, y) in positions.items():
            people[person_id].x, people[person_id].y = x, y
        self._write(lambda: self.store.set_positions(self.case_id, {self.real_id(k): v for k, v in positions.items()}))
        self.networkMoved.emit()

    def apply_agreement(self, item_id: int, people: tuple[int, ...] | None) -> None:
        """Keep the people's ``agrees_with`` in step with a card deleted (``people`` None) or put back."""
        for person in self.network.people:
            if people is None:
                if item_id in person.agrees_with:
                    person.agrees_with.remove(item_id)
            elif person.id in people and item_id not in person.agrees_with:
                person.agrees_with = sorted([*person.agrees_with, item_id])


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
        self.merge_id = MergeId.PERSON_TEXT if typing else MergeId.NEVER

    def mergeWith(self, other: QUndoCommand) -> bool:
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
    """A tie's kind, bond or direction changed (who is the parent of whom)."""

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

"""The meeting document's hold on the child's other tools: each child's Safety House and the tool (Three Houses,
Fairy or Wizard) each child's voice is given through. A mixin of ``MeetingDocument``.

Every edit (a person placed, moved, their words written, a rule added, the path moved, a consent ticked) makes the
meeting's houses anew from the ones shown and pushes one undo step holding both; a burst of typing in one text, or
a drag of the path, is one step. The houses are written through whole as each step applies, and
``safetyHousesChanged`` follows. The child's words are kept exactly as typed. Putting the house's rules into the
safety plan is one step of the plan (undo takes them all out again).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from sos_desktop.models.child_tools import CHILD_TOOL_LABELS, ChildTool, tool_of
from sos_desktop.models.safety_house import (
    HousePerson,
    HouseRule,
    Placement,
    SafetyHouse,
    checked,
    house_of,
    plan_rules_from,
)
from sos_desktop.models.safety_plan import SafetyPlan
from sos_desktop.ui.document.base import DocumentPart, MergeId, ValueChange
from sos_desktop.ui.document.plans import SafetyPlanChange

if TYPE_CHECKING:
    from sos_desktop.ui.document.plans import PlanEditing


class SafetyHousesChange(ValueChange):
    """The meeting's Safety Houses from ``old`` to ``new``; typing in one text (or dragging the path) merges."""

    def __init__(
        self, document: SafetyHouseEditing, text: str, target: object, old: list[SafetyHouse], new: list[SafetyHouse]
    ) -> None:
        super().__init__(text, target, old, new)
        self.document = document
        if target is None:
            self.merge_id = MergeId.NEVER
        else:
            path = isinstance(target, tuple) and target[-1] == "path"
            self.merge_id = MergeId.SAFETY_HOUSE_PATH if path else MergeId.SAFETY_HOUSE_TEXT

    def redo(self) -> None:
        self.document.apply_safety_houses(copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.apply_safety_houses(copy.deepcopy(self.old))


class ChildToolChange(ValueChange):
    def __init__(
        self, document: SafetyHouseEditing, text: str, old: dict[int, ChildTool], new: dict[int, ChildTool]
    ) -> None:
        super().__init__(text, None, old, new)
        self.document = document

    def redo(self) -> None:
        self.document.apply_child_tools(dict(self.new))

    def undo(self) -> None:
        self.document.apply_child_tools(dict(self.old))


class SafetyHouseEditing(DocumentPart):
    """Each child's Safety House and choice of tool, for ``MeetingDocument``."""

    # Reading

    def safety_house(self, child: int) -> SafetyHouse | None:
        """``child``'s house at this meeting (None: not drawn yet)."""
        return house_of(self.meeting.safety_houses, self.real_id(child))

    def child_tool(self, child: int | None) -> ChildTool:
        return tool_of(self.meeting.child_tools, None if child is None else self.real_id(child))

    # The tool

    def set_child_tool(self, child: int, tool: ChildTool | str) -> None:
        """Give ``child``'s voice through the Three Houses, the Fairy or the Wizard (one undo step)."""
        tool, child = ChildTool(tool), self.real_id(child)
        if self.child_tool(child) is tool:
            return
        self._known_person(child)
        new = dict(self.meeting.child_tools)
        new.pop(child, None)
        if tool is not ChildTool.THREE_HOUSES:
            new[child] = tool
        text = f"Use the {CHILD_TOOL_LABELS[tool]} for the child's voice"
        self.undo_stack.push(ChildToolChange(self, text, dict(self.meeting.child_tools), new))

    def apply_child_tools(self, tools: dict[int, ChildTool]) -> None:
        self.meeting.child_tools = tools
        saved = dict(tools)
        self._write(lambda: self.store.set_child_tools(self.meeting_id, saved))
        self.voiceChanged.emit()

    # The house

    def _known_person(self, person_id: int) -> None:
        if all(person.id != person_id for person in self.network.people):
            raise KeyError(person_id)

    def _change_house(
        self, child: int, text: str, change: Callable[[SafetyHouse], object], target: object = None
    ) -> None:
        """One step changing ``child``'s house (drawn afresh if it has none); ValueError if the change is refused."""
        child = self.real_id(child)
        self._known_person(child)
        old = copy.deepcopy(self.meeting.safety_houses)
        new = copy.deepcopy(old)
        house = house_of(new, child)
        if house is None:
            house = SafetyHouse(child)
            new.append(house)
        change(house)
        new = [checked(each) for each in new if not each.is_empty()]
        if new != old:
            self.undo_stack.push(SafetyHousesChange(self, text, (child, target) if target else None, old, new))

    def place_person(
        self, child: int, person: int, where: Placement | str, words: str = "", consent: bool = False
    ) -> str:
        """Place somebody of the network in ``child``'s house (inside, visiting, outside); return the key."""
        person = self.real_id(person)
        self._known_person(person)
        placed = HousePerson(person, Placement(where), self._bounded_words(words), bool(consent))
        self._change_house(child, "Place somebody in the Safety House", lambda house: house.people.append(placed))
        return placed.key

    def change_placement(self, child: int, key: str, **values: object) -> None:
        """Change a placement's ``where``, ``words`` or ``consent_to_share`` (typing in the words merges)."""
        typing = set(values) == {"words"}
        if "words" in values:
            values["words"] = self._bounded_words(str(values["words"]))

        def change(house: SafetyHouse) -> None:
            placed = house.placement(key)
            for name, value in values.items():
                setattr(placed, name, Placement(str(value)) if name == "where" else value)

        text = "Edit the child's words about somebody" if typing else "Change a place in the Safety House"
        self._change_house(child, text, change, (key, "words") if typing else None)

    def remove_placement(self, child: int, key: str) -> None:
        self._change_house(
            child, "Take somebody out of the Safety House", lambda house: house.people.remove(house.placement(key))
        )

    def add_house_rule(self, child: int, words: str, consent: bool = False) -> str:
        """Add a rule in the child's words (ValueError if it says nothing); return its key."""
        rule = HouseRule(self._bounded_words(words, 2_000), bool(consent))
        self._change_house(child, "Add a rule of the Safety House", lambda house: house.rules.append(rule))
        return rule.key

    def change_house_rule(self, child: int, key: str, **values: object) -> None:
        """Change a rule's ``words`` or ``consent_to_share`` (typing in the words merges)."""
        typing = set(values) == {"words"}
        if "words" in values:
            values["words"] = self._bounded_words(str(values["words"]), 2_000)

        def change(house: SafetyHouse) -> None:
            rule = house.rule(key)
            for name, value in values.items():
                setattr(rule, name, value)

        text = "Edit a rule of the Safety House" if typing else "Change a rule of the Safety House"
        self._change_house(child, text, change, (key, "words") if typing else None)

    def remove_house_rule(self, child: int, key: str) -> None:
        self._change_house(child, "Take a rule off the Safety House", lambda house: house.rules.remove(house.rule(key)))

    def set_path(self, child: int, value: float | None) -> None:
        """Where the child puts themselves on the path to the door (None: not yet); a drag is one step."""
        self._change_house(child, "Move the child on the path", lambda house: setattr(house, "path", value), "path")

    def set_path_words(self, child: int, words: str) -> None:
        words = self._bounded_words(words)
        self._change_house(
            child, "Edit the child's words about the path", lambda h: setattr(h, "path_words", words), "path_words"
        )

    def set_path_consent(self, child: int, consent: bool) -> None:
        text = "Agreed to share the path" if consent else "Withdraw sharing of the path"
        self._change_house(child, text, lambda house: setattr(house, "path_consent", bool(consent)))

    def take_house_rules_into_plan(self, child: int) -> int:
        """Put each rule of ``child``'s house not yet in the safety plan into it, in one undo step; return how many."""
        house = self.safety_house(child)
        if house is None:
            return 0
        old = copy.deepcopy(self.meeting.safety_plan)
        taken = plan_rules_from(house, old)
        if not taken:
            return 0
        new = copy.deepcopy(old)
        new.rules.extend(taken)
        new = SafetyPlan(
            rules=new.rules, signs=new.signs, sign_ups=new.sign_ups, review_on=new.review_on, extra=new.extra
        )
        plans = cast("PlanEditing", self)
        self.undo_stack.push(SafetyPlanChange(plans, "Put the house's rules into the safety plan", None, old, new))
        return len(taken)

    def _bounded_words(self, words: str, limit: int = 10_000) -> str:
        return self._bounded(words, limit)

    def apply_safety_houses(self, houses: list[SafetyHouse]) -> None:
        self.meeting.safety_houses = houses
        saved = copy.deepcopy(houses)
        for house in saved:
            house.child = self.real_id(house.child)
            for placed in house.people:
                placed.person = self.real_id(placed.person)
        self._write(lambda: self.store.set_safety_houses(self.meeting_id, saved))
        self.safetyHousesChanged.emit()

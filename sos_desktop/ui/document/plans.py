"""The safety plan and the trajectory plan, as a part of the meeting document (a mixin of the document).

Each meeting holds its own version of the case's plans. Every edit makes the new version from the one shown and
pushes one undo step holding both; a burst of typing in one field of one rule, sign or milestone merges into one
step. The whole version is written through to the store as each step applies.
"""

from __future__ import annotations

import copy
from dataclasses import fields, replace
from datetime import date
from typing import Any

from sos_desktop.models.continuity import reference_day
from sos_desktop.models.safety_plan import PlanRule, SafetyPlan, SignKind, SignUp, WarningSign
from sos_desktop.models.safety_plan_checks import PlanHint, plan_hints
from sos_desktop.models.trajectory_plan import Milestone, TrajectoryPlan
from sos_desktop.ui.document.base import DocumentPart, MergeId, ValueChange


class SafetyPlanChange(ValueChange):
    """One change of the safety plan, from the version ``old`` to ``new`` (typing in one field merges)."""

    def __init__(self, document: PlanEditing, text: str, target: object, old: SafetyPlan, new: SafetyPlan) -> None:
        super().__init__(text, target, old, new)
        self.document = document
        self.merge_id = MergeId.PLAN_TEXT if target is not None else MergeId.NEVER

    def redo(self) -> None:
        self.document.apply_safety_plan(copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.apply_safety_plan(copy.deepcopy(self.old))


class TrajectoryPlanChange(ValueChange):
    def __init__(
        self, document: PlanEditing, text: str, target: object, old: TrajectoryPlan, new: TrajectoryPlan
    ) -> None:
        super().__init__(text, target, old, new)
        self.document = document
        self.merge_id = MergeId.MILESTONE_TEXT if target is not None else MergeId.NEVER

    def redo(self) -> None:
        self.document.apply_trajectory_plan(copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.apply_trajectory_plan(copy.deepcopy(self.old))


def _rebuilt(thing: Any, values: dict[str, Any]) -> Any:
    """``thing`` with ``values`` changed, checked again as a new one is (ValueError if refused)."""
    known = {field.name for field in fields(thing)}
    unknown = set(values) - known
    if unknown:
        raise TypeError(f"No such field: {', '.join(sorted(unknown))}")
    return replace(copy.deepcopy(thing), **values)


class PlanEditing(DocumentPart):
    """The meeting's version of the safety plan and the trajectory plan, for ``MeetingDocument``."""

    # Reading

    @property
    def safety_plan(self) -> SafetyPlan:
        return self.meeting.safety_plan

    @property
    def trajectory_plan(self) -> TrajectoryPlan:
        return self.meeting.trajectory_plan

    def plan_hints(self) -> list[PlanHint]:
        return plan_hints(self.meeting.safety_plan, self.meeting.items, self.network)

    def plan_day(self) -> date:
        """The day milestones are judged late on: the meeting's, else today."""
        return reference_day(self.meeting, self.clock().date())

    # The safety plan

    def _change_plan(self, text: str, change: Any, target: object = None) -> None:
        old = copy.deepcopy(self.meeting.safety_plan)
        new = copy.deepcopy(old)
        change(new)
        new = SafetyPlan(
            rules=new.rules, signs=new.signs, sign_ups=new.sign_ups, review_on=new.review_on, extra=new.extra
        )  # checked again as a whole (limits, keys)
        if new != old:
            self.undo_stack.push(SafetyPlanChange(self, text, target, old, new))

    def add_rule(self, words: str, *, answers: list[str] | None = None, owners: list[int] | None = None) -> str:
        """Add a rule in the family's words (ValueError if it says nothing or is too long); return its key."""
        rule = PlanRule(words=words, answers=list(answers or []), owners=list(owners or []))
        self._change_plan("Add a rule to the safety plan", lambda plan: plan.rules.append(rule))
        return rule.key

    def change_rule(self, key: str, **values: Any) -> None:
        """Change a rule's words, what it answers, who owns it or what happens if it is broken."""
        typing = set(values) <= {"words", "if_broken"}

        def change(plan: SafetyPlan) -> None:
            at = plan.rules.index(plan.rule(key))
            plan.rules[at] = _rebuilt(plan.rules[at], values)

        self._change_plan("Change a rule of the safety plan", change, (key, *sorted(values)) if typing else None)

    def remove_rule(self, key: str) -> None:
        self._change_plan("Take a rule off the safety plan", lambda plan: plan.rules.remove(plan.rule(key)))

    def move_rule(self, key: str, offset: int) -> None:
        def change(plan: SafetyPlan) -> None:
            rule = plan.rule(key)
            at = plan.rules.index(rule)
            to = max(0, min(len(plan.rules) - 1, at + offset))
            plan.rules.insert(to, plan.rules.pop(at))

        self._change_plan("Move a rule of the safety plan", change)

    def add_sign(self, words: str, kind: SignKind = SignKind.RED_FLAG, response: str = "") -> str:
        sign = WarningSign(words=words, kind=kind, response=response)
        self._change_plan("Add a warning sign", lambda plan: plan.signs.append(sign))
        return sign.key

    def change_sign(self, key: str, **values: Any) -> None:
        typing = set(values) <= {"words", "response"}

        def change(plan: SafetyPlan) -> None:
            at = plan.signs.index(plan.sign(key))
            plan.signs[at] = _rebuilt(plan.signs[at], values)

        self._change_plan("Change a warning sign", change, (key, *sorted(values)) if typing else None)

    def remove_sign(self, key: str) -> None:
        self._change_plan("Take a warning sign off", lambda plan: plan.signs.remove(plan.sign(key)))

    def sign_up(self, person_id: int, on: date | None) -> None:
        """Record that a person signed up to the plan on ``on`` (None: they have not, or no longer)."""

        def change(plan: SafetyPlan) -> None:
            plan.sign_ups = [entry for entry in plan.sign_ups if entry.person != person_id]
            if on is not None:
                plan.sign_ups.append(SignUp(person=person_id, signed_on=on))

        self._change_plan("Sign up to the safety plan" if on else "Take a signature off", change)

    def set_plan_review(self, on: date | None) -> None:
        self._change_plan("Set when the plan is looked at again", lambda plan: setattr(plan, "review_on", on))

    def apply_safety_plan(self, plan: SafetyPlan) -> None:
        self.meeting.safety_plan = plan
        saved = copy.deepcopy(plan)
        self._write(lambda: self.store.set_safety_plan(self.meeting_id, saved))
        self.safetyPlanChanged.emit()

    # The trajectory plan

    def _change_trajectory(self, text: str, change: Any, target: object = None) -> None:
        old = copy.deepcopy(self.meeting.trajectory_plan)
        new = copy.deepcopy(old)
        change(new)
        new = TrajectoryPlan(milestones=new.milestones, scale_key=new.scale_key, extra=new.extra)
        if new != old:
            self.undo_stack.push(TrajectoryPlanChange(self, text, target, old, new))

    def add_milestone(
        self, what: str, planned_on: date | None = None, who: str = "", target: float | None = None
    ) -> str:
        milestone = Milestone(what=what, planned_on=planned_on, who=who, target=target)
        self._change_trajectory("Add a milestone", lambda plan: plan.milestones.append(milestone))
        return milestone.key

    def change_milestone(self, key: str, **values: Any) -> None:
        """Change a milestone's words, date, who, status, target or note (ValueError if refused)."""
        typing = set(values) <= {"what", "who", "note"}

        def change(plan: TrajectoryPlan) -> None:
            at = plan.milestones.index(plan.milestone(key))
            plan.milestones[at] = _rebuilt(plan.milestones[at], values)

        self._change_trajectory("Change a milestone", change, (key, *sorted(values)) if typing else None)

    def remove_milestone(self, key: str) -> None:
        self._change_trajectory("Take a milestone off", lambda plan: plan.milestones.remove(plan.milestone(key)))

    def apply_trajectory_plan(self, plan: TrajectoryPlan) -> None:
        self.meeting.trajectory_plan = plan
        saved = copy.deepcopy(plan)
        self._write(lambda: self.store.set_trajectory_plan(self.meeting_id, saved))
        self.trajectoryPlanChanged.emit()

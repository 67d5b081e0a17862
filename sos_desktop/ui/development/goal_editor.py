"""The goals part of the development plan window: the goals over two years (add, remove, edit), each with its
stage, target, status, the next step the leader sets themselves, and its evidence ticked from the observed
supervisions they facilitated, the observer's feedback on the selected one shown for reference.

It edits the window's plan in place and asks the window to save at once (``save``), as the window's docstring says.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import Meeting, Observations
from sos_desktop.models.development_plan import STAGES, DevelopmentPlan, Evidence, Goal, GoalStatus, stage
from sos_desktop.models.labels import meeting_kind_label
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.date_field import date_text, parse_typed_date

TITLE = "Development plan"


def meeting_line(meeting: Meeting) -> str:
    when = meeting.held_on.strftime("%d %b %Y") if meeting.held_on else "No date"
    return f"{when} · {meeting.title or meeting_kind_label(meeting.kind)}"


def observer_text(observations: Observations) -> str:
    """The observer's notes and ratings of a meeting, for reference beside the evidence."""
    lines = [f"Observer: {observations.observer or 'not recorded'}"]
    lines += [f"{r.criterion}: {r.value:g}" + (f" ({r.comment})" if r.comment else "") for r in observations.ratings]
    lines += [f"Note: {n.text}" for n in observations.notes]
    if observations.went_well:
        lines.append(f"Went well: {observations.went_well}")
    if observations.even_better_if:
        lines.append(f"Even better if: {observations.even_better_if}")
    return "\n".join(lines)


class GoalEditor(QGroupBox):
    def __init__(
        self, plan: Callable[[], DevelopmentPlan], save: Callable[[], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__("Goals over two years", parent)
        self._plan, self._save = plan, save
        self.facilitated: list[tuple[Meeting, Observations]] = []
        self._filling = False
        self.goals = QListWidget()
        self.goals.setAccessibleName("Goals")
        add, remove = QPushButton("&Add goal"), QPushButton("&Remove goal")
        add.clicked.connect(self.add_goal)
        remove.clicked.connect(self.remove_goal)
        self.goal_text = QLineEdit()
        self.goal_text.setAccessibleName("Goal")
        self.goal_stage = QComboBox()
        for item in STAGES:
            self.goal_stage.addItem(item.label, item.key)
        self.goal_target = QLineEdit()
        self.goal_target.setPlaceholderText("e.g. 30 Nov 2026")
        self.goal_status = QComboBox()
        for status in GoalStatus:
            self.goal_status.addItem(status.label, status.value)
        self.next_step = QLineEdit()
        self.next_step.setAccessibleName("Your next step")
        self.evidence = QListWidget()
        self.evidence.setAccessibleName("Evidence: the observed supervisions it draws on")
        self.evidence_note = QLineEdit()
        self.evidence_note.setAccessibleName("What the selected meeting shows")
        self.evidence_note.setPlaceholderText("What the selected meeting shows")
        self.reference = QPlainTextEdit()
        self.reference.setReadOnly(True)
        self.reference.setAccessibleName("The observer's feedback on the selected meeting")
        self.reference.setMaximumHeight(110)
        form = QFormLayout()
        form.addRow("&Goal", self.goal_text)
        form.addRow("S&tage", self.goal_stage)
        form.addRow("Target &date", self.goal_target)
        form.addRow("Stat&us", self.goal_status)
        form.addRow("Your &next step", self.next_step)
        form.addRow("&Evidence", self.evidence)
        form.addRow("", self.evidence_note)
        form.addRow("Observer's feedback", self.reference)
        goal_buttons = QHBoxLayout()
        goal_buttons.addWidget(add)
        goal_buttons.addWidget(remove)
        goal_buttons.addStretch()
        goals_layout = QVBoxLayout(self)
        goals_layout.addWidget(self.goals, 1)
        goals_layout.addLayout(goal_buttons)
        goals_layout.addLayout(form, 2)

        self.goals.currentRowChanged.connect(self._show_goal)
        for line in (self.goal_text, self.goal_target, self.next_step, self.evidence_note):
            line.editingFinished.connect(self._goal_changed)
        self.goal_stage.activated.connect(self._goal_changed)
        self.goal_status.activated.connect(self._goal_changed)
        self.evidence.itemChanged.connect(self._evidence_ticked)
        self.evidence.currentRowChanged.connect(self._show_evidence)

    def add_goal(self) -> None:
        self._plan().goals.append(Goal("A new goal"))
        self._save()
        self.fill(len(self._plan().goals) - 1)
        self.goal_text.setFocus()
        self.goal_text.selectAll()

    def remove_goal(self) -> None:
        row = self.goals.currentRow()
        if not 0 <= row < len(self._plan().goals):
            return
        if not dialogs.confirm(self, TITLE, f"Remove the goal “{self._plan().goals[row].text[:80]}”?"):
            return
        del self._plan().goals[row]
        self._save()
        self.fill(min(row, len(self._plan().goals) - 1))

    def fill(self, current: int = 0) -> None:
        self._filling = True
        try:
            self.goals.clear()
            for goal in self._plan().goals:
                self.goals.addItem(f"{stage(goal.stage).name}: {goal.text} — {goal.status.label}")
        finally:
            self._filling = False
        self.goals.setCurrentRow(current if self._plan().goals else -1)
        self._show_goal(self.goals.currentRow())

    def current_goal(self) -> Goal | None:
        row = self.goals.currentRow()
        return self._plan().goals[row] if 0 <= row < len(self._plan().goals) else None

    def _show_goal(self, _row: int = -1) -> None:
        goal = self.current_goal()
        self._filling = True
        try:
            for field in (self.goal_text, self.goal_stage, self.goal_target, self.goal_status, self.next_step):
                field.setEnabled(goal is not None)
            self.goal_text.setText(goal.text if goal else "")
            self.goal_stage.setCurrentIndex(max(self.goal_stage.findData(goal.stage if goal else ""), 0))
            self.goal_target.setText(date_text(goal.target) if goal and goal.target else "")
            self.goal_status.setCurrentIndex(max(self.goal_status.findData(goal.status.value if goal else ""), 0))
            self.next_step.setText(goal.next_step if goal else "")
            cited = {e.meeting_uid: e for e in goal.evidence} if goal else {}
            self.evidence.clear()
            for meeting, observations in self.facilitated:
                item = QListWidgetItem(meeting_line(meeting))
                item.setData(Qt.ItemDataRole.UserRole, meeting.uid)
                item.setToolTip(observer_text(observations))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = meeting.uid in cited
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.evidence.addItem(item)
            self.evidence.setEnabled(goal is not None)
        finally:
            self._filling = False
        self._show_evidence()

    def _goal_changed(self) -> None:
        goal = self.current_goal()
        if self._filling or goal is None:
            return
        try:
            target = parse_typed_date(self.goal_target.text()) if self.goal_target.text().strip() else None
        except ValueError as error:
            dialogs.tell(self, TITLE, str(error))
            return
        before = copy.deepcopy(goal)
        goal.text = self.goal_text.text().strip() or goal.text
        goal.stage = str(self.goal_stage.currentData())
        goal.target = target
        goal.status = GoalStatus(self.goal_status.currentData())
        goal.next_step = self.next_step.text().strip()
        evidence = self._evidence_of(goal, self.evidence.currentItem())
        if evidence is not None:
            evidence.note = self.evidence_note.text().strip()
        if goal != before:
            self._save()
            self._relabel_goal()

    def _relabel_goal(self) -> None:
        goal, item = self.current_goal(), self.goals.currentItem()
        if goal is not None and item is not None:
            item.setText(f"{stage(goal.stage).name}: {goal.text} — {goal.status.label}")

    def _evidence_of(self, goal: Goal, item: QListWidgetItem | None) -> Evidence | None:
        if item is None:
            return None
        uid = item.data(Qt.ItemDataRole.UserRole)
        return next((e for e in goal.evidence if e.meeting_uid == uid), None)

    def _evidence_ticked(self, item: QListWidgetItem) -> None:
        goal = self.current_goal()
        if self._filling or goal is None:
            return
        uid = item.data(Qt.ItemDataRole.UserRole)
        cited = any(e.meeting_uid == uid for e in goal.evidence)
        if item.checkState() == Qt.CheckState.Checked and not cited:
            goal.evidence.append(Evidence(uid))
        elif item.checkState() != Qt.CheckState.Checked and cited:
            goal.evidence = [e for e in goal.evidence if e.meeting_uid != uid]
        else:
            return
        self._save()
        self._show_evidence()

    def _show_evidence(self, _row: int = -1) -> None:
        item, goal = self.evidence.currentItem(), self.current_goal()
        found = next((o for m, o in self.facilitated if item and m.uid == item.data(Qt.ItemDataRole.UserRole)), None)
        self.reference.setPlainText(observer_text(found) if found is not None else "")
        evidence = self._evidence_of(goal, item) if goal else None
        self.evidence_note.setEnabled(evidence is not None)
        self.evidence_note.setText(evidence.note if evidence else "")

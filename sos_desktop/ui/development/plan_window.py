"""The Development plan window (Practice › Development plan…): a practice leader's plan over the two-year
Practice Leader Development Trajectory — supervisor, start, goals by stage with their evidence chosen from the
observed supervisions they facilitated, their own rating beside the observer's per criterion, the next step they
set themselves, and the supervisor's sign-offs — and its development report PDF.

A plan is the team's data, not a meeting's, so there is no undo: every change is saved at once through the store.
A failed or stale save (someone saved the plan from another laptop) says so in one sentence and keeps what was
typed in the window; the plan is opened again to see the other change.
"""

from __future__ import annotations

import copy
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import Meeting, Observations
from sos_desktop.models.development_plan import (
    STAGES,
    DevelopmentPlan,
    Evidence,
    Goal,
    GoalStatus,
    PlanComparison,
    self_vs_observer,
    stage,
)
from sos_desktop.models.labels import meeting_kind_label
from sos_desktop.store.errors import StoreError
from sos_desktop.store.store import Store
from sos_desktop.store.team_settings import team_rubric
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.date_field import date_text, parse_typed_date
from sos_desktop.ui.development.self_rating import SelfRatingTable

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


class DevelopmentPlanWindow(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None, leader: str | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.plan = DevelopmentPlan("")
        self.facilitated: list[tuple[Meeting, Observations]] = []
        self._filling = False
        self.setWindowTitle(TITLE)
        self.setObjectName("development-plan")

        self.leader = QComboBox()
        self.leader.setAccessibleName("Practice leader")
        self.leader.setMinimumContentsLength(24)
        self.supervisor = QLineEdit()
        self.supervisor.setAccessibleName("Supervisor")
        self.started = QLineEdit()
        self.started.setAccessibleName("Trajectory started")
        self.started.setPlaceholderText("e.g. 1 Jun 2026")
        top = QHBoxLayout()
        for text, field in (("Practice &leader", self.leader), ("&Supervisor", self.supervisor)):
            label = QLabel(text)
            label.setBuddy(field)
            top.addWidget(label)
            top.addWidget(field)
        started = QLabel("&Started the trajectory")
        started.setBuddy(self.started)
        top.addWidget(started)
        top.addWidget(self.started)
        top.addStretch()

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
        goals_box = QGroupBox("Goals over two years")
        goals_layout = QVBoxLayout(goals_box)
        goals_layout.addWidget(self.goals, 1)
        goals_layout.addLayout(goal_buttons)
        goals_layout.addLayout(form, 2)

        self.rating_meeting = QComboBox()
        self.rating_meeting.setAccessibleName("Meeting to rate yourself on")
        self.ratings = SelfRatingTable()
        self.overall = QLabel()
        self.overall.setWordWrap(True)
        self.sign_offs = QListWidget()
        self.sign_offs.setAccessibleName("Sign-offs")
        self.sign_what = QComboBox()
        self.sign_what.addItem("The whole plan", "")
        for item in STAGES:
            self.sign_what.addItem(item.label, item.key)
        sign = QPushButton("Sign &off…")
        sign.setObjectName("sign-off")
        sign.clicked.connect(self.ask_sign_off)
        rating_box = QGroupBox("Your own rating beside the observer's")
        rating_layout = QVBoxLayout(rating_box)
        rating_layout.addWidget(self.rating_meeting)
        rating_layout.addWidget(self.ratings, 3)
        rating_layout.addWidget(self.overall)
        sign_box = QGroupBox("Sign-offs by the supervisor")
        sign_layout = QVBoxLayout(sign_box)
        sign_layout.addWidget(self.sign_offs)
        sign_row = QHBoxLayout()
        sign_row.addWidget(self.sign_what, 1)
        sign_row.addWidget(sign)
        sign_layout.addLayout(sign_row)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(rating_box, 3)
        right_layout.addWidget(sign_box, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(goals_box)
        split.addWidget(right)
        split.setSizes([640, 700])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        export = buttons.addButton("E&xport report PDF…", QDialogButtonBox.ButtonRole.ActionRole)
        export.setObjectName("export-report")
        export.clicked.connect(self.export_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)

        self.leader.currentTextChanged.connect(self.show_leader)
        self.supervisor.editingFinished.connect(self._details_changed)
        self.started.editingFinished.connect(self._details_changed)
        self.goals.currentRowChanged.connect(self._show_goal)
        for line in (self.goal_text, self.goal_target, self.next_step, self.evidence_note):
            line.editingFinished.connect(self._goal_changed)
        self.goal_stage.activated.connect(self._goal_changed)
        self.goal_status.activated.connect(self._goal_changed)
        self.evidence.itemChanged.connect(self._evidence_ticked)
        self.evidence.currentRowChanged.connect(self._show_evidence)
        self.rating_meeting.currentIndexChanged.connect(self._show_ratings)
        self.ratings.rated.connect(self.rate)
        self.ratings.refused.connect(lambda message: dialogs.tell(self, TITLE, message))
        self.resize(1360, 820)
        names = sorted({*store.facilitators(), *store.development_plans()}, key=str.casefold)
        self.leader.addItems(names)
        if leader and leader in names:
            self.leader.setCurrentText(leader)

    # The leader and saving ------------------------------------------------------------------------------------------

    def show_leader(self, name: str) -> None:
        try:
            self.facilitated = self.store.facilitated(name)
            self.plan = self.store.development_plan(name) or DevelopmentPlan(name)
        except StoreError as error:
            dialogs.tell(self, TITLE, str(error))
            return
        self._filling = True
        try:
            self.supervisor.setText(self.plan.supervisor)
            self.started.setText(date_text(self.plan.started_on) if self.plan.started_on else "")
            self.rating_meeting.clear()
            for meeting, _ in self.facilitated:
                self.rating_meeting.addItem(meeting_line(meeting), meeting.uid)
        finally:
            self._filling = False
        self._fill_goals(0)
        self._show_ratings()
        self._fill_sign_offs()

    def save(self) -> bool:
        """Save the plan at once; on failure say why in one sentence and keep what was typed."""
        try:
            self.plan = self.store.save_development_plan(copy.deepcopy(self.plan), self.plan.version)
        except StoreError as error:
            dialogs.tell(self, TITLE, str(error))
            return False
        return True

    def comparison(self) -> PlanComparison:
        return self_vs_observer(self.plan, self.facilitated, team_rubric(self.store), every_meeting=True)

    def _details_changed(self) -> None:
        if self._filling:
            return
        try:
            started = parse_typed_date(self.started.text()) if self.started.text().strip() else None
        except ValueError as error:
            dialogs.tell(self, TITLE, str(error))
            return
        if (self.supervisor.text().strip(), started) == (self.plan.supervisor, self.plan.started_on):
            return
        self.plan.supervisor, self.plan.started_on = self.supervisor.text().strip(), started
        self.save()

    # Goals ---------------------------------------------------------------------------------------------------------

    def add_goal(self) -> None:
        self.plan.goals.append(Goal("A new goal"))
        self.save()
        self._fill_goals(len(self.plan.goals) - 1)
        self.goal_text.setFocus()
        self.goal_text.selectAll()

    def remove_goal(self) -> None:
        row = self.goals.currentRow()
        if not 0 <= row < len(self.plan.goals):
            return
        if not dialogs.confirm(self, TITLE, f"Remove the goal “{self.plan.goals[row].text[:80]}”?"):
            return
        del self.plan.goals[row]
        self.save()
        self._fill_goals(min(row, len(self.plan.goals) - 1))

    def _fill_goals(self, current: int) -> None:
        self._filling = True
        try:
            self.goals.clear()
            for goal in self.plan.goals:
                self.goals.addItem(f"{stage(goal.stage).name}: {goal.text} — {goal.status.label}")
        finally:
            self._filling = False
        self.goals.setCurrentRow(current if self.plan.goals else -1)
        self._show_goal(self.goals.currentRow())

    def current_goal(self) -> Goal | None:
        row = self.goals.currentRow()
        return self.plan.goals[row] if 0 <= row < len(self.plan.goals) else None

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
            self.save()
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
        self.save()
        self._show_evidence()

    def _show_evidence(self, _row: int = -1) -> None:
        item, goal = self.evidence.currentItem(), self.current_goal()
        found = next((o for m, o in self.facilitated if item and m.uid == item.data(Qt.ItemDataRole.UserRole)), None)
        self.reference.setPlainText(observer_text(found) if found is not None else "")
        evidence = self._evidence_of(goal, item) if goal else None
        self.evidence_note.setEnabled(evidence is not None)
        self.evidence_note.setText(evidence.note if evidence else "")

    # Self-rating and sign-off ------------------------------------------------------------------------------------

    def _show_ratings(self, _index: int = -1) -> None:
        uid = self.rating_meeting.currentData()
        figures = self.comparison()
        meeting = figures.meeting(uid) if uid else None
        comments = {r.criterion: r.comment for r in self.plan.self_ratings.get(uid or "", [])}
        self.ratings.show_meeting(meeting, comments)
        means = [
            f"{r.criterion}: yours {r.leader:g}, observers' {r.observer:g}"
            for r in figures.overall
            if r.leader is not None and r.observer is not None
        ]
        self.overall.setText("Over every meeting — " + "; ".join(means) if means else "")

    def rate(self, criterion: str, value: float | None, comment: str) -> None:
        uid = self.rating_meeting.currentData()
        if not uid:
            return
        self.plan.set_self_rating(uid, criterion, value, comment)
        self.save()
        self._show_ratings()

    def ask_sign_off(self) -> None:
        what = str(self.sign_what.currentData() or "")
        name = dialogs.ask_text(self, "Sign off", "The supervisor signing off:", self.plan.supervisor)
        if name is None:
            return
        self.sign_off(name, what)

    def sign_off(self, supervisor: str, stage_key: str = "", comment: str = "") -> None:
        try:
            self.plan.sign_off(supervisor, date.today(), comment, stage_key)
        except ValueError as error:
            dialogs.tell(self, TITLE, str(error))
            return
        self.save()
        self._fill_sign_offs()

    def _fill_sign_offs(self) -> None:
        self.sign_offs.clear()
        for signed in self.plan.sign_offs:
            line = f"{signed.what} — signed off by {signed.supervisor} on {date_text(signed.on)}"
            self.sign_offs.addItem(line + (f": {signed.comment}" if signed.comment else ""))

    # The report -----------------------------------------------------------------------------------------------------

    def export_report(self) -> None:
        from sos_desktop.exporters.development_plan import write_development_report
        from sos_desktop.exporters.errors import ExportError

        suggestion = f"Development report - {self.plan.leader}.pdf"
        path = dialogs.ask_save_path(self, "Export the development report", suggestion, dialogs.PDF_FILTER)
        if path is None:
            return
        try:
            write_development_report(self.plan, self.facilitated, path)
        except ExportError as error:
            dialogs.tell(self, TITLE, str(error))

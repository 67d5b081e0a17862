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
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import Meeting, Observations
from sos_desktop.models.development_plan import (
    STAGES,
    DevelopmentPlan,
    PlanComparison,
    self_vs_observer,
)
from sos_desktop.store.errors import StoreError
from sos_desktop.store.store import Store
from sos_desktop.store.team_settings import team_rubric
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.date_field import date_text, parse_typed_date
from sos_desktop.ui.development.goal_editor import TITLE, GoalEditor, meeting_line
from sos_desktop.ui.development.self_rating import SelfRatingTable


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

        self.goal_editor = GoalEditor(lambda: self.plan, self.save)
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
        split.addWidget(self.goal_editor)
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
        self.goal_editor.facilitated = self.facilitated
        self.goal_editor.fill(0)
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
        self.overall.setText("Over the meetings you and an observer both rated — " + "; ".join(means) if means else "")

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

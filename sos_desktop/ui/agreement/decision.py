"""A conference's decision, as a form: what was decided (a child protection plan, a child in need plan, no further
action, or something else in words), the reasons, who disagreed and why, the day, and the chair who decided.

Each edit is one document call (one undo step; typing in one field merges). The chair starts as the meeting's
chair (the attendee in that role) the first time anything of the decision is recorded.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import AttendeeRole
from sos_desktop.models.agreement import OUTCOME_LABELS, Decision, Dissent, Outcome
from sos_desktop.models.meeting import MAX_LABEL_LENGTH
from sos_desktop.ui.common.date_field import OptionalDateField
from sos_desktop.ui.common.fields import PlainTextField, limit_length
from sos_desktop.ui.document.meeting import MeetingDocument

NOT_DECIDED = "Not decided yet"


class DecisionForm(QGroupBox):
    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__("Decision", parent)
        self.document = document
        self.outcome = QComboBox()
        self.outcome.setAccessibleName("What was decided")
        self.outcome.addItem(NOT_DECIDED, None)
        for outcome, label in OUTCOME_LABELS.items():
            self.outcome.addItem(label, outcome.value)
        self.outcome.activated.connect(self._outcome_chosen)
        self.other = QLineEdit()
        self.other.setAccessibleName("The decision in words")
        self.other.setPlaceholderText("What was decided, in words")
        limit_length(self.other, 10_000)
        self.other.textEdited.connect(lambda text: self._change("other", replace(self._decision(), other=text)))
        self.reasons = PlainTextField("The reasons for the decision")
        self.reasons.setPlaceholderText("Why the conference decided this.")
        self.reasons.textChanged.connect(
            lambda: self._change("reasons", replace(self._decision(), reasons=self.reasons.toPlainText()))
        )
        self.decided_on = OptionalDateField("the decision")
        self.decided_on.dateEdited.connect(lambda day: self._change(None, replace(self._decision(), decided_on=day)))
        self.chair = QLineEdit()
        self.chair.setAccessibleName("The chair who decided")
        limit_length(self.chair, MAX_LABEL_LENGTH)
        self.chair.textEdited.connect(lambda text: self._change("chair", replace(self._decision(), chair=text)))
        self.dissent = QTableWidget(0, 2)
        self.dissent.setAccessibleName("Who disagreed and why")
        self.dissent.setHorizontalHeaderLabels(["Who disagreed", "Why"])
        self.dissent.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.dissent.verticalHeader().setVisible(False)
        self.dissent.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        self.dissent.itemChanged.connect(self._dissent_edited)
        self.who = QComboBox()
        self.who.setAccessibleName("Who disagreed")
        add = QPushButton("Add who disagreed")
        add.clicked.connect(self._add_dissent)
        remove = QPushButton("Remove")
        remove.clicked.connect(self._remove_dissent)
        adder = QHBoxLayout()
        adder.addWidget(self.who, 1)
        adder.addWidget(add)
        adder.addWidget(remove)
        form = QFormLayout()
        form.addRow("&Decided", self.outcome)
        form.addRow("", self.other)
        form.addRow("&Why", self.reasons)
        form.addRow("Decided &on", self.decided_on)
        form.addRow("&Chair", self.chair)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.dissent)
        layout.addLayout(adder)
        document.familyMeetingChanged.connect(self.refresh)
        document.attendeesChanged.connect(self.refresh)
        self.refresh()

    def _decision(self) -> Decision:
        decision = self.document.meeting.family_meeting.decision
        if decision.is_empty() and not decision.chair:
            chair = next((a.name for a in self.document.meeting.attendees if a.role is AttendeeRole.CHAIR), "")
            decision = replace(decision, chair=chair, dissent=list(decision.dissent))
        return replace(decision, dissent=[Dissent(d.attendee, d.why) for d in decision.dissent])

    def _change(self, typing_in: str | None, decision: Decision) -> None:
        self.document.set_decision(decision, typing_in)

    def _outcome_chosen(self) -> None:
        value = self.outcome.currentData()
        self._change(None, replace(self._decision(), outcome=None if value is None else Outcome(value)))

    def refresh(self) -> None:
        decision = self.document.meeting.family_meeting.decision
        with QSignalBlocker(self.outcome):
            outcomes = list(OUTCOME_LABELS)
            self.outcome.setCurrentIndex(0 if decision.outcome is None else 1 + outcomes.index(decision.outcome))
        self.other.setVisible(decision.outcome is Outcome.OTHER)
        if self.other.text() != decision.other:
            self.other.setText(decision.other)
        self.reasons.show_text(decision.reasons)
        self.decided_on.set_value(decision.decided_on)
        shown_chair = decision.chair or self._decision().chair
        if self.chair.text() != shown_chair and not self.chair.hasFocus():
            self.chair.setText(shown_chair)
        with QSignalBlocker(self.dissent):
            self.dissent.setRowCount(len(decision.dissent))
            for row, dissent in enumerate(decision.dissent):
                self.dissent.setItem(row, 0, QTableWidgetItem(dissent.attendee))
                self.dissent.setItem(row, 1, QTableWidgetItem(dissent.why))
        listed = {d.attendee for d in decision.dissent}
        with QSignalBlocker(self.who):
            self.who.clear()
            for attendee in self.document.meeting.attendees:
                if attendee.name not in listed and attendee.role is not AttendeeRole.CHAIR:
                    self.who.addItem(attendee.name)

    def _dissent_edited(self, cell: QTableWidgetItem) -> None:
        decision = self._decision()
        if not 0 <= cell.row() < len(decision.dissent):
            return
        entry = decision.dissent[cell.row()]
        if cell.column() == 0:
            entry.attendee = cell.text().strip()[:MAX_LABEL_LENGTH] or entry.attendee
        else:
            entry.why = cell.text()
        self._change(f"dissent-{cell.row()}-{cell.column()}", decision)

    def _add_dissent(self) -> None:
        name = self.who.currentText().strip()
        if name:
            decision = self._decision()
            decision.dissent.append(Dissent(name))
            self._change(None, decision)

    def _remove_dissent(self) -> None:
        row = self.dissent.currentRow()
        decision = self._decision()
        if 0 <= row < len(decision.dissent):
            del decision.dissent[row]
            self._change(None, decision)

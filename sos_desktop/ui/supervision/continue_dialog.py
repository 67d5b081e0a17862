"""Meeting › New meeting from the last one: the title and date of the case's next meeting, and who of last time's
attendees are coming (all ticked: the regular attendees are offered). What is carried forward is said in the
dialog, so nobody is surprised: the map with its pairs, the scales unrated, last time's next steps to review.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import Attendee, Category, Meeting, check_label
from sos_desktop.models.continuity import following_title
from sos_desktop.models.labels import ROLE_LABELS
from sos_desktop.models.meeting import MAX_LABEL_LENGTH
from sos_desktop.ui.common.date_field import OptionalDateTimeField
from sos_desktop.ui.common.fields import limit_length


def carried_summary(previous: Meeting) -> str:
    """What the new meeting takes from ``previous``, in one sentence."""
    cards = sum(1 for item in previous.items if item.category is not Category.NEXT_STEP)
    steps = len(previous.items) - cards
    scales = len(previous.scales)
    when = f" ({previous.held_on.day} {previous.held_on:%B %Y})" if previous.held_on is not None else ""
    rules, milestones = len(previous.safety_plan.rules), len(previous.trajectory_plan.milestones)
    plans = []
    if rules:
        plans.append(f"the safety plan ({rules} rule{'s' if rules != 1 else ''})")
    if milestones:
        plans.append(f"the trajectory plan ({milestones} milestone{'s' if milestones != 1 else ''})")
    carried = f" It starts from {' and '.join(plans)} as they stand." if plans else ""
    return (
        f"Continues from “{previous.title}”{when}: its {cards} card{'s' if cards != 1 else ''} with their pairs, "
        f"{scales} scale{'s' if scales != 1 else ''} to rate again, and {steps} next "
        f"step{'s' if steps != 1 else ''} to review first.{carried}"
    )


class ContinueMeetingDialog(QDialog):
    def __init__(self, previous: Meeting, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New meeting from the last one")
        self.setObjectName("continue-meeting-dialog")
        self.previous = previous
        self.summary = QLabel(carried_summary(previous))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.when = OptionalDateTimeField("the new meeting")  # read as "Date of the new meeting", "Time of …"
        self.when.set_value(now)
        self.title = QLineEdit(following_title(previous, now.date()))
        self.title.setAccessibleName("Title of the new meeting")
        limit_length(self.title, MAX_LABEL_LENGTH)
        self._offered_title = self.title.text()
        self.when.dateTimeEdited.connect(self._date_changed)
        self.attendees = QListWidget()
        self.attendees.setAccessibleName("Last time's attendees coming again")
        for attendee in previous.attendees:
            item = QListWidgetItem(f"{attendee.name} ({ROLE_LABELS[attendee.role]})")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, attendee)
            self.attendees.addItem(item)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        form = QFormLayout()
        form.addRow("When", self.when)
        form.addRow("Title", self.title)
        form.addRow("Attendees", self.attendees)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Create the meeting")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(560, 460)

    def _date_changed(self, value: datetime | None) -> None:
        # The offered title follows the date until the user writes their own.
        if self.title.text() == self._offered_title:
            self._offered_title = following_title(self.previous, None if value is None else value.date())
            self.title.setText(self._offered_title)

    def chosen_attendees(self) -> list[Attendee]:
        chosen = []
        for row in range(self.attendees.count()):
            item = self.attendees.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(item.data(Qt.ItemDataRole.UserRole))
        return chosen

    def held_on(self) -> datetime | None:
        return self.when.value()

    def accept(self) -> None:
        try:
            check_label(self.title.text(), "A meeting")
        except ValueError as error:
            self.problem.setText(str(error))
            self.problem.show()
            self.title.setFocus()
            return
        super().accept()

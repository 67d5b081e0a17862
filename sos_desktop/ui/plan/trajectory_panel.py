"""The Trajectory plan page: the agency's road to closure, milestone by milestone (planned date, what, who, status,
the safety scale's hoped-for score), in date order. A milestone past its date and still planned or under way reads
Late, in amber, judged on the meeting's day (else today). Cells are edited in place; each change is an undo step.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models.chronology import MONTHS
from sos_desktop.models.trajectory_plan import (
    MAX_WHAT_LENGTH,
    STATUS_LABELS,
    Milestone,
    MilestoneStatus,
    in_date_order,
    is_late,
    status_label,
)
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.colours import AMBER
from sos_desktop.ui.common.date_field import OptionalDateField, parse_typed_date
from sos_desktop.ui.common.fields import limit_length
from sos_desktop.ui.document.meeting import MeetingDocument

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("Planned for", "Milestone", "Who", "Status", "Hoped-for score")
EMPTY = "No milestones yet. Set out the road to closure: each step, when, who, and the score hoped for by then."
_STATUS_BY_LABEL = {label.casefold(): status for status, label in STATUS_LABELS.items()}


def day_label(day: date | None) -> str:
    return "No date" if day is None else f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _read_day(text: str) -> date | None:
    """A typed date, day first as every date field of the console reads it; None for an empty cell."""
    return parse_typed_date(text) if text.strip() else None


class MilestoneModel(QAbstractTableModel):
    def __init__(self, document: MeetingDocument) -> None:
        super().__init__(document)
        self.document = document
        self.rows: list[Milestone] = in_date_order(document.trajectory_plan.milestones)
        document.trajectoryPlanChanged.connect(self.reset)

    def reset(self) -> None:
        self.beginResetModel()
        self.rows = in_date_order(self.document.trajectory_plan.milestones)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        milestone = self.rows[index.row()]
        late = is_late(milestone, self.document.plan_day())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            target = "" if milestone.target is None else f"{milestone.target:g}"
            return (
                day_label(milestone.planned_on),
                milestone.what,
                milestone.who,
                status_label(milestone, self.document.plan_day()),
                target,
            )[column]
        if role == Qt.ItemDataRole.EditRole:
            day = milestone.planned_on
            target = "" if milestone.target is None else f"{milestone.target:g}"
            day_text = "" if day is None else f"{day.day}/{day.month}/{day.year}"
            return (day_text, milestone.what, milestone.who, STATUS_LABELS[milestone.status], target)[column]
        if role == Qt.ItemDataRole.ForegroundRole and late:
            return QBrush(QColor(AMBER))
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return "Type Planned, Under way, Done or Dropped"
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        try:
            self._set(self.rows[index.row()], index.column(), str(value))
        except ValueError as error:
            self.document.noticed.emit(str(error))  # the cell keeps what it said; the status bar says why
            return False
        return True

    def _set(self, milestone: Milestone, column: int, text: str) -> None:
        values: dict[str, Any]
        if column == 0:
            values = {"planned_on": _read_day(text)}
        elif column == 1:
            values = {"what": text}
        elif column == 2:
            values = {"who": text}
        elif column == 3:
            status = _STATUS_BY_LABEL.get(text.strip().casefold())
            if status is None:
                raise ValueError("A milestone is Planned, Under way, Done or Dropped.")
            values = {"status": status}
        else:
            values = {"target": float(text.replace(",", ".")) if text.strip() else None}
        self.document.change_milestone(milestone.key, **values)


class TrajectoryPlanPanel(QWidget):
    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = MilestoneModel(document)
        self.table = QTableView()
        self.table.setAccessibleName("Milestones of the trajectory plan")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setObjectName("trajectory-plan-summary")
        self.summary.setWordWrap(True)
        self.what = QLineEdit()
        self.what.setAccessibleName("New milestone")
        self.what.setPlaceholderText("A milestone: network meeting, safety plan tried for two weeks, case closes…")
        limit_length(self.what, MAX_WHAT_LENGTH)
        self.when = OptionalDateField("Planned for", "No date")
        self.when.today = document.plan_day
        self.when.setMinimumWidth(200)
        self.who = QLineEdit()
        self.who.setAccessibleName("Who")
        self.who.setPlaceholderText("Who")
        self.target = QLineEdit()
        self.target.setAccessibleName("Hoped-for score, 0 to 10")
        self.target.setPlaceholderText("Score hoped for")
        self.target.setMaximumWidth(130)
        add = QPushButton("&Add milestone")
        remove = QPushButton("Take milestone off")
        done = QPushButton("Mark &done")
        form = QHBoxLayout()
        for widget in (self.what, self.when, self.who, self.target, add):
            form.addWidget(widget, 2 if widget is self.what else 0)
        actions = QHBoxLayout()
        actions.addWidget(done)
        actions.addWidget(remove)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(form)
        add.clicked.connect(self._add)
        self.what.returnPressed.connect(self._add)
        self.target.returnPressed.connect(self._add)
        remove.clicked.connect(self._remove)
        done.clicked.connect(self._done)
        document.trajectoryPlanChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        plan = self.document.trajectory_plan
        day = self.document.plan_day()
        late = [m for m in plan.milestones if is_late(m, day)]
        if not plan.milestones:
            self.summary.setText(EMPTY)
            self.summary.setStyleSheet("")
            return
        text = f"{len(plan.milestones)} milestones, judged on {day_label(day)}."
        if late:
            text += f" {len(late)} late: " + "; ".join(m.what for m in late) + "."
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {AMBER}; font-weight: bold;" if late else "")
        self.table.resizeRowsToContents()

    def _chosen(self) -> Milestone | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows and self.table.currentIndex().isValid():
            return self.model.rows[self.table.currentIndex().row()]
        return self.model.rows[rows[0].row()] if rows else None

    def _add(self) -> None:
        if not self.what.text().strip():
            self.what.setFocus()
            return
        try:
            target = float(self.target.text().replace(",", ".")) if self.target.text().strip() else None
            self.document.add_milestone(self.what.text(), self.when.value(), self.who.text(), target)
        except ValueError as error:
            dialogs.tell(self, "Trajectory plan", str(error))
            return
        self.what.clear()
        self.who.clear()
        self.target.clear()
        self.what.setFocus()

    def _remove(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.document.remove_milestone(chosen.key)

    def _done(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.document.change_milestone(chosen.key, status=MilestoneStatus.DONE)

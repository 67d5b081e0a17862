"""The team's agenda for one kind of meeting, as Settings edits it: a table of phases (title, planned minutes) with
add, remove and move, and a box choosing which kind of meeting's agenda is shown. Nothing is saved here: the
Settings dialog saves every kind's agenda that was shown, on OK.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import AgendaPhase, MeetingKind
from sos_desktop.models.labels import MEETING_KIND_LABELS
from sos_desktop.models.meeting import MAX_LABEL_LENGTH
from sos_desktop.store.team_settings import MAX_PLANNED_MINUTES


class AgendaEditor(QWidget):
    """The team's default agenda as a table of phases (title, planned minutes), with add, remove and move."""

    def __init__(self, phases: list[AgendaPhase], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Phase", "Minutes"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons; arrows move within it
        self.table.setAccessibleName("Default agenda")
        self.table.setToolTip("The phases new meetings start with: double-click a title or the minutes to change them")
        self._keys: list[str] = []
        for phase in phases:
            self._append(phase.phase, phase.title, phase.planned_minutes)
        self.add = self._button("Add phase", "Add a phase after the selected one", self._add)
        self.remove = self._button("Remove", "Remove the selected phase", self._remove)
        self.up = self._button("▲", "Move the selected phase earlier", lambda: self._move(-1), "Move phase up")
        self.down = self._button("▼", "Move the selected phase later", lambda: self._move(1), "Move phase down")
        buttons = QHBoxLayout()
        for button in (self.add, self.remove, self.up, self.down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _button(self, text: str, tip: str, slot: object, name: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        if name:
            button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    def _append(self, key: str, title: str, minutes: float | None, row: int | None = None) -> None:
        row = self.table.rowCount() if row is None else row
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(title))
        item = QTableWidgetItem()
        item.setData(Qt.ItemDataRole.EditRole, round(minutes) if minutes else 0)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 1, item)
        self._keys.insert(row, key)

    def _add(self) -> None:
        current = self.table.currentRow()
        row = current + 1 if current >= 0 else self.table.rowCount()
        key = next(f"custom-{n}" for n in range(1, len(self._keys) + 2) if f"custom-{n}" not in self._keys)
        self._append(key, "New phase", 5, row)
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0) or QTableWidgetItem())

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            del self._keys[row]

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        to = row + step
        if row < 0 or not 0 <= to < self.table.rowCount():
            return
        phases = self.phases()
        phases.insert(to, phases.pop(row))
        self.set_phases(phases)
        self.table.setCurrentCell(to, 0)

    def set_phases(self, phases: list[AgendaPhase]) -> None:
        self.table.setRowCount(0)
        self._keys = []
        for phase in phases:
            self._append(phase.phase, phase.title, phase.planned_minutes)

    def phases(self) -> list[AgendaPhase]:
        """The phases as the table shows them; a phase of 0 minutes has no time box."""
        phases = []
        for row, key in enumerate(self._keys):
            title_item, minutes_item = self.table.item(row, 0), self.table.item(row, 1)
            title = (title_item.text() if title_item else "").strip()[:MAX_LABEL_LENGTH] or "Phase"
            try:
                minutes = float(minutes_item.data(Qt.ItemDataRole.EditRole)) if minutes_item else 0.0
            except (TypeError, ValueError):
                minutes = 0.0
            planned = minutes if 0 < minutes <= MAX_PLANNED_MINUTES else None
            phases.append(AgendaPhase(key, title, planned))
        return phases


class KindAgendas(QWidget):
    """Every kind of meeting's agenda in one editor: the kind box above the phases of the kind it shows."""

    def __init__(self, agendas: dict[MeetingKind, list[AgendaPhase]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agendas = {kind: list(phases) for kind, phases in agendas.items()}
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of meeting whose agenda is shown")
        self.kind.setToolTip("Each kind of meeting starts with its own agenda")
        for kind, label in MEETING_KIND_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.shown = MeetingKind.GROUP_SUPERVISION
        self.editor = AgendaEditor(self.agendas[self.shown])
        self.table = self.editor.table
        self.kind.activated.connect(lambda: self.show_kind(MeetingKind(self.kind.currentData())))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.editor, 1)

    def show_kind(self, kind: MeetingKind) -> None:
        self.agendas[self.shown] = self.editor.phases()
        self.shown = kind
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.editor.set_phases(self.agendas[kind])

    def all_agendas(self) -> dict[MeetingKind, list[AgendaPhase]]:
        """Each kind's agenda as edited (the one shown as its table stands)."""
        self.agendas[self.shown] = self.editor.phases()
        return dict(self.agendas)

    def set_all(self, agendas: dict[MeetingKind, list[AgendaPhase]]) -> None:
        self.agendas = {kind: list(phases) for kind, phases in agendas.items()}
        self.editor.set_phases(self.agendas[self.shown])

    # The shown kind's editor, as the dialog and its tests reach it.
    @property
    def add(self) -> QPushButton:
        return self.editor.add

    @property
    def remove(self) -> QPushButton:
        return self.editor.remove

    def phases(self) -> list[AgendaPhase]:
        return self.editor.phases()

    def set_phases(self, phases: list[AgendaPhase]) -> None:
        self.editor.set_phases(phases)

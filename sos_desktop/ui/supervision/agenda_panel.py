"""The Agenda page: the meeting's time-boxed phases, with the clock that runs through them.

The facilitator starts the meeting (F6), moves on (F7) and pauses (Shift+F6); each phase's planned and actual
minutes are kept as they go, and saved, so a meeting reopened after a crash is still timed right. The phases are
edited here for this meeting, and can be saved as the team's default agenda. Every change is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models.agenda import clock_text, spent
from sos_desktop.ui.common.empty_state import hint_when_empty
from sos_desktop.ui.document.meeting import MeetingDocument

OVER_COLOUR = QColor("#B35C00")
COLUMNS = ("", "Phase", "Planned (min)", "Spent")
NOT_STARTED = "Not started: press Start (F6) when the group is ready."


def _button(text: str, tip: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setAccessibleName(name)
    return button


class AgendaPanel(QWidget):
    """The clock and the list of phases."""

    def __init__(
        self,
        document: MeetingDocument,
        projector_links: tuple[QAction, QAction] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``projector_links``: the Projector menu's "show the clock" and "follow the phase" actions."""
        super().__init__(parent)
        self.document = document
        self.setObjectName("agenda-panel")
        self.phase_label = QLabel()
        self.phase_label.setAccessibleName("Current phase")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.phase_label.setFont(big)
        self.clock_label = QLabel()
        self.clock_label.setAccessibleName("Time in this phase and in the meeting")
        clock_font = QFont(self.font())
        clock_font.setPointSizeF(clock_font.pointSizeF() * 1.3)
        self.clock_label.setFont(clock_font)
        self.start = _button("▶ Start", "Start the meeting, or resume it after a pause (F6)", "Start or resume")
        self.next = _button("Next phase ›", "End this phase and start the next (F7)", "Next phase")
        self.pause = _button("Pause", "Stop the clock; Start resumes it (Shift+F6)", "Pause")
        self.start.clicked.connect(document.start_agenda)
        self.next.clicked.connect(document.next_agenda_phase)
        self.pause.clicked.connect(document.pause_agenda)
        controls = QHBoxLayout()
        for button in (self.start, self.next, self.pause):
            controls.addWidget(button)
        controls.addStretch(1)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Agenda phases")
        hint_when_empty(self.table, "No phases yet: press Use the team's agenda, or Add phase for each part.")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip("Double-click a title or planned time to change it; the spent time is kept by the clock")
        self.table.itemChanged.connect(self._cell_edited)
        self.table.cellDoubleClicked.connect(self._double_clicked)

        self.add = _button("Add phase", "Add a phase after the selected one", "Add phase")
        self.remove = _button("Remove", "Remove the selected phase", "Remove phase")
        self.up = _button("▲", "Move the selected phase earlier", "Move phase up")
        self.down = _button("▼", "Move the selected phase later", "Move phase down")
        self.go = _button("Go to this phase", "Stop the current phase and run the selected one", "Go to phase")
        self.use_default = _button("Use the team's agenda", "Replace these phases with the team's default", "Default")
        self.save_default = _button(
            "Save as the team's agenda", "Make these phases the default for new meetings", "Save as default"
        )
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(lambda: self._with_row(document.remove_phase))
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.go.clicked.connect(lambda: self._with_row(document.go_to_phase))
        self.use_default.clicked.connect(document.use_agenda_template)
        self.save_default.clicked.connect(self._save_default)
        editing = QHBoxLayout()
        for button in (self.add, self.remove, self.up, self.down, self.go):
            editing.addWidget(button)
        editing.addStretch(1)
        editing.addWidget(self.use_default)
        editing.addWidget(self.save_default)

        self.show_on_projector = QCheckBox("Show the timer on the projector")
        self.show_on_projector.setToolTip("A small clock in a corner of the projected picture")
        self.follow_phase = QCheckBox("The projector follows the phase (focus question, network, map, scales…)")
        self.follow_phase.setToolTip("Each phase shows the view that goes with it on the projector")
        if projector_links is None:
            self.show_on_projector.hide()
            self.follow_phase.hide()
        else:
            for box, action in zip((self.show_on_projector, self.follow_phase), projector_links, strict=True):
                box.setChecked(action.isChecked())
                box.toggled.connect(action.setChecked)
                action.toggled.connect(box.setChecked)

        layout = QVBoxLayout(self)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.clock_label)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        layout.addLayout(editing)
        layout.addWidget(self.show_on_projector)
        layout.addWidget(self.follow_phase)

        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.tick)
        document.agendaChanged.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.refresh()

    # Showing ---------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild the table from the agenda (its rows change only by an edit, never by the clock's ticking)."""
        agenda = self.document.meeting.agenda
        selected = self.table.currentRow()
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(agenda))
            for row, phase in enumerate(agenda):
                planned = "" if phase.planned_minutes is None else f"{phase.planned_minutes:g}"
                cells = ("", phase.title or phase.phase, planned, "")
                for column, text in enumerate(cells):
                    cell = QTableWidgetItem(text)
                    editable = column in (1, 2)
                    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                    cell.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
                    self.table.setItem(row, column, cell)
            if 0 <= selected < len(agenda):
                self.table.selectRow(selected)
        self.tick()
        self._selection_changed()

    def tick(self) -> None:
        """Bring the clock and the spent times up to date."""
        agenda = self.document.meeting.agenda
        now = self.document.now()
        state = self.document.agenda_state()
        planned_total = sum(p.planned_minutes or 0 for p in agenda)
        for row, phase in enumerate(agenda):
            minutes = spent(phase, now)
            running = phase.started_at is not None
            over = phase.planned_minutes is not None and minutes > phase.planned_minutes
            marker = "▶" if running else ("✓" if minutes and (state.current is None or row < state.current) else "")
            self._set_cell(row, 0, marker)
            self._set_cell(row, 3, clock_text(minutes) if minutes or running else "", OVER_COLOUR if over else None)
        if state.current is None:
            ended = state.meeting_minutes > 0
            self.phase_label.setText("The meeting has ended" if ended else "Not started")
            self.clock_label.setText(
                f"Whole meeting {clock_text(state.meeting_minutes)} of {clock_text(planned_total)} planned"
                if ended
                else NOT_STARTED
            )
        else:
            phase = agenda[state.current]
            prefix = "" if state.running else "Paused · "
            self.phase_label.setText(f"{prefix}{state.current + 1}. {phase.title or phase.phase}")
            planned = "" if phase.planned_minutes is None else f" of {clock_text(phase.planned_minutes)}"
            late = " — over time" if state.over else ""
            self.clock_label.setText(
                f"This phase {clock_text(state.phase_minutes)}{planned}{late} · "
                f"whole meeting {clock_text(state.meeting_minutes)} of {clock_text(planned_total)}"
            )
        palette_colour = OVER_COLOUR.name() if state.over else ""
        self.clock_label.setStyleSheet(f"color: {palette_colour};" if palette_colour else "")
        self.start.setEnabled(bool(agenda) and not state.running)
        self.start.setText("▶ Resume" if state.current is not None and not state.running else "▶ Start")
        self.next.setEnabled(bool(agenda) and state.current is not None)
        self.pause.setEnabled(state.running)
        if state.running and not self._ticker.isActive():
            self._ticker.start()
        elif not state.running:
            self._ticker.stop()

    def _set_cell(self, row: int, column: int, text: str, colour: QColor | None = None) -> None:
        cell = self.table.item(row, column)
        if cell is None or (cell.text() == text and colour is None):
            return
        with QSignalBlocker(self.table):
            cell.setText(text)
            if colour is not None:
                cell.setForeground(colour)

    # Editing ---------------------------------------------------------------------------------------------------

    def _double_clicked(self, row: int, column: int) -> None:
        if column in (0, 3):
            self.table.selectRow(row)

    def _cell_edited(self, cell: QTableWidgetItem) -> None:
        row, column = cell.row(), cell.column()
        try:
            if column == 1 and cell.text().strip():
                self.document.set_phase_field(row, "title", cell.text().strip())
            elif column == 2:
                text = cell.text().strip().replace(",", ".")
                self.document.set_phase_field(row, "planned_minutes", float(text) if text else None)
        except ValueError as refused:
            message = str(refused) if "between" in str(refused) else "The planned time is a number of minutes."
            self.document.noticed.emit(message)
        self.refresh()  # shows the value kept (or the one refused, put back)

    def _with_row(self, action: object) -> None:
        row = self.table.currentRow()
        if row >= 0 and callable(action):
            action(row)

    def _add(self) -> None:
        row = self.table.currentRow()
        self.document.add_phase("New phase", 5, None if row < 0 else row + 1)
        self.table.selectRow(len(self.document.meeting.agenda) - 1 if row < 0 else row + 1)

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        to = max(0, min(row + step, self.table.rowCount() - 1))
        self.document.move_phase(row, to)
        self.table.selectRow(to)

    def _save_default(self) -> None:
        if self.document.save_agenda_as_template():
            self.document.noticed.emit("These phases are now the team's default agenda for new meetings.")

    def _selection_changed(self) -> None:
        row = self.table.currentRow()
        has = 0 <= row < self.table.rowCount()
        for button in (self.remove, self.go):
            button.setEnabled(has)
        self.up.setEnabled(has and row > 0)
        self.down.setEnabled(has and row < self.table.rowCount() - 1)

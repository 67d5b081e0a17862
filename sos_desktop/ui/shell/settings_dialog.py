"""The Settings dialog (Edit › Settings…, Ctrl+,): this machine's defaults, and the team's defaults in the database.

On this machine (``settings_keys``): the framework a new case starts with, the protective marking of exports, the
projector's theme and type scale, and where backups go and how many are kept. For the whole team, in the database
everyone shares: the agenda new meetings start with, and the criteria an observer rates a facilitation against.
Nothing is saved until OK; Cancel leaves everything as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.exporters.minutes import DEFAULT_MARKING
from sos_desktop.models import AgendaPhase, Framework
from sos_desktop.models.meeting import MAX_LABEL_LENGTH
from sos_desktop.models.observation import DEFAULT_RUBRIC
from sos_desktop.models.templates import template
from sos_desktop.store.errors import StoreError
from sos_desktop.store.store import Store
from sos_desktop.store.team_settings import (
    MAX_PLANNED_MINUTES,
    save_team_agenda,
    save_team_rubric,
    team_agenda,
    team_rubric,
)
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.fields import limit_length
from sos_desktop.ui.common.minutes_dialog import MAX_MARKING
from sos_desktop.ui.common.settings_keys import (
    BACKUP_FOLDER_KEY,
    BACKUP_KEEP_KEY,
    BACKUP_KEEP_RANGE,
    FRAMEWORK_KEY,
    MARKING_KEY,
    THEME_KEY,
    TYPE_SCALE_KEY,
    TYPE_SCALES,
    backup_keep,
    default_framework,
    type_scale,
)
from sos_desktop.ui.projector import DEFAULT_THEME, THEMES
from sos_desktop.ui.projector.control import THEME_NAMES

if TYPE_CHECKING:
    from sos_desktop.ui.common.console import Console


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


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


class SettingsDialog(QDialog):
    """Settings in four tabs; ``save()`` (on OK) writes them and applies what can be applied at once."""

    def __init__(self, window: Console) -> None:
        super().__init__(window)
        self.window_ = window
        self.settings: QSettings = window.settings
        self.store: Store = window.store
        self.setWindowTitle("Settings")
        self.setMinimumSize(640, 500)
        self.pages = QTabWidget()
        self.pages.setAccessibleName("Settings pages")
        self.pages.addTab(self._cases_page(), "&Cases and exports")
        self.pages.addTab(self._projector_page(), "&Projector")
        self.pages.addTab(self._backups_page(), "&Backups")
        self.pages.addTab(self._team_page(), "&Team defaults")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)

    # Pages -------------------------------------------------------------------------------------------------------

    def _cases_page(self) -> QWidget:
        page = QWidget()
        self.framework = QComboBox()
        for framework in Framework:
            self.framework.addItem(template(framework).name, framework.value)
        self.framework.setCurrentIndex(self.framework.findData(default_framework(self.settings).value))
        self.framework.setAccessibleName("Framework for new cases")
        self.framework.setToolTip("The practice framework a new case starts with; each case can still choose its own")
        self.marking = QLineEdit(str(self.settings.value(MARKING_KEY, DEFAULT_MARKING)))
        limit_length(self.marking, MAX_MARKING)
        self.marking.setAccessibleName("Protective marking")
        self.marking.setToolTip("Printed at the top and bottom of every page of the minutes, e.g. OFFICIAL-SENSITIVE")
        form = QFormLayout(page)
        form.addRow("&Framework for new cases", self.framework)
        form.addRow(
            _hint(
                "Signs of Safety for child protection, Signs of Wellbeing for early help and children in need, "
                "Signs of Success for children in care and care leavers."
            )
        )
        form.addRow("Protective &marking", self.marking)
        form.addRow(_hint("The minutes dialog starts with this marking; you can change it for one export there."))
        return page

    def _projector_page(self) -> QWidget:
        page = QWidget()
        self.theme = QComboBox()
        for name in THEMES:
            self.theme.addItem(THEME_NAMES.get(name, name), name)
        current = str(self.settings.value(THEME_KEY, DEFAULT_THEME))
        self.theme.setCurrentIndex(max(0, self.theme.findData(current)))
        self.theme.setAccessibleName("Projector theme")
        self.theme.setToolTip("High contrast reads best on most meeting-room projectors; T changes it during a meeting")
        self.type_scale = QComboBox()
        for factor in TYPE_SCALES:
            own = " (the theme's own)" if factor == 1.0 else ""
            self.type_scale.addItem(f"{round(factor * 100)}%{own}", factor)
        chosen = type_scale(self.settings)
        self.type_scale.setCurrentIndex(min(range(len(TYPE_SCALES)), key=lambda i: abs(TYPE_SCALES[i] - chosen)))
        self.type_scale.setAccessibleName("Projector type size")
        self.type_scale.setToolTip("Larger for a big room or a small screen; + and − still zoom during a meeting")
        form = QFormLayout(page)
        form.addRow("&Theme", self.theme)
        form.addRow("Type &size", self.type_scale)
        form.addRow(_hint("Sit at the back of the room and read a card: if you cannot, choose a larger size."))
        return page

    def _backups_page(self) -> QWidget:
        page = QWidget()
        self.backup_folder = QLineEdit(str(self.settings.value(BACKUP_FOLDER_KEY, "")))
        self.backup_folder.setPlaceholderText("Beside the database (the usual place)")
        self.backup_folder.setAccessibleName("Backup folder")
        self.backup_folder.setToolTip("Where automatic backups go; leave empty for the folder beside the database")
        browse = QPushButton("Choose…")
        browse.setToolTip("Choose the backup folder")
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(browse)
        self.backup_keep = QSpinBox()
        self.backup_keep.setRange(*BACKUP_KEEP_RANGE)
        self.backup_keep.setValue(backup_keep(self.settings))
        self.backup_keep.setSuffix(" backups")
        self.backup_keep.setMaximumWidth(self.backup_keep.fontMetrics().horizontalAdvance("000 backups") + 48)
        self.backup_keep.setAccessibleName("Backups to keep")
        self.backup_keep.setToolTip("How many automatic backups are kept; older ones are removed")
        form = QFormLayout(page)
        label = QLabel("Backup &folder")
        label.setBuddy(self.backup_folder)
        form.addRow(label, folder_row)
        form.addRow("&Keep the newest", self.backup_keep)
        form.addRow(
            _hint(
                "Choose a folder on the council's network drive if your laptop may be lost or replaced. Backups hold "
                "case data: keep them where only your team can read them. A shared PostgreSQL database is backed up "
                "by the council, not here."
            )
        )
        return page

    def _team_page(self) -> QWidget:
        page = QWidget()
        self.agenda = AgendaEditor(team_agenda(self.store))
        self.rubric = QPlainTextEdit("\n".join(team_rubric(self.store)))
        self.rubric.setAccessibleName("Observer's rubric")
        self.rubric.setToolTip("What an observer rates a facilitation against: one criterion a line")
        self.rubric.setTabChangesFocus(True)
        restore = QPushButton("Use the practice's defaults")
        restore.setToolTip("Put back the group-supervision agenda and the rubric the practice describes")
        restore.clicked.connect(self._restore_defaults)
        agenda_label = QLabel("Default &agenda (minutes; 0 for no time box)")
        agenda_label.setBuddy(self.agenda.table)
        rubric_label = QLabel("Observer's &rubric (one criterion a line)")
        rubric_label.setBuddy(self.rubric)
        layout = QVBoxLayout(page)
        layout.addWidget(_hint("Shared by everyone using this database; used by meetings made or opened from now on."))
        layout.addWidget(agenda_label)
        layout.addWidget(self.agenda, 3)
        layout.addWidget(rubric_label)
        layout.addWidget(self.rubric, 2)
        layout.addWidget(restore, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Backup folder", self.backup_folder.text())
        if folder:
            self.backup_folder.setText(folder)

    def _restore_defaults(self) -> None:
        from sos_desktop.models.demo import default_agenda

        self.agenda.set_phases(default_agenda())
        self.rubric.setPlainText("\n".join(DEFAULT_RUBRIC))

    # Saving ------------------------------------------------------------------------------------------------------

    def accept(self) -> None:
        if self.save():
            super().accept()

    def save(self) -> bool:
        """Write every setting; apply the projector's at once. False (the user told why) if the team's could not be
        saved to the database.
        """
        s = self.settings
        s.setValue(FRAMEWORK_KEY, self.framework.currentData())
        s.setValue(MARKING_KEY, " ".join(self.marking.text().split()) or DEFAULT_MARKING)
        s.setValue(TYPE_SCALE_KEY, float(self.type_scale.currentData()))
        s.setValue(BACKUP_FOLDER_KEY, self.backup_folder.text().strip())
        s.setValue(BACKUP_KEEP_KEY, self.backup_keep.value())
        # The console saves THEME_KEY, ticks the Projector menu and repaints the wall.
        self.window_.apply_projector_look(str(self.theme.currentData()), float(self.type_scale.currentData()))
        s.sync()
        try:
            save_team_agenda(self.store, self.agenda.phases())
            save_team_rubric(self.store, self.rubric.toPlainText().splitlines())
        except StoreError as error:
            dialogs.tell(self, "The team's defaults were not saved", str(error))
            return False
        return True


def show_settings(window: Console) -> SettingsDialog:
    """Open the Settings dialog over the console (not modal to the whole app: the projector keeps its keys)."""
    dialog = SettingsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog

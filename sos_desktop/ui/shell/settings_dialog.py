"""The Settings dialog (Edit › Settings…, Ctrl+,): this machine's defaults, and the team's defaults in the database.

On this machine (``settings_keys``): the framework a new case starts with, the protective marking of exports, the
projector's theme and type scale, and where backups go and how many are kept. For the whole team, in the database
everyone shares: the agenda each kind of meeting starts with, the criteria an observer rates a facilitation against,
and the jargon flagged on the cards while the family is present.
Nothing is saved until OK; Cancel leaves everything as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.exporters.minutes import DEFAULT_MARKING
from sos_desktop.models import Framework, MeetingKind
from sos_desktop.models.jargon import DEFAULT_JARGON, clean_jargon
from sos_desktop.models.meeting_kinds import kind_agenda
from sos_desktop.models.observation import DEFAULT_RUBRIC
from sos_desktop.models.templates import template
from sos_desktop.store.errors import StoreError
from sos_desktop.store.store import Store
from sos_desktop.store.team_settings import (
    save_team_agenda,
    save_team_jargon,
    save_team_rubric,
    team_agenda,
    team_jargon,
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
from sos_desktop.ui.shell.agenda_editor import KindAgendas

if TYPE_CHECKING:
    from sos_desktop.ui.common.console import Console


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


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
        self.agenda = KindAgendas({kind: team_agenda(self.store, kind) for kind in MeetingKind})
        self.jargon = QPlainTextEdit("\n".join(team_jargon(self.store)))
        self.jargon.setAccessibleName("Jargon to flag with the family present")
        self.jargon.setToolTip(
            "Words and phrases flagged on the cards while the family is present: one a line, any case, whole words"
        )
        self.jargon.setTabChangesFocus(True)
        self.rubric = QPlainTextEdit("\n".join(team_rubric(self.store)))
        self.rubric.setAccessibleName("Observer's rubric")
        self.rubric.setToolTip("What an observer rates a facilitation against: one criterion a line")
        self.rubric.setTabChangesFocus(True)
        restore = QPushButton("Use the practice's defaults")
        restore.setToolTip("Put back each kind's agenda, the rubric and the jargon list the practice describes")
        restore.clicked.connect(self._restore_defaults)
        agenda_label = QLabel("&Agenda for each kind of meeting (minutes; 0 for no time box)")
        agenda_label.setBuddy(self.agenda.table)
        rubric_label = QLabel("Observer's &rubric (one criterion a line)")
        rubric_label.setBuddy(self.rubric)
        jargon_label = QLabel("&Jargon to flag when the family is present (one a line)")
        jargon_label.setBuddy(self.jargon)
        layout = QVBoxLayout(page)
        layout.addWidget(_hint("Shared by everyone using this database; used by meetings made or opened from now on."))
        layout.addWidget(agenda_label)
        layout.addWidget(self.agenda, 3)
        layout.addWidget(rubric_label)
        layout.addWidget(self.rubric, 2)
        layout.addWidget(jargon_label)
        layout.addWidget(self.jargon, 2)
        layout.addWidget(restore, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Backup folder", self.backup_folder.text())
        if folder:
            self.backup_folder.setText(folder)

    def _restore_defaults(self) -> None:
        self.agenda.set_all({kind: kind_agenda(kind) for kind in MeetingKind})
        self.rubric.setPlainText("\n".join(DEFAULT_RUBRIC))
        self.jargon.setPlainText("\n".join(DEFAULT_JARGON))

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
            jargon = clean_jargon(self.jargon.toPlainText().splitlines())
        except ValueError as error:
            dialogs.tell(self, "The jargon list was not saved", str(error))
            return False
        try:
            for kind, phases in self.agenda.all_agendas().items():
                save_team_agenda(self.store, phases, kind)
            save_team_rubric(self.store, self.rubric.toPlainText().splitlines())
            save_team_jargon(self.store, jargon)
        except StoreError as error:
            dialogs.tell(self, "The team's defaults were not saved", str(error))
            return False
        if self.window_.document is not None:
            self.window_.document.forget_jargon()  # the open meeting's cards flag the new list at once
        return True


def show_settings(window: Console) -> SettingsDialog:
    """Open the Settings dialog over the console (not modal to the whole app: the projector keeps its keys)."""
    dialog = SettingsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog

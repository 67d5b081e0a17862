"""The facilitator's console: the navigator of cases and meetings beside the open meeting's map and details.

The window is built in two steps so that it paints before the store is open (issue 9's start-up target): the
frame (menu titles, the navigator, "Opening the database…") needs only Qt and the light modules imported at the
top of this file; :meth:`MainWindow.attach_store` then fills it. The modules that import SQLAlchemy, the
projector or the pages are therefore imported where they are first used, never at the top of this file
(``tests/test_startup_imports.py`` checks it).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QCloseEvent, QPalette, QUndoGroup
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QLabel,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from sos_desktop import APP_NAME, __version__
from sos_desktop.lazy_names import lazy_module
from sos_desktop.store.errors import StoreError
from sos_desktop.ui.common.actions import ActionId, Key, bind, make_action, make_shortcuts
from sos_desktop.ui.common.compact_tabs import make_compact
from sos_desktop.ui.common.console import PAGE_KEYS
from sos_desktop.ui.common.settings_keys import (
    LAST_MEETING,
    SHOW_GREY_AREAS_KEY,
    WINDOW_GEOMETRY_KEY,
    database_setting,
)
from sos_desktop.ui.shell.case_actions import CaseActions

if TYPE_CHECKING:
    from sos_desktop.ui.common import dialogs
else:
    dialogs = lazy_module("sos_desktop.ui.common.dialogs")  # its module is run when the first dialog is asked for

if TYPE_CHECKING:
    from sos_desktop.models import Category, Meeting
    from sos_desktop.store.store import Store
    from sos_desktop.ui.chronology.panel import ChronologyPanel
    from sos_desktop.ui.document.meeting import MeetingDocument
    from sos_desktop.ui.map.panel import MapPanel
    from sos_desktop.ui.network.panel import NetworkPanel
    from sos_desktop.ui.review.panel import SinceLastTimePanel
    from sos_desktop.ui.scaling.panel import ScalesPanel
    from sos_desktop.ui.supervision.agenda_panel import AgendaPanel
    from sos_desktop.ui.supervision.details_panel import DetailsPanel
    from sos_desktop.ui.voice.panel import VoicePanel

SAVED_MESSAGE = "All changes saved"


MENU_TITLES = ("&File", "&Edit", "&View", "&Meeting", "&Projector", "&Practice", "&Help")
OPENING_MESSAGE = "Opening the database…"


class MainWindow(CaseActions):
    def __init__(self, store: Store | None, settings: QSettings, parent: QWidget | None = None) -> None:
        """The console over ``store``; with None, only its frame, until :meth:`attach_store` (as at start-up)."""
        super().__init__(parent)
        self.settings = settings
        self.document: MeetingDocument | None = None
        self.map_panel: MapPanel | None = None
        self.scales_panel: ScalesPanel | None = None
        self.setWindowTitle(APP_NAME)
        self.undo_group = QUndoGroup(self)
        self._attached = False

        # The frame: the navigator's place (a plain pane until the store is open), the message, the menus' titles.
        # Centred by its own markup: the Qt namespace costs PySide some 20 ms to build, after the first paint.
        self._opening = QLabel(f'<p align="center">{OPENING_MESSAGE}</p>')
        self.stack = QStackedWidget()
        self.stack.addWidget(self._opening)
        self._navigator_place = QFrame()  # framed like the tree that takes its place
        self._navigator_place.setFrameStyle(QFrame.Shape.StyledPanel | QFrame.Shadow.Sunken)
        self._navigator_place.setBackgroundRole(QPalette.ColorRole.Base)
        self._navigator_place.setAutoFillBackground(True)
        self.splitter = QSplitter()
        self.splitter.addWidget(self._navigator_place)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([260, 1000])
        self.setCentralWidget(self.splitter)
        # The menus' titles are there from the first paint, greyed until the store is open, so the bar never jumps.
        self._waiting_menus = [self.menuBar().addMenu(title) for title in MENU_TITLES]
        for menu in self._waiting_menus:
            menu.setEnabled(False)
        self.statusBar().showMessage(OPENING_MESSAGE)
        if store is not None:
            self.attach_store(store)

    def attach_store(self, store: Store) -> None:
        """Fill the frame with ``store``'s console: the actions, the menus and the navigator's cases."""
        from PySide6.QtCore import Qt

        from sos_desktop.ui.map.panel import MAP_ORDER
        from sos_desktop.ui.projector.agenda import ProjectorAgenda
        from sos_desktop.ui.projector.control import ProjectorControl
        from sos_desktop.ui.shell.best_questions import BestQuestionsControl
        from sos_desktop.ui.shell.export_menu import ExportMenu
        from sos_desktop.ui.shell.lazy_pages import LazyPages
        from sos_desktop.ui.shell.meeting_menu import MeetingMenu
        from sos_desktop.ui.shell.navigator import Navigator
        from sos_desktop.ui.shell.unsaved import UnsavedWatch

        self.store = store
        self._attached = True
        self._last_meeting_key = database_setting(store.url, LAST_MEETING)
        self._notice = ""
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.tabs = QTabWidget()
        make_compact(self.tabs.tabBar())
        self.pages = LazyPages(self.tabs)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.tabs)
        self.stack.removeWidget(self._opening)
        self._opening.deleteLater()
        self.navigator = Navigator(store)
        self.splitter.replaceWidget(0, self.navigator)
        self._navigator_place.deleteLater()
        self.navigator.meetingActivated.connect(self.open_meeting)
        self.navigator.selectionMoved.connect(self._update_actions)
        # F2 renames only in the navigator: on the map, F2 edits the selected card.
        make_shortcuts(Key.RENAME_IN_LIST, self.navigator, self.rename_selected)
        # Ctrl+1 … Ctrl+8 from anywhere on the console (the case list too): the Map page, at that category's entry line.
        for number, category in enumerate(MAP_ORDER):
            go = functools.partial(self._start_card, category)
            make_shortcuts(Key.GO_TO_CATEGORY, self, go, Qt.ShortcutContext.WindowShortcut, only=number)
        self.actions_by_id = {
            ActionId.NEW_CASE: make_action(ActionId.NEW_CASE, self, self.new_case),
            ActionId.NEW_MEETING: make_action(ActionId.NEW_MEETING, self, self.new_meeting),
            ActionId.CONTINUE_MEETING: make_action(ActionId.CONTINUE_MEETING, self, self.continue_meeting),
            ActionId.EDIT_CASE: make_action(ActionId.EDIT_CASE, self, self.edit_case),
            ActionId.RENAME: make_action(ActionId.RENAME, self, self.rename_selected),
            ActionId.DELETE: make_action(ActionId.DELETE, self, self.delete_selected),
            ActionId.IMPORT: make_action(ActionId.IMPORT, self, self.import_file),
            ActionId.EXPORT: make_action(ActionId.EXPORT, self, self.export_file),
            ActionId.QUIT: make_action(ActionId.QUIT, self, self.close),
            ActionId.SHOW_GREY: make_action(ActionId.SHOW_GREY, self, self._grey_areas_toggled),
            ActionId.SHORTCUTS: make_action(ActionId.SHORTCUTS, self, self.show_shortcuts),
            ActionId.ABOUT: make_action(ActionId.ABOUT, self, self.about),
        }
        grey = self.actions_by_id[ActionId.SHOW_GREY]
        grey.setCheckable(True)
        grey.setChecked(bool(self.settings.value(SHOW_GREY_AREAS_KEY, True, type=bool)))
        self.unsaved = UnsavedWatch(self, Path(self.settings.fileName()).parent)
        self.projector = ProjectorControl(self, self.settings)
        self.statusBar().addPermanentWidget(self.projector.chip)  # what the wall shows, at a glance
        self.meeting_menu = MeetingMenu(self)
        # Meeting › New meeting from the last one, first in the menu (it is on the File menu too, by New meeting).
        first = self.meeting_menu.menu.actions()[0]
        self.meeting_menu.menu.insertAction(first, self.actions_by_id[ActionId.CONTINUE_MEETING])
        self.meeting_menu.menu.insertSeparator(first)
        self.export_menu = ExportMenu(self, self.actions_by_id[ActionId.EXPORT], self.projector)
        self.projector_agenda = ProjectorAgenda(self.projector, self.settings)
        self.best_questions = BestQuestionsControl(
            self, store, self.settings, self.projector, self.tabs, lambda: self.map_panel
        )
        self._build_menus()
        self.statusBar().showMessage(SAVED_MESSAGE)
        self.navigator.reload()
        self._update_actions()

    def _build_menus(self) -> None:
        from sos_desktop.ui.guide.menu import GuideMenu
        from sos_desktop.ui.shell.backup_menu import BackupMenu
        from sos_desktop.ui.shell.encryption_menu import EncryptionMenu

        a = self.actions_by_id
        from sos_desktop.ui.shell.practice_menu import PracticeMenu

        file_menu, edit_menu, self.view_menu, meeting_place, projector_place, practice_place, help_menu = (
            self._waiting_menus
        )
        self.practice_menu = PracticeMenu(self)
        # The Meeting, Projector and Practice menus are their controllers' own: each takes its placeholder's place.
        for place, menu in (
            (meeting_place, self.meeting_menu.menu),
            (projector_place, self.projector.menu),
            (practice_place, self.practice_menu.menu),
        ):
            self.menuBar().insertMenu(place.menuAction(), menu)
            self.menuBar().removeAction(place.menuAction())
            place.deleteLater()
        for menu in (file_menu, edit_menu, self.view_menu, help_menu):
            menu.setEnabled(True)
        for action_id in (
            ActionId.NEW_CASE,
            ActionId.NEW_MEETING,
            ActionId.CONTINUE_MEETING,
            ActionId.EDIT_CASE,
            ActionId.RENAME,
            ActionId.DELETE,
            None,
            ActionId.IMPORT,
            None,
            ActionId.QUIT,
        ):
            if action_id is None:
                file_menu.addSeparator()
            else:
                file_menu.addAction(a[action_id])
            if action_id is ActionId.IMPORT:
                file_menu.addMenu(self.export_menu.menu)
                self.backup_menu = BackupMenu(self)
                self.backup_menu.add_to(file_menu)
                self.encryption_menu = EncryptionMenu(self)
                self.encryption_menu.add_to(file_menu)
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        bind(self.undo_action, Key.UNDO)
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        bind(self.redo_action, Key.REDO)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.guide = GuideMenu(self)
        edit_menu.addSeparator()
        edit_menu.addAction(self.guide.settings_action)
        self.projector.shared_actions = [self.undo_action, self.redo_action]
        self.view_menu.addAction(a[ActionId.SHOW_GREY])
        self.best_questions.add_to(self.meeting_menu.menu, self.view_menu)
        help_menu.addAction(a[ActionId.SHORTCUTS])
        self.guide.add_to_help(help_menu)
        help_menu.addAction(a[ActionId.ABOUT])

    def _update_actions(self) -> None:
        self.empty.setText(
            "Choose a meeting on the left, or add one to the selected case with File › New meeting (Ctrl+N)."
            if self.navigator.case_count()
            else "No cases yet. Start one with File › New case (Ctrl+Shift+N), then add its first meeting."
        )
        has_case = self.navigator.selected_case_id() is not None
        for action_id in (
            ActionId.NEW_MEETING,
            ActionId.CONTINUE_MEETING,
            ActionId.EDIT_CASE,
            ActionId.RENAME,
            ActionId.DELETE,
        ):
            self.actions_by_id[action_id].setEnabled(has_case)
        self.actions_by_id[ActionId.EXPORT].setEnabled(self.document is not None)
        self.export_menu.set_enabled(self.document is not None)

    # Opening a meeting -----------------------------------------------------------------------------------------

    def _noticed(self, message: str) -> None:
        """A notice from the open meeting, in the status bar for ten seconds (gone if another meeting opens)."""
        self._notice = message
        self.statusBar().showMessage(message, 10_000)

    def open_meeting(self, meeting_id: int) -> None:
        from sos_desktop.ui.document.meeting import MeetingDocument
        from sos_desktop.ui.map.panel import MapPanel
        from sos_desktop.ui.network.panel import NetworkPanel
        from sos_desktop.ui.scaling.panel import ScalesPanel
        from sos_desktop.ui.shell.navigator import MEETING
        from sos_desktop.ui.supervision.agenda_panel import AgendaPanel
        from sos_desktop.ui.supervision.details_panel import DetailsPanel

        if self.document is not None and self.document.meeting_id == meeting_id:
            return
        if not self.unsaved.let_go("open the other meeting"):
            return
        try:
            document = MeetingDocument(self.store, meeting_id, self)
        except StoreError as error:
            dialogs.tell(self, "Could not open the meeting", str(error))
            return
        self.close_meeting(dropping=True)  # asked above
        if self._notice and self.statusBar().currentMessage() == self._notice:
            self.statusBar().clearMessage()  # a notice about the meeting left behind is not about this one
        self.unsaved.watch(document)
        self.document = document
        document.saveFailed.connect(self._save_failed)
        document.noticed.connect(self._noticed)
        document.detailsChanged.connect(self._details_changed)
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        self.map_panel = MapPanel(document)
        self.map_panel.show_grey_areas(self.actions_by_id[ActionId.SHOW_GREY].isChecked())
        self.tabs.addTab(self.map_panel, "&Map")
        self.scales_panel = ScalesPanel(document, open_trajectory=self._trajectory_window)
        self.tabs.addTab(self.scales_panel, "&Scaling")
        panel = self.scales_panel
        self.projector.selected_scale = lambda: panel.list.currentRow() if panel.list.currentRow() >= 0 else None
        panel.list.currentRowChanged.connect(lambda row: self.projector.scale_chosen(row if row >= 0 else None))
        # The network and details pages are built when first wanted: the map is what a facilitator opens a meeting
        # to see.
        links = (self.projector_agenda.clock_action, self.projector_agenda.follow_action)
        # Every meeting has the page: a case's first meeting says there is nothing from last time yet.
        self.pages.add("review", "Since &last time", lambda: self._since_last_time(document))
        self.pages.add("agenda", "&Agenda", lambda: AgendaPanel(document, links))
        self.pages.add("network", "&Network", lambda: NetworkPanel(document))
        self.pages.add("voice", "Child's &voice", lambda: self._voice_panel(document))
        self.pages.add("safety_house", "Safety H&ouse", lambda: self._safety_house_panel(document))
        self.pages.add("details", "Meeting &details", lambda: DetailsPanel(document))
        self.pages.add("chronology", "C&hronology", lambda: self._chronology(document))
        self.pages.add("plan", "Safety &plan", lambda: self._safety_plan(document))
        self.pages.add("trajectory_plan", "T&rajectory plan", lambda: self._trajectory_plan(document))
        self.pages.add("agreement", "A&greement", lambda: self._agreement(document))
        self.pages.add("words_pictures", "&Words and Pictures", lambda: self._words_pictures(document))
        self.stack.setCurrentWidget(self.tabs)
        self.projector.load_case_meetings = lambda: self._case_meetings(document)
        self.projector.set_document(document)
        self.meeting_menu.set_document(document)
        self.projector_agenda.set_document(document)
        self.best_questions.set_document(document)
        self.navigator.select(MEETING, meeting_id)
        if getattr(self, "_offers_kept", False):
            QTimer.singleShot(0, functools.partial(self._offer_kept, meeting_id))
        self._details_changed()
        self._update_actions()
        # Remembered at once, not only on quit, so a crash or a kill still reopens this meeting.
        self.settings.setValue(self._last_meeting_key, meeting_id)

    def reload_meeting(self) -> None:
        """Read the open meeting again from the database, dropping what this window holds (and its undo history)."""
        if self.document is None:
            return
        meeting_id = self.document.meeting_id
        self.close_meeting()
        self.open_meeting(meeting_id)

    def close_meeting(self, *, dropping: bool = False) -> bool:
        if self.document is None:
            return True
        if not dropping and not self.unsaved.let_go("close the meeting"):
            return False
        self.unsaved.watch(None)
        self.projector.set_document(None)
        self.meeting_menu.set_document(None)
        self.projector_agenda.set_document(None)
        self.best_questions.set_document(None)
        self.undo_group.removeStack(self.document.undo_stack)
        # Forgotten first: removing the tabs moves the current tab, which would otherwise build each lazy page.
        self.pages.clear()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        self.document.deleteLater()
        self.document = self.map_panel = None
        self.scales_panel = None
        self.stack.setCurrentWidget(self.empty)
        self.setWindowTitle(APP_NAME)
        self._update_actions()
        return True

    def _since_last_time(self, document: MeetingDocument) -> SinceLastTimePanel:
        from sos_desktop.ui.review.panel import SinceLastTimePanel

        return SinceLastTimePanel(document)

    def _chronology(self, document: MeetingDocument) -> ChronologyPanel:
        from sos_desktop.ui.chronology.panel import ChronologyPanel

        return ChronologyPanel(document)

    def _safety_plan(self, document: MeetingDocument) -> QWidget:
        from sos_desktop.ui.plan.panel import SafetyPlanPanel

        return SafetyPlanPanel(document)

    def _trajectory_plan(self, document: MeetingDocument) -> QWidget:
        from sos_desktop.ui.plan.trajectory_panel import TrajectoryPlanPanel

        return TrajectoryPlanPanel(document)

    def _agreement(self, document: MeetingDocument) -> QWidget:
        from sos_desktop.ui.agreement.panel import AgreementPanel

        return AgreementPanel(document)

    def _words_pictures(self, document: MeetingDocument) -> QWidget:
        """The Words and Pictures page, telling the projector which story and panel it shows."""
        from sos_desktop.ui.words_pictures.panel import WordsPicturesPanel

        panel = WordsPicturesPanel(document)
        paging = self.projector.words_pictures

        def selected() -> tuple[str | None, str | None]:
            story = panel.current_story()
            return (None, None) if story is None else (story.key, panel.current_panel_key())

        paging.selected = selected
        panel.panelChosen.connect(paging.panel_chosen)
        return panel

    def _voice_panel(self, document: MeetingDocument) -> VoicePanel:
        """The Child's voice page, telling the projector which child it shows."""
        from sos_desktop.ui.voice.panel import VoicePanel

        panel = VoicePanel(document)
        self.projector.selected_child = panel.current_child
        panel.childChosen.connect(self.projector.child_chosen)
        return panel

    def _safety_house_panel(self, document: MeetingDocument) -> QWidget:
        """The Safety House page, telling the projector which child it shows."""
        from sos_desktop.ui.voice.safety_house_panel import SafetyHousePanel

        panel = SafetyHousePanel(document)
        self.projector.selected_house_child = panel.current_child
        panel.childChosen.connect(self.projector.house_child_chosen)
        return panel

    def _case_meetings(self, document: MeetingDocument) -> list[Meeting] | None:
        """Every meeting of the open meeting's case with its scales, for the trajectory."""
        try:
            return self.store.case_meetings(document.meeting.case_id or 0)
        except StoreError:
            return None

    # Each page's key is given its class in open_meeting; the casts below name it for the type checker only, so
    # the page modules need not be imported before a meeting is open.

    @property
    def details_panel(self) -> DetailsPanel | None:
        """The open meeting's details page (built on first use), or None with no meeting open."""
        return cast("DetailsPanel | None", self.pages.panel("details"))

    def show_details(self) -> DetailsPanel | None:
        return cast("DetailsPanel | None", self.pages.show("details"))

    @property
    def network_panel(self) -> NetworkPanel | None:
        return cast("NetworkPanel | None", self.pages.panel("network"))

    def show_network(self) -> NetworkPanel | None:
        return cast("NetworkPanel | None", self.pages.show("network"))

    def show_agenda(self) -> AgendaPanel | None:
        return cast("AgendaPanel | None", self.pages.show("agenda"))

    def show_voice(self) -> VoicePanel | None:
        return cast("VoicePanel | None", self.pages.show("voice"))

    def _details_changed(self) -> None:
        if self.document is None:
            return
        meeting = self.document.meeting
        self.setWindowTitle(f"{meeting.title} · {self.document.case.label} — {APP_NAME}")
        selected = self.navigator.selected_text()
        if selected and not selected.startswith(meeting.title + " —"):
            self.navigator.reload(select_meeting=meeting.id)

    def _save_failed(self, message: str) -> None:
        if self.document is not None and self.document.stale:
            # Somebody else saved the meeting: offer their version (after the edit under way has unwound).
            if dialogs.confirm(self, "Your change could not be saved", message + " Reload the meeting now?"):
                QTimer.singleShot(0, self.reload_meeting)
            return
        if self.document is not None and len(self.document.pending) == 1:  # told once; the status bar after
            dialogs.tell(self, "Your change could not be saved yet", self.unsaved.explain(message))

    def export_file(self) -> None:
        self.export_menu.export_meeting_file()

    def export_open_meeting(self) -> None:
        self.export_menu.export_meeting_file()

    def _grey_areas_toggled(self) -> None:
        visible = self.actions_by_id[ActionId.SHOW_GREY].isChecked()
        self.settings.setValue(SHOW_GREY_AREAS_KEY, visible)
        if self.map_panel is not None:
            self.map_panel.show_grey_areas(visible)

    # What the menus and guides use of the console (``common.console.Console``) ------------------------------

    def reload_cases(self, select_meeting: int | None = None) -> None:
        self.navigator.reload(select_meeting=select_meeting)

    def lists_meeting(self, meeting_id: int) -> bool:
        from sos_desktop.ui.shell.navigator import MEETING

        return self.navigator.shows(MEETING, meeting_id)

    def cases_view(self) -> QWidget:
        return self.navigator

    def page_key(self) -> str:
        if self.document is None or self.stack.currentWidget() is not self.tabs:
            return "start"
        widget = self.tabs.currentWidget()
        if widget is not None and widget is self.map_panel:
            return "map"
        if widget is not None and widget is self.scales_panel:
            return "scaling"
        name = widget.objectName().removesuffix("-page") if widget is not None else ""
        return name if name in PAGE_KEYS else "map"

    def offer_kept_changes_from_now(self) -> None:
        """Start-up's last step: from now on, opening a meeting offers back the changes a journal kept of it (a
        session killed while they waited), starting with the meeting open now. Tests and scripted starts never ask.
        """
        self._offers_kept = True
        if self.document is not None:
            QTimer.singleShot(0, functools.partial(self._offer_kept, self.document.meeting_id))

    def _offer_kept(self, meeting_id: int) -> None:
        if self.document is None or self.document.meeting_id != meeting_id:
            return
        opened = self.unsaved.offer_back(meeting_id)
        if opened == meeting_id:
            self.reload_meeting()
        elif opened is not None:
            self.reload_cases(select_meeting=opened)
            self.open_meeting(opened)

    def _start_card(self, category: Category) -> None:
        if self.map_panel is not None:
            self.bring_page("map")
            self.map_panel.box(category).start_new_card()

    def bring_page(self, key: str) -> QWidget:
        if self.document is None:
            return self.stack
        panel = self.map_panel if key == "map" else self.scales_panel if key == "scaling" else None
        if panel is not None:
            self.tabs.setCurrentWidget(panel)
        else:
            self.pages.show(key)
        return self.tabs

    def _trajectory_window(self, meetings: list[Meeting], key: str | None, parent: QWidget) -> QDialog:
        from sos_desktop.ui.projector.trajectory_window import TrajectoryDialog

        assert self.document is not None
        return TrajectoryDialog(self.document, meetings, key, parent)

    def show_settings(self) -> None:
        from sos_desktop.ui.shell.settings_dialog import show_settings

        show_settings(self)

    def apply_projector_look(self, theme: str, type_scale: float) -> None:
        self.projector.set_theme(theme)
        if self.projector.window is not None:
            self.projector.window.view.projection.set_type_scale(type_scale)

    def show_shortcuts(self) -> None:
        from sos_desktop.ui.guide.shortcuts_sheet import ShortcutsSheet

        ShortcutsSheet(self).exec()

    def about(self) -> None:
        from sos_desktop.store.engine import display_url

        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\nCase mapping and group supervision in the Signs of Safety "
            "practice framework.\n\nYour data stays on this machine (or your council's own "
            f"database):\n{display_url(self.store.url)}",
        )

    # Window state ------------------------------------------------------------------------------------------------

    def restore_state(self) -> None:
        self.restore_geometry()
        self.reopen_last_meeting()

    def restore_geometry(self) -> None:
        """Where and how big the window was last time (or most of the screen, the first time)."""
        geometry = self.settings.value(WINDOW_GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1280, int(screen.width() * 0.9)), min(800, int(screen.height() * 0.9)))

    def reopen_last_meeting(self) -> None:
        """The meeting open when this database was last left, if it is still there."""
        from sos_desktop.ui.shell.navigator import MEETING

        last = self.settings.value(self._last_meeting_key)
        if last is not None:
            try:
                meeting_id = int(str(last))
            except ValueError:
                return
            if self.navigator.shows(MEETING, meeting_id):  # the tree was just filled from the store
                self.open_meeting(meeting_id)

    @property
    def attached(self) -> bool:
        """Whether the store is open in this window (False while start-up shows only the frame)."""
        return self._attached

    def save_state(self) -> None:
        self.settings.setValue(WINDOW_GEOMETRY_KEY, self.saveGeometry())
        if not self.attached:
            self.settings.sync()
            return
        if self.document is not None:
            self.settings.setValue(self._last_meeting_key, self.document.meeting_id)
        else:
            self.settings.remove(self._last_meeting_key)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.attached and not self.unsaved.let_go("quit"):
            event.ignore()
            return
        self.save_state()
        if self.attached:
            self.projector.close()
        super().closeEvent(event)

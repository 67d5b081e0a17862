"""The best questions on the console: the capture key (Meeting › Capture a best question, Ctrl+Shift+Q), the prompts
dock (View › Best questions) following the phase under way and the category in hand, the wall only when a prompt asks
for it, and the library window (Practice › Best questions…).

The shell joins the room (``ui/questions``) to the rest: it knows where the meeting is (the agenda's running phase,
the map's category in hand, the words selected where the cursor is) and owns the way to the projector.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from sos_desktop.models import AttendeeRole
from sos_desktop.models.best_questions import BestQuestion
from sos_desktop.store.errors import StoreError
from sos_desktop.store.store import Store
from sos_desktop.ui.common.actions import Key, bind
from sos_desktop.ui.common.settings_keys import SHOW_QUESTIONS_KEY
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.map.panel import MapPanel
from sos_desktop.ui.projector.control import ProjectorControl
from sos_desktop.ui.questions.capture import CaptureBox, Place
from sos_desktop.ui.questions.library import LibraryWindow
from sos_desktop.ui.questions.prompts import PromptsDock

KEPT_MESSAGE = "Best question kept: {}"


def running_phase(document: MeetingDocument | None) -> str | None:
    """The key of the agenda phase under way or paused in (None before the start and after the end)."""
    state = document.agenda_state() if document is not None else None
    if document is None or state is None or state.current is None:
        return None
    return document.meeting.agenda[state.current].phase


def category_in_hand(panel: MapPanel | None, front: QWidget | None) -> str | None:
    """The map category the facilitator is working in: the box holding the cursor, else the one with the selected
    card; None when the map is not the page in front.
    """
    if panel is None or front is not panel:
        return None
    focus = QApplication.focusWidget()
    for category, box in panel.boxes.items():
        if focus is not None and box.isAncestorOf(focus):
            return category.value
    for category, box in panel.boxes.items():
        if box.selected_row() is not None:
            return category.value
    return None


def selected_words() -> str:
    """The text selected in the text field with the cursor, if any."""
    focus = QApplication.focusWidget()
    if isinstance(focus, QLineEdit):
        return focus.selectedText()
    if isinstance(focus, QTextEdit | QPlainTextEdit):
        return focus.textCursor().selectedText().replace("\u2029", " ")
    return ""


def facilitator(document: MeetingDocument) -> str:
    names = [a.name for a in document.meeting.attendees if a.role == AttendeeRole.FACILITATOR and a.name]
    return names[0] if names else ""


class BestQuestionsControl(QObject):
    """Owns the capture action, the prompts dock and the View menu's toggle of ``console``."""

    def __init__(
        self,
        console: QMainWindow,
        store: Store,
        settings: QSettings,
        projector: ProjectorControl,
        tabs: QTabWidget,
        map_panel: Callable[[], MapPanel | None],
    ) -> None:
        super().__init__(console)
        self.setObjectName("best-questions")
        self.console = console
        self.store = store
        self.settings = settings
        self.projector = projector
        self.tabs = tabs
        self.map_panel = map_panel
        self.document: MeetingDocument | None = None
        self.capture_box: CaptureBox | None = None
        self.dock = PromptsDock(console)
        console.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock.wallAsked.connect(self.show_on_wall)
        self.dock.wallCleared.connect(projector.take_question_off)
        projector.questionChanged.connect(self.dock.set_on_wall)
        self.capture_action = bind(QAction("Capture a &best question", console), Key.CAPTURE_QUESTION)
        self.capture_action.setObjectName("meeting-capture-question")
        self.capture_action.setStatusTip("Keep a question that helped, for the team's library (the selected words)")
        self.capture_action.triggered.connect(self.capture)
        console.addAction(self.capture_action)
        self.view_action = QAction("&Best questions", console)
        self.view_action.setObjectName("view-best-questions")
        self.view_action.setCheckable(True)
        # Off until asked: beside the pages it would narrow the map and the tab bar on a 1280-wide laptop.
        self.view_action.setChecked(bool(settings.value(SHOW_QUESTIONS_KEY, False, type=bool)))
        self.view_action.setStatusTip("Prompts from the team's best questions for the phase and category in hand")
        self.view_action.toggled.connect(self._view_toggled)
        tabs.currentChanged.connect(self.follow)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        self.set_document(None)

    def add_to(self, meeting_menu: QMenu, view_menu: QMenu) -> None:
        meeting_menu.addSeparator()
        meeting_menu.addAction(self.capture_action)
        view_menu.addAction(self.view_action)

    # Following the console ---------------------------------------------------------------------------------------

    def set_document(self, document: MeetingDocument | None) -> None:
        if self.document is not None:
            self.document.agendaChanged.disconnect(self.follow)
        self.document = document
        self.capture_action.setEnabled(document is not None)
        if document is not None:
            document.agendaChanged.connect(self.follow)
            self.reload()
        self.dock.setVisible(document is not None and self.view_action.isChecked())

    def reload(self) -> None:
        """Read the library again (once per meeting opened, and after a capture or an import)."""
        try:
            library: list[BestQuestion] = self.store.best_questions()
        except StoreError:
            library = []  # the starter set is offered; the library window says what went wrong when opened
        self.dock.set_library(library)
        self.follow()

    def place(self) -> Place:
        document = self.document
        if document is None:
            return Place()
        return Place(
            running_phase(document),
            category_in_hand(self.map_panel(), self.tabs.currentWidget()),
            selected_words(),
            facilitator(document),
            document.meeting.uid,
        )

    def follow(self) -> None:
        """The prompts for the phase under way and the category in hand."""
        if self.document is None:
            return
        self.dock.set_place(running_phase(self.document), category_in_hand(self.map_panel(), self.tabs.currentWidget()))

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.document is not None and self.console.isAncestorOf(new):
            self.follow()

    def _view_toggled(self, shown: bool) -> None:
        self.settings.setValue(SHOW_QUESTIONS_KEY, shown)
        self.dock.setVisible(shown and self.document is not None)

    # Capturing, the wall and the library -------------------------------------------------------------------------

    def capture(self) -> CaptureBox | None:
        """The capture box over the console, filled from where the meeting is."""
        if self.document is None:
            return None
        if self.capture_box is not None:
            self.capture_box.close()
            self.capture_box.deleteLater()
        box = CaptureBox(self.store, self.place(), self.console)
        box.kept.connect(self._kept)
        box.place_over(self.console)
        box.show()
        box.activateWindow()
        box.line.setFocus(Qt.FocusReason.PopupFocusReason)
        self.capture_box = box
        return box

    def _kept(self, question: BestQuestion) -> None:
        self.console.statusBar().showMessage(KEPT_MESSAGE.format(question.text), 8000)
        self.reload()

    def show_on_wall(self, text: str) -> None:
        if self.projector.show_question(text):
            self.console.statusBar().showMessage("On the wall: a best question (Take off the wall, or Esc there)", 6000)

    def open_library(self) -> LibraryWindow:
        window = LibraryWindow(self.store, self.console)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.changed.connect(self.reload)
        window.show()
        return window

"""The console's Meeting menu: the agenda's clock (start, next phase, pause), the observer's window, merging an
observer's file, and a practice leader's development.

It follows the open meeting like the projector's menu does, and keeps at most one observer window per meeting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from sos_desktop.ui.development_dialog import DevelopmentDialog
from sos_desktop.ui.document import MeetingDocument
from sos_desktop.ui.observer_window import ObserverWindow, merge_observations_file

if TYPE_CHECKING:
    from sos_desktop.ui.main_window import MainWindow

KEYS = {
    "start": "F6",
    "pause": "Shift+F6",
    "next": "F7",
    "observer": "Ctrl+Shift+O",
}


class MeetingMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.document: MeetingDocument | None = None
        self.observer_window: ObserverWindow | None = None
        self.menu = QMenu("&Meeting", window)
        self.start_action = self._action(
            "&Start or resume the meeting", "start", self._start, "Start the agenda's clock"
        )
        self.next_action = self._action("&Next phase", "next", self._next, "End this phase and start the next")
        self.pause_action = self._action("&Pause", "pause", self._pause, "Stop the clock; Start resumes it")
        self.menu.addSeparator()
        self.observer_action = self._action(
            "&Observer's window", "observer", self.open_observer, "Notes and rubric for the observer, in a window"
        )
        self.merge_action = self._action(
            "&Merge an observer's file…", None, self.merge_file, "Add an observer's notes from their meeting file"
        )
        self.menu.addSeparator()
        self.development_action = self._action(
            "Facilitator &development…", None, self.show_development, "A practice leader's ratings across meetings"
        )
        self.set_document(None)

    def _action(self, text: str, key: str | None, slot: object, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"meeting-{key or text.strip('&.… ').lower().replace(' ', '-')}")
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if key is not None:
            action.setShortcut(QKeySequence(KEYS[key]))
        action.triggered.connect(slot)
        self.menu.addAction(action)
        self.window.addAction(action)
        return action

    def set_document(self, document: MeetingDocument | None) -> None:
        if self.observer_window is not None:
            self.observer_window.close()
            self.observer_window.deleteLater()
            self.observer_window = None
        self.document = document
        for action in (self.start_action, self.next_action, self.pause_action, self.observer_action, self.merge_action):
            action.setEnabled(document is not None)

    def _start(self) -> None:
        if self.document is not None:
            self.document.start_agenda()

    def _next(self) -> None:
        if self.document is not None:
            self.document.next_agenda_phase()

    def _pause(self) -> None:
        if self.document is not None:
            self.document.pause_agenda()

    def open_observer(self) -> ObserverWindow | None:
        """The observer's window on the open meeting (one per meeting), brought to the front."""
        if self.document is None:
            return None
        if self.observer_window is None:
            self.observer_window = ObserverWindow(self.document)
        self.observer_window.show()
        self.observer_window.raise_()
        self.observer_window.activateWindow()
        return self.observer_window

    def merge_file(self) -> bool:
        return self.document is not None and merge_observations_file(self.window, self.document)

    def show_development(self) -> DevelopmentDialog:
        dialog = DevelopmentDialog(self.window.store, self.window)
        dialog.show()
        return dialog

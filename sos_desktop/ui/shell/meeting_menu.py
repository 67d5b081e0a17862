"""The console's Meeting menu: the agenda's clock (start, next phase, pause), the observer's window, merging an
observer's file, and a practice leader's development.

It follows the open meeting like the projector's menu does, and keeps at most one observer window per meeting. On
a shared PostgreSQL database it also follows the observer working on their own laptop (``observation/live_feed``):
the observer opens the same meeting from the shared database and works in Meeting › Observer's window there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu

from sos_desktop.models.agenda import clock_text
from sos_desktop.ui.common.actions import Key, bind
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.observation.development_dialog import DevelopmentDialog
from sos_desktop.ui.observation.live_feed import LiveFeed
from sos_desktop.ui.observation.window import ObserverWindow, merge_observations_file

if TYPE_CHECKING:
    from sos_desktop.ui.common.console import Console

KEYS = {"start": Key.CLOCK_START, "pause": Key.CLOCK_PAUSE, "next": Key.CLOCK_NEXT, "observer": Key.OBSERVER_WINDOW}


class MeetingMenu(QObject):
    def __init__(self, window: Console) -> None:
        super().__init__(window)
        self.window = window
        self.document: MeetingDocument | None = None
        self.observer_window: ObserverWindow | None = None
        self.live_feed: LiveFeed | None = None
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
        self.reflect_action = self._action(
            "&Reflect on this meeting…", None, self.reflect, "A journal entry linked to this meeting"
        )
        self.timer_label = QLabel()
        self.timer_label.setObjectName("meeting-timer")
        self.timer_label.setAccessibleName("Meeting timer")
        self.timer_label.setToolTip("The running phase and its time (Meeting › Start, Next phase, Pause)")
        window.statusBar().addPermanentWidget(self.timer_label)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.show_time)
        self.set_document(None)

    def show_time(self) -> None:
        """The discreet timer in the status bar: the phase, its time and its planned time, amber when over."""
        document = self.document
        state = document.agenda_state() if document is not None else None
        if document is None or state is None or state.current is None:
            self.timer_label.clear()
            self._ticker.stop()
            return
        phase = document.meeting.agenda[state.current]
        planned = "" if phase.planned_minutes is None else f" of {clock_text(phase.planned_minutes)}"
        paused = "" if state.running else " (paused)"
        self.timer_label.setText(f"{phase.title or phase.phase}: {clock_text(state.phase_minutes)}{planned}{paused}")
        self.timer_label.setStyleSheet("color: #B35C00; font-weight: bold;" if state.over else "")
        if state.running and not self._ticker.isActive():
            self._ticker.start()
        elif not state.running:
            self._ticker.stop()

    def _action(self, text: str, key: str | None, slot: object, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"meeting-{key or text.strip('&.… ').lower().replace(' ', '-')}")
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if key is not None:
            bind(action, KEYS[key])
        action.triggered.connect(slot)
        self.menu.addAction(action)
        self.window.addAction(action)
        return action

    def set_document(self, document: MeetingDocument | None) -> None:
        if self.observer_window is not None:
            self.observer_window.close()
            self.observer_window.deleteLater()
            self.observer_window = None
        if self.document is not None:
            self.document.agendaChanged.disconnect(self.show_time)
        if self.live_feed is not None:
            self.live_feed.stop()
            self.live_feed = None
        self.document = document
        if document is not None:
            document.agendaChanged.connect(self.show_time)
            self.live_feed = LiveFeed(document)  # an observer on another laptop, on a shared PostgreSQL database
        self.show_time()
        for action in (
            self.start_action,
            self.next_action,
            self.pause_action,
            self.observer_action,
            self.merge_action,
            self.reflect_action,
        ):
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

    def reflect(self) -> object:
        """The learning journal, opened on a new reflection linked to the open meeting."""
        from sos_desktop.ui.reflections.opening import open_journal

        return open_journal(self.window, reflect_on_meeting=True)

    def show_development(self) -> DevelopmentDialog:
        dialog = DevelopmentDialog(self.window.store, self.window)
        dialog.plan_asked.connect(self.show_development_plan)
        dialog.show()
        return dialog

    def show_development_plan(self, leader: str) -> object:
        """The development plan of ``leader`` (asked for from the Facilitator development dialog)."""
        from sos_desktop.ui.development.plan_window import DevelopmentPlanWindow

        window = DevelopmentPlanWindow(self.window.store, self.window, leader=leader)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        return window

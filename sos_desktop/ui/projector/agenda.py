"""The agenda on the projector, if the facilitator wishes: a discreet clock in a corner, and the projected view
following the phase (the review of last time's next steps first in a continued meeting, the focus question while
the purpose is set, the network for the overview, the map while mapping, the scale while scaling...).

Two checkable actions in the Projector menu, remembered between sessions; the Agenda page shows them as ticks.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtGui import QAction

from sos_desktop.models import Column
from sos_desktop.models.agenda import clock_text
from sos_desktop.models.continuity import REVIEW_PHASE
from sos_desktop.ui.common.settings_keys import FOLLOW_KEY, SHOW_CLOCK_KEY
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector.control import ProjectorControl
from sos_desktop.ui.projector.layout import ProjectorMode
from sos_desktop.ui.projector.modes import FocusMode, NetworkMode, ReviewMode, ScalesMode

PHASE_VIEWS: dict[str, ProjectorMode] = {
    REVIEW_PHASE: ReviewMode(),
    "purpose": FocusMode(),
    "overview": NetworkMode(),
    "mapping": None,
    "statements": None,
    "scaling": ScalesMode(),
    "next_steps": Column.NEEDS_TO_HAPPEN,
    "reflection": None,
}
"""The view each phase of the default agenda shows, when the projector follows the phase (others: no change); a
continued meeting's first phase, the review of last time's next steps, shows the review."""


class ProjectorAgenda(QObject):
    """Ties the open meeting's agenda to the projector: the corner clock and the view that follows the phase."""

    def __init__(self, control: ProjectorControl, settings: QSettings) -> None:
        super().__init__(control)
        self.control = control
        self.settings = settings
        self.document: MeetingDocument | None = None
        self._phase: int | None = None
        self.clock_action = QAction("Show the meeting's &clock", control.console)
        self.clock_action.setCheckable(True)
        self.clock_action.setToolTip("A small clock with the phase's time in a corner of the projected picture")
        self.clock_action.setChecked(bool(settings.value(SHOW_CLOCK_KEY, False, type=bool)))
        self.follow_action = QAction("&Follow the agenda's phase", control.console)
        self.follow_action.setCheckable(True)
        self.follow_action.setToolTip(
            "Each phase shows its view: review, focus question, network, map, scale, next steps"
        )
        self.follow_action.setChecked(bool(settings.value(FOLLOW_KEY, False, type=bool)))
        control.menu.addSeparator()
        control.menu.addAction(self.clock_action)
        control.menu.addAction(self.follow_action)
        self.clock_action.toggled.connect(self._clock_toggled)
        self.follow_action.toggled.connect(self._follow_toggled)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._repaint)
        control.windowCreated.connect(self.attach)

    def set_document(self, document: MeetingDocument | None) -> None:
        if self.document is not None:
            self.document.agendaChanged.disconnect(self._agenda_changed)
        self.document = document
        self._phase = None
        if document is not None:
            document.agendaChanged.connect(self._agenda_changed)
            self._phase = document.agenda_state().current
        self.attach()

    def attach(self) -> None:
        """Give the projection (if the window is open) the clock to paint, or take it away."""
        window = self.control.window
        if window is None:
            return
        showing = self.clock_action.isChecked() and self.document is not None
        window.view.projection.clock = self.clock_reading if showing else None
        self._repaint()

    def clock_reading(self) -> tuple[str, bool] | None:
        """What the corner clock says now: the phase's title and minutes (None before the start and after)."""
        document = self.document
        if document is None:
            return None
        state = document.agenda_state()
        if state.current is None:
            return None
        phase = document.meeting.agenda[state.current]
        paused = "" if state.running else " · paused"
        planned = "" if phase.planned_minutes is None else f" / {clock_text(phase.planned_minutes)}"
        return f"{phase.title or phase.phase} {clock_text(state.phase_minutes)}{planned}{paused}", state.over

    def _repaint(self) -> None:
        window = self.control.window
        if window is not None:
            window.view.update()
        running = self.document is not None and self.document.agenda_state().running
        if self.clock_action.isChecked() and running and not self._ticker.isActive():
            self._ticker.start()
        elif not (self.clock_action.isChecked() and running):
            self._ticker.stop()

    def _clock_toggled(self, on: bool) -> None:
        self.settings.setValue(SHOW_CLOCK_KEY, on)
        self.attach()

    def _follow_toggled(self, on: bool) -> None:
        self.settings.setValue(FOLLOW_KEY, on)
        if on:
            self._phase = None
            self._agenda_changed()

    def _agenda_changed(self) -> None:
        document = self.document
        if document is None:
            return
        current = document.agenda_state().current
        if self.follow_action.isChecked() and current is not None and current != self._phase:
            key = document.meeting.agenda[current].phase
            if key in PHASE_VIEWS:
                mode = PHASE_VIEWS[key]
                self.control.set_mode(self.control._scale_mode(mode) if isinstance(mode, ScalesMode) else mode)
        self._phase = current
        self._repaint()

"""The projection window: the projector view on its own window, full screen on the projector when there is one.

On a second screen the window is frameless and full screen, so the room sees only the map. With one screen (or
when asked for the console's own screen) it is an ordinary framed, resizable window: a frameless window on the
console's screen could be neither moved nor resized.

The window never takes the keyboard, on one screen or two: it asks the window system not to be given focus, and if a
window manager activates it anyway it hands the keyboard back to the console at once. A key that still reaches it
is passed to the console (the shortcut it holds, or the text field with the cursor), so typing never lands on the
wall and a clicker's "." blanks the wall from wherever it is pressed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from sos_desktop import APP_NAME
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector.themes import DEFAULT_THEME
from sos_desktop.ui.projector.view import ProjectorView

WINDOWED_SHARE = 0.6
"""A windowed projector takes this share of the console screen's width and height."""


def projector_screens(console_screen: QScreen | None) -> list[QScreen]:
    """The screens the projector can go full screen on: every screen except the console's and its mirrors.

    A screen that mirrors the console's (the same place and size on the desktop) shows what the console shows: full
    screen there, the projection would cover the facilitator's own screen, and the room would see the console.
    """
    return [
        screen
        for screen in QGuiApplication.screens()
        if screen is not console_screen and (console_screen is None or screen.geometry() != console_screen.geometry())
    ]


def mirrored_screens(console_screen: QScreen | None) -> list[QScreen]:
    """The other screens that show the same part of the desktop as the console's: displays set to mirror."""
    if console_screen is None:
        return []
    return [
        screen
        for screen in QGuiApplication.screens()
        if screen is not console_screen and screen.geometry() == console_screen.geometry()
    ]


def wants_full_screen(target: QScreen | None, console_screen: QScreen | None, screen_count: int) -> bool:
    """Full screen only on a screen of its own: there is more than one, and the target is not the console's."""
    return target is not None and screen_count > 1 and target is not console_screen


class ProjectorWindow(QWidget):
    """A top-level window holding a ``ProjectorView``; ``closed`` tells the console it was closed."""

    closed = Signal()
    questionTakenOff = Signal()  # Esc on the wall took a best question off it

    def __init__(
        self,
        document: MeetingDocument | None,
        theme: str = DEFAULT_THEME,
        console: QWidget | None = None,
    ) -> None:
        # No Qt parent: an owned window would stay on top of the console while it is windowed beside it.
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("projector-window")
        self.setWindowTitle(f"Projector — {APP_NAME}")  # never the case: a windowed title bar shows on the wall
        self.console = console
        self.view = ProjectorView(document, theme, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        # The wall never takes the keyboard: the facilitator types on the console while the room watches.
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.full_screen_on: QScreen | None = None
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenRemoved.connect(self._screen_removed)

    def console_screen(self) -> QScreen | None:
        if self.console is not None and self.console.screen() is not None:
            return self.console.screen()
        return QGuiApplication.primaryScreen()

    def show_on(self, screen: QScreen | None = None) -> None:
        """Show on ``screen``, by default the first that is not the console's.

        Full screen and frameless there if it is a screen of its own, else an ordinary window on the console's screen.
        """
        console_screen = self.console_screen()
        if screen is None:
            candidates = projector_screens(console_screen)
            screen = candidates[0] if candidates else None
        if wants_full_screen(screen, console_screen, len(QGuiApplication.screens())):
            assert screen is not None
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
            self.setCursor(Qt.CursorShape.BlankCursor)  # no pointer drifting across the wall
            self.showFullScreen()
            self.full_screen_on = screen
        else:
            was_full_screen = self.full_screen_on is not None or self.isFullScreen()
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, False)
            self.unsetCursor()
            self.setWindowState(Qt.WindowState.WindowNoState)
            self.full_screen_on = None
            if console_screen is not None and (was_full_screen or not self.isVisible()):
                self.setScreen(console_screen)
                area = console_screen.availableGeometry()
                self.resize(round(area.width() * WINDOWED_SHARE), round(area.height() * WINDOWED_SHARE))
                self.move(area.center() - self.rect().center())
            self.show()
        self.raise_()
        self._hand_back()

    def _screen_removed(self, screen: QScreen) -> None:
        # The projector's cable was pulled: come back as a window on the console rather than vanish.
        if self.isVisible() and screen is self.full_screen_on:
            self.full_screen_on = None
            self.show_on(self.console_screen())

    def event(self, event: QEvent) -> bool:
        # Some window managers activate a window whatever its hints say: hand the keyboard straight back.
        if event.type() == QEvent.Type.WindowActivate and self.console is not None:
            QTimer.singleShot(0, self._hand_back)
        return super().event(event)

    def _hand_back(self) -> None:
        if self.console is not None and self.console.isVisible():
            self.console.activateWindow()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A key that reached the wall all the same goes to the console, as if typed there: to the text field with
        the cursor if it takes the key, else to the console's shortcut for it.
        """
        if event.key() == Qt.Key.Key_Escape and self.view.projection.question is not None:
            self.view.projection.set_question(None)  # Esc on the wall takes a best question off it
            self.questionTakenOff.emit()
            event.accept()
            return
        console = self.console
        if console is None:
            super().keyPressEvent(event)
            return
        self._hand_back()
        event.accept()
        target = console.focusWidget() or console

        def copy(kind: QEvent.Type) -> QKeyEvent:
            return QKeyEvent(kind, event.key(), event.modifiers(), event.text(), event.isAutoRepeat(), event.count())

        override = copy(QEvent.Type.ShortcutOverride)
        override.ignore()
        QCoreApplication.sendEvent(target, override)
        if not override.isAccepted():
            pressed = QKeySequence(event.keyCombination())
            for action in console.findChildren(QAction):
                exact = QKeySequence.SequenceMatch.ExactMatch
                if action.isEnabled() and any(pressed.matches(s) == exact for s in action.shortcuts()):
                    action.trigger()
                    return
        QCoreApplication.sendEvent(target, copy(QEvent.Type.KeyPress))

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            self.full_screen_on = None
            self.closed.emit()

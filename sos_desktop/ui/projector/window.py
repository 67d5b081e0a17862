"""The projection window: the projector view on its own window, full screen on the projector when there is one.

On a second screen the window is frameless and full screen, so the room sees only the map. With one screen (or
when asked for the console's own screen) it is an ordinary framed, resizable window: a frameless window on the
console's screen could be neither moved nor resized. Keys, for a keyboard or a presentation clicker:

B or . blanks and unblanks; Escape closes (the projector goes back to the console); + and - zoom, 0 resets;
V or Page Down shows the next view (whole map, then each column), Page Up the previous; T the next theme.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from sos_desktop import APP_NAME
from sos_desktop.ui.common.actions import Key, key_sequences
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector.themes import DEFAULT_THEME
from sos_desktop.ui.projector.view import ProjectorView

WINDOWED_SHARE = 0.6
"""A windowed projector takes this share of the console screen's width and height."""


def projector_screens(console_screen: QScreen | None) -> list[QScreen]:
    """The screens the projector can go full screen on: every screen except the console's."""
    return [screen for screen in QGuiApplication.screens() if screen is not console_screen]


def wants_full_screen(target: QScreen | None, console_screen: QScreen | None, screen_count: int) -> bool:
    """Full screen only on a screen of its own: there is more than one, and the target is not the console's."""
    return target is not None and screen_count > 1 and target is not console_screen


class ProjectorWindow(QWidget):
    """A top-level window holding a ``ProjectorView``; ``closed`` tells the console it was closed."""

    closed = Signal()

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
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.full_screen_on: QScreen | None = None
        self.wall_keys = self._wall_keys()
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
        self.activateWindow()

    def _screen_removed(self, screen: QScreen) -> None:
        # The projector's cable was pulled: come back as a window on the console rather than vanish.
        if self.isVisible() and screen is self.full_screen_on:
            self.full_screen_on = None
            self.show_on(self.console_screen())

    def _wall_keys(self) -> dict[Qt.Key, Callable[[], object]]:
        """What each of the window's own keys does, from the registry (worked out once, not at every key press)."""
        view = self.view
        slots: dict[Key, Callable[[], object]] = {
            Key.WALL_BLANK: view.toggle_blank,
            Key.WALL_CLOSE: self.close,
            Key.WALL_LARGER: view.zoom_in,
            Key.WALL_SMALLER: view.zoom_out,
            Key.WALL_FIT: view.reset_zoom,
            Key.WALL_NEXT_VIEW: view.cycle_mode,
            Key.WALL_PREVIOUS_VIEW: lambda: view.cycle_mode(-1),
            Key.WALL_THEME: view.cycle_theme,
        }
        # Plain keys (Shift allowed, for "+" and "_"): matched on the key alone, as a clicker sends them.
        return {
            sequence[0].key(): slot  # type: ignore[index]  # a sequence is indexable in Qt, not in its stubs
            for key, slot in slots.items()
            for sequence in key_sequences(key)
        }

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier):
            super().keyPressEvent(event)
            return
        action = self.wall_keys.get(Qt.Key(event.key()))
        if action is None:
            super().keyPressEvent(event)
            return
        action()
        event.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            self.full_screen_on = None
            self.closed.emit()

"""Steering the wall's Words and Pictures from the console: the view itself (Ctrl+Alt+W, in Projector › View) and
the next and previous panel (Page Down and Page Up, as a presenter's clicker sends them, and two menu entries).

The panel keys work only while the projector is open on the story, so that everywhere else Page Down and Page Up
scroll the console as they always did. The wall shows the story and the panel the console's Words and Pictures page
has chosen (``selected``), else the first story with panels from its start, and follows the page when another panel
is chosen there; a step past the last or the first panel stays where it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from sos_desktop.ui.common.actions import Key, bind, key_sequences
from sos_desktop.ui.projector.modes import WordsPicturesMode
from sos_desktop.ui.projector.words_pictures_content import panel_index, shown_story

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QActionGroup

    from sos_desktop.ui.document.meeting import MeetingDocument
    from sos_desktop.ui.projector.layout import ProjectorMode
    from sos_desktop.ui.projector.window import ProjectorWindow

NEXT, PREVIOUS = "Words and Pictures: &next panel", "Words and Pictures: pre&vious panel"


class PagedControl(Protocol):
    """What the paging uses of the projector's control (``control.ProjectorControl``, which builds it)."""

    mode_group: QActionGroup
    mode_actions: dict[ProjectorMode, QAction]
    show_action: QAction
    document: MeetingDocument | None
    window: ProjectorWindow | None

    def set_mode(self, mode: ProjectorMode) -> None: ...


class WordsPicturesPaging(QObject):
    """The Words and Pictures entries of the Projector › View menu, and the keys that page through the story."""

    def __init__(
        self,
        control: PagedControl,
        window_created: SignalInstance,
        views: QMenu,
        console: QMainWindow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.control = control
        self.selected: Callable[[], tuple[str | None, str | None]] = lambda: (None, None)
        """The story and the panel the console's Words and Pictures page has chosen (their keys), set by the
        console."""
        self._chosen: tuple[str, str] = ("", "")
        self.action = views.addAction("&Words and Pictures, panel by panel")
        self.action.setCheckable(True)
        control.mode_group.addAction(self.action)
        control.mode_actions[WordsPicturesMode()] = self.action
        bind(self.action, Key.PROJECT_WORDS_PICTURES)
        self.action.triggered.connect(self.show_story)
        console.addAction(self.action)
        self.next_action = self._step_action(views, NEXT, Key.WORDS_PICTURES_NEXT, 1, console)
        self.previous_action = self._step_action(views, PREVIOUS, Key.WORDS_PICTURES_PREVIOUS, -1, console)
        window_created.connect(self._window_created)
        control.show_action.toggled.connect(lambda _: self._update())
        self._update()

    def _step_action(self, menu: QMenu, text: str, key: Key, step: int, console: QMainWindow) -> QAction:
        action = menu.addAction(text)
        action.setShortcuts(key_sequences(key))
        action.triggered.connect(lambda: self.step(step))
        console.addAction(action)
        return action

    def _window_created(self) -> None:
        window = self.control.window
        if window is not None:
            window.view.modeChanged.connect(lambda _: self._update())
            window.closed.connect(self._update)
        self._update()

    def _mode(self) -> WordsPicturesMode | None:
        window = self.control.window
        mode = window.view.mode() if window is not None else None
        return mode if isinstance(mode, WordsPicturesMode) else None

    def _update(self) -> None:
        window = self.control.window
        on = window is not None and window.isVisible() and self._mode() is not None
        for action in (self.next_action, self.previous_action):
            action.setEnabled(on)

    def show_story(self) -> None:
        """The story and the panel chosen on the console on the wall (else the first story, from its start)."""
        self.control.set_mode(self._mode_of(*self.selected()))

    def _mode_of(self, story_key: str | None, panel_key: str | None) -> WordsPicturesMode:
        document = self.control.document
        story = shown_story(document.words_pictures, story_key) if document is not None else None
        if story is None:
            return WordsPicturesMode()
        keys = [panel.key for panel in story.panels]
        return WordsPicturesMode(story.key, keys.index(panel_key) if panel_key in keys else 0)

    def step(self, step: int) -> None:
        """The next (1) or previous (-1) panel of the story on the wall."""
        mode, document = self._mode(), self.control.document
        if mode is None or document is None:
            return
        story = shown_story(document.words_pictures, mode.story)
        if story is None or not story.panels:
            return
        panel = panel_index(story, panel_index(story, mode.panel) + step)
        self.control.set_mode(WordsPicturesMode(story.key, panel))

    def panel_chosen(self, story_key: str, panel_key: str) -> None:
        """The console's page chose a panel (keys, "" for none): a wall showing Words and Pictures shows it too.

        The page says so again after each edit; only another choice moves the wall (not one paged away from).
        """
        if (story_key, panel_key) == self._chosen:
            return
        self._chosen = (story_key, panel_key)
        if self._mode() is not None and story_key:
            self.control.set_mode(self._mode_of(story_key, panel_key or None))

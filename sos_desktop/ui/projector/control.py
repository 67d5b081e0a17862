"""The console's Projector menu: open the projector window on a screen, and steer what the room sees.

One ``ProjectorWindow`` at most, following whichever meeting the console has open (never a copy of it). Its theme
is remembered in the settings. Blank (B) works from the console, so the facilitator hides the wall without
reaching for the projector window, which never takes the keyboard.

With no screen of the projector's own (one screen, or displays set to mirror), F5 first says that the room would see
the console, full names and all, and opens a practice window only if the facilitator chooses to; once agreed, it
does not ask again until the screens change. Then, if the wall would show a full name that masking cannot hide (a
display name that is a full name), it says which texts hold which names and asks (``name_check``). The status bar's
chip (``WallChip``) says what the wall shows now.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow, QMenu

from sos_desktop.models import COLUMN_ORDER, Category, Column, Meeting
from sos_desktop.models.trajectory import scale_identity
from sos_desktop.ui.common.actions import ActionId, Key, bind, key_sequences, make_action
from sos_desktop.ui.common.settings_keys import THEME_KEY, type_scale
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import (
    DEFAULT_THEME,
    THEMES,
    ChangesMode,
    ChronologyMode,
    FocusMode,
    NetworkMode,
    ProjectorMode,
    ProjectorWindow,
    ReviewMode,
    ScalesMode,
    TrajectoryMode,
    VoiceMode,
    mirrored_screens,
    name_check,
    projector_screens,
    wall_state,
)
from sos_desktop.ui.projector.modes import PlanMode, SafetyHouseMode, TrajectoryPlanMode, WordsPicturesMode
from sos_desktop.ui.projector.wall_state import WallChip
from sos_desktop.ui.projector.words_pictures_paging import WordsPicturesPaging

THEME_NAMES = {"projector": "High contrast (projector)", "light": "Light", "dark": "Dark"}


class ProjectorControl(QObject):
    """Owns the projector window and the Projector menu of the console."""

    windowCreated = Signal()  # the projector window was just made (it is made when first opened)
    questionChanged = Signal(object)  # the best question on the wall (None: taken off)

    def __init__(self, console: QMainWindow, settings: QSettings) -> None:
        super().__init__(console)
        self.console = console
        self.settings = settings
        self.document: MeetingDocument | None = None
        self.window: ProjectorWindow | None = None
        self.shared_actions: list[QAction] = []  # the console's Undo, Redo...: they work from the projector too
        self.case_meetings: list[Meeting] | None = None
        self.load_case_meetings: Callable[[], list[Meeting] | None] = lambda: None  # set by the console
        self._loaded_for: MeetingDocument | None = None
        self.selected_scale: Callable[[], int | None] = lambda: None  # which scale the Scaling page has chosen
        self.selected_child: Callable[[], int | None] = lambda: None  # which child the Child's voice page has chosen
        self.selected_house_child: Callable[[], int | None] = lambda: None  # and the Safety House page
        theme = str(settings.value(THEME_KEY, DEFAULT_THEME))
        self.theme = theme if theme in THEMES else DEFAULT_THEME
        self.show_action = make_action(ActionId.PROJECTOR, console, self.toggle)
        self.show_action.setCheckable(True)
        self.blank_action = make_action(ActionId.BLANK, console, self.toggle_blank)
        self.blank_action.setCheckable(True)
        self.menu = QMenu("&Projector", console)
        self.menu.addAction(self.show_action)
        self.screens_menu = self.menu.addMenu("Show on &screen")
        self.screens_menu.aboutToShow.connect(self._fill_screens)
        self.menu.addAction(self.blank_action)
        self.menu.addSeparator()
        self.mode_group = QActionGroup(self)
        self.mode_actions: dict[ProjectorMode, QAction] = {}
        views = self.menu.addMenu("&View on the projector")
        self._mode_action(views, None, "The whole &map")
        views.addSeparator()
        for column in COLUMN_ORDER:
            self._mode_action(views, column, column.value)
        views.addSeparator()
        for categories in COLUMN_ORDER.values():
            for category in categories:
                self._mode_action(views, category, category.value)
        views.addSeparator()
        self.scale_action = self._mode_action(views, ScalesMode(), "The &scale chosen on the Scaling page")
        bind(self.scale_action, Key.PROJECT_SCALE)
        self.trajectory_action = self._mode_action(views, TrajectoryMode(), "Its &trajectory across the case")
        bind(self.trajectory_action, Key.PROJECT_TRAJECTORY)
        views.addSeparator()
        self.network_action = self._mode_action(views, NetworkMode(), "The safety &network")
        bind(self.network_action, Key.PROJECT_NETWORK)
        self.genogram_action = self._mode_action(
            views, NetworkMode(genogram=True), "The family tree (&genogram), laid out as one whatever the console shows"
        )
        self.voice_action = self._mode_action(views, VoiceMode(), "The child's &voice (Three Houses)")
        bind(self.voice_action, Key.PROJECT_VOICE)
        self.safety_house_action = self._mode_action(views, SafetyHouseMode(), "The child's Safety H&ouse")
        bind(self.safety_house_action, Key.PROJECT_SAFETY_HOUSE)
        console.addAction(self.safety_house_action)
        self.focus_action = self._mode_action(views, FocusMode(), "The &focus question")
        bind(self.focus_action, Key.PROJECT_FOCUS)
        for action in (self.scale_action, self.trajectory_action, self.network_action):
            console.addAction(action)
        console.addAction(self.voice_action)
        console.addAction(self.focus_action)
        # The case over time.
        views.addSeparator()
        self.changes_action = self._mode_action(views, ChangesMode(), "What &changed since last time")
        bind(self.changes_action, Key.PROJECT_CHANGES)
        self.review_action = self._mode_action(views, ReviewMode(), "The &review of last time's next steps")
        bind(self.review_action, Key.PROJECT_REVIEW)
        self.chronology_action = self._mode_action(views, ChronologyMode(), "The case c&hronology")
        bind(self.chronology_action, Key.PROJECT_CHRONOLOGY)
        for action in (self.changes_action, self.review_action, self.chronology_action):
            console.addAction(action)
        views.addSeparator()
        self.plan_action = self._mode_action(views, PlanMode(), "The safety &plan")
        bind(self.plan_action, Key.PROJECT_PLAN)
        self.trajectory_plan_action = self._mode_action(
            views, TrajectoryPlanMode(), "The trajectory plan and its mi&lestones"
        )
        bind(self.trajectory_plan_action, Key.PROJECT_TRAJECTORY_PLAN)
        console.addAction(self.plan_action)
        console.addAction(self.trajectory_plan_action)
        views.addSeparator()
        self.words_pictures = WordsPicturesPaging(self, self.windowCreated, views, console, self)
        self.theme_group = QActionGroup(self)
        themes = self.menu.addMenu("&Theme")
        for name in THEMES:
            action = themes.addAction(THEME_NAMES.get(name, name))
            action.setCheckable(True)
            action.setChecked(name == self.theme)
            action.setData(name)
            self.theme_group.addAction(action)
            action.triggered.connect(lambda _=False, n=name: self.set_theme(n))
        # Kept with the meeting (its family record): plain-language checks on, professional-only cards off the wall.
        self.family_action = self.menu.addAction("The &family is present")
        self.family_action.setCheckable(True)
        self.family_action.setToolTip(
            "The team's jargon is flagged on the cards, and cards for professionals only stay off the wall"
        )
        self.family_action.triggered.connect(self._family_present_chosen)
        self.menu.addSeparator()
        for text, keys, slot in (
            ("&Larger on the projector", Key.CONSOLE_LARGER, self._zoom_in),
            ("&Smaller on the projector", Key.CONSOLE_SMALLER, self._zoom_out),
            ("&Fit the wall", Key.CONSOLE_FIT, self._reset_zoom),
        ):
            action = bind(self.menu.addAction(text), keys)
            action.triggered.connect(slot)
            console.addAction(action)
        console.addAction(self.blank_action)
        console.addAction(self.show_action)
        # The projector window's own keys, from the console too (a clicker's "." blanks): only while it is open.
        self.console_keys: list[QAction] = []
        for sequences, slot in (
            (key_sequences(Key.CONSOLE_BLANK), self.toggle_blank),
            (key_sequences(Key.CONSOLE_VIEW), self._cycle_mode),
            (key_sequences(Key.CONSOLE_THEME), self._cycle_theme),
        ):
            action = QAction(console)
            action.setShortcuts(sequences)
            action.triggered.connect(slot)
            console.addAction(action)
            self.console_keys.append(action)
        self.chip = WallChip(self.menu, console)
        self.practice_agreed = False
        """The facilitator chose to project with no screen of the projector's own; asked again if screens change."""
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._screens_changed)
            app.screenRemoved.connect(self._screens_changed)
        self._update_actions()

    def _screens_changed(self, _screen: QScreen) -> None:
        self.practice_agreed = False
        QTimer.singleShot(0, self._update_actions)

    def _mode_action(self, menu: QMenu, mode: ProjectorMode, text: str) -> QAction:
        action = menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(mode is None)
        self.mode_group.addAction(action)
        self.mode_actions[mode] = action
        if isinstance(mode, ScalesMode | TrajectoryMode):
            action.triggered.connect(lambda _=False, m=mode: self.set_mode(self._scale_mode(m)))
        elif isinstance(mode, VoiceMode):
            action.triggered.connect(lambda: self.set_mode(VoiceMode(self.selected_child())))
        elif isinstance(mode, SafetyHouseMode):
            action.triggered.connect(lambda: self.set_mode(SafetyHouseMode(self.selected_house_child())))
        else:
            action.triggered.connect(lambda _=False, m=mode: self.set_mode(m))
        return action

    def _scale_mode(self, mode: ScalesMode | TrajectoryMode) -> ProjectorMode:
        """The scale chosen on the Scaling page, in this kind of view."""
        index = self.selected_scale()
        if isinstance(mode, ScalesMode):
            return ScalesMode(index)
        scales = self.document.meeting.scales if self.document is not None else []
        if index is not None and 0 <= index < len(scales):
            return TrajectoryMode(scale_identity(scales[index]))
        return TrajectoryMode()

    def scale_chosen(self, index: int | None) -> None:
        """The Scaling page chose another scale: a projector showing a scale follows it."""
        if self.window is None:
            return
        mode = self.window.view.mode()
        if isinstance(mode, ScalesMode | TrajectoryMode):
            self.set_mode(self._scale_mode(mode))

    def house_child_chosen(self, child: int | None) -> None:
        """The Safety House page chose another child: a projector showing a Safety House follows it."""
        if self.window is not None and isinstance(self.window.view.mode(), SafetyHouseMode):
            self.set_mode(SafetyHouseMode(child))

    def child_chosen(self, child: int | None) -> None:
        """The Child's voice page chose another child: a projector showing the child's voice follows it."""
        if self.window is not None and isinstance(self.window.view.mode(), VoiceMode):
            self.set_mode(VoiceMode(child))

    def _feed_case_meetings(self) -> None:
        """Give the projector the case's meetings, read only when a trajectory is shown (and once per meeting
        opened): reading every meeting of the case in full on each opening would slow the console for nothing.
        The open meeting itself is followed live by the projector.
        """
        if self.window is None or not isinstance(self.window.view.mode(), TrajectoryMode):
            return
        if self._loaded_for is not self.document:
            self.case_meetings = self.load_case_meetings() if self.document is not None else None
            self._loaded_for = self.document
        self.window.view.set_case_meetings(self.case_meetings)

    def relabel(self) -> None:
        """Menu entries in the case's framework words."""
        if self.document is None:
            return
        template = self.document.template
        for mode, action in self.mode_actions.items():
            if isinstance(mode, Column):
                action.setText(template.column_titles[mode])
            elif isinstance(mode, Category):
                action.setText("    " + template.label(mode))

    # Following the console ---------------------------------------------------------------------------------------

    def set_document(self, document: MeetingDocument | None) -> None:
        self.document = document
        if document is not None:
            document.caseChanged.connect(self.relabel)
            document.familyMeetingChanged.connect(self._show_family_present)
            self.relabel()
        self._show_family_present()
        if self.window is not None:
            self.window.view.set_document(document)
        self._feed_case_meetings()
        self._update_actions()

    def _family_present_chosen(self, present: bool) -> None:
        if self.document is not None:
            self.document.set_family_present(present)
        self._show_family_present()

    def _show_family_present(self) -> None:
        document = self.document
        self.family_action.setEnabled(document is not None)
        self.family_action.setChecked(document is not None and document.family_present)

    def _update_actions(self) -> None:
        is_open = self.window is not None and self.window.isVisible()
        self.show_action.setChecked(is_open)
        self.blank_action.setEnabled(is_open)
        for action in self.console_keys:
            action.setEnabled(is_open)
        self.blank_action.setChecked(is_open and self.window is not None and self.window.view.is_blank())
        self._show_wall_state()

    def _show_wall_state(self) -> None:
        window = self.window
        is_open = window is not None and window.isVisible()
        self.chip.show_state(
            is_open,
            window is not None and window.view.is_blank(),
            window.view.mode() if window is not None else None,
            self.document.template if self.document is not None else None,
            window is not None and window.full_screen_on is None,
        )

    # Opening and closing -----------------------------------------------------------------------------------------

    def may_project(self, screen: QScreen | None) -> bool:
        """With no screen of the projector's own, the facilitator agrees (once) to practise in a window first.

        ``screen`` is the one asked for: the console's own screen, chosen from the menu, is a practice window asked
        for knowingly.
        """
        if self.practice_agreed or (self.window is not None and self.window.isVisible()):
            return True
        console_screen = self.console.screen()
        if screen is console_screen and screen is not None:
            return True
        if screen is not None or projector_screens(console_screen):
            return True
        self.practice_agreed = wall_state.ask_practice_window(self.console, bool(mirrored_screens(console_screen)))
        return self.practice_agreed

    def may_show_names(self) -> bool:
        """When the wall would show full names that masking cannot hide, the facilitator is told which texts hold
        which names and chooses to project anyway (asked at each F5 while they remain, not while projecting).
        """
        if self.window is not None and self.window.isVisible():
            return True
        found = name_check.unhidden_names(self.document)
        return not found or name_check.ask_project_with_names(self.console, found)

    def open(self, screen: QScreen | None = None) -> ProjectorWindow | None:
        """Show the projector on ``screen`` (by default one of its own); None if the facilitator chose not to."""
        if not self.may_project(screen) or not self.may_show_names():
            self._update_actions()  # F5 ticked its menu entry on the way in: untick it
            return None
        if self.window is None:
            self.window = ProjectorWindow(self.document, theme=self.theme, console=self.console)
            self.window.view.projection.set_type_scale(type_scale(self.settings))  # the room's size, from Settings
            # Told while the window is still closing: look again once it has gone.
            self.window.closed.connect(lambda: QTimer.singleShot(0, self._update_actions))
            self.window.view.blankChanged.connect(lambda _: self._update_actions())
            self.window.view.themeChanged.connect(self._theme_changed)
            self.window.view.modeChanged.connect(self._mode_changed)
            self.window.questionTakenOff.connect(lambda: self.questionChanged.emit(None))
            self.window.closed.connect(self.take_question_off)
            self.window.addActions([*self.shared_actions, self.show_action])
            self.windowCreated.emit()
        self._feed_case_meetings()
        self.window.show_on(screen)
        self.console.activateWindow()  # the keyboard stays with the facilitator's console, on one screen or two
        self._update_actions()
        return self.window

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
        self._update_actions()

    def toggle(self) -> None:
        if self.window is not None and self.window.isVisible():
            self.close()
        else:
            self.open()

    def _fill_screens(self) -> None:
        self.screens_menu.clear()
        console_screen = self.console.screen()
        for screen in projector_screens(console_screen):
            action = self.screens_menu.addAction(f"{screen.name()} ({screen.size().width()}×{screen.size().height()})")
            action.triggered.connect(lambda _=False, s=screen: self.open(s))
        here = self.screens_menu.addAction("Practise: in a window on this screen (the room would see the console)")
        here.triggered.connect(lambda: self.open(console_screen))

    # Steering ----------------------------------------------------------------------------------------------------

    def toggle_blank(self) -> None:
        if self.window is not None and self.window.isVisible():
            self.window.view.toggle_blank()
        self._update_actions()

    def show_question(self, text: str) -> bool:
        """Put a best question on the wall, opening the projector if it is closed; False if it stayed closed."""
        window = self.window if self.window is not None and self.window.isVisible() else self.open()
        if window is None:
            return False
        window.view.projection.set_question(text)
        self.questionChanged.emit(text)
        return True

    def take_question_off(self) -> None:
        """Take the best question off the wall (the view behind it shows again)."""
        if self.window is not None and self.window.view.projection.question is not None:
            self.window.view.projection.set_question(None)
        self.questionChanged.emit(None)

    def set_mode(self, mode: ProjectorMode) -> None:
        if self.window is not None:
            self.window.view.set_mode(mode)
        self._mode_changed(mode)

    def _mode_changed(self, mode: ProjectorMode) -> None:
        self._feed_case_meetings()
        if isinstance(mode, ScalesMode):
            mode = ScalesMode()
        elif isinstance(mode, TrajectoryMode):
            mode = TrajectoryMode()
        elif isinstance(mode, VoiceMode):
            mode = VoiceMode()
        elif isinstance(mode, WordsPicturesMode):
            mode = WordsPicturesMode()
        elif isinstance(mode, SafetyHouseMode):
            mode = SafetyHouseMode()
        action = self.mode_actions.get(mode)
        if action is not None:
            action.setChecked(True)
        self._show_wall_state()

    def set_theme(self, name: str) -> None:
        if self.window is not None:
            self.window.view.set_theme(name)
        self._theme_changed(name)

    def _theme_changed(self, name: str) -> None:
        self.theme = name
        self.settings.setValue(THEME_KEY, name)
        for action in self.theme_group.actions():
            action.setChecked(action.data() == name)

    def _cycle_mode(self) -> None:
        if self.window is not None and self.window.isVisible():
            self.window.view.cycle_mode()

    def _cycle_theme(self) -> None:
        if self.window is not None and self.window.isVisible():
            self.window.view.cycle_theme()

    def _zoom_in(self) -> None:
        if self.window is not None:
            self.window.view.zoom_in()

    def _zoom_out(self) -> None:
        if self.window is not None:
            self.window.view.zoom_out()

    def _reset_zoom(self) -> None:
        if self.window is not None:
            self.window.view.reset_zoom()

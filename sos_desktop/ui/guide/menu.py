"""The console's guidance for newcomers, in the menus: Edit › Settings… and, on the Help menu, Help on this page
(Shift+F1), Tour of the screens and Welcome. Owned by the main window; the dialogs live in their own modules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from sos_desktop.ui.common.actions import ActionId, make_action
from sos_desktop.ui.guide.help_dialog import show_help
from sos_desktop.ui.guide.tour import start_tour
from sos_desktop.ui.guide.welcome import show_welcome

if TYPE_CHECKING:
    from sos_desktop.ui.common.console import Console


class GuideMenu(QObject):
    def __init__(self, window: Console) -> None:
        super().__init__(window)
        self.window = window
        self.settings_action = make_action(ActionId.SETTINGS, window, window.show_settings)
        self.page_help_action = make_action(ActionId.PAGE_HELP, window, lambda: show_help(window))
        self.tour_action = make_action(ActionId.TOUR, window, lambda: start_tour(window))
        self.welcome_action = make_action(ActionId.WELCOME, window, lambda: show_welcome(window))

    def add_to_help(self, menu: QMenu) -> None:
        """Help on this page, the tour and the welcome, after the shortcuts sheet."""
        menu.addAction(self.page_help_action)
        menu.addSeparator()
        menu.addAction(self.tour_action)
        menu.addAction(self.welcome_action)
        menu.addSeparator()

"""The console's actions in one registry: an id each, with its text, shortcut and tip.

Standard key sequences are used where Qt has one, so Undo is Ctrl+Z on Linux and Windows and Cmd+Z on a Mac.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, auto
from typing import NamedTuple

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


class ActionId(Enum):
    NEW_CASE = auto()
    NEW_MEETING = auto()
    EDIT_CASE = auto()
    RENAME = auto()
    DELETE = auto()
    IMPORT = auto()
    EXPORT = auto()
    QUIT = auto()
    PROJECTOR = auto()
    BLANK = auto()
    SHOW_GREY = auto()
    SHORTCUTS = auto()
    ABOUT = auto()
    SETTINGS = auto()
    PAGE_HELP = auto()
    TOUR = auto()
    WELCOME = auto()


class ActionSpec(NamedTuple):
    text: str
    tip: str
    keys: QKeySequence.StandardKey | str | None = None


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEW_CASE: ActionSpec("New &case…", "Start a new case", "Ctrl+Shift+N"),
    ActionId.NEW_MEETING: ActionSpec(
        "&New meeting…", "Add a meeting to the selected case", QKeySequence.StandardKey.New
    ),
    ActionId.EDIT_CASE: ActionSpec("Case &details…", "Name, reference and framework of the selected case"),
    ActionId.RENAME: ActionSpec("&Rename…", "Rename the selected case or meeting (F2 in the list of cases)"),
    ActionId.DELETE: ActionSpec("&Delete…", "Delete the selected case or meeting for good", "Ctrl+Shift+Delete"),
    ActionId.IMPORT: ActionSpec(
        "&Import meeting file…", "Add a meeting from an interchange file", QKeySequence.StandardKey.Open
    ),
    ActionId.EXPORT: ActionSpec("&Export meeting file…", "Save the open meeting as an interchange file", "Ctrl+E"),
    ActionId.QUIT: ActionSpec(
        "&Quit", "Close SoS Desktop (everything is already saved)", QKeySequence.StandardKey.Quit
    ),
    ActionId.PROJECTOR: ActionSpec("Show on the &projector", "Open or close the projector window", "F5"),
    ActionId.BLANK: ActionSpec("&Blank the projector", "Blank the projector, and back", "B"),
    ActionId.SHOW_GREY: ActionSpec("Show &grey areas", "Show the optional grey-areas section of the map"),
    ActionId.SHORTCUTS: ActionSpec(
        "&Keyboard shortcuts", "List every keyboard shortcut", QKeySequence.StandardKey.HelpContents
    ),
    ActionId.ABOUT: ActionSpec("&About SoS Desktop", "Version and where your data is kept"),
    ActionId.SETTINGS: ActionSpec(
        "&Settings…", "Defaults for new cases, exports, the projector, backups and the team", "Ctrl+,"
    ),
    ActionId.PAGE_HELP: ActionSpec("&Help on this page", "What this page is for and how to use it", "Shift+F1"),
    ActionId.TOUR: ActionSpec("&Tour of the screens", "A two-minute tour of the console, step by step"),
    ActionId.WELCOME: ActionSpec("&Welcome", "Open the demo meeting, start a case, or take the tour"),
}


def make_action(action_id: ActionId, parent: QWidget, slot: Callable[[], object]) -> QAction:
    spec = SPECS[action_id]
    action = QAction(spec.text, parent)
    action.setObjectName(action_id.name.lower())
    action.setToolTip(spec.tip)
    action.setStatusTip(spec.tip)
    if spec.keys is not None:
        action.setShortcut(QKeySequence(spec.keys))
    action.triggered.connect(slot)
    return action

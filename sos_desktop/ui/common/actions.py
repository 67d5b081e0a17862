"""Every key of the app in one registry: the console's menu actions (an id each, with its text, shortcut and tip),
the keys bound inside a page or a window (``Key``: each with what it does and where it works), and the gestures
the pages answer to. The F1 sheet (``guide.shortcuts_sheet``) is generated from it, so it lists what is bound.

No key sequence is written anywhere else: a page binds its keys with ``make_shortcuts`` or ``bind`` from here.
Standard key sequences are used where Qt has one, so Undo is Ctrl+Z on Linux and Windows and Cmd+Z on a Mac.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, StrEnum, auto
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import Qt


class ActionId(Enum):
    NEW_CASE = auto()
    NEW_MEETING = auto()
    CONTINUE_MEETING = auto()
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


KeyLike = QKeySequence.StandardKey | str


class Section(StrEnum):
    """The F1 sheet's sections, in its order."""

    MAPPING = "Mapping"
    NETWORK = "Network"
    MEETING = "Running the meeting"
    UNDO = "Undo"
    PROJECTOR = "Projector"
    MENUS = "Menus"
    HELP = "Help"


class ActionSpec(NamedTuple):
    text: str
    tip: str
    keys: KeyLike | None = None


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEW_CASE: ActionSpec("New &case…", "Start a new case", "Ctrl+Shift+N"),
    ActionId.NEW_MEETING: ActionSpec(
        "&New meeting…", "Add a meeting to the selected case", QKeySequence.StandardKey.New
    ),
    ActionId.CONTINUE_MEETING: ActionSpec(
        "New meeting from the &last one…",
        "The case's next meeting: the map carried forward, the scales to rate again, last time's next steps to review",
        "Ctrl+Shift+M",
    ),
    ActionId.EDIT_CASE: ActionSpec("Case &details…", "Name, reference and framework of the selected case"),
    ActionId.RENAME: ActionSpec("&Rename…", "Rename the selected case or meeting (F2 in the list of cases)"),
    ActionId.DELETE: ActionSpec("&Delete…", "Delete the selected case or meeting for good", "Ctrl+Shift+Delete"),
    ActionId.IMPORT: ActionSpec(
        "&Import meeting file…", "Add a meeting from an interchange file", QKeySequence.StandardKey.Open
    ),
    ActionId.EXPORT: ActionSpec("&Export meeting file…", "Save the open meeting as an interchange file", "Ctrl+E"),
    ActionId.QUIT: ActionSpec(
        "&Quit",
        "Close SoS Desktop (edits are saved as you make them; if any still waits for the database, it asks first)",
        QKeySequence.StandardKey.Quit,
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


class Key(Enum):
    """Keys bound inside a page or a window (or to a menu entry the registry above does not make)."""

    GO_TO_CATEGORY = auto()
    NEW_CARD = auto()
    DELETE_CARD = auto()
    CARD_UP_DOWN = auto()
    CARD_TO_CATEGORY = auto()
    PAIR_CARD = auto()
    OPEN_CALENDAR = auto()
    ADD_PERSON = auto()
    CONNECT_PEOPLE = auto()
    RENAME_PERSON = auto()
    REMOVE_FROM_NETWORK = auto()
    FIT_NETWORK = auto()
    CLOCK_START = auto()
    CLOCK_NEXT = auto()
    CLOCK_PAUSE = auto()
    OBSERVER_WINDOW = auto()
    DELETE_NOTE = auto()
    CLOSE_WINDOW = auto()
    UNDO = auto()
    REDO = auto()
    MINUTES_PDF = auto()
    PROJECT_SCALE = auto()
    PROJECT_TRAJECTORY = auto()
    PROJECT_NETWORK = auto()
    PROJECT_VOICE = auto()
    PROJECT_SAFETY_HOUSE = auto()
    PROJECT_FOCUS = auto()
    PROJECT_CHANGES = auto()
    PROJECT_REVIEW = auto()
    PROJECT_CHRONOLOGY = auto()
    PROJECT_PLAN = auto()
    PROJECT_TRAJECTORY_PLAN = auto()
    PROJECT_WORDS_PICTURES = auto()
    WORDS_PICTURES_NEXT = auto()
    WORDS_PICTURES_PREVIOUS = auto()
    CONSOLE_BLANK = auto()
    CONSOLE_VIEW = auto()
    CONSOLE_THEME = auto()
    CONSOLE_LARGER = auto()
    CONSOLE_SMALLER = auto()
    CONSOLE_FIT = auto()
    RENAME_IN_LIST = auto()
    PATH_HALF_UP = auto()
    PATH_HALF_DOWN = auto()
    PATH_POINT_UP = auto()
    PATH_POINT_DOWN = auto()
    PATH_TO_ZERO = auto()
    PATH_TO_TEN = auto()
    PATH_CLEAR = auto()
    DELETE_SHAPE = auto()
    CAPTURE_QUESTION = auto()


class KeySpec(NamedTuple):
    keys: tuple[KeyLike, ...]
    what: str
    """What the keys do, as the F1 sheet says it."""
    section: Section
    sheet: str | None = None
    """How the sheet writes the keys when not one by one (a family such as "Ctrl+1 … Ctrl+8"); "" leaves the
    binding off the sheet (it shares a row with another)."""


KEYS: dict[Key, KeySpec] = {
    Key.GO_TO_CATEGORY: KeySpec(
        tuple(f"Ctrl+{n}" for n in range(1, 9)),
        "Add a card: go to the entry line of a category (harm, danger statements, … in map order)",
        Section.MAPPING,
        "Ctrl+1 … Ctrl+8",
    ),
    Key.NEW_CARD: KeySpec(("N", "Insert"), "From a card list: go to its entry line", Section.MAPPING, "N or Insert"),
    Key.DELETE_CARD: KeySpec((QKeySequence.StandardKey.Delete,), "Delete the selected card", Section.MAPPING, "Delete"),
    Key.CARD_UP_DOWN: KeySpec(("Alt+Up", "Alt+Down"), "Move the selected card up or down", Section.MAPPING),
    Key.CARD_TO_CATEGORY: KeySpec(
        ("Alt+Left", "Alt+Right"), "Move the selected card to the previous or next category", Section.MAPPING
    ),
    Key.PAIR_CARD: KeySpec(
        ("Ctrl+P",),
        "Pair the selected danger statement with a goal (or the goal with a danger statement)",
        Section.MAPPING,
    ),
    Key.OPEN_CALENDAR: KeySpec(
        ("Alt+Down", "F4"),
        "In a date field (a next step's “By when”): open the calendar; Enter takes the day",
        Section.MAPPING,
        "Alt+Down or F4",
    ),
    Key.ADD_PERSON: KeySpec(("Insert",), "Add a person near the middle of the graph", Section.NETWORK, "Insert"),
    Key.CONNECT_PEOPLE: KeySpec(
        ("C",),
        "Connect two people (the kind of tie is guessed from their roles)",
        Section.NETWORK,
        "Shift+drag, or C then drag",
    ),
    Key.RENAME_PERSON: KeySpec(
        ("F2",),
        "Rename them on the graph (Enter keeps it, Escape cancels)",
        Section.NETWORK,
        "F2 or double-click a person",
    ),
    Key.REMOVE_FROM_NETWORK: KeySpec(
        ("Delete",),  # the Delete key alone: the graph has bound it so since it was made
        "Remove the selected people and ties (one undo step)",
        Section.NETWORK,
        "Delete",
    ),
    Key.FIT_NETWORK: KeySpec(
        ("Ctrl+0",), "Fit the whole network in view / zoom", Section.NETWORK, "Ctrl+0 / Ctrl+wheel"
    ),
    Key.CLOCK_START: KeySpec(("F6",), "Start the meeting's clock, or resume it", Section.MEETING),
    Key.CLOCK_NEXT: KeySpec(("F7",), "End this phase and start the next", Section.MEETING),
    Key.CLOCK_PAUSE: KeySpec(("Shift+F6",), "Pause the clock", Section.MEETING),
    Key.OBSERVER_WINDOW: KeySpec(("Ctrl+Shift+O",), "The observer's window", Section.MEETING),
    Key.CAPTURE_QUESTION: KeySpec(
        ("Ctrl+Shift+Q",), "Keep a best question for the team's library (the selected words, if any)", Section.MEETING
    ),
    Key.DELETE_NOTE: KeySpec(
        (QKeySequence.StandardKey.Delete,),
        "In the observer's notes: delete the selected note",
        Section.MEETING,
        "Delete",
    ),
    Key.CLOSE_WINDOW: KeySpec((QKeySequence.StandardKey.Close,), "Close the observer's window", Section.MEETING),
    Key.UNDO: KeySpec((QKeySequence.StandardKey.Undo,), "Undo the last change to the meeting", Section.UNDO),
    # Both usual redo keys on every platform: Linux's standard is Ctrl+Shift+Z alone, and people type Ctrl+Y too.
    Key.REDO: KeySpec((QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"), "Redo it", Section.UNDO),
    Key.MINUTES_PDF: KeySpec(("Ctrl+Shift+P",), "File › Export › Minutes as PDF", Section.MENUS),
    # B itself is the Blank action's own key (``SPECS[ActionId.BLANK]``); a clicker's "." is bound beside it.
    Key.CONSOLE_BLANK: KeySpec(
        (".",),
        "Blank the projector, and back (when no text field has the cursor)",
        Section.PROJECTOR,
        "B or .",
    ),
    Key.CONSOLE_VIEW: KeySpec(("V",), "Projector: whole map, then each column in turn", Section.PROJECTOR),
    Key.CONSOLE_THEME: KeySpec(("T",), "Projector: next theme: high contrast, light, dark", Section.PROJECTOR),
    Key.PROJECT_SCALE: KeySpec(
        ("Ctrl+Alt+S",),
        "Projector: the chosen scale, its trajectory, the safety network",
        Section.PROJECTOR,
        "Ctrl+Alt+S / Ctrl+Alt+T / Ctrl+Alt+N",
    ),
    Key.PROJECT_TRAJECTORY: KeySpec(("Ctrl+Alt+T",), "Projector: the trajectory", Section.PROJECTOR, ""),
    Key.PROJECT_NETWORK: KeySpec(("Ctrl+Alt+N",), "Projector: the safety network", Section.PROJECTOR, ""),
    Key.PROJECT_VOICE: KeySpec(
        ("Ctrl+Alt+V",),
        "Projector: the child's voice, the Safety House, the focus question",
        Section.PROJECTOR,
        "Ctrl+Alt+V / O / F",
    ),
    Key.PROJECT_SAFETY_HOUSE: KeySpec(("Ctrl+Alt+O",), "Projector: the child's Safety House", Section.PROJECTOR, ""),
    Key.PROJECT_FOCUS: KeySpec(("Ctrl+Alt+F",), "Projector: the focus question", Section.PROJECTOR, ""),
    Key.PROJECT_REVIEW: KeySpec(
        ("Ctrl+Alt+R",),
        "Projector: last time's next steps reviewed, what changed, the chronology, the safety plan, the trajectory "
        "plan, Words and Pictures",
        Section.PROJECTOR,
        "Ctrl+Alt+R / C / H / P / M / W",
    ),
    Key.PROJECT_CHANGES: KeySpec(("Ctrl+Alt+C",), "Projector: what changed since last time", Section.PROJECTOR, ""),
    Key.PROJECT_CHRONOLOGY: KeySpec(("Ctrl+Alt+H",), "Projector: the case chronology", Section.PROJECTOR, ""),
    Key.PROJECT_PLAN: KeySpec(("Ctrl+Alt+P",), "Projector: the safety plan", Section.PROJECTOR, ""),
    Key.PROJECT_TRAJECTORY_PLAN: KeySpec(("Ctrl+Alt+M",), "Projector: the trajectory plan", Section.PROJECTOR, ""),
    Key.PROJECT_WORDS_PICTURES: KeySpec(("Ctrl+Alt+W",), "Projector: Words and Pictures", Section.PROJECTOR, ""),
    Key.WORDS_PICTURES_NEXT: KeySpec(("PgDown",), "Words and Pictures: the next panel", Section.PROJECTOR, ""),
    Key.WORDS_PICTURES_PREVIOUS: KeySpec(("PgUp",), "Words and Pictures: the previous panel", Section.PROJECTOR, ""),
    Key.CONSOLE_LARGER: KeySpec(
        ("Ctrl+Alt+=",),
        "Projector: larger, smaller, back to fitting the wall",
        Section.PROJECTOR,
        "Ctrl+Alt+= / Ctrl+Alt+− / Ctrl+Alt+0",
    ),
    Key.CONSOLE_SMALLER: KeySpec(("Ctrl+Alt+-",), "Smaller on the projector", Section.PROJECTOR, ""),
    Key.CONSOLE_FIT: KeySpec(("Ctrl+Alt+0",), "Fit the wall", Section.PROJECTOR, ""),
    Key.RENAME_IN_LIST: KeySpec(
        ("F2",), "Rename the selected case or meeting", Section.MENUS, "F2 in the list of cases"
    ),
    Key.PATH_HALF_UP: KeySpec(
        ("Right", "Up"),
        "Safety House: move the child along the path (half a point; Page Up / Down a point; Home 0, End 10; "
        "Delete: not placed)",
        Section.MEETING,
        "",  # the page's own keys, said on the path's tip and its help page: the F1 sheet keeps to one screen
    ),
    Key.PATH_HALF_DOWN: KeySpec(("Left", "Down"), "The path: half a point back", Section.MEETING, ""),
    Key.PATH_POINT_UP: KeySpec(("PgUp",), "The path: a point on", Section.MEETING, ""),
    Key.PATH_POINT_DOWN: KeySpec(("PgDown",), "The path: a point back", Section.MEETING, ""),
    Key.PATH_TO_ZERO: KeySpec(("Home",), "The path: 0", Section.MEETING, ""),
    Key.PATH_TO_TEN: KeySpec(("End",), "The path: 10", Section.MEETING, ""),
    Key.PATH_CLEAR: KeySpec(("Delete", "Backspace"), "The path: not placed yet", Section.MEETING, ""),
    Key.DELETE_SHAPE: KeySpec(
        ("Delete", "Backspace"), "Words and Pictures drawing: take the chosen shape off", Section.MEETING, ""
    ),
}

GESTURES: tuple[tuple[Section, str, str], ...] = (
    (Section.MAPPING, "Enter", "In an entry line: add the card and stay ready for the next one"),
    (
        Section.MAPPING,
        "F2 or double-click",
        "Edit the selected card in place (Enter keeps it, Shift+Enter new line, Escape cancels)",
    ),
    (Section.MAPPING, "Tab / Shift+Tab", "Go to the next or previous list, line or button"),
    (Section.NETWORK, "Double-click empty space", "Add a person there and type their name"),
)
"""What the pages answer to without a binding of their own: the mouse, and keys of a text field or an editor."""


def sequences(keys: KeyLike) -> list[QKeySequence]:
    """The key sequences ``keys`` stands for (a standard key may stand for several on this platform)."""
    if isinstance(keys, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(keys)
    return [QKeySequence(keys)]


def key_sequences(key: Key) -> list[QKeySequence]:
    """The key sequences of ``key``, every one of each of its keys, each once."""
    found = {sequence.toString(): sequence for keys in KEYS[key].keys for sequence in sequences(keys)}
    return list(found.values())


def pressed(event: QKeyEvent, key: Key) -> bool:
    """Whether the key press ``event`` is one of the keys of ``key`` (a keypad's arrows count as the arrows), for a
    widget that reads its own keys in ``keyPressEvent``.
    """
    from PySide6.QtCore import QKeyCombination, Qt

    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    typed = QKeySequence(QKeyCombination(modifiers, Qt.Key(event.key())))
    return any(typed.matches(sequence) == QKeySequence.SequenceMatch.ExactMatch for sequence in key_sequences(key))


def bind(action: QAction, key: Key) -> QAction:
    """Give ``action`` the keys of ``key``."""
    action.setShortcuts(key_sequences(key))
    return action


def make_shortcuts(
    key: Key,
    parent: QWidget,
    slot: Callable[[], object],
    context: Qt.ShortcutContext | None = None,
    only: int | None = None,
) -> list[QShortcut]:
    """Bind ``key`` on ``parent`` (by default only while it has the focus); ``only``: just its sequence of that
    index (one of a family, such as Ctrl+3 of Ctrl+1 … Ctrl+8).
    """
    # Qt's namespace is imported here, not at the top: building it costs the console's first paint about 20 ms.
    from PySide6.QtCore import Qt

    context = Qt.ShortcutContext.WidgetShortcut if context is None else context
    sequences = key_sequences(key)
    shortcuts = []
    for sequence in sequences if only is None else [sequences[only]]:
        shortcut = QShortcut(sequence, parent)
        shortcut.setContext(context)
        shortcut.activated.connect(slot)
        shortcuts.append(shortcut)
    return shortcuts


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

"""The shortcuts sheet (F1): every key the facilitator can use, grouped as they work, read from the registries."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sos_desktop.ui.common.actions import SPECS, ActionId

MAP_KEYS: tuple[tuple[str, str], ...] = (
    ("Ctrl+1 … Ctrl+8", "Add a card: go to the entry line of a category (harm, danger statements, … in map order)"),
    ("Enter", "In an entry line: add the card and stay ready for the next one"),
    ("N or Insert", "From a card list: go to its entry line"),
    ("F2 or double-click", "Edit the selected card in place (Enter keeps it, Shift+Enter new line, Escape cancels)"),
    ("Delete", "Delete the selected card"),
    ("Alt+Up / Alt+Down", "Move the selected card up or down"),
    ("Alt+Left / Alt+Right", "Move the selected card to the previous or next category"),
    ("Ctrl+P", "Pair the selected danger statement with a goal (or the goal with a danger statement)"),
    ("Tab / Shift+Tab", "Go to the next or previous list, line or button"),
)
PROJECTOR_KEYS: tuple[tuple[str, str], ...] = (
    ("B or .", "Blank the projector, and back (on the console too, when no text field has the cursor)"),
    ("V", "Projector: whole map, then each column in turn (on the console too)"),
    ("T", "Projector: next theme: high contrast, light, dark (on the console too)"),
    ("Ctrl+Alt+S / Ctrl+Alt+T / Ctrl+Alt+N", "Projector: the chosen scale, its trajectory, the safety network"),
    ("Ctrl+Alt+V / Ctrl+Alt+F", "Projector: the child's voice (shared words only), the focus question"),
    ("Page Down / Page Up", "Projector window: next or previous view"),
    ("+ / − / 0", "Projector window: larger, smaller, back to fitting the wall"),
    ("Ctrl+Alt+= / Ctrl+Alt+− / Ctrl+Alt+0", "The same from the console"),
    ("Escape", "Projector window: close it"),
    ("F2 in the list of cases", "Rename the selected case or meeting"),
)


def _keys(action_id: ActionId) -> str:
    keys = SPECS[action_id].keys
    if keys is None:
        return ""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


NETWORK_KEYS: tuple[tuple[str, str], ...] = (
    ("Double-click empty space", "Add a person there and type their name"),
    ("Insert", "Add a person near the middle of the graph"),
    ("Shift+drag, or C then drag", "Connect two people (the kind of tie is guessed from their roles)"),
    ("F2 or double-click a person", "Rename them on the graph (Enter keeps it, Escape cancels)"),
    ("Delete", "Remove the selected people and ties (one undo step)"),
    ("Ctrl+0 / Ctrl+wheel", "Fit the whole network in view / zoom"),
)


MEETING_KEYS: tuple[tuple[str, str], ...] = (
    ("F6", "Start the meeting's clock, or resume it"),
    ("F7", "End this phase and start the next"),
    ("Shift+F6", "Pause the clock"),
    ("Ctrl+Shift+O", "The observer's window"),
)


def sheet_rows() -> list[tuple[str, list[tuple[str, str]]]]:
    """The sheet's sections: (heading, [(keys, what they do)])."""
    menu = [
        (_keys(action_id), spec.tip)
        for action_id, spec in SPECS.items()
        if spec.keys is not None and _keys(action_id) and action_id not in (ActionId.SHORTCUTS, ActionId.BLANK)
    ]
    undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)
    redo = ", ".join(
        key.toString(QKeySequence.SequenceFormat.NativeText)
        for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    )
    edits = [(undo, "Undo the last change to the meeting"), (redo, "Redo it")]
    return [
        ("Mapping", list(MAP_KEYS)),
        ("Network", list(NETWORK_KEYS)),
        ("Running the meeting", list(MEETING_KEYS)),
        ("Undo", edits),
        ("Projector", list(PROJECTOR_KEYS)),
        ("Menus", menu),
        ("Help", [(_keys(ActionId.SHORTCUTS), "This sheet")]),
    ]


class ShortcutsSheet(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setMinimumWidth(720)
        html = ["<table cellspacing='0' cellpadding='4'>"]
        for heading, rows in sheet_rows():
            html.append(f"<tr><td colspan='2'><h3>{heading}</h3></td></tr>")
            for keys, what in rows:
                html.append(
                    f"<tr><td style='white-space:nowrap'><b>{_escape(keys)}</b></td><td>{_escape(what)}</td></tr>"
                )
        html.append("</table>")
        text = QLabel("".join(html))
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setAccessibleName("Keyboard shortcuts")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

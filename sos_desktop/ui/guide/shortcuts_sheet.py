"""The shortcuts sheet (F1): every key the facilitator can use, grouped as they work, read from the registries."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.ui.common.actions import GESTURES, KEYS, SPECS, ActionId, KeyLike, KeySpec, Section, sequences


def _native(keys: KeyLike) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def _typed(keys: KeyLike) -> list[str]:
    """How a key is written on the sheet: a standard key by the bindings a user types (those with Ctrl, where it has
    any: not the Undo key of a Sun keyboard), else its first.
    """
    found = [sequence.toString(QKeySequence.SequenceFormat.NativeText) for sequence in sequences(keys)]
    if not isinstance(keys, QKeySequence.StandardKey):
        return found
    with_ctrl = [text for text in found if "Ctrl" in text]
    return with_ctrl or found[:1]


def _key_row(spec: KeySpec) -> tuple[str, str]:
    written = spec.sheet or " / ".join(text for keys in spec.keys for text in _typed(keys))
    return written, spec.what


def sheet_rows() -> list[tuple[str, list[tuple[str, str]]]]:
    """The sheet's sections: (heading, [(keys, what they do)]), every one read from the registry of keys."""
    rows: dict[Section, list[tuple[str, str]]] = {section: [] for section in Section}
    for spec in KEYS.values():
        if spec.sheet != "":
            rows[spec.section].append(_key_row(spec))
    for section, keys, what in GESTURES:
        rows[section].append((keys, what))
    for action_id, action in SPECS.items():
        if action.keys is None or action_id in (ActionId.SHORTCUTS, ActionId.BLANK) or not _native(action.keys):
            continue
        rows[Section.MENUS].append((_native(action.keys), action.tip))
    shortcuts = SPECS[ActionId.SHORTCUTS].keys
    assert shortcuts is not None
    rows[Section.HELP].append((_native(shortcuts), "This sheet"))
    return [(section.value, found) for section, found in rows.items() if found]


class ShortcutsSheet(QDialog):
    """The sheet in two columns (the console's keys on the left, the projector's and the menus' on the right), in
    a scrolling area no taller than the screen: a laptop's 768 lines show it whole or scroll it, never cut it off.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setMinimumWidth(720)
        sections = sheet_rows()
        split = _balanced_split(sections)
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        self.columns: list[QLabel] = []
        for part in (sections[:split], sections[split:]):
            text = QLabel(_table(part))
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setWordWrap(True)
            text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            text.setAccessibleName("Keyboard shortcuts")
            columns.addWidget(text, 1)
            self.columns.append(text)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        wanted = body.sizeHint()
        self.resize(
            min(max(wanted.width() + 48, 1100), room.width() * 9 // 10),
            min(wanted.height() + 80, room.height() * 9 // 10),
        )


def _balanced_split(sections: list[tuple[str, list[tuple[str, str]]]]) -> int:
    """Where to cut the sections into two columns of about as many lines each (a heading counts as two)."""
    weights = [len(rows) + 2 for _, rows in sections]
    total, running = sum(weights), 0
    for index, weight in enumerate(weights):
        if running + weight / 2 >= total / 2:
            return max(1, index)
        running += weight
    return len(sections)


def _table(sections: list[tuple[str, list[tuple[str, str]]]]) -> str:
    html = ["<table cellspacing='0' cellpadding='3'>"]
    for heading, rows in sections:
        html.append(f"<tr><td colspan='2'><h3>{heading}</h3></td></tr>")
        for keys, what in rows:
            html.append(f"<tr><td style='white-space:nowrap'><b>{_escape(keys)}</b></td><td>{_escape(what)}</td></tr>")
    html.append("</table>")
    return "".join(html)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

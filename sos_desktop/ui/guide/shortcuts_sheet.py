"""The shortcuts sheet (F1): every key the facilitator can use, grouped as they work, read from the registries."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sos_desktop.ui.common.actions import GESTURES, KEYS, SPECS, ActionId, KeyLike, KeySpec, Section


def _native(keys: KeyLike) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def _key_row(spec: KeySpec) -> tuple[str, str]:
    written = spec.sheet or " / ".join(
        sequence.toString(QKeySequence.SequenceFormat.NativeText)
        for keys in spec.keys
        for sequence in (
            QKeySequence.keyBindings(keys) if isinstance(keys, QKeySequence.StandardKey) else [QKeySequence(keys)]
        )
    )
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

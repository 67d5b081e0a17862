"""The shortcuts sheet (F1): every key the facilitator can use, grouped as they work, read from the registries."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
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
    written = spec.sheet or " / ".join(dict.fromkeys(text for keys in spec.keys for text in _typed(keys)))
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


COLUMN_WIDTH = 360
"""The narrowest a column of the sheet reads well at (keys on the left, what they do beside them)."""


class ShortcutsSheet(QDialog):
    """The sheet in columns (the console's keys first, then the projector's and the menus'), sized to the screen it
    opens on (``fit_within``): at most nine tenths of its free area each way, in as many columns as let it stand
    whole there (two at least), and in a scrolling area when even that is not enough (a laptop's 768 lines).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setMinimumWidth(720)
        self.sections = sheet_rows()
        self.body = QWidget()
        self.body_layout = QHBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.columns: list[QLabel] = []
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.body)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(self.scroll_area)
        self.outer.addWidget(self.buttons)
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        self.fit_within(screen.availableGeometry())

    def fit_within(self, room: QRect) -> None:
        """Size the sheet for a screen whose free area is ``room``."""
        width_cap, height_cap = room.width() * 9 // 10, room.height() * 9 // 10
        margins = self.outer.contentsMargins()
        chrome_width = margins.left() + margins.right()
        chrome_height = margins.top() + margins.bottom() + self.outer.spacing() + self.buttons.sizeHint().height()
        most = max(2, (width_cap - chrome_width) // COLUMN_WIDTH)
        tried: list[tuple[int, int, int]] = []
        for count in range(2, most + 1):
            self._set_columns(count)
            preferred = max(self.minimumWidth(), min(max(self.body.sizeHint().width() + 48, 1100), width_cap))
            for width in dict.fromkeys((preferred, max(self.minimumWidth(), width_cap))):
                height = self.body.heightForWidth(width - chrome_width) + chrome_height
                if height <= height_cap:
                    self.resize(width, height)
                    return
                tried.append((height, count, width))
        # Too long for this screen in any number of columns: the one that needs the least scrolling.
        _, count, width = min(tried)
        self._set_columns(count)
        self.resize(width, height_cap)

    def _set_columns(self, count: int) -> None:
        if len(self.columns) == count:
            return
        for column in self.columns:
            self.body_layout.removeWidget(column)
            column.hide()
            column.deleteLater()
        self.columns = []
        for part in _balanced_columns(self.sections, count):
            text = QLabel(_table(part))
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setWordWrap(True)
            text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            text.setAccessibleName("Keyboard shortcuts")
            self.body_layout.addWidget(text, 1)
            text.show()  # at once, not when the event loop gets to it: the fitting measures it now
            self.columns.append(text)


def _balanced_columns(
    sections: list[tuple[str, list[tuple[str, str]]]], count: int
) -> list[list[tuple[str, list[tuple[str, str]]]]]:
    """The sections, in order, cut into ``count`` columns of about as many lines each (a heading counts as two)."""
    weights = [len(rows) + 2 for _, rows in sections]
    total = sum(weights)
    columns: list[list[tuple[str, list[tuple[str, str]]]]] = [[]]
    running = 0
    for section, weight in zip(sections, weights, strict=True):
        # Start the next column once this section would end more than half of it past the column's share.
        if columns[-1] and len(columns) < count and running + weight / 2 > total * len(columns) / count:
            columns.append([])
        columns[-1].append(section)
        running += weight
    return [column for column in columns if column]


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

"""One house of the Child's voice page: the child's words written in it, each editable in place, and a field to add.

An entry shows the words exactly as written (several lines if the child's words have them), whether the child agreed
to share them and, if not, a plain marker that the projector leaves them out. Every change goes to the document as
one call (an undo step); the widgets only show what the document holds, refreshed from its ``voiceChanged``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import ChildVoiceEntry, House
from sos_desktop.models.labels import HOUSE_TITLES
from sos_desktop.ui.common.undo_keys import route_undo_keys

HOUSE_ACCENTS = {House.WORRIES: "#c62828", House.GOOD_THINGS: "#2e7d32", House.DREAMS: "#1565c0"}
"""The houses in the console map's column colours (worries, what's working well, what needs to happen)."""
NOT_SHOWN = "Not shown on the projector"
NOT_SHOWN_COLOUR = "#8a5200"
MOST_LINES = 12


def typed_text(field: QPlainTextEdit) -> str:
    """What is in ``field`` exactly: line breaks as newlines, non-breaking spaces kept (``toPlainText`` drops them)."""
    return field.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")


class WordsField(QPlainTextEdit):
    """The child's words of one entry, edited in place; as tall as its lines (up to a limit, then it scrolls)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        route_undo_keys(self)  # every change is already a step of the meeting's undo
        self.textChanged.connect(self._fit_height)
        self._fit_height()

    def show_text(self, text: str) -> None:
        if typed_text(self) != text:
            with QSignalBlocker(self):
                self.setPlainText(text)
            self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()  # narrower, the words take more lines

    def _fit_height(self) -> None:
        # Measured, not read from the text layout: the field lays out its lines lazily, after it is shown.
        margin = self.document().documentMargin()
        width = max(20, round(self.viewport().width() - 2 * margin))
        text = typed_text(self) or " "
        flags = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere
        tall = self.fontMetrics().boundingRect(QRect(0, 0, width, 100_000), flags, text).height()
        spacing = self.fontMetrics().lineSpacing()
        height = min(MOST_LINES * spacing, max(spacing, tall))
        self.setFixedHeight(round(height + 2 * (self.frameWidth() + margin) + 6))


class DraftField(QPlainTextEdit):
    """New words for a house: Ctrl+Enter adds them (Enter alone starts a new line, as the child's words may have)."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # An empty draft hands Undo and Redo to the meeting (say, to take back the words just added); while words
        # are being drafted, the field's own undo works on them.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo))
            and not self.toPlainText()
        ):
            event.ignore()
            return True
        return super().event(event)


class VoiceEntryWidget(QFrame):
    """One entry: its words, the consent tick, the marker when not shared, and buttons to move or delete it."""

    def __init__(self, entry: ChildVoiceEntry, edits: HouseEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert entry.id is not None
        self.entry_id = entry.id
        self.setObjectName("voice-entry")
        self.words = WordsField()
        self.words.setAccessibleName("The child's words")
        self.words.setToolTip("The child's exact words: edit them here, each change is saved at once.")
        self.words.textChanged.connect(lambda: edits.words(self.entry_id, typed_text(self.words)))
        self.consent = QCheckBox("Agreed to share")
        self.consent.setAccessibleName("The child agreed to share these words")
        self.consent.setToolTip("Tick when the child agreed that the group may see these words on the projector.")
        self.consent.toggled.connect(lambda on: edits.consent(self.entry_id, on))
        self.marker = QLabel(f"⊘ {NOT_SHOWN}")
        self.marker.setAccessibleName(NOT_SHOWN)
        self.marker.setToolTip("The child has not agreed to share these words, so the projector leaves them out.")
        self.marker.setStyleSheet(f"color: {NOT_SHOWN_COLOUR}; font-weight: bold;")
        self.move_button = QToolButton()
        self.move_button.setText("Move to…")
        self.move_button.setAccessibleName("Move these words to another house")
        self.move_button.setToolTip("Move these words to another of the three houses")
        self.move_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.edits = edits
        self.move_button.setMenu(QMenu(self.move_button))
        self.delete_button = QToolButton()
        self.delete_button.setText("Delete")
        self.delete_button.setAccessibleName("Delete these words")
        self.delete_button.setToolTip("Delete these words (Undo puts them back)")
        self.delete_button.clicked.connect(lambda: edits.delete(self.entry_id))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.consent)
        row.addStretch(1)
        row.addWidget(self.move_button)
        row.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.marker)
        layout.addWidget(self.words)
        layout.addLayout(row)
        self.show_entry(entry)

    def _fill_move_menu(self, house: House) -> None:
        """The other houses, under the titles of the child's tool (the Three Houses, the Fairy or the Wizard)."""
        menu = self.move_button.menu()
        menu.clear()
        for other, title in self.edits.titles().items():
            if other is not house:
                action = menu.addAction(title if title.startswith("The ") else f"The {title}")
                action.triggered.connect(lambda _=False, h=other: self.edits.move(self.entry_id, h))

    def show_entry(self, entry: ChildVoiceEntry) -> None:
        self._fill_move_menu(entry.house)
        self.words.show_text(entry.words)
        with QSignalBlocker(self.consent):
            self.consent.setChecked(entry.consent_to_share)
        self.marker.setVisible(not entry.consent_to_share)
        # Not shared: a dashed amber border, so the facilitator sees at a glance what the room will not.
        line = "2px solid #9e9e9e" if entry.consent_to_share else f"2px dashed {NOT_SHOWN_COLOUR}"
        self.setStyleSheet(f"QFrame#voice-entry {{ border: {line}; border-radius: 6px; }}")
        words = "shared" if entry.consent_to_share else "not shared"
        self.setAccessibleName(f"The child's words, {words}")


def _the(title: str) -> str:
    """A house's title after a preposition: "the House of Worries", "the Bad Fairy"."""
    return title[:1].lower() + title[1:] if title.startswith("The ") else f"the {title}"


class HouseEdits:
    """What an entry's widgets may ask of the document (so a widget never changes domain data itself)."""

    def __init__(
        self,
        words: Callable[[int, str], None],
        consent: Callable[[int, bool], None],
        move: Callable[[int, House], None],
        delete: Callable[[int], None],
        titles: Callable[[], dict[House, str]] = lambda: dict(HOUSE_TITLES),
    ) -> None:
        self.words = words
        self.consent = consent
        self.move = move
        self.delete = delete
        self.titles = titles
        """The houses' titles for the chosen child's tool."""


class HouseColumn(QFrame):
    """A house's title, its entries (scrolling when many) and the field that adds new words to it."""

    addRequested = Signal(object, str, bool)  # Qt signal naming; the house, the words, consent

    def __init__(self, house: House, edits: HouseEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.house = house
        self.edits = edits
        self.entries: dict[int, VoiceEntryWidget] = {}
        self.setObjectName(f"house-{house.value}")
        title = HOUSE_TITLES[house]
        accent = HOUSE_ACCENTS[house]
        self.title = QLabel(title)
        self.title.setStyleSheet(f"color: {accent}; font-weight: bold; font-size: 13pt;")
        self.title.setAccessibleName(title)
        self.setStyleSheet(f"QFrame#house-{house.value} {{ border-top: 4px solid {accent}; }}")
        self.entry_list = QWidget()
        self.list_layout = QVBoxLayout(self.entry_list)
        self.list_layout.setContentsMargins(0, 0, 4, 0)
        self.list_layout.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(self.entry_list)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setAccessibleName(f"The child's words in the {title}")
        self.empty = QLabel("Nothing written here yet.")
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        self.list_layout.insertWidget(0, self.empty)
        self.draft = DraftField()
        self.draft.setPlaceholderText(f"The child's words for the {title.lower()}…")
        self.draft.setAccessibleName(f"New words for the {title}")
        self.draft.setToolTip("Write the child's words exactly as they said them; Ctrl+Enter adds them.")
        self.draft.submitted.connect(self._add)
        self.draft_consent = QCheckBox("Agreed to share")
        self.draft_consent.setAccessibleName(f"The child agreed to share the new words for the {title}")
        self.draft_consent.setToolTip("Tick if the child agreed that the group may see these words on the projector.")
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName(f"Add the words to the {title}")
        self.add_button.setToolTip(f"Add the words to the {title} (Ctrl+Enter)")
        self.add_button.clicked.connect(self._add)
        adder = QHBoxLayout()
        adder.addWidget(self.draft_consent)
        adder.addStretch(1)
        adder.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.draft)
        layout.addLayout(adder)

    def retitle(self, title: str) -> None:
        """Show the house under ``title`` (the tool chosen for the child: "House of Worries", "The Bad Fairy"...)."""
        if self.title.text() == title:
            return
        self.title.setText(title)
        self.title.setAccessibleName(title)
        shown = _the(title).lower() if title.startswith("House") else _the(title)  # "the house of worries"
        self.draft.setPlaceholderText(f"The child's words for {shown}…")
        self.draft.setAccessibleName(f"New words for {_the(title)}")
        self.draft_consent.setAccessibleName(f"The child agreed to share the new words for {_the(title)}")
        self.add_button.setAccessibleName(f"Add the words to {_the(title)}")
        self.add_button.setToolTip(f"Add the words to {_the(title)} (Ctrl+Enter)")
        self.scroller.setAccessibleName(f"The child's words in {_the(title)}")

    def _add(self) -> None:
        words = typed_text(self.draft)
        if not words.strip():
            return
        self.addRequested.emit(self.house, words, self.draft_consent.isChecked())
        self.draft.clear()
        self.draft_consent.setChecked(False)  # each entry's consent is asked for, never carried over

    def show_entries(self, entries: list[ChildVoiceEntry]) -> None:
        """Show ``entries`` in order, keeping the widget (and the cursor in it) of each entry still there."""
        wanted = [entry.id for entry in entries if entry.id is not None]
        for entry_id in [i for i in self.entries if i not in wanted]:
            gone = self.entries.pop(entry_id)
            self.list_layout.removeWidget(gone)
            gone.deleteLater()
        for position, entry in enumerate(entries):
            assert entry.id is not None
            widget = self.entries.get(entry.id)
            if widget is None:
                widget = VoiceEntryWidget(entry, self.edits)
                self.entries[entry.id] = widget
            else:
                widget.show_entry(entry)
            if self.list_layout.indexOf(widget) != position + 1:  # after the "nothing written" line
                self.list_layout.removeWidget(widget)
                self.list_layout.insertWidget(position + 1, widget)
        self.empty.setVisible(not entries)

"""The mapping canvas of the console: three columns of categories, each a list of cards.

Keys on a card list: F2 or double-click edits in place, Delete removes, Alt+Up / Alt+Down reorder, Alt+Left /
Alt+Right move the card to the previous / next category, Ctrl+P pairs a danger statement with a goal, Insert or N
goes to the entry line. Anywhere on the console, Ctrl+1 ... Ctrl+8 go to the entry line of a category (map order), so
a card is added with one keystroke and typed; Enter adds it and keeps the line ready for the next. Cards are also
dragged between places and categories with the mouse. Every change is one undo step.

One card is selected on the whole map at a time: selecting a card in one category clears the selection in the
others, so only one Delete button is enabled, and it names the card it removes ("Delete “Dad drinks when…”").
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import COLUMN_ORDER, Category, Column, can_pair
from sos_desktop.models.chronology import ChronologyEvent, date_label, on_chronology
from sos_desktop.models.guidance import completeness, danger_count_hint
from sos_desktop.models.mapping import MAX_TEXT_LENGTH
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.actions import Key, make_shortcuts
from sos_desktop.ui.common.date_field import parse_typed_date
from sos_desktop.ui.common.empty_state import hint_when_empty
from sos_desktop.ui.common.fields import limit_length
from sos_desktop.ui.common.undo_keys import route_undo_keys
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.map.card_list import CardList
from sos_desktop.ui.map.model import CategoryItemsModel
from sos_desktop.ui.map.next_step_editor import NextStepEditor

MAP_ORDER: tuple[Category, ...] = tuple(c for cats in COLUMN_ORDER.values() for c in cats)
PAIR_MENU_TEXT_LENGTH = 70
DELETE_WORDS_WIDTH = 120
"""At most this many pixels of the card's words on its Delete button (the tooltip has them all)."""
NO_CARD_TIP = "Delete the selected card (Delete)"


class DeleteCardButton(QPushButton):
    """Delete, naming the selected card: “Delete “Dad drinks when…””, its words cut to the room the button has."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Delete", parent)
        self.words = ""
        self.setToolTip(NO_CARD_TIP)

    def set_card(self, text: str | None) -> None:
        """The card the button deletes (None: no card selected)."""
        words = " ".join((text or "").split())
        if words == self.words:
            return
        self.words = words
        self.setToolTip(f"Delete the card “{words}” (Delete; Undo brings it back)" if words else NO_CARD_TIP)
        self.setAccessibleName(f"Delete “{words}”" if words else "Delete")
        self._fit(DELETE_WORDS_WIDTH)
        self.updateGeometry()

    def _padding(self) -> int:
        return super().sizeHint().width() - self.fontMetrics().horizontalAdvance(self.text())

    def _fit(self, room: int) -> None:
        metrics = self.fontMetrics()
        room = min(room, DELETE_WORDS_WIDTH) - metrics.horizontalAdvance("Delete “”")
        shown = metrics.elidedText(self.words, Qt.TextElideMode.ElideRight, max(room, 0)) if self.words else ""
        self.setText(f"Delete “{shown}”" if shown and shown != "…" else "Delete")

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        widest = self.fontMetrics().horizontalAdvance("Delete “”") + DELETE_WORDS_WIDTH
        full = self.fontMetrics().horizontalAdvance(f"Delete “{self.words}”") if self.words else 0
        return QSize(max(hint.width(), min(full, widest) + self._padding()), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("Delete") + self._padding(), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(event.size().width() - self._padding())


class CategoryBox(QGroupBox):
    """One category: its cards, an entry line to add more, and the guidance for the selected card."""

    moved = Signal(object, int)  # a card sent to another category: (category, card id)
    cardSelected = Signal(object)  # a card of this category became the selected one (this box)

    def __init__(self, document: MeetingDocument, category: Category, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.category = category
        self.setObjectName(f"category-{category.value}")
        self.model = CategoryItemsModel(document, category)
        self.list = CardList(category)
        self.list.setModel(self.model)
        self.empty_hint = hint_when_empty(self.list, "")  # the category's question, set with its label
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.entry = QLineEdit()
        limit_length(self.entry, MAX_TEXT_LENGTH)
        self.entry.returnPressed.connect(self._add_from_entry)
        route_undo_keys(self.entry, only_when_empty=True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("card-hint")
        self.hint.setStyleSheet("color: #8a5200;")
        self.hint.hide()
        self.delete_button = DeleteCardButton()
        self.delete_button.clicked.connect(self.delete_selected)
        self.up_button = QPushButton("▲")
        self.up_button.setAccessibleName("Move up")
        self.up_button.setToolTip("Move the selected card up (Alt+Up)")
        self.up_button.clicked.connect(lambda: self.shift_selected(-1))
        self.down_button = QPushButton("▼")
        self.down_button.setAccessibleName("Move down")
        self.down_button.setToolTip("Move the selected card down (Alt+Down)")
        self.down_button.clicked.connect(lambda: self.shift_selected(1))
        self.pair_button = QPushButton("Pair…")
        self.pair_button.setToolTip("Pair the selected card with its partner (Ctrl+P)")
        self.pair_button.clicked.connect(self.show_pair_menu)
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.pair_button):
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text()) + 24)
            button.setMaximumWidth(max(button.minimumWidth(), 90))
            buttons.addWidget(button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.next_step = NextStepEditor(document) if category is Category.NEXT_STEP else None
        if self.next_step is not None:
            layout.addWidget(self.next_step)
        layout.addWidget(self.entry)
        layout.addLayout(buttons)
        # Only once it has a parent: shown while parentless, a button would flash up as a window of its own.
        self.pair_button.setVisible(category in (Category.DANGER, Category.GOAL))
        make_shortcuts(Key.DELETE_CARD, self.list, self.delete_selected)
        make_shortcuts(Key.CARD_UP_DOWN, self.list, lambda: self.shift_selected(-1), only=0)
        make_shortcuts(Key.CARD_UP_DOWN, self.list, lambda: self.shift_selected(1), only=1)
        make_shortcuts(Key.CARD_TO_CATEGORY, self.list, lambda: self.move_selected_to_neighbour(-1), only=0)
        make_shortcuts(Key.CARD_TO_CATEGORY, self.list, lambda: self.move_selected_to_neighbour(1), only=1)
        make_shortcuts(Key.PAIR_CARD, self.list, self.show_pair_menu)
        make_shortcuts(Key.NEW_CARD, self.list, self.start_new_card)
        for signal in (document.itemsChanged, document.pairsChanged, document.itemTextChanged):
            signal.connect(self._update_state)
        document.familyMeetingChanged.connect(self._update_state)  # family-present turns the jargon hints on
        self.list.selectionModel().currentChanged.connect(self._update_state)
        # Cards come and go by model resets: keep the selected card selected across them.
        # (The document has already changed when the model resets, so the id is noted whenever the card changes.)
        self._kept_id: int | None = None
        self.list.selectionModel().currentChanged.connect(self._remember_selection)
        self.list.selectionModel().currentChanged.connect(self._selected_here)
        self.model.modelReset.connect(self._restore_selection)
        document.caseChanged.connect(self.relabel)
        document.caseChanged.connect(self._update_state)
        self.relabel()
        self._update_state()

    def relabel(self) -> None:
        label = self.document.template.label(self.category)
        self.setTitle(label)
        self.setToolTip(self.document.template.questions[self.category])
        self.list.setAccessibleName(f"{label} cards")
        self.entry.setPlaceholderText(f"Add to {label.lower()} and press Enter")
        self.entry.setAccessibleName(f"New card in {label}")
        self.list.setToolTip(f"{label}: F2 edits the selected card, Delete removes it, Alt+arrows move it")
        self.entry.setToolTip(f"Type a card for {label.lower()} and press Enter to add it")
        self.empty_hint.set_text(self.document.template.questions[self.category])

    def selected_row(self) -> int | None:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else None

    def select_row(self, row: int) -> None:
        self.list.setCurrentIndex(self.model.index(row, 0))

    def _remember_selection(self) -> None:
        row = self.selected_row()
        if row is not None and row < self.model.rowCount():
            self._kept_id = self.model.item_at(row).id

    def _selected_here(self, current: QModelIndex) -> None:
        if current.isValid():
            self.cardSelected.emit(self)

    def clear_selection(self) -> None:
        """No card selected here (another category's card is the selected one)."""
        self._kept_id = None
        self.list.selectionModel().clear()

    def _restore_selection(self) -> None:
        for row in range(self.model.rowCount()):
            if self.model.item_at(row).id == self._kept_id:
                self.select_row(row)
                return

    def _update_state(self) -> None:
        row = self.selected_row()
        has = row is not None and row < self.model.rowCount()
        self.delete_button.setEnabled(has)
        self.up_button.setEnabled(has and row is not None and row > 0)
        self.down_button.setEnabled(has and row is not None and row < self.model.rowCount() - 1)
        self.pair_button.setEnabled(has)
        item = self.model.item_at(row) if has and row is not None else None
        self.delete_button.set_card(None if item is None else item.text)
        hints = self.model.hints(item) if item is not None else []
        self.hint.setText("\n".join(f"⚠ {hint}" for hint in hints))
        self.hint.setVisible(bool(hints))
        if self.next_step is not None:
            self.next_step.show_item(self._selected_id())

    def start_new_card(self) -> None:
        self.entry.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.entry.selectAll()

    def _add_from_entry(self) -> None:
        text = self.entry.text()
        if not text.strip():
            return
        self.document.add_item(self.category, text.strip())
        self.entry.clear()

    def _selected_id(self) -> int | None:
        row = self.selected_row()
        return None if row is None or row >= self.model.rowCount() else self.model.item_at(row).id

    def delete_selected(self) -> None:
        row, item_id = self.selected_row(), self._selected_id()
        if row is None or item_id is None:
            return
        self.document.delete_item(item_id)
        if self.model.rowCount():
            self.select_row(min(row, self.model.rowCount() - 1))

    def shift_selected(self, step: int) -> None:
        row, item_id = self.selected_row(), self._selected_id()
        if row is None or item_id is None or not 0 <= row + step < self.model.rowCount():
            return
        self.document.move_item(item_id, self.category, row + step)
        self.select_row(row + step)

    def move_selected_to_neighbour(self, step: int) -> None:
        position = MAP_ORDER.index(self.category) + step
        if 0 <= position < len(MAP_ORDER):
            self.move_selected_to(MAP_ORDER[position])

    def move_selected_to(self, category: Category) -> None:
        item_id = self._selected_id()
        if item_id is None:
            return
        self.document.move_item(item_id, category, len(self.document.items(category)))
        self.moved.emit(category, item_id)

    # Pairing ---------------------------------------------------------------------------------------------------

    def pair_menu(self) -> QMenu | None:
        """The menu of cards the selected card can pair with (and Unpair), or None if it cannot pair."""
        item_id = self._selected_id()
        if item_id is None:
            return None
        item = self.document.item(item_id)
        other = Category.GOAL if item.category == Category.DANGER else Category.DANGER
        if item.category not in (Category.DANGER, Category.GOAL):
            return None
        menu = QMenu(f"Pair with a {self.document.template.one(other)}", self)
        for candidate in self.document.items(other):
            if candidate.id is None or not can_pair(item, candidate):
                continue
            text = " ".join(candidate.text.split())
            if len(text) > PAIR_MENU_TEXT_LENGTH:
                text = text[: PAIR_MENU_TEXT_LENGTH - 1] + "…"
            number = self.document.pair_number(candidate.id)
            badge = f"{number}. " if number is not None else ""
            action = menu.addAction(f"{badge}{text}")
            action.setCheckable(True)
            action.setChecked(item.pairs_with == candidate.id)
            action.triggered.connect(lambda _=False, c=candidate.id: self.document.pair_items(item_id, c))
        if not menu.actions():
            none = menu.addAction(f"No {self.document.template.label(other).lower()} yet")
            none.setEnabled(False)
        if item.pairs_with is not None:
            menu.addSeparator()
            menu.addAction("Unpair", lambda: self.document.unpair_item(item_id))
        return menu

    def show_pair_menu(self) -> None:
        menu = self.pair_menu()
        if menu is None:
            return
        rect = self.list.visualRect(self.list.currentIndex())
        menu.exec(self.list.viewport().mapToGlobal(rect.bottomLeft()))

    def _context_menu(self, point: QPoint) -> None:
        if self.selected_row() is None:
            return
        menu = QMenu(self)
        pairing = self.pair_menu()
        if pairing is not None:
            menu.addMenu(pairing)
        move_to = menu.addMenu("Move to")
        for category in MAP_ORDER:
            if category != self.category:
                action = move_to.addAction(self.document.template.label(category))
                action.triggered.connect(lambda _=False, c=category: self.move_selected_to(c))
        menu.addAction("Edit", lambda: self.list.edit(self.list.currentIndex()))
        menu.addAction("Delete", self.delete_selected)
        menu.addSeparator()
        menu.addAction(self.professional_only_action())
        if self.category is Category.HARM:
            menu.addSeparator()
            item_id = self._selected_id()
            item = self.document.item(item_id) if item_id is not None else None
            if item is not None and on_chronology(self.document.chronology, item):
                menu.addAction("On the chronology").setEnabled(False)
            else:
                menu.addAction("Put on the c&hronology", self.put_selected_on_chronology)
        menu.exec(self.list.viewport().mapToGlobal(point))

    def professional_only_action(self) -> QAction:
        """The card menu's "Professionals only" toggle for the selected card (one undo step each way)."""
        item_id = self._selected_id()
        action = QAction("&Professionals only", self)
        action.setCheckable(True)
        action.setToolTip("Never shown on the wall while the family is present")
        if item_id is None:
            action.setEnabled(False)
            return action
        action.setChecked(self.document.item(item_id).professional_only)
        action.toggled.connect(lambda on: self.document.set_professional_only(item_id, on))
        return action

    def put_selected_on_chronology(self) -> ChronologyEvent | None:
        """Put the selected harm card on the case's chronology in one step, on the date its words give; when they
        give none, the date is asked for.
        """
        item_id = self._selected_id()
        if item_id is None:
            return None
        item = self.document.item(item_id)
        if self.document.card_date(item) is not None:
            event = self.document.put_card_on_chronology(item_id)
        else:
            typed = dialogs.ask_text(
                self, "Put on the chronology", "The card does not say when it happened. Date (e.g. 5/3/2026):"
            )
            if not typed:
                return None
            try:
                event = self.document.put_card_on_chronology(item_id, on=parse_typed_date(typed))
            except ValueError as error:
                dialogs.tell(self, "That date cannot be used", str(error))
                return None
        self.document.noticed.emit(f"Put on the chronology: {date_label(event)}.")
        return event


class CompletenessBar(QLabel):
    """What the map still lacks to be complete: a network, a danger statement, a goal, a scale with ratings."""

    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("completeness")
        self.setWordWrap(True)
        signals = (document.itemsChanged, document.itemTextChanged, document.caseChanged, document.scalesChanged)
        for signal in (*signals, document.networkChanged):
            signal.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        template = self.document.template
        state = completeness(
            self.document.meeting,
            self.document.network,
            danger_label=template.one(Category.DANGER),
            goal_label=template.one(Category.GOAL),
        )
        if state.complete:
            text = (
                f"✔ The map is complete: network, {template.one(Category.DANGER)}, {template.one(Category.GOAL)} "
                "and scale."
            )
            self._set_style("color: #1b5e20; font-weight: bold;")
        else:
            text = "Map not yet complete. Still to come: " + ", ".join(state.missing()) + "."
            self._set_style("color: #8a5200;")
        too_many = danger_count_hint(self.document.meeting.items, danger_label=template.one(Category.DANGER))
        if too_many is not None:
            text = f"{text}  ⚠ {too_many.message}"
        # Set once, and only when it says something new: each change lays the word-wrapped label out again.
        if text != self.text():
            self.setText(text)
            self.setAccessibleName(text)

    def _set_style(self, sheet: str) -> None:
        # Only when it changes: setting a style sheet polishes the label again, at every keystroke on a card.
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)


class MapPanel(QScrollArea):
    """The whole map of the open meeting, as three columns of category card lists."""

    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWidgetResizable(True)
        self.setObjectName("map-panel")
        body = QWidget()
        outer = QVBoxLayout(body)
        self.completeness = CompletenessBar(document)
        outer.addWidget(self.completeness)
        columns = QHBoxLayout()
        outer.addLayout(columns, 1)
        self.boxes: dict[Category, CategoryBox] = {}
        self.column_headers: dict[Column, QLabel] = {}
        for column, categories in COLUMN_ORDER.items():
            layout = QVBoxLayout()
            header = QLabel()
            header.setWordWrap(True)
            header.setTextFormat(Qt.TextFormat.PlainText)
            header.setObjectName(f"column-{column.value}")
            font = header.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            font.setBold(True)
            header.setFont(font)
            self.column_headers[column] = header
            layout.addWidget(header)
            for category in categories:
                box = CategoryBox(document, category)
                box.moved.connect(self._follow_card)
                box.cardSelected.connect(self._one_selection)
                self.boxes[category] = box
                layout.addWidget(box)
            layout.addStretch(1)
            columns.addLayout(layout, 1)
        self.setWidget(body)
        self._grey_wanted = True
        document.itemsChanged.connect(self._show_grey)
        # Ctrl+1 … Ctrl+8 (Key.GO_TO_CATEGORY) are the console's: they work from any page, not only the map.
        self.relabel()
        document.caseChanged.connect(self.relabel)

    def relabel(self) -> None:
        """Labels and questions from the case's framework template."""
        template = self.document.template
        for column, header in self.column_headers.items():
            header.setText(template.column_titles[column])
            header.setToolTip(template.column_questions[column])

    def box(self, category: Category) -> CategoryBox:
        return self.boxes[category]

    def show_grey_areas(self, visible: bool) -> None:
        """Grey areas are optional; hidden, they still show while they hold cards, so nothing disappears."""
        self._grey_wanted = visible
        self._show_grey()

    def _show_grey(self) -> None:
        box = self.boxes[Category.GREY]
        box.setVisible(self._grey_wanted or bool(self.document.items(Category.GREY)))

    def _one_selection(self, selected: CategoryBox) -> None:
        """One card selected on the whole map: the others' selections are cleared."""
        for box in self.boxes.values():
            if box is not selected and box.selected_row() is not None:
                box.clear_selection()

    def _follow_card(self, category: Category, item_id: int) -> None:
        """After a card is sent to another category, it stays selected there, ready for the next key."""
        box = self.boxes[category]
        for row in range(box.model.rowCount()):
            if box.model.item_at(row).id == item_id:
                box.list.setFocus(Qt.FocusReason.OtherFocusReason)
                box.select_row(row)
                return

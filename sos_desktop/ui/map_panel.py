"""The map as plain editable lists: the three columns, each category a list of cards with an entry line to add.

Keys in a list: F2 or double-click edits, Delete removes, Alt+Up / Alt+Down reorder, Alt+Left / Alt+Right move
the card to the previous / next category. Enter in the entry line adds a card and keeps the line ready for the
next one.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QPoint, QSize, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models import Category, Column
from sos_desktop.ui.document import MeetingDocument
from sos_desktop.ui.map_model import CategoryItemsModel
from sos_desktop.ui.undo_keys import route_undo_keys

COLUMN_CATEGORIES: dict[Column, tuple[Category, ...]] = {
    Column.WORRIES: (Category.HARM, Category.DANGER, Category.COMPLICATING, Category.GREY),
    Column.WORKING_WELL: (Category.STRENGTH, Category.SAFETY),
    Column.NEEDS_TO_HAPPEN: (Category.GOAL, Category.NEXT_STEP),
}
MAP_ORDER: tuple[Category, ...] = tuple(c for cats in COLUMN_CATEGORIES.values() for c in cats)


class CardList(QListView):
    """A list of cards as tall as its cards (within bounds), so short categories leave room for long ones."""

    MIN_HEIGHT = 48
    MAX_HEIGHT = 360

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
                signal.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        model = self.model()
        metrics = self.fontMetrics()
        width = max(40, self.viewport().width() - 12)
        content = 0
        for row in range(model.rowCount() if model is not None else 0):
            text = str(model.data(model.index(row, 0)) or "")
            bounds = metrics.boundingRect(0, 0, width, 100_000, Qt.TextFlag.TextWordWrap, text)
            content += bounds.height() + 4 + 2 * self.spacing()
        spare = metrics.lineSpacing() + 8  # room below the last card
        height = content + spare + 2 * self.frameWidth()
        return QSize(hint.width(), max(self.MIN_HEIGHT, min(self.MAX_HEIGHT, height)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().minimumSizeHint().width(), self.MIN_HEIGHT)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.updateGeometry()  # wrapped text takes more lines when the column narrows


class CategoryBox(QGroupBox):
    """One category: its cards and an entry line to add more."""

    def __init__(self, document: MeetingDocument, category: Category, parent: QWidget | None = None) -> None:
        super().__init__(document.template.label(category), parent)
        self.document = document
        self.category = category
        self.setObjectName(f"category-{category.value}")
        self.setToolTip(document.template.questions[category])
        self.model = CategoryItemsModel(document, category)
        self.list = CardList()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.list.setAccessibleName(f"{self.title()} cards")
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(f"Add to {self.title().lower()} and press Enter")
        self.entry.setAccessibleName(f"New card in {self.title()}")
        self.entry.setMaxLength(20_000)
        self.entry.returnPressed.connect(self._add_from_entry)
        route_undo_keys(self.entry, only_when_empty=True)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Delete the selected card (Delete)")
        self.delete_button.clicked.connect(self.delete_selected)
        self.up_button = QPushButton("Up")
        self.up_button.setToolTip("Move the selected card up (Alt+Up)")
        self.up_button.clicked.connect(lambda: self.shift_selected(-1))
        self.down_button = QPushButton("Down")
        self.down_button.setToolTip("Move the selected card down (Alt+Down)")
        self.down_button.clicked.connect(lambda: self.shift_selected(1))
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.entry)
        layout.addLayout(buttons)
        self._shortcut(QKeySequence.StandardKey.Delete, self.delete_selected)
        self._shortcut("Alt+Up", lambda: self.shift_selected(-1))
        self._shortcut("Alt+Down", lambda: self.shift_selected(1))
        self._shortcut("Alt+Left", lambda: self.move_selected_to_neighbour(-1))
        self._shortcut("Alt+Right", lambda: self.move_selected_to_neighbour(1))
        document.itemsChanged.connect(self._update_buttons)
        self.list.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _shortcut(self, keys: QKeySequence.StandardKey | str, slot: object) -> None:
        shortcut = QShortcut(QKeySequence(keys), self.list)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)

    def relabel(self) -> None:
        self.setTitle(self.document.template.label(self.category))
        self.setToolTip(self.document.template.questions[self.category])

    def selected_row(self) -> int | None:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else None

    def select_row(self, row: int) -> None:
        self.list.setCurrentIndex(self.model.index(row, 0))

    def _update_buttons(self) -> None:
        row = self.selected_row()
        has = row is not None
        self.delete_button.setEnabled(has)
        self.up_button.setEnabled(has and row is not None and row > 0)
        self.down_button.setEnabled(has and row is not None and row < self.model.rowCount() - 1)

    def _add_from_entry(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        self.document.add_item(self.category, text)
        self.entry.clear()

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        item = self.model.item_at(row)
        assert item.id is not None
        self.document.delete_item(item.id)
        if self.model.rowCount():
            self.select_row(min(row, self.model.rowCount() - 1))

    def shift_selected(self, step: int) -> None:
        row = self.selected_row()
        if row is None or not 0 <= row + step < self.model.rowCount():
            return
        item = self.model.item_at(row)
        assert item.id is not None
        self.document.move_item(item.id, self.category, row + step)
        self.select_row(row + step)

    def move_selected_to_neighbour(self, step: int) -> None:
        row = self.selected_row()
        position = MAP_ORDER.index(self.category) + step
        if row is None or not 0 <= position < len(MAP_ORDER):
            return
        self.move_selected_to(MAP_ORDER[position])

    def move_selected_to(self, category: Category) -> None:
        row = self.selected_row()
        if row is None:
            return
        item = self.model.item_at(row)
        assert item.id is not None
        self.document.move_item(item.id, category, len(self.document.items(category)))

    def _context_menu(self, point: QPoint) -> None:
        if self.selected_row() is None:
            return
        menu = QMenu(self)
        move_to = menu.addMenu("Move to")
        for category in MAP_ORDER:
            if category != self.category:
                action = move_to.addAction(self.document.template.label(category))
                action.triggered.connect(lambda _=False, c=category: self.move_selected_to(c))
        menu.addAction("Delete", self.delete_selected)
        menu.exec(self.list.viewport().mapToGlobal(point))


class MapPanel(QScrollArea):
    """The whole map of the open meeting, as three columns of category lists."""

    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWidgetResizable(True)
        self.setObjectName("map-panel")
        body = QWidget()
        columns = QHBoxLayout(body)
        self.boxes: dict[Category, CategoryBox] = {}
        self.column_headers: dict[Column, QLabel] = {}
        for column, categories in COLUMN_CATEGORIES.items():
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
                self.boxes[category] = box
                layout.addWidget(box)
            layout.addStretch(1)
            columns.addLayout(layout, 1)
        self.setWidget(body)
        self.relabel()
        document.caseChanged.connect(self.relabel)

    def relabel(self) -> None:
        """Labels and questions from the case's framework template."""
        template = self.document.template
        for column, header in self.column_headers.items():
            header.setText(template.column_titles[column])
            header.setToolTip(template.column_questions[column])
        for box in self.boxes.values():
            box.relabel()

    def box(self, category: Category) -> CategoryBox:
        return self.boxes[category]

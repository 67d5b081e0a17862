"""The list view of one category's cards: as tall as its cards, with drag and drop between categories."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QSizePolicy, QStyleOptionViewItem, QWidget

from sos_desktop.models import Category
from sos_desktop.ui.card_delegate import CardDelegate


class CardList(QListView):
    """A list of cards as tall as its cards (within bounds), so short categories leave room for long ones."""

    MIN_HEIGHT = 56
    MAX_HEIGHT = 420

    def __init__(self, category: Category, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._height: int | None = None
        self.setItemDelegate(CardDelegate(category, self))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSpacing(1)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
                signal.connect(self._contents_changed)

    def _contents_changed(self) -> None:
        self._height = None
        self.scheduleDelayedItemsLayout()
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        if self._height is None:
            self._height = self._content_height()
        return QSize(super().sizeHint().width(), self._height)

    def _content_height(self) -> int:
        model = self.model()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        delegate = self.itemDelegate()
        content = 0
        for row in range(model.rowCount() if model is not None else 0):
            content += delegate.sizeHint(option, model.index(row, 0)).height() + 2 * self.spacing()
            if content > self.MAX_HEIGHT:
                break  # taller than the list ever grows: the rest scrolls
        spare = self.fontMetrics().lineSpacing() + 10  # room to drop a card below the last one
        height = content + spare + 2 * self.frameWidth()
        return max(self.MIN_HEIGHT, min(self.MAX_HEIGHT, height))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().minimumSizeHint().width(), self.MIN_HEIGHT)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._contents_changed()  # wrapped text takes more lines when the column narrows

"""The list view of one category's cards: as tall as its cards, with drag and drop between categories.

Measuring wrapped text is what opening a large meeting costs, so a list measures its cards only at the width it is
shown at: before it is shown its height is estimated from the length of the texts, and a list with more cards than
its greatest height can hold shows its scroll bar from the start, instead of laying out every card at the width
without one only to find that it needs one and lay them all out again.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QSizePolicy, QStyleOptionViewItem, QWidget

from sos_desktop.models import Category
from sos_desktop.ui.map.card_delegate import CardDelegate, card_texts


class CardList(QListView):
    """A list of cards as tall as its cards (within bounds), so short categories leave room for long ones."""

    MIN_HEIGHT = 56
    MAX_HEIGHT = 420

    def __init__(self, category: Category, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._height: int | None = None
        self._estimated = False  # the height was guessed before the list was shown
        self.delegate = CardDelegate(category, self)
        self.setItemDelegate(self.delegate)
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

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
                signal.connect(self._contents_changed)
        self._show_scroll_bar_if_certain()

    def _contents_changed(self) -> None:
        self._height = None
        self._show_scroll_bar_if_certain()
        self.scheduleDelayedItemsLayout()
        self.updateGeometry()

    def _show_scroll_bar_if_certain(self) -> None:
        """The scroll bar on from the start when the cards cannot fit however wide the list is; else as needed."""
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        least = CardDelegate.least_height(QFontMetrics(self.font()))
        certain = rows * least > self.MAX_HEIGHT
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOn if certain else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        if self.verticalScrollBarPolicy() != policy:
            self.setVerticalScrollBarPolicy(policy)

    def sizeHint(self) -> QSize:
        if self._height is None:
            self._height = self._content_height()
        return QSize(super().sizeHint().width(), self._height)

    def _content_height(self) -> int:
        model = self.model()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        delegate = self.delegate
        # Not shown yet, the list has no width of its own: guess (it is measured once shown, at its width).
        self._estimated = not self.isVisible()
        width, metrics = max(self.viewport().width() - 4, 120), QFontMetrics(option.font)
        content = 0
        for row in range(model.rowCount() if model is not None else 0):
            index = model.index(row, 0)
            if self._estimated:
                height = delegate.estimated_height(card_texts(index)[0], width, metrics)
            else:
                height = delegate.sizeHint(option, index).height()
            content += height + 2 * self.spacing()
            if content > self.MAX_HEIGHT:
                break  # taller than the list ever grows: the rest scrolls
        spare = self.fontMetrics().lineSpacing() + 10  # room to drop a card below the last one
        height = content + spare + 2 * self.frameWidth()
        return max(self.MIN_HEIGHT, min(self.MAX_HEIGHT, height))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.MIN_HEIGHT)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._estimated:  # measured now that it has a width (its cards are laid out when it is resized)
            self._height = None
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._contents_changed()  # wrapped text takes more lines when the column narrows

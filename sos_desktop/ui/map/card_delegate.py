"""Cards on the console's map: how a card is painted and edited in place.

A card is a rounded box with its column's colour along the left edge, the text wrapped inside, the pair number of a
danger statement and its goal, and an amber flag when the practice guidance has a hint or, with the family present,
the card uses the team's jargon (the hints and the words found are in the tooltip and under the category).
Editing happens in place in a multi-line box: Enter keeps the text, Shift+Enter starts a new line, Escape leaves
the card as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from sos_desktop.models import COLUMN_OF, Category, Column
from sos_desktop.ui.map.model import (
    ActionRole,
    CategoryItemsModel,
    HintsRole,
    MarkedRole,
    PairNumberRole,
    UnsavedRole,
)

ACCENTS: dict[Column, QColor] = {
    Column.WORRIES: QColor("#c62828"),
    Column.WORKING_WELL: QColor("#2e7d32"),
    Column.NEEDS_TO_HAPPEN: QColor("#1565c0"),
}
FLAG = QColor("#b26a00")
MARK = QColor("#9a5500")
"""The colour of a card's case-over-time mark: amber, dark enough to read on a white card."""
PADDING = 8
ACCENT_WIDTH = 5
BADGE = 22
MEASURED_WIDTH = 160
"""Narrower than this, a list has not been laid out yet; its cards are estimated, not measured."""
AnyIndex = QModelIndex | QPersistentModelIndex


class CardEditor(QPlainTextEdit):
    """The in-place editor: Enter keeps the text, Shift+Enter is a new line, Escape cancels."""

    accepted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.accepted.emit()
            return
        super().keyPressEvent(event)


def card_texts(index: AnyIndex) -> tuple[str, str]:
    """A card's text and action line; from our own model straight from the card, without two trips through Qt
    (measuring a 300-card map asks for them hundreds of times).
    """
    model = index.model()
    if isinstance(model, CategoryItemsModel) and 0 <= index.row() < model.rowCount():
        return model.card_texts(index.row())
    return str(index.data() or ""), str(index.data(ActionRole) or "")


class CardDelegate(QStyledItemDelegate):
    def __init__(self, category: Category, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accent = ACCENTS[COLUMN_OF[category]]
        # Room kept on the right for the badges a card of this category can show (pair number, guidance flag),
        # whether it shows them or not: then a card's height depends on its text alone, and is measured once.
        # Every card may show the flag: with the family present, jargon is flagged on any card.
        self.badges = {Category.DANGER: 2, Category.GOAL: 2}.get(category, 1)
        self._heights: dict[tuple[str, int, str], int] = {}  # measuring wrapped text is costly

    # Measuring and painting ------------------------------------------------------------------------------------

    def _text_rect(self, rect: QRect) -> QRect:
        right = PADDING + self.badges * (BADGE + 4)
        return rect.adjusted(ACCENT_WIDTH + PADDING, PADDING, -right, -PADDING)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        widget = option.widget
        width = widget.viewport().width() if isinstance(widget, QAbstractItemView) else option.rect.width()
        width = max(width - 4, 120)
        text, action = card_texts(index)
        metrics = QFontMetrics(option.font)
        if width < MEASURED_WIDTH:
            # Before the first layout the view is a sliver: a rough guess will do, it is asked again at its width.
            return QSize(width, self.estimated_height(text, width, metrics))
        key = (text + "\x00" + action, width, option.font.key())
        height = self._heights.get(key)
        if height is None:
            text_rect = self._text_rect(QRect(0, 0, width, 10_000))
            bounds = metrics.boundingRect(text_rect, int(Qt.TextFlag.TextWordWrap), text)
            height = max(bounds.height(), BADGE) + 2 * PADDING + 4
            if action:
                height += metrics.lineSpacing() + 2
            if len(self._heights) > 4000:
                self._heights.clear()
            self._heights[key] = height
        return QSize(width, height)

    @staticmethod
    def estimated_height(text: str, width: int, metrics: QFontMetrics) -> int:
        """A rough height for a card of ``text`` at ``width``, from its length alone (nothing is laid out)."""
        lines = 1 + len(text) * metrics.averageCharWidth() // max(1, width - 60)
        return lines * metrics.lineSpacing() + 2 * PADDING + 4

    @staticmethod
    def least_height(metrics: QFontMetrics) -> int:
        """No card is lower than this, measured or estimated, whatever its text and width."""
        return min(BADGE, metrics.lineSpacing()) + 2 * PADDING + 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        rect: QRect = option.rect.adjusted(2, 2, -2, -2)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = palette.highlight().color().lighter(185) if selected else palette.base().color()
        border = palette.highlight().color() if selected or focused else palette.mid().color()
        painter.setPen(QPen(border, 2 if selected else 1))
        if index.data(UnsavedRole):
            # Not in the database yet: a dashed red edge until the store takes it.
            painter.setPen(QPen(FLAG, 3, Qt.PenStyle.DashLine))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.accent)
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), ACCENT_WIDTH + 2, rect.height()), 3, 3)

        number = index.data(PairNumberRole)
        hints = index.data(HintsRole) or []
        right = rect.right() - PADDING
        if number is not None:
            badge = QRect(right - BADGE, rect.top() + PADDING, BADGE, BADGE)
            painter.setBrush(self.accent)
            painter.drawEllipse(badge)
            painter.setPen(QColor("white"))
            bold = QFont(option.font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(number))
            right -= BADGE + 4
        if hints:
            flag = QRect(right - BADGE, rect.top() + PADDING, BADGE, BADGE)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(FLAG)
            painter.drawRoundedRect(flag, 4, 4)
            painter.setPen(QColor("white"))
            painter.drawText(flag, Qt.AlignmentFlag.AlignCenter, "!")
        painter.setFont(option.font)
        painter.setPen(palette.text().color())
        text_rect = self._text_rect(rect)
        flags = Qt.TextFlag.TextWordWrap
        text, action = card_texts(index)
        painter.drawText(text_rect, int(flags) | int(Qt.AlignmentFlag.AlignTop), text)
        if action:
            # Who does a next step, by when, and whether it is agreed, on a line of its own at the foot of the card.
            line = QFontMetrics(option.font).lineSpacing()
            foot = QRect(text_rect.left(), text_rect.bottom() - line + 1, text_rect.width(), line)
            small = QFont(option.font)
            marked = bool(index.data(MarkedRole))
            # A mark of the case over time (overdue, new or changed since last time) is amber and bold.
            small.setItalic(not marked)
            small.setBold(marked)
            painter.setFont(small)
            painter.setPen(MARK if marked else palette.placeholderText().color())
            painter.drawText(foot, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), action)
        painter.restore()

    # Editing in place ------------------------------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = CardEditor(parent)
        editor.setAccessibleName("Card text")
        editor.setTabChangesFocus(True)
        editor.accepted.connect(lambda: self._finish(editor))
        return editor

    def _finish(self, editor: CardEditor) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, CardEditor):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, CardEditor) and editor.toPlainText() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        rect: QRect = option.rect
        editor.setGeometry(rect.adjusted(ACCENT_WIDTH + 2, 2, -2, -2).adjusted(0, 0, 0, max(0, 60 - rect.height())))

"""Empty states: a list, table or graph with nothing in it says, in its own space, what to do next.

``EmptyHint`` paints a short grey line in the middle of an item view's or graphics view's viewport while the view
is empty, so the hint never takes room from the content once there is some. It is a hint, not a label: screen
readers get the same words from the view's accessible description.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QGraphicsView


def _item_view_empty(view: QAbstractItemView) -> bool:
    model = view.model()
    return model is None or model.rowCount(view.rootIndex()) == 0


def _graphics_view_empty(view: QGraphicsView) -> bool:
    scene = view.scene()
    return scene is None or not scene.items()


class EmptyHint(QObject):
    """Paints ``text`` over ``view``'s viewport while ``is_empty()`` (by default: no rows, or no items)."""

    def __init__(self, view: QAbstractScrollArea, text: str, is_empty: Callable[[], bool] | None = None) -> None:
        # A child of the viewport it watches, so it goes with it and hears nothing while the view is torn down.
        super().__init__(view.viewport())
        self.view = view
        self.viewport = view.viewport()
        self._text = ""
        self._painted = False
        """Whether the hint was drawn at the last paint: when that changes, all of the viewport is painted again."""
        if is_empty is not None:
            self.is_empty = is_empty
        elif isinstance(view, QAbstractItemView):
            self.is_empty = lambda: _item_view_empty(view)
        elif isinstance(view, QGraphicsView):
            self.is_empty = lambda: _graphics_view_empty(view)
        else:
            raise TypeError(f"Say when a {type(view).__name__} is empty.")
        self.set_text(text)
        self.viewport.installEventFilter(self)

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self.view.setAccessibleDescription(text)
        self.viewport.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or watched is not self.viewport:
            return False
        # The view paints first (a graphics view fills its background), then the hint goes on top.
        self.view.viewportEvent(event)
        showing = bool(self._text) and self.is_empty()
        if showing:
            self._paint()
        if showing != self._painted:
            # The hint spans the viewport, but a view may repaint only the part that changed (a graphics view paints
            # just the person added): the rest would keep a half-painted hint, or miss it, until painted again.
            self._painted = showing
            self.viewport.update()
        return True

    def _paint(self) -> None:
        viewport = self.viewport
        painter = QPainter(viewport)
        painter.setPen(viewport.palette().color(QPalette.ColorRole.PlaceholderText))
        area = viewport.rect().adjusted(10, 2, -10, -2)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(QRect(area), int(flags), self._text)
        painter.end()


def hint_when_empty(view: QAbstractScrollArea, text: str, is_empty: Callable[[], bool] | None = None) -> EmptyHint:
    """Give ``view`` an empty state that says ``text``; keep the result to change the words later."""
    return EmptyHint(view, text, is_empty)

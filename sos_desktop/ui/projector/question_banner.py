"""A best question on the wall, when the facilitator asks for it: large, wrapped, in strong contrast, over whatever
view the room sees, until it is taken off (Esc on the projector, or "Take off the wall" on the console).

Painted over the frame like the clock (``clock_overlay``), so putting a question up or taking it off never lays the
frame out again. Only the question's words go up: never who added it, nor when.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from sos_desktop.ui.projector.themes import Theme

LARGEST_SHARE = 0.075
"""The question's type at most this share of the wall's height (81 pixels on a 1080-line projector)."""
SMALLEST_SHARE = 0.035
FLAGS = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)


def question_font(theme: Theme, area: QRectF, text: str) -> QFont:
    """The largest type (within the wall's limits) at which ``text`` fits the banner's text box, wrapped."""
    font = QFont()
    font.setFamilies(list(theme.font_families))
    font.setBold(True)
    box = text_box(area)
    size = max(16.0, area.height() * LARGEST_SHARE)
    smallest = max(14.0, area.height() * SMALLEST_SHARE)
    while True:
        font.setPixelSize(round(size))
        needed = QFontMetricsF(font).boundingRect(box, FLAGS, text)
        if needed.height() <= box.height() or size <= smallest:
            return font
        size *= 0.92


def text_box(area: QRectF) -> QRectF:
    """Where the words go: most of the wall's width, the middle half of its height."""
    margin_x = area.width() * 0.1
    return QRectF(
        area.left() + margin_x, area.top() + area.height() * 0.22, area.width() - 2 * margin_x, area.height() * 0.56
    )


def paint_question(painter: QPainter, area: QRectF, theme: Theme, text: str) -> None:
    """Draw ``text`` over ``area``: the view behind it dimmed, the words in a card of the theme's colours."""
    font = question_font(theme, area, text)
    box = text_box(area)
    needed = QFontMetricsF(font).boundingRect(box, FLAGS, text)
    pad = font.pixelSize() * 0.7
    card = needed.adjusted(-pad, -pad, pad, pad)
    card.setLeft(min(card.left(), box.left()))
    card.setRight(max(card.right(), box.right()))
    veil = QColor(theme.background)
    veil.setAlpha(235)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(area, veil)
    pen = QColor(theme.flag)
    painter.setPen(pen)
    painter.setBrush(theme.card_fill)
    painter.drawRoundedRect(card, pad * 0.4, pad * 0.4)
    painter.setFont(font)
    painter.setPen(theme.text)
    painter.drawText(box, FLAGS, text)
    painter.restore()

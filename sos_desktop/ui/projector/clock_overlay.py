"""A discreet clock in the bottom right corner of the projected picture, when the facilitator wants the room to
see the time: the phase and its minutes, in the theme's highlight colour once the phase runs over.

Painted over the frame, not into it, so the ticking clock never lays the frame out again.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from sos_desktop.ui.projector.themes import Theme


def paint_clock(painter: QPainter, area: QRectF, theme: Theme, text: str, over: bool) -> None:
    """Draw ``text`` in a small box in the bottom right corner of ``area``."""
    font = QFont()
    font.setFamilies(list(theme.font_families))
    font.setPixelSize(max(12, round(area.height() * 0.028)))
    font.setBold(True)
    metrics = QFontMetricsF(font)
    pad = metrics.height() * 0.35
    width = metrics.horizontalAdvance(text) + 2 * pad
    height = metrics.height() + pad
    margin = area.height() * 0.015
    box = QRectF(area.right() - width - margin, area.bottom() - height - margin, width, height)
    fill = QColor(theme.card_fill)
    fill.setAlpha(235)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(theme.flag if over else theme.card_border)
    painter.setBrush(fill)
    painter.drawRoundedRect(box, pad, pad)
    painter.setFont(font)
    painter.setPen(theme.flag if over else theme.muted_text)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()

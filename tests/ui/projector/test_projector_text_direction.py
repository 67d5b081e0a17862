"""Right-to-left text on the wall: laid out by Qt in logical order, right to left, and aligned to the right."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from sos_desktop.ui.projector.text import TextCache, TextStyle

ARABIC = "نور تخاف عندما يصرخ والدها في الليل، وتبقى في غرفتها حتى الصباح"
STYLE = TextStyle(("DejaVu Sans",), 28)
WIDTH = 400


def _ink_columns(text: str) -> tuple[int, int]:
    """The leftmost and rightmost columns with ink when ``text`` is drawn in a box ``WIDTH`` pixels wide."""
    laid = TextCache().lay(text, STYLE, WIDTH)
    image = QImage(WIDTH, max(1, int(laid.height) + 2), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    laid.draw(painter, QPointF(0, 0))
    painter.end()
    inked = [x for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y).value() < 128]
    return min(inked), max(inked)


def test_an_arabic_card_is_laid_out_right_to_left_in_logical_order(qtbot: QtBot) -> None:
    laid = TextCache().lay(ARABIC, STYLE, WIDTH)
    assert laid.text == ARABIC  # Qt is given the text as typed; it orders the glyphs itself
    assert laid.layout.textOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert laid.lines >= 2
    for index in range(laid.lines):  # every line, the short last one too, ends at the box's right edge
        assert abs(laid.layout.lineAt(index).naturalTextRect().right() - WIDTH) < 1.5


def test_a_short_arabic_name_sits_at_the_right_and_an_english_one_at_the_left(qtbot: QtBot) -> None:
    left, right = _ink_columns("نور حداد")
    assert left > WIDTH / 2 and right > WIDTH - 10
    left, right = _ink_columns("Noor Haddad")
    assert left < 10 and right < WIDTH / 2
    left, _ = _ink_columns("Noor (نور حداد) stays")  # starts in English: a left-to-right paragraph
    assert left < 10

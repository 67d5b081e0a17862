"""The Scaling page at the console's smallest size (1280 by 720): every column in sight, rows that stand still when
the first number lands, and answers that wrap onto more lines rather than run out of their box.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.scaling.panel import ScalesPanel
from sos_desktop.ui.shell.main_window import MainWindow

ANSWER = "Mum called the police when Dad came round drunk, and Nan now has Lily after school three days a week."


def settled() -> None:
    QApplication.processEvents()


@pytest.fixture
def page(qtbot: QtBot, window: MainWindow) -> Iterator[tuple[MainWindow, ScalesPanel, MeetingDocument]]:
    """The console at 1280 by 720 on its Scaling page ("SOS_DESKTOP_SNAPSHOTS=/tmp" keeps a picture of it)."""
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.bring_page("scaling")
    settled()
    assert window.scales_panel is not None and window.document is not None
    yield window, window.scales_panel, window.document
    folder = os.environ.get("SOS_DESKTOP_SNAPSHOTS")
    if folder:
        window.grab().save(str(Path(folder) / "scaling-1280x720.png"))
    window.close()


def test_every_column_of_the_scaling_page_is_in_sight_at_1280_by_720(
    page: tuple[MainWindow, ScalesPanel, MeetingDocument],
) -> None:
    window, panel, _ = page
    headings = [w for w in panel.grid_host.findChildren(QLabel) if w.text().startswith("<b>")]
    assert headings[-1].text() == "<b>One point higher?</b>"
    for widget in [*headings, *panel.rows[0].widgets()]:
        right = widget.mapTo(window, QPoint(widget.width(), 0)).x()
        assert widget.isVisible() and right <= window.width(), widget
        assert widget.visibleRegion().boundingRect().width() == widget.width(), widget  # not cut off by the page


def test_rows_stand_still_when_the_first_number_lands(
    qtbot: QtBot, page: tuple[MainWindow, ScalesPanel, MeetingDocument]
) -> None:
    window, panel, document = page
    scale = document.meeting.scales[0]
    assert scale.id is not None
    for rating in list(scale.ratings):
        document.remove_rating(scale.id, rating.rater)
    settled()
    assert panel.nudges.isVisible()  # "Nobody has rated yet": shown, and gone with the first number
    before = [(row.slider.mapTo(window, QPoint()), row.reason.height()) for row in panel.rows]
    row = panel.rows[0]
    row.slider.setFocus()
    qtbot.keyClick(row.slider, Qt.Key.Key_PageUp)
    settled()
    assert row.value.text() == "1" and not panel.nudges.isVisible()
    assert [(row.slider.mapTo(window, QPoint()), row.reason.height()) for row in panel.rows] == before


def test_an_answer_wraps_onto_more_lines_in_its_column(
    qtbot: QtBot, page: tuple[MainWindow, ScalesPanel, MeetingDocument]
) -> None:
    _, panel, document = page
    field: QPlainTextEdit = panel.rows[0].reason
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, ANSWER)
    settled()
    assert document.meeting.scales[0].ratings[0].reason == ANSWER  # saved as typed
    assert field.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    assert field.document().documentLayout().documentSize().height() >= 3  # three lines or more
    assert not field.horizontalScrollBar().isVisible()

"""One set of ratings reads the same everywhere: the console's Scaling page, the wall, its pictures, the trajectory
and the minutes all write the median of 4 and 5.5 as 4.75, and the half point as 5.5.
"""

from __future__ import annotations

import io
import re
from datetime import datetime

from pypdf import PdfReader
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from sos_desktop.exporters.minutes import minutes_pdf_bytes
from sos_desktop.models import Meeting, Scale, ScaleRating
from sos_desktop.ui.projector import ProjectorView, ScalesMode, TrajectoryMode
from sos_desktop.ui.projector.pictures import picture_bytes
from sos_desktop.ui.shell.main_window import MainWindow

SPREAD = "Lowest 4 · Median 4.75 · Highest 5.5"


def test_the_console_the_wall_its_pictures_and_the_minutes_write_the_same_numbers(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel, document = window.scales_panel, window.document
    assert panel is not None and document is not None
    assert sorted((r.rater, r.value) for r in document.meeting.scales[0].ratings) == [
        ("Alex Morgan", 5.5),
        ("Sam Patel", 4.0),
    ]

    assert panel.spread.text().startswith(SPREAD)  # the console wrote "Median 4½ · Highest 5½"
    assert [row.value.text() for row in panel.rows[:2]] == ["4", "5.5"]

    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(QSize(1920, 1080))
    view.set_mode(ScalesMode())
    assert SPREAD in view.drawn_texts()
    svg = picture_bytes(document, ".svg", ScalesMode()).decode("utf-8")
    assert "4.75" in svg and "½" not in svg

    now = document.meeting.scales[0]
    earlier = Scale(now.question, key=now.key, ratings=[ScaleRating("A", 4), ScaleRating("B", 5.5)])
    meetings = [Meeting("Review", document.case.id, held_on=datetime(2026, 3, 5, 10), scales=[earlier])]
    view.set_case_meetings([*meetings, document.meeting])
    view.set_mode(TrajectoryMode())
    assert [text for text in view.drawn_texts() if re.fullmatch(r"[\d.½]+", text)][-2:] == ["4.75", "4.75"]

    pdf = minutes_pdf_bytes(document.bundle())
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "lowest 4, median 4.75, highest 5.5" in text

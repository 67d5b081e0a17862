"""Fixtures of the supervision room's tests: the Meeting details page in a window of its own, with the keyboard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.supervision.details_panel import DetailsPanel


@pytest.fixture
def details(qtbot: QtBot, document: MeetingDocument) -> Iterator[DetailsPanel]:
    """The Meeting details page of ``document``, shown and active."""
    panel = DetailsPanel(document)
    qtbot.addWidget(panel)
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    yield panel
    panel.close()

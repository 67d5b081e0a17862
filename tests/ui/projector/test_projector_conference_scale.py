"""The demo conference's safety scale on the wall: Mum, Dad and Nan rated it as family members at the meeting and
are shown by their network display names beside the professionals, with no full name of the family anywhere.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import ProjectorView
from sos_desktop.ui.projector.modes import ScalesMode

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagate")

FULL_NAMES = ("Jordan Example", "Chris Sample", "Pat Example", "Lily Example")


@pytest.mark.parametrize("size", [QSize(1920, 1080), QSize(1024, 768)])
def test_the_family_s_numbers_are_on_the_wall_by_display_name(qtbot: QtBot, store: Store, size: QSize) -> None:
    conference = MeetingDocument(store, store.save_demo().conference)
    view = ProjectorView(conference)
    qtbot.addWidget(view)
    view.resize(size)
    view.set_mode(ScalesMode(0))
    texts = view.drawn_texts()
    for name in ("Mum", "Dad", "Nan", "Sam Patel", "Priya Shah"):
        assert name in texts
    joined = "\n".join(texts)
    assert not [name for name in FULL_NAMES if name in joined or name.split()[0] in joined.split()]
    if size.width() == 1920:
        view.grab().save("/tmp/wall-conference-scale.png")

"""The person editor's "Also known as" line: nicknames typed with commas are one undo step, saved, and hidden on the
projector from the next frame.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from sos_desktop.models import Category
from sos_desktop.models.demo import demo_bundle
from sos_desktop.ui.projector import ProjectorView
from sos_desktop.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def test_nicknames_typed_in_the_editor_are_kept_and_hidden_on_the_wall(
    open_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    window = open_window()
    saved = window.store.save_bundle(demo_bundle())
    window.open_meeting(saved.meeting.id or 0)
    panel = window.show_network()
    assert panel is not None
    document = panel.document
    dad = next(p for p in document.network.people if p.display_name == "Dad")
    panel.scene.select([dad.id or 0])
    form = panel.editor.person_form
    assert form.person_id == dad.id and form.also_known_as.text() == ""
    assert "hidden on the projector" in form.also_known_as.toolTip()

    document.add_item(Category.STRENGTH, "Chrissy and Big C came round.")
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(QSize(1920, 1080))
    assert "Chrissy and Big C came round." in view.drawn_texts()

    steps = document.undo_stack.count()
    form.also_known_as.setFocus()
    qtbot.keyClicks(form.also_known_as, "Chrissy, Big C,")  # type: ignore[no-untyped-call]
    assert document.person(dad.id or 0).also_known_as == ["Chrissy", "Big C"]
    assert document.undo_stack.count() == steps + 1  # one burst of typing, one undo step
    stored = next(p for p in document.store.get_network(document.case_id).people if p.id == dad.id)
    assert stored.also_known_as == ["Chrissy", "Big C"]
    assert "Dad and Dad came round." in view.drawn_texts()

    document.undo_stack.undo()
    assert document.person(dad.id or 0).also_known_as == []
    assert "Chrissy and Big C came round." in view.drawn_texts()

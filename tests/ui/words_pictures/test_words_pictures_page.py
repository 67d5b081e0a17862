"""The Words and Pictures page: a story started for a child, panels added to the storyboard, a stick figure drawn on
the canvas, an image added from a file, every step undone and redone, the story shared; the check's hint in amber.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from sos_desktop.models.drawing import ShapeKind
from sos_desktop.models.words_pictures import PanelTells, StoryState
from sos_desktop.models.words_pictures_demo import demo_png
from sos_desktop.store.store import Store
from sos_desktop.ui.common.colours import AMBER
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.words_pictures import panel as panel_module
from sos_desktop.ui.words_pictures.panel import EMPTY_HINTS, WordsPicturesPanel


@pytest.fixture
def page(qtbot: QtBot, demo_document: MeetingDocument) -> WordsPicturesPanel:
    shown = WordsPicturesPanel(demo_document)
    qtbot.addWidget(shown)
    shown.resize(1280, 760)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _stored_story(document: MeetingDocument):  # type: ignore[no-untyped-def]
    [story] = document.store.get_meeting(document.meeting_id).words_pictures
    return story


def test_a_story_is_started_and_panels_added_each_an_undo_step(qtbot: QtBot, page: WordsPicturesPanel) -> None:
    document = page.document
    assert page.whose.currentText() == "Lily Example (L)" and page.start.isVisible()
    assert "No story yet" in page.hints.text()
    page.start.click()
    assert not page.start.isVisible() and page.title.text() == "A story for L"
    page.tells.setCurrentIndex(page.tells.findData(PanelTells.WORRY.value))
    page.add_panel.click()
    assert page.storyboard.count() == 1
    qtbot.keyClicks(page.words, "Dad pushed Mum.")
    assert _stored_story(document).panels[0].words == "Dad pushed Mum."
    # Worries and nothing going well: the check says so, in amber.
    assert "not what is going well" in page.hints.text()
    assert AMBER in page.hints.styleSheet()
    page.tells.setCurrentIndex(page.tells.findData(PanelTells.GOING_WELL.value))
    page.add_panel.click()
    qtbot.keyClicks(page.words, "Nan's house is safe.")
    assert page.storyboard.count() == 2 and page.hints.text() == EMPTY_HINTS and AMBER not in page.hints.styleSheet()
    page.move_left.click()
    assert [p.words for p in _stored_story(document).panels] == ["Nan's house is safe.", "Dad pushed Mum."]
    document.undo_stack.undo()
    assert [p.words for p in _stored_story(document).panels] == ["Dad pushed Mum.", "Nan's house is safe."]
    document.undo_stack.redo()
    assert page.storyboard.currentRow() in (0, 1) and page.storyboard.count() == 2
    page.remove_panel.click()
    assert page.storyboard.count() == 1
    document.undo_stack.undo()
    assert page.storyboard.count() == 2


def test_a_stick_figure_is_drawn_named_moved_and_rubbed_out(qtbot: QtBot, page: WordsPicturesPanel) -> None:
    document = page.document
    page.start.click()
    page.add_panel.click()
    editor = page.open_drawing()
    assert editor is not None
    qtbot.addWidget(editor)
    qtbot.waitExposed(editor)
    mum = editor.person.findText("Jordan Example (Mum)")
    editor.person.setCurrentIndex(mum)
    editor.palette_buttons[ShapeKind.STICK_FIGURE].click()
    canvas = editor.canvas
    square = canvas.square()
    centre = QPoint(int(square.center().x()), int(square.center().y()))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=centre)
    [figure] = _stored_story(document).panels[0].drawing.shapes
    assert figure.kind is ShapeKind.STICK_FIGURE and figure.label == "Mum"  # the display name, never the full name
    assert figure.person == next(p.id for p in document.network.people if p.display_name == "Mum")
    # Drag it to the left: one step, the figure is elsewhere.
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(canvas, centre - QPoint(80, 0))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=centre - QPoint(80, 0))
    [moved] = _stored_story(document).panels[0].drawing.shapes
    assert moved.x < figure.x
    editor.undo_button.click()
    assert _stored_story(document).panels[0].drawing.shapes[0].x == figure.x
    editor.redo_button.click()
    editor.bigger.click()
    [bigger] = _stored_story(document).panels[0].drawing.shapes
    assert bigger.height > moved.height and bigger.width > moved.width
    editor.undo_button.click()
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert _stored_story(document).panels[0].drawing.shapes == []
    editor.undo_button.click()
    assert len(_stored_story(document).panels[0].drawing.shapes) == 1


def test_an_image_is_added_from_a_file_and_a_bad_file_is_refused_in_words(
    page: WordsPicturesPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store: Store
) -> None:
    document = page.document
    page.start.click()
    page.add_panel.click()
    good = tmp_path / "nan's-house.png"
    good.write_bytes(demo_png())
    monkeypatch.setattr(panel_module, "ask_image_path", lambda parent: good)
    page.add_image.click()
    image = _stored_story(document).panels[0].image
    assert image is not None and image.caption == "nan's house"
    assert store.picture(image.picture) == ("image/png", demo_png())
    assert page.caption.isEnabled() and page.message.text() == ""
    bad = tmp_path / "notes.png"
    bad.write_bytes(b"This is a text file with a .png name")
    monkeypatch.setattr(panel_module, "ask_image_path", lambda parent: bad)
    page.add_image.click()
    assert "The image was not added: notes.png is not a PNG or JPEG image" in page.message.text()
    assert _stored_story(document).panels[0].image == image
    document.undo_stack.undo()
    assert _stored_story(document).panels[0].image is None
    document.undo_stack.redo()
    assert _stored_story(document).panels[0].image == image


def test_the_story_is_shared_with_the_parents_then_the_child_each_dated(page: WordsPicturesPanel) -> None:
    document = page.document
    page.start.click()
    page.state.setCurrentIndex(page.state.findData(StoryState.SHARED_WITH_PARENTS.value))
    page.state.activated.emit(page.state.currentIndex())
    story = _stored_story(document)
    assert story.state is StoryState.SHARED_WITH_PARENTS and story.shared_with_parents_on is not None
    assert page.shared.text().startswith("Shared with the parents on ")
    page.state.setCurrentIndex(page.state.findData(StoryState.SHARED_WITH_CHILD.value))
    page.state.activated.emit(page.state.currentIndex())
    assert _stored_story(document).shared_with_child_on is not None
    document.undo_stack.undo()
    assert page.state.currentData() == StoryState.SHARED_WITH_PARENTS.value


def test_a_figure_of_somebody_without_a_display_name_keeps_no_full_name(qtbot: QtBot, page: WordsPicturesPanel) -> None:
    document = page.document
    nameless = next(p for p in document.network.people if p.display_name)
    assert nameless.id is not None
    document.set_person_field(nameless.id, "display_name", "")
    page.start.click()
    page.add_panel.click()
    editor = page.open_drawing()
    assert editor is not None
    qtbot.addWidget(editor)
    editor.person.setCurrentIndex(editor.person.findData(nameless.id))
    assert editor.label.text() == ""
    square = editor.canvas.square()
    qtbot.mouseClick(editor.canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(square.center().x()), 40))
    [figure] = _stored_story(document).panels[0].drawing.shapes
    assert figure.person == nameless.id and figure.label == ""


def test_the_team_s_jargon_in_a_panel_s_words_is_named(qtbot: QtBot, page: WordsPicturesPanel) -> None:
    page.start.click()
    page.add_panel.click()
    qtbot.keyClicks(page.words, "Lily has a CP plan and a core group.")
    assert "Panel 1 uses “CP plan”, “core group”: can it be said in plain words?" in page.hints.text()


def test_a_burst_of_typing_is_one_undo_step(qtbot: QtBot, page: WordsPicturesPanel) -> None:
    document = page.document
    page.start.click()
    page.add_panel.click()
    qtbot.keyClicks(page.words, "Nan loves Lily.")
    qtbot.keyClicks(page.title, "!")
    assert page.title.text() == "A story for L!"
    document.undo_stack.undo()  # the title's burst
    assert page.title.text() == "A story for L"
    document.undo_stack.undo()  # the words' burst, whole
    assert _stored_story(document).panels[0].words == "" and page.words.toPlainText() == ""
    assert page.storyboard.count() == 1
    document.undo_stack.redo()
    assert page.words.toPlainText() == "Nan loves Lily."

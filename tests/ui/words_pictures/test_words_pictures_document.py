"""Words and Pictures edits on the meeting document: each one undo step, saved at once, images kept in the store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sos_desktop.models.drawing import ShapeKind, placed_shape
from sos_desktop.models.words_pictures import PanelTells, StoryState
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.words_pictures.drawing_editor import DrawingEditor
from tests.models.test_words_pictures import tiny_png


def _stored(document: MeetingDocument) -> list[object]:
    return document.store.get_meeting(document.meeting_id).words_pictures  # type: ignore[return-value]


def test_a_story_grows_panel_by_panel_and_each_step_undoes(demo_document: MeetingDocument) -> None:
    document = demo_document
    before = list(document.words_pictures)
    child = next(p.id for p in document.network.people if p.display_name == "L")
    if any(story.child == child for story in before):
        document.remove_story(next(s.key for s in before if s.child == child))
    key = document.add_story(child, "Lily's story")
    panel = document.add_panel(key, PanelTells.WORRY, "Mum and Dad shout.")
    document.add_shape(key, panel, placed_shape(ShapeKind.STICK_FIGURE, 0.5, 0.5, person=child, label="Lily"))
    story = document.words_pictures_story(key)
    assert story.panels[0].drawing is not None and story.panels[0].drawing.people() == [child]
    assert _stored(document) == document.words_pictures
    document.undo_stack.undo()
    assert document.words_pictures_story(key).panels[0].drawing is None
    document.undo_stack.redo()
    assert document.words_pictures_story(key).panels[0].drawing is not None


def test_an_image_is_kept_in_the_database_and_a_bad_one_is_refused(demo_document: MeetingDocument) -> None:
    document = demo_document
    key = document.add_story(None, "For the family")
    panel = document.add_panel(key, PanelTells.GOING_WELL, "Nan's garden")
    document.add_panel_image(key, panel, tiny_png(), "Nan's garden")
    image = document.words_pictures_story(key).panels[0].image
    assert image is not None and document.store.picture(image.picture) == ("image/png", tiny_png())
    assert document.picture_image(image.picture) is not None
    assert document.bundle().pictures[image.picture].data == tiny_png()
    with pytest.raises(ValueError, match="not a PNG or JPEG"):
        document.add_panel_image(key, panel, b"GIF89a not really", "")
    document.set_story_state(key, StoryState.SHARED_WITH_CHILD)
    story = document.words_pictures_story(key)
    assert story.shared_with_parents_on is not None and story.shared_with_child_on is not None


def test_pasted_words_are_cut_to_length_and_lose_their_control_characters(demo_document: MeetingDocument) -> None:
    document = demo_document
    told: list[str] = []
    document.noticed.connect(told.append)
    key = document.add_story(None)
    panel = document.add_panel(key)
    document.set_panel_words(key, panel, "Nan\u202e says\x07 hello\n🙂" + "x" * 200_000)
    words = document.words_pictures_story(key).panels[0].words
    assert words.startswith("Nan says hello\n🙂") and len(words) <= 100_000
    assert told == ["The text was cut to 100,000 characters, the most one field holds."]


def test_the_drawing_editor_ignores_clicks_once_its_panel_is_undone(
    qtbot: QtBot, demo_document: MeetingDocument
) -> None:
    document = demo_document
    key = document.add_story(None)
    panel = document.add_panel(key)
    editor = DrawingEditor(document, key, panel)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    document.undo_stack.undo()  # the panel is gone
    qtbot.mouseClick(editor.canvas, Qt.MouseButton.LeftButton, pos=editor.canvas.rect().center())
    assert document.words_pictures_story(key).panels == []

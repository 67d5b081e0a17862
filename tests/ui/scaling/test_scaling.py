"""Scales and ratings through the meeting document: every change saved at once and one undo step."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from sos_desktop.models import ScaleRating
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.shell.main_window import MainWindow


def stored_scales(document: MeetingDocument) -> list[tuple[str, list[tuple[str, float]]]]:
    meeting = document.store.get_meeting(document.meeting_id)
    return [(s.question, [(r.rater, r.value) for r in s.ratings]) for s in meeting.scales]


def test_add_reword_reorder_and_delete_scales_each_one_undo_step(window: MainWindow) -> None:
    document = window.document
    assert document is not None
    stack = document.undo_stack
    standard = document.meeting.scales[0].question
    willing = document.add_scale("How willing is Dad to work with us?", "Not at all", "Fully")
    assert willing.id is not None
    document.set_scale_field(willing.id, "question", "How willing is Dad to work with us now?")
    document.move_scale(willing.id, 0)
    assert [q for q, _ in stored_scales(document)] == ["How willing is Dad to work with us now?", standard]
    document.delete_scale(willing.id)
    assert [q for q, _ in stored_scales(document)] == [standard]
    stack.undo()  # delete
    stack.undo()  # move
    assert [q for q, _ in stored_scales(document)] == [standard, "How willing is Dad to work with us now?"]
    stack.undo()  # reword
    stack.undo()  # add
    assert [q for q, _ in stored_scales(document)] == [standard]
    for _ in range(4):
        stack.redo()
    assert [q for q, _ in stored_scales(document)] == [standard]
    stack.undo()
    restored = document.meeting.scales[0]
    assert restored.id == willing.id and restored.zero_means == "Not at all"


def test_a_slider_drag_is_one_undo_step_and_half_points_are_kept(window: MainWindow) -> None:
    document = window.document
    assert document is not None
    scale = document.meeting.scales[0]
    assert scale.id is not None
    before = [(r.rater, r.value) for r in scale.ratings]
    for value in (1, 1.5, 2, 2.5, 3, 3.5):  # dragging the presenter's slider up
        document.set_rating(scale.id, "Sam Patel", value, "Mum acted to protect Lily")
    assert ("Sam Patel", 3.5) in stored_scales(document)[0][1]
    document.undo_stack.undo()
    assert stored_scales(document)[0][1] == before
    document.undo_stack.redo()
    document.set_rating(scale.id, "Priya Shah", 6.5)
    document.remove_rating(scale.id, "Alex Morgan")
    ratings = dict(stored_scales(document)[0][1])
    assert ratings == {"Sam Patel": 3.5, "Priya Shah": 6.5}
    document.undo_stack.undo()
    assert dict(stored_scales(document)[0][1])["Alex Morgan"] == 5.5
    with pytest.raises(ValueError, match="half points"):
        document.set_rating(scale.id, "Tom Evans", 7.3)


def test_private_round_and_reveal_are_saved_and_undoable(window: MainWindow) -> None:
    document = window.document
    assert document is not None
    scale = document.meeting.scales[0]
    assert scale.id is not None
    document.set_scale_field(scale.id, "private_round", True)
    assert document.store.get_meeting(document.meeting_id).scales[0].private_round is True
    document.set_rating(scale.id, "Tom Evans", 7)
    document.set_scale_field(scale.id, "private_round", False)  # reveal
    stored = document.store.get_meeting(document.meeting_id).scales[0]
    assert stored.private_round is False and ScaleRating("Tom Evans", 7) in stored.ratings
    document.undo_stack.undo()
    assert document.store.get_meeting(document.meeting_id).scales[0].private_round is True


def test_the_scaling_page_rates_by_keyboard_runs_a_private_round_and_reveals(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    panel = window.scales_panel
    document = window.document
    assert panel is not None and document is not None
    assert [row.name for row in panel.rows][:2] == ["Sam Patel", "Alex Morgan"]  # the presenter first
    assert panel.spread.text().startswith("Lowest 4 · Median 4.75 · Highest 5.5")
    priya = next(row for row in panel.rows if row.name == "Priya Shah")
    assert priya.value.text() == "not rated" and not priya.reason.isEnabled()
    priya.slider.setFocus()
    for _ in range(13):  # not rated -> 0 -> ... -> 6: one key press is half a point
        qtbot.keyClick(priya.slider, Qt.Key.Key_Right)
    assert priya.value.text() == "6"
    stored = document.store.get_meeting(document.meeting_id).scales[0]
    assert ("Priya Shah", 6.0) in [(r.rater, r.value) for r in stored.ratings]
    document.undo_stack.undo()  # the whole run of key presses is one step
    assert "Priya Shah" not in [r.rater for r in document.store.get_meeting(document.meeting_id).scales[0].ratings]

    panel.private.click()
    assert document.meeting.scales[0].private_round and panel.reveal.isEnabled()
    panel.reveal.click()
    assert not document.store.get_meeting(document.meeting_id).scales[0].private_round


def test_the_trajectory_opens_from_the_scaling_page_and_draws_a_chart(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.scales_panel
    assert panel is not None
    dialog = panel.show_trajectory()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    pixmap = dialog.picture.pixmap()
    assert not pixmap.isNull() and pixmap.width() >= 480
    image = pixmap.toImage()
    # Every pixel of every second row: a sparse grid can fall between the strokes of the one-meeting message.
    colours = {image.pixel(x, y) for x in range(image.width()) for y in range(0, image.height(), 2)}
    assert len(colours) > 3  # a chart (or its one-meeting message), not an empty rectangle


def test_the_observer_does_not_rate_unless_the_facilitator_adds_them(window: MainWindow) -> None:
    from sos_desktop.ui.projector.scale_content import scale_content

    panel = window.scales_panel
    document = window.document
    assert panel is not None and document is not None
    scale = document.meeting.scales[0]
    assert scale.id is not None
    document.set_scale_field(scale.id, "private_round", True)
    assert "Jo Reid" not in [row.name for row in panel.rows]  # Jo Reid is the demo meeting's observer
    content = scale_content(document.meeting, document.case, 0, lambda text: text)
    assert content is not None
    assert content.waiting == ("Priya Shah", "Tom Evans", "Aisha Khan") and content.total == 5

    assert panel.add_rater.itemText(0) == "Jo Reid"  # offered first, before the people in the network
    panel.add_rater.setCurrentIndex(0)
    panel._add_rater()
    assert panel.rows[-1].name == "Jo Reid"
    stored = document.store.get_meeting(document.meeting_id)
    content = scale_content(stored, document.case, 0, lambda text: text)
    assert content is not None and content.waiting[-1] == "Jo Reid"  # kept with the scale, so the wall waits too
    document.undo_stack.undo()
    assert "Jo Reid" not in [row.name for row in panel.rows]
    document.undo_stack.redo()
    assert panel.rows[-1].name == "Jo Reid"

"""The review of last time's next steps on the wall: each step's words, owner (by display name when a family member
owns it), date and outcome, and 'Overdue' in amber where the document says it is; the map's next steps column flags
an overdue next step the same way. The agenda's review phase shows the review, and so do the Projector menu and
``sos-desktop snapshot --view review``.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from sos_desktop.models import Category, Column, MapItem, NextStepStatus
from sos_desktop.models.continuity import REVIEW_PHASE
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.enums import ReviewOutcome
from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import THEMES, ProjectorMode, ProjectorView, ReviewMode
from sos_desktop.ui.projector.agenda import PHASE_VIEWS
from sos_desktop.ui.projector.review_content import NO_REVIEWS
from sos_desktop.ui.projector.scene import Scene, TagShape
from sos_desktop.ui.shell.main_window import MainWindow
from sos_desktop.ui.shell.snapshot import render_view

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagate")

SIZES = (QSize(1920, 1080), QSize(1024, 768))
REVIEW = ReviewMode()
STEPS = [  # last time's next steps: words, owner, due
    ("Meet Dad at home to hear his view.", "Sam Patel", date(2026, 12, 5)),
    ("Ask Pat Example to join a safety-planning meeting.", "Pat Example", date(2026, 12, 12)),
    ("Book a review with the health visitor.", "Alex Morgan", date(2027, 1, 15)),
]


@pytest.fixture
def documents(store: Store) -> tuple[MeetingDocument, MeetingDocument]:
    """A demo meeting with three next steps, and the meeting continued from it on 19 December 2026: the first step
    done, the second (owned by Nan, Pat Example) not reviewed yet and overdue, the third not due yet.
    """
    bundle = demo_bundle()
    bundle.meeting.items = [item for item in bundle.meeting.items if item.category is not Category.NEXT_STEP]
    for text, owner, due in STEPS:
        step = MapItem(Category.NEXT_STEP, text, owner=owner, due=due, status=NextStepStatus.AGREED)
        bundle.meeting.items.append(step)
    saved = store.save_bundle(bundle)
    assert saved.meeting.id is not None
    new = store.continue_meeting(saved.meeting.id, title="Review meeting", held_on=datetime(2026, 12, 19), agenda=[])
    assert new.id is not None
    document = MeetingDocument(store, new.id)
    document.set_review_outcome(0, ReviewOutcome.DONE)
    return MeetingDocument(store, saved.meeting.id), document


def make_view(
    qtbot: QtBot, document: MeetingDocument, mode: ProjectorMode = REVIEW, size: QSize = SIZES[0]
) -> ProjectorView:
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(size)
    view.set_mode(mode)
    return view


def scene_of(view: ProjectorView) -> Scene:
    return view.projection.scene(view.width(), view.height())


def tags(view: ProjectorView, word: str) -> list[TagShape]:
    return [shape for shape in scene_of(view).shapes if isinstance(shape, TagShape) and shape.laid.text == word]


def assert_no_full_name(document: MeetingDocument, drawn: str) -> None:
    parts = {part for person in document.network.people for part in person.name.split()}
    assert {part for part in parts if re.search(rf"\b{re.escape(part)}\b", drawn)} == set()


def test_each_step_with_its_owner_date_outcome_and_overdue_in_amber(
    qtbot: QtBot, documents: tuple[MeetingDocument, MeetingDocument]
) -> None:
    _, document = documents
    assert [document.review_overdue(index) for index in range(3)] == [False, True, False]
    for size in SIZES:
        view = make_view(qtbot, document, size=size)
        drawn = view.drawn_texts()
        assert "Review of last time's next steps" in drawn
        assert "From Group supervision (demo), 21 November 2026" in drawn
        assert "Meet Dad at home to hear his view." in drawn and "Sam Patel · by 5 Dec" in drawn
        assert "Ask Nan to join a safety-planning meeting." in drawn and "Nan · by 12 Dec" in drawn  # owner hidden
        assert [text for text in drawn if text in ("Done", "Not reviewed yet")] == ["Done"] + ["Not reviewed yet"] * 2
        assert {"1 Done", "2 Not reviewed yet", "1 Overdue"} <= set(drawn)
        [overdue] = tags(view, "Overdue")
        assert overdue.fill == view.theme().flag  # the theme's amber
        assert view.hidden_cards() == 0
        assert_no_full_name(document, "\n".join(drawn))
    for theme in THEMES:
        view.set_theme(theme)
        assert tags(view, "Overdue")[0].fill == view.theme().flag


def test_the_overdue_tag_stands_beside_the_overdue_step(
    qtbot: QtBot, documents: tuple[MeetingDocument, MeetingDocument]
) -> None:
    _, document = documents
    view = make_view(qtbot, document)
    [overdue] = tags(view, "Overdue")
    [outcome] = [tag for tag in tags(view, "Not reviewed yet") if abs(tag.rect.bottom() - overdue.rect.top()) < 40]
    step = next(
        shape for shape in scene_of(view).shapes if shape.texts() == ("Ask Nan to join a safety-planning meeting.",)
    )
    assert abs(step.origin.y() - outcome.rect.top()) < 30  # type: ignore[attr-defined]


def test_reviewing_a_step_on_the_console_shows_at_once(
    qtbot: QtBot, documents: tuple[MeetingDocument, MeetingDocument]
) -> None:
    _, document = documents
    view = make_view(qtbot, document)
    document.set_review_outcome(1, ReviewOutcome.NOT_DONE)
    assert "Not done" in view.drawn_texts() and tags(view, "Overdue")  # not done: still overdue
    document.set_review_note(1, "Pat Example was away.")
    assert "Nan was away." in view.drawn_texts()
    document.set_review_outcome(1, ReviewOutcome.DROPPED)
    assert "Dropped" in view.drawn_texts() and not tags(view, "Overdue")
    document.undo_stack.undo()
    assert tags(view, "Overdue")


def test_an_overdue_next_step_on_the_map_is_flagged_in_amber(
    qtbot: QtBot, documents: tuple[MeetingDocument, MeetingDocument]
) -> None:
    first, _ = documents
    first.set_detail("held_on", datetime(2026, 12, 14))  # the first two steps' dates have passed by then
    for mode in (None, Column.NEEDS_TO_HAPPEN, Category.NEXT_STEP):
        view = make_view(qtbot, first, mode)
        late = tags(view, "Overdue")
        assert len(late) == 2 and all(tag.fill == view.theme().flag for tag in late)
    step = next(item for item in first.meeting.items if item.text == STEPS[0][0])
    assert step.id is not None
    first.set_next_step(step.id, status=NextStepStatus.DONE)  # a step done is never overdue
    assert len(tags(view, "Overdue")) == 1
    first.set_next_step(step.id, due=date(2027, 2, 1), status=NextStepStatus.IDEA)  # nor one not due yet
    assert len(tags(view, "Overdue")) == 1
    first.undo_stack.undo()
    first.undo_stack.undo()
    assert len(tags(view, "Overdue")) == 2


def test_the_agenda_s_review_phase_shows_the_review(window: MainWindow) -> None:
    assert PHASE_VIEWS[REVIEW_PHASE] == ReviewMode()
    assert window.document is not None and window.document.meeting.id is not None
    first = window.document.meeting.id
    new = window.store.continue_meeting(first, title="Review meeting", held_on=datetime(2026, 12, 19), agenda=[])
    assert new.id is not None
    window.open_meeting(new.id)
    document = window.document
    assert document is not None and document.meeting.agenda[0].phase == REVIEW_PHASE
    wall = window.projector.open()
    assert wall is not None
    window.projector_agenda.follow_action.setChecked(True)
    document.start_agenda()
    assert wall.view.mode() == ReviewMode()
    assert "Review of last time's next steps" in wall.view.drawn_texts()
    assert window.projector.review_action.isChecked()
    window.projector.set_mode(None)
    window.projector.review_action.trigger()  # and from the Projector menu
    assert wall.view.mode() == ReviewMode()
    window.projector.close()


def test_a_first_meeting_has_no_steps_to_review_and_the_snapshot_shows_the_review(
    qtbot: QtBot, documents: tuple[MeetingDocument, MeetingDocument]
) -> None:
    first, document = documents
    assert NO_REVIEWS in make_view(qtbot, first).drawn_texts()
    assert document.meeting.id is not None
    for size in SIZES:
        image = render_view(document.store, document.meeting.id, "review", size, "light")
        assert (image.width(), image.height()) == (size.width(), size.height())

"""The case chronology on the wall: a timeline, oldest at the top, each event's date as people write it, what
happened and its source, names hidden as on every wall view; when there are too many, the latest that fit and how
many earlier ones are not shown. Reachable from the Projector menu and ``sos-desktop snapshot --view chronology``.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from sos_desktop.models.chronology import DatePrecision
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import ChronologyMode, ProjectorView
from sos_desktop.ui.projector.chronology_content import NO_EVENTS
from sos_desktop.ui.projector.scene import TextShape
from sos_desktop.ui.shell.main_window import MainWindow
from sos_desktop.ui.shell.snapshot import render_view

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagate")

SIZES = (QSize(1920, 1080), QSize(1024, 768))
EVENTS = [  # added out of order, as a chronology is gathered
    (date(2026, 9, 20), "Police called to an argument; Jordan Example took Lily to Pat Example's.", "Police report"),
    (date(2022, 6, 14), "Lily Example was born.", "Birth record"),
    (date(2026, 10, 14), "Mum told the social worker about the arguments.", "Chris Sample's sister"),
]


@pytest.fixture
def document(store: Store) -> MeetingDocument:
    """The demo meeting with a chronology of three events of its own (and a year-only and a month-only date)."""
    bundle = demo_bundle()
    bundle.chronology = []
    saved = store.save_bundle(bundle)
    assert saved.meeting.id is not None
    opened = MeetingDocument(store, saved.meeting.id)
    for day, what, source in EVENTS:
        opened.add_event(day, what, source)
    opened.add_event(date(2024, 1, 1), "Noah Example started school.", "", DatePrecision.YEAR)
    opened.add_event(date(2025, 3, 1), "Dad moved out for a month.", "Mum", DatePrecision.MONTH)
    return opened


def make_view(qtbot: QtBot, document: MeetingDocument, size: QSize = SIZES[0]) -> ProjectorView:
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(size)
    view.set_mode(ChronologyMode())
    return view


def assert_no_full_name(document: MeetingDocument, drawn: str) -> None:
    parts = {part for person in document.network.people for part in person.name.split()}
    assert {part for part in parts if re.search(rf"\b{re.escape(part)}\b", drawn)} == set()


def dates_top_to_bottom(view: ProjectorView) -> list[str]:
    scene = view.projection.scene(view.width(), view.height())
    dated = [
        shape
        for shape in scene.shapes
        if isinstance(shape, TextShape) and re.fullmatch(r"(\d+ )?([A-Z][a-z]+ )?\d{4}", shape.laid.text)
    ]
    return [shape.laid.text for shape in sorted(dated, key=lambda shape: shape.origin.y())]


def test_the_events_run_oldest_first_with_their_dates_and_sources_and_no_full_name(
    qtbot: QtBot, document: MeetingDocument
) -> None:
    for size in SIZES:
        view = make_view(qtbot, document, size)
        assert dates_top_to_bottom(view) == [
            "14 June 2022",
            "2024",
            "March 2025",
            "20 September 2026",
            "14 October 2026",
        ]
        drawn = view.drawn_texts()
        assert "Chronology" in drawn
        assert "Police called to an argument; Mum took L to Nan's." in drawn  # masked as the map is
        assert "L was born." in drawn and "N started school." in drawn
        assert "Source: Police report" in drawn and "Source: Dad's sister" in drawn
        assert not any("earlier" in text for text in drawn)
        assert view.hidden_cards() == 0
        assert_no_full_name(document, "\n".join(drawn))
        assert view.card_pixel_size() >= 0.66 * 36  # large type for five events, at either size


def test_too_many_events_show_the_latest_that_fit_and_say_how_many_earlier_are_not_shown(
    qtbot: QtBot, document: MeetingDocument
) -> None:
    for number in range(40):
        document.add_event(date(2010, 1, 1 + number % 28), f"An early event, number {number}.", "Records")
    for size in SIZES:
        view = make_view(qtbot, document, size)
        drawn = view.drawn_texts()
        [note] = [text for text in drawn if text.endswith("earlier events not shown")]
        hidden = int(note.split()[0])
        shown = dates_top_to_bottom(view)
        assert hidden + len(shown) == 45 and hidden == view.hidden_cards() > 0
        assert shown[-1] == "14 October 2026"  # the latest is always there
        assert "14 June 2022" in shown
        assert view.card_pixel_size() >= 28 * min(1, size.height() / 1080)
        scene = view.projection.scene(view.width(), view.height())
        bottom = max(shape.origin.y() + shape.laid.height for shape in scene.shapes if isinstance(shape, TextShape))
        assert bottom <= size.height()  # nothing cut at the bottom of the wall


def test_the_chronology_follows_the_console(qtbot: QtBot, document: MeetingDocument) -> None:
    view = make_view(qtbot, document)
    event = document.add_event(date(2026, 11, 2), "Robin Neighbour heard shouting.", "Robin Neighbour")
    assert dates_top_to_bottom(view)[-1] == "2 November 2026"
    assert "RN heard shouting." in view.drawn_texts() and "Source: RN" in view.drawn_texts()
    assert event.id is not None
    document.change_event(event.id, happened_on=date(2021, 5, 1))
    assert dates_top_to_bottom(view)[0] == "1 May 2021"
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert "RN heard shouting." not in view.drawn_texts()


def test_an_empty_chronology_says_so(qtbot: QtBot, store: Store) -> None:
    bundle = demo_bundle()
    bundle.chronology = []
    saved = store.save_bundle(bundle)
    assert saved.meeting.id is not None
    view = make_view(qtbot, MeetingDocument(store, saved.meeting.id))
    assert NO_EVENTS in view.drawn_texts()


def test_the_projector_menu_and_the_snapshot_show_the_chronology(window: MainWindow, document: MeetingDocument) -> None:
    control = window.projector
    wall = control.open()
    assert wall is not None
    control.chronology_action.trigger()
    assert wall.view.mode() == ChronologyMode() and control.chronology_action.isChecked()
    assert control.chip.text().endswith("the chronology")
    assert "Chronology" in wall.view.drawn_texts()
    control.close()
    assert document.meeting.id is not None
    image = render_view(document.store, document.meeting.id, "chronology", SIZES[1])
    assert (image.width(), image.height()) == (1024, 768)


def test_a_continued_meeting_sees_the_same_chronology(qtbot: QtBot, document: MeetingDocument) -> None:
    assert document.meeting.id is not None
    new = document.store.continue_meeting(
        document.meeting.id, title="Review meeting", held_on=datetime(2026, 12, 19, 10), agenda=[]
    )
    assert new.id is not None
    view = make_view(qtbot, MeetingDocument(document.store, new.id))
    assert dates_top_to_bottom(view)[0] == "14 June 2022"

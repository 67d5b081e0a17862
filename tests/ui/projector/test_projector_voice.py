"""The child's voice and the focus question on the projector: what the room reads, and what it never does.

The Three Houses show one child by their display name, only the words the child agreed to share, each masked as the
map is; the focus question stands large under the question the facilitator asks. Both follow the document live.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize
from pytestqt.qtbot import QtBot

from sos_desktop.models import House, Network
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store.engine import resolve_database_url
from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector import THEMES, FocusMode, ProjectorView, VoiceMode, render_projector
from sos_desktop.ui.projector.focus_chart import FOCUS_HEADING, NO_FOCUS, CentredTextShape
from sos_desktop.ui.projector.layout import NO_MEETING
from sos_desktop.ui.projector.scene import TextShape
from sos_desktop.ui.projector.voice_chart import NOTHING_SHARED, WORDS_FLOOR, HouseShape
from sos_desktop.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagate")

PersonId = Callable[[MeetingDocument, str], int]
FULL_HD = QSize(1920, 1080)
SIZES = (FULL_HD, QSize(1280, 720))
HOUSES = ["House of Worries", "House of Good Things", "House of Dreams"]


@pytest.fixture
def document(demo_document: MeetingDocument) -> MeetingDocument:
    """The demo meeting with no console around it: Lily (shown as "L") said two things she agreed to share."""
    return demo_document


def make_view(
    qtbot: QtBot, document: MeetingDocument | None, mode: VoiceMode | FocusMode, size: QSize
) -> ProjectorView:
    view = ProjectorView(document)
    qtbot.addWidget(view)
    view.resize(size)
    view.set_mode(mode)
    return view


@pytest.fixture
def view(qtbot: QtBot, document: MeetingDocument) -> ProjectorView:
    return make_view(qtbot, document, VoiceMode(), FULL_HD)


def everything(view: ProjectorView) -> str:
    return "\n".join(view.drawn_texts())


def assert_no_full_name(document: MeetingDocument, drawn: str) -> None:
    """No part of anybody's full name, as a word, in what the room reads."""
    parts = {part for person in document.network.people for part in person.name.split()}
    assert {part for part in parts if re.search(rf"\b{re.escape(part)}\b", drawn)} == set()


# The Three Houses ------------------------------------------------------------------------------------------------


def test_the_first_child_s_three_houses_by_display_name_with_the_words_shared(view: ProjectorView) -> None:
    drawn = view.drawn_texts()
    assert drawn[1] == "L's Three Houses"
    assert [text for text in drawn if text in HOUSES] == HOUSES
    assert "When Daddy shouts I hide under the table." in drawn
    assert "Nanny's house and my bike." in drawn
    assert drawn.count(NOTHING_SHARED) == 1  # the house of dreams
    scene = view.projection.scene(view.width(), view.height())
    assert sum(isinstance(shape, HouseShape) for shape in scene.shapes) == 3
    assert view.document is not None
    assert_no_full_name(view.document, everything(view))


def test_words_the_child_did_not_agree_to_share_never_reach_the_room(
    document: MeetingDocument, view: ProjectorView, person_id: PersonId
) -> None:
    lily = person_id(document, "Lily Example")
    secret = document.add_voice_entry(lily, House.WORRIES, "The secret about the shed", consent=False)
    assert secret.id is not None
    assert "secret" not in everything(view)
    assert "1 more entry not shared" in view.drawn_texts()
    document.set_voice_consent(secret.id, True)  # followed live: no refresh asked for
    assert "The secret about the shed" in view.drawn_texts()
    assert "not shared" not in everything(view)
    document.undo_stack.undo()
    assert "secret" not in everything(view)


def test_names_in_the_child_s_words_are_masked_as_on_the_map(
    document: MeetingDocument, view: ProjectorView, person_id: PersonId
) -> None:
    lily = person_id(document, "Lily Example")
    words = "Jordan Example cries and Chris Sample goes out.\nPat Example makes tea."
    document.add_voice_entry(lily, House.WORRIES, words, consent=True)
    assert "Mum cries and Dad goes out.\nNan makes tea." in view.drawn_texts()
    assert_no_full_name(document, everything(view))
    assert document.voice_entries(lily, House.WORRIES)[-1].words == words  # the stored words are the child's own


def test_the_child_s_exact_words_are_drawn_as_written(
    document: MeetingDocument, view: ProjectorView, person_id: PersonId
) -> None:
    noah = person_id(document, "Noah Example")
    view.set_mode(VoiceMode(noah))
    assert view.drawn_texts()[1] == "N's Three Houses"
    assert view.drawn_texts().count(NOTHING_SHARED) == 3
    document.add_voice_entry(noah, House.DREAMS, "Zoë's nan 💜\nsays “yes”", consent=True)
    assert "Zoë's nan 💜\nsays “yes”" in view.drawn_texts()
    assert "When Daddy" not in everything(view)  # Lily's words stay in Lily's houses


def test_a_long_list_shrinks_to_the_floor_then_says_how_many_more(
    qtbot: QtBot, document: MeetingDocument, view: ProjectorView, person_id: PersonId
) -> None:
    lily = person_id(document, "Lily Example")
    roomy = view.card_pixel_size()
    for number in range(1, 31):
        document.add_voice_entry(lily, House.GOOD_THINGS, f"Good thing {number}: drawing with Nanny", consent=True)
    theme = view.theme()
    floor = round(WORDS_FLOOR * FULL_HD.height() / 1080 * theme.type_scale)
    assert view.card_pixel_size() == floor < roomy
    hidden = view.hidden_cards()
    assert hidden > 0
    assert f"…and {hidden} more" in view.drawn_texts()
    assert sum(text.startswith("Good thing") for text in view.drawn_texts()) == 30 - hidden


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size.width()}x{size.height()}")
def test_every_word_stays_on_the_wall_in_each_theme_and_size(
    qtbot: QtBot, document: MeetingDocument, theme: str, size: QSize, person_id: PersonId
) -> None:
    lily = person_id(document, "Lily Example")
    for number in range(12):
        document.add_voice_entry(lily, House(list(House)[number % 3]), "A long thing the child said " * 4, True)
    for mode in (VoiceMode(), FocusMode()):
        view = make_view(qtbot, document, mode, size)
        view.set_theme(theme)
        frame = QRectF(0, 0, size.width(), size.height())
        scene = view.projection.scene(size.width(), size.height())
        for shape in scene.shapes:
            if isinstance(shape, TextShape):
                box = QRectF(shape.origin.x(), shape.origin.y(), shape.laid.width, shape.laid.height)
            elif isinstance(shape, CentredTextShape):
                box = QRectF(shape.centre_x - shape.laid.width / 2, shape.top, shape.laid.width, shape.laid.height)
            else:
                continue
            assert frame.contains(box), (mode, shape.laid.text)
        assert scene.card_pixel_size >= 22 * size.height() / 1080  # readable from the back of the room


def test_with_no_child_in_the_network_the_houses_say_nothing_is_shared(qtbot: QtBot, tmp_path: Path) -> None:
    with Store.open(resolve_database_url(None, tmp_path / "empty")) as store:
        bundle = demo_bundle()
        bundle.network = Network()
        bundle.meeting.child_voice = []
        document = MeetingDocument(store, store.save_bundle(bundle).meeting.id or 0)
        view = make_view(qtbot, document, VoiceMode(), FULL_HD)
        assert view.drawn_texts()[1] == "The child's Three Houses"
        assert view.drawn_texts().count(NOTHING_SHARED) == 3
        view.set_document(None)
        assert view.drawn_texts() == [NO_MEETING]


# The focus question ----------------------------------------------------------------------------------------------


def test_the_focus_question_stands_large_and_masked(qtbot: QtBot, document: MeetingDocument) -> None:
    view = make_view(qtbot, document, FocusMode(), FULL_HD)
    drawn = view.drawn_texts()
    assert drawn[1:] == [
        FOCUS_HEADING,
        "How can we help Dad to take part, and what would tell us L is safe enough at home?",
    ]
    assert view.card_pixel_size() >= 60  # a statement for the wall, not a line of small print
    document.set_detail("focus_question", "Is Jordan Example ready for Pat Example to step back?")
    assert view.drawn_texts()[-1] == "Is Mum ready for Nan to step back?"
    document.set_detail("focus_question", "")
    assert view.drawn_texts()[1:] == [FOCUS_HEADING, NO_FOCUS]
    assert_no_full_name(document, everything(view))


def test_snapshots_of_the_houses_and_the_focus_question_paint_the_theme(document: MeetingDocument) -> None:
    for mode in (VoiceMode(), FocusMode()):
        image = render_projector(document, QSize(640, 360), "light", mode)
        assert (image.width(), image.height()) == (640, 360)
        assert image.pixelColor(2, 2).lightness() > 200


# The console's Projector menu ------------------------------------------------------------------------------------


def test_the_projector_menu_shows_the_child_s_voice_and_the_focus_question(
    console: MainWindow, person_id: PersonId
) -> None:
    control = console.projector
    assert control.voice_action.shortcut().toString() == "Ctrl+Alt+V"
    assert control.focus_action.shortcut().toString() == "Ctrl+Alt+F"
    assert control.voice_action.text() == "The child's &voice (Three Houses)"
    control.show_action.trigger()
    assert control.window is not None
    view = control.window.view
    control.focus_action.trigger()
    assert view.mode() == FocusMode() and control.focus_action.isChecked()
    assert FOCUS_HEADING in view.drawn_texts()
    assert console.document is not None
    noah = person_id(console.document, "Noah Example")
    control.selected_child = lambda: noah
    control.voice_action.trigger()
    assert view.mode() == VoiceMode(noah) and control.voice_action.isChecked()
    assert "N's Three Houses" in view.drawn_texts()
    control.child_chosen(None)  # the Child's voice page chose again: the wall follows
    assert view.mode() == VoiceMode() and "L's Three Houses" in view.drawn_texts()
    control.show_action.trigger()

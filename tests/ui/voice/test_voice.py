"""The child's voice as the facilitator meets it: Three Houses per child, written in the child's exact words, each
edit one undo step saved at once, and a page that adds, edits, moves, ticks and deletes through its own widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from sos_desktop.models import House, Network, PersonRole
from sos_desktop.models.demo import demo_bundle
from sos_desktop.models.mapping import MAX_TEXT_LENGTH
from sos_desktop.store.engine import resolve_database_url
from sos_desktop.store.store import Store
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.shell.main_window import MainWindow
from sos_desktop.ui.voice.house import NOT_SHOWN, VoiceEntryWidget
from sos_desktop.ui.voice.panel import HINT, NO_CHILD, VoicePanel

PersonId = Callable[[MeetingDocument, str], int]

EXACT = "Zoë's nan 💜\n  she says “stay”,\tthen\n\nwe have\u00a0chips  "
"""The child's words as written: accents, an emoji, curly quotes, a tab, blank and indented lines, a non-breaking
space and spaces at the end, none of which may be tidied away."""


@pytest.fixture
def document(demo_document: MeetingDocument) -> MeetingDocument:
    """The demo meeting with no console around it: each test builds the page it needs."""
    return demo_document


def stored_words(document: MeetingDocument) -> list[tuple[int | None, House, str, bool]]:
    """The meeting's entries as the database holds them, read afresh."""
    meeting = document.store.get_meeting(document.meeting_id)
    return [(e.child, e.house, e.words, e.consent_to_share) for e in meeting.child_voice]


def words_in(document: MeetingDocument, child: int, house: House) -> list[str]:
    return [entry.words for entry in document.voice_entries(child, house)]


# The document ----------------------------------------------------------------------------------------------------


def test_adding_words_is_one_undo_step_saved_at_once(
    document: MeetingDocument, qtbot: QtBot, person_id: PersonId
) -> None:
    lily = person_id(document, "Lily Example")
    steps = document.undo_stack.count()
    with qtbot.waitSignal(document.voiceChanged):
        entry = document.add_voice_entry(lily, House.DREAMS, "A dog called Biscuit")
    assert entry.id is not None and not entry.consent_to_share
    assert words_in(document, lily, House.DREAMS) == ["A dog called Biscuit"]
    assert (lily, House.DREAMS, "A dog called Biscuit", False) in stored_words(document)
    assert document.undo_stack.count() == steps + 1
    document.undo_stack.undo()
    assert words_in(document, lily, House.DREAMS) == []
    assert all(words != "A dog called Biscuit" for _, _, words, _ in stored_words(document))
    document.undo_stack.redo()
    assert [e.id for e in document.voice_entries(lily, House.DREAMS)] == [entry.id]  # back under the same id
    assert (lily, House.DREAMS, "A dog called Biscuit", False) in stored_words(document)


def test_the_child_s_exact_words_survive_saving_and_reopening(
    tmp_path: Path, document: MeetingDocument, person_id: PersonId
) -> None:
    noah = person_id(document, "Noah Example")
    document.add_voice_entry(noah, House.GOOD_THINGS, EXACT, consent=True)
    document.store.close()
    with Store.open(resolve_database_url(None, tmp_path)) as reopened:
        again = MeetingDocument(reopened, document.meeting_id)
        assert words_in(again, noah, House.GOOD_THINGS) == [EXACT]
        assert again.voice_entries(noah, House.GOOD_THINGS)[0].consent_to_share


def test_a_burst_of_typing_is_one_undo_step(document: MeetingDocument, person_id: PersonId) -> None:
    lily = person_id(document, "Lily Example")
    entry = document.voice_entries(lily, House.WORRIES)[0]
    assert entry.id is not None
    before, steps = entry.words, document.undo_stack.count()
    for end in range(1, 8):
        document.set_voice_words(entry.id, "When Dad"[:end] + "\nshouts"[: end - 1])
    document.set_voice_words(entry.id, "When Dad\nshouts")
    assert document.undo_stack.count() == steps + 1
    assert stored_words(document)[0][2] == "When Dad\nshouts"
    document.undo_stack.undo()
    assert document.voice_entry(entry.id).words == before
    assert stored_words(document)[0][2] == before
    document.undo_stack.redo()
    assert document.voice_entry(entry.id).words == "When Dad\nshouts"


def test_consent_to_share_is_an_undoable_step(document: MeetingDocument, person_id: PersonId) -> None:
    lily = person_id(document, "Lily Example")
    entry = document.add_voice_entry(lily, House.WORRIES, "I hide my tablet")
    assert entry.id is not None
    document.set_voice_consent(entry.id, True)
    assert document.voice_entry(entry.id).consent_to_share
    assert (lily, House.WORRIES, "I hide my tablet", True) in stored_words(document)
    document.undo_stack.undo()
    assert not document.voice_entry(entry.id).consent_to_share
    assert (lily, House.WORRIES, "I hide my tablet", False) in stored_words(document)
    document.undo_stack.redo()
    assert document.voice_entry(entry.id).consent_to_share


def test_words_moved_to_another_house_go_back_to_their_place_on_undo(
    document: MeetingDocument, person_id: PersonId
) -> None:
    lily = person_id(document, "Lily Example")
    first = document.voice_entries(lily, House.WORRIES)[0]
    document.add_voice_entry(lily, House.WORRIES, "Shouting at night")
    assert first.id is not None
    document.set_voice_house(first.id, House.DREAMS)
    assert words_in(document, lily, House.WORRIES) == ["Shouting at night"]
    assert words_in(document, lily, House.DREAMS) == [first.words]
    assert (lily, House.DREAMS, first.words, True) in stored_words(document)
    document.undo_stack.undo()
    assert words_in(document, lily, House.WORRIES) == [first.words, "Shouting at night"]
    document.undo_stack.redo()
    assert document.voice_entry(first.id).house is House.DREAMS


def test_deleted_words_come_back_in_place_on_undo(document: MeetingDocument, person_id: PersonId) -> None:
    lily = person_id(document, "Lily Example")
    document.add_voice_entry(lily, House.WORRIES, "Second worry")
    first = document.voice_entries(lily, House.WORRIES)[0]
    assert first.id is not None
    before = stored_words(document)
    document.delete_voice_entry(first.id)
    assert words_in(document, lily, House.WORRIES) == ["Second worry"]
    assert len(stored_words(document)) == len(before) - 1
    document.undo_stack.undo()
    assert words_in(document, lily, House.WORRIES) == [first.words, "Second worry"]
    assert stored_words(document) == before
    assert document.voice_entry(first.id).words == first.words  # the same entry, under its id


def test_words_too_long_for_a_field_are_cut_with_a_notice(
    document: MeetingDocument, qtbot: QtBot, person_id: PersonId
) -> None:
    lily = person_id(document, "Lily Example")
    with qtbot.waitSignal(document.noticed) as notice:
        entry = document.add_voice_entry(lily, House.DREAMS, "x" * (MAX_TEXT_LENGTH + 10))
    assert len(entry.words) == MAX_TEXT_LENGTH
    assert "cut" in str(notice.args[0])
    with pytest.raises(ValueError, match="no words"):
        document.add_voice_entry(lily, House.DREAMS, " \n ")


# The page --------------------------------------------------------------------------------------------------------


@pytest.fixture
def panel(qtbot: QtBot, document: MeetingDocument) -> VoicePanel:
    panel = VoicePanel(document)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def entry_widgets(panel: VoicePanel, house: House) -> list[VoiceEntryWidget]:
    column = panel.houses[house]
    layout = column.list_layout
    found = [layout.itemAt(i).widget() for i in range(layout.count())]
    return [widget for widget in found if isinstance(widget, VoiceEntryWidget)]


def test_the_page_offers_the_case_s_children_by_full_name_and_age(panel: VoicePanel) -> None:
    assert panel.hint.text() == HINT
    items = [panel.chooser.itemText(i) for i in range(panel.chooser.count())]
    assert items == ["Lily Example, aged 4", "Noah Example, aged 9"]
    assert panel.projector_name.text() == "On the projector: L"
    titles = [column.title.text() for column in panel.houses.values()]
    assert titles == ["House of Worries", "House of Good Things", "House of Dreams"]
    assert [w.words.toPlainText() for w in entry_widgets(panel, House.WORRIES)] == [
        "When Daddy shouts I hide under the table."
    ]
    panel.chooser.setCurrentIndex(1)
    assert panel.projector_name.text() == "On the projector: N"
    assert all(not entry_widgets(panel, house) for house in House)


def test_every_control_is_named_and_explained(panel: VoicePanel) -> None:
    controls = panel.findChildren(QAbstractButton) + panel.findChildren(QPlainTextEdit)
    controls += panel.findChildren(QComboBox)
    assert len(controls) > 10
    for control in controls:
        assert control.accessibleName(), control
        assert control.toolTip(), control.accessibleName()


def test_words_written_in_a_house_are_added_exactly_with_ctrl_enter(
    panel: VoicePanel, qtbot: QtBot, person_id: PersonId
) -> None:
    document, column = panel.document, panel.houses[House.DREAMS]
    lily = person_id(document, "Lily Example")
    qtbot.keyClicks(column.draft, "To live by the sea")
    qtbot.keyClick(column.draft, Qt.Key.Key_Return)  # a line break of the child's words, not "add"
    qtbot.keyClicks(column.draft, "with Nan")
    assert words_in(document, lily, House.DREAMS) == []
    qtbot.keyClick(column.draft, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert words_in(document, lily, House.DREAMS) == ["To live by the sea\nwith Nan"]
    assert column.draft.toPlainText() == ""
    [shown] = entry_widgets(panel, House.DREAMS)
    assert shown.words.toPlainText() == "To live by the sea\nwith Nan"
    assert not shown.marker.isHidden() and shown.marker.accessibleName() == NOT_SHOWN  # not agreed to share yet


def test_the_add_button_adds_with_the_consent_ticked_beside_it(
    panel: VoicePanel, qtbot: QtBot, person_id: PersonId
) -> None:
    column = panel.houses[House.GOOD_THINGS]
    qtbot.keyClicks(column.draft, "Swimming on Fridays")
    column.draft_consent.setChecked(True)
    qtbot.mouseClick(column.add_button, Qt.MouseButton.LeftButton)
    entry = panel.document.voice_entries(person_id(panel.document, "Lily Example"), House.GOOD_THINGS)[-1]
    assert (entry.words, entry.consent_to_share) == ("Swimming on Fridays", True)
    assert not column.draft_consent.isChecked()  # the next words need their own consent
    assert entry_widgets(panel, House.GOOD_THINGS)[-1].marker.isHidden()


def test_words_are_edited_in_place_as_one_undo_step(panel: VoicePanel, qtbot: QtBot) -> None:
    document = panel.document
    [widget] = entry_widgets(panel, House.WORRIES)
    steps = document.undo_stack.count()
    widget.words.setFocus()
    widget.words.moveCursor(widget.words.textCursor().MoveOperation.End)
    qtbot.keyClicks(widget.words, " And cry")
    assert document.voice_entry(widget.entry_id).words == "When Daddy shouts I hide under the table. And cry"
    assert document.undo_stack.count() == steps + 1
    document.undo_stack.undo()
    assert widget.words.toPlainText() == "When Daddy shouts I hide under the table."


def test_ticking_consent_shows_the_words_on_the_projector_and_unticking_marks_them(
    panel: VoicePanel, qtbot: QtBot
) -> None:
    [widget] = entry_widgets(panel, House.WORRIES)
    assert widget.consent.isChecked() and not widget.marker.isVisible()
    qtbot.mouseClick(widget.consent, Qt.MouseButton.LeftButton)
    assert not panel.document.voice_entry(widget.entry_id).consent_to_share
    assert widget.marker.isVisible()
    panel.document.undo_stack.undo()
    assert widget.consent.isChecked() and not widget.marker.isVisible()


def test_words_are_moved_and_deleted_by_their_buttons(panel: VoicePanel, qtbot: QtBot) -> None:
    document = panel.document
    [widget] = entry_widgets(panel, House.WORRIES)
    menu = widget.move_button.menu()
    assert menu is not None
    [to_dreams] = [action for action in menu.actions() if action.text() == "The House of Dreams"]
    to_dreams.trigger()
    assert not entry_widgets(panel, House.WORRIES)
    [moved] = entry_widgets(panel, House.DREAMS)
    assert document.voice_entry(moved.entry_id).house is House.DREAMS
    qtbot.mouseClick(moved.delete_button, Qt.MouseButton.LeftButton)
    assert not entry_widgets(panel, House.DREAMS)
    document.undo_stack.undo()
    assert [w.words.toPlainText() for w in entry_widgets(panel, House.DREAMS)] == [
        "When Daddy shouts I hide under the table."
    ]


def test_the_page_follows_children_added_and_renamed_in_the_network(panel: VoicePanel, person_id: PersonId) -> None:
    document = panel.document
    mia = document.add_person("Mia Example", PersonRole.CHILD)
    assert mia.id is not None
    document.set_person_field(mia.id, "age", 2)
    assert panel.chooser.itemText(2) == "Mia Example, aged 2"
    lily = person_id(document, "Lily Example")
    document.set_person_field(lily, "name", "Lily-Rose Example")
    document.set_person_field(lily, "display_name", "Lil")
    assert panel.chooser.currentText() == "Lily-Rose Example, aged 4"  # still the chosen child
    assert panel.projector_name.text() == "On the projector: Lil"


def test_with_no_child_in_the_network_the_page_says_where_to_add_one(qtbot: QtBot, tmp_path: Path) -> None:
    with Store.open(resolve_database_url(None, tmp_path / "empty")) as store:
        bundle = demo_bundle()
        bundle.network = Network()
        bundle.meeting.child_voice = []
        saved = store.save_bundle(bundle)
        document = MeetingDocument(store, saved.meeting.id or 0)
        panel = VoicePanel(document)
        qtbot.addWidget(panel)
        panel.show()
        assert panel.stack.currentWidget() is panel.empty_state
        assert "Network page" in NO_CHILD and panel.empty_state.text() == NO_CHILD
        assert not panel.chooser_row.isVisible()
        document.add_person("Ava Sample", PersonRole.CHILD)
        assert panel.stack.currentWidget() is not panel.empty_state
        assert panel.chooser.currentText() == "Ava Sample"


def test_the_console_s_child_s_voice_tab_is_this_page(open_window: Callable[[], MainWindow], qtbot: QtBot) -> None:
    window = open_window()
    if window.document is None:
        saved = window.store.save_bundle(demo_bundle())
        window.open_meeting(saved.meeting.id or 0)
    found = window.show_voice()
    assert isinstance(found, VoicePanel)
    qtbot.waitUntil(found.isVisible)
    column = found.houses[House.WORRIES]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    column.draft.setFocus()
    qtbot.keyClicks(column.draft, "Loud voices")
    qtbot.keyClick(column.draft, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert any(e.words == "Loud voices" for e in window.store.get_meeting(found.document.meeting_id).child_voice)
    # Ctrl+Z in the emptied field takes the words back: the meeting's undo, not the field's own.
    qtbot.keyClick(column.draft, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert all(e.words != "Loud voices" for e in window.store.get_meeting(found.document.meeting_id).child_voice)

"""The Agreement page of the demo's child protection conference: each danger statement and safety goal with where
Mum, Dad and Nan stand (Dad's disagreement in amber), a view changed in one undo step, words typed in one step, and
the decision form, shown for a conference only, with an 'other' decision in words.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from sos_desktop.models import MeetingKind
from sos_desktop.models.agreement import Outcome, View
from sos_desktop.models.demo_conference import DAD_DISAGREES
from sos_desktop.store.store import Store
from sos_desktop.ui.agreement.panel import AgreementPanel
from sos_desktop.ui.document.meeting import MeetingDocument

MUM, DAD, NAN = "Jordan Example", "Chris Sample", "Pat Example"


@pytest.fixture
def conference(store: Store) -> MeetingDocument:
    return MeetingDocument(store, store.save_demo().conference)


@pytest.fixture
def page(qtbot: QtBot, conference: MeetingDocument) -> AgreementPanel:
    panel = AgreementPanel(conference)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _choose(box: QComboBox, view: View) -> None:
    box.setCurrentIndex(box.findData(view.value))
    box.activated.emit(box.currentIndex())


def test_the_table_shows_each_statement_and_where_the_family_stand(page: AgreementPanel) -> None:
    table = page.agreement
    assert table.people()[:3] == [MUM, DAD, NAN]
    assert table.table.rowCount() == 4  # two danger statements, two safety goals
    assert table.table.item(0, 0).text().startswith("Danger statement 1\n")
    assert table.box(0, DAD).currentText() == "Does not agree"
    assert "font-weight: bold" in table.box(0, DAD).styleSheet()
    assert table.box(0, MUM).currentText() == "Agrees"
    table.choose(0, DAD)
    assert page.agreement.words.toPlainText() == DAD_DISAGREES
    assert page.present.text().startswith("The family is present")
    page.grab().save("/tmp/agreement-page.png")


def test_a_view_changed_is_one_step_undone_and_redone(page: AgreementPanel, conference: MeetingDocument) -> None:
    goal = page.agreement._statements[3]
    assert conference.meeting.family_meeting.view(goal.key, NAN).view is View.NOT_SAID
    _choose(page.agreement.box(3, NAN), View.DISAGREES)
    assert conference.meeting.family_meeting.view(goal.key, NAN).view is View.DISAGREES
    assert page.agreement.box(3, NAN).currentText() == "Does not agree"
    assert conference.store.get_meeting(conference.meeting_id).family_meeting == conference.meeting.family_meeting
    conference.undo_stack.undo()
    assert conference.meeting.family_meeting.view(goal.key, NAN).view is View.NOT_SAID
    assert page.agreement.box(3, NAN).currentText() == "Not said"
    conference.undo_stack.redo()
    assert page.agreement.box(3, NAN).currentText() == "Does not agree"


def test_words_typed_are_kept_exactly_and_undone_in_one_step(
    qtbot: QtBot, page: AgreementPanel, conference: MeetingDocument
) -> None:
    goal = page.agreement._statements[3]
    page.agreement.choose(3, MUM)
    steps = conference.undo_stack.count()
    qtbot.keyClicks(page.agreement.words, "Yes, we can  ")
    page.agreement.words.insertPlainText("— “sí”")  # any Unicode, pasted
    assert conference.meeting.family_meeting.view(goal.key, MUM).words == "Yes, we can  — “sí”"
    assert conference.undo_stack.count() == steps + 1
    conference.undo_stack.undo()
    assert conference.meeting.family_meeting.view(goal.key, MUM).words == ""
    assert page.agreement.words.toPlainText() == ""


def test_the_decision_is_the_conference_s_and_an_other_decision_has_its_words(
    page: AgreementPanel, conference: MeetingDocument
) -> None:
    form = page.decision
    assert form.isVisible() and not page.no_decision.isVisible()
    assert form.outcome.currentText() == "Child protection plan"
    assert form.chair.text() == "Ruth Mensah" and form.decided_on.value() == date(2026, 12, 17)
    assert form.dissent.item(0, 0).text() == "Chris Sample"
    form.outcome.setCurrentIndex(form.outcome.findData(Outcome.OTHER.value))
    form.outcome.activated.emit(form.outcome.currentIndex())
    assert conference.meeting.family_meeting.decision.outcome is Outcome.OTHER
    assert form.other.isVisible()
    form.other.setText("Legal planning meeting")
    form.other.textEdited.emit("Legal planning meeting")
    assert conference.meeting.family_meeting.decision.outcome_text() == "Legal planning meeting"
    conference.undo_stack.undo()
    conference.undo_stack.undo()
    assert conference.meeting.family_meeting.decision.outcome is Outcome.CHILD_PROTECTION_PLAN
    assert form.outcome.currentText() == "Child protection plan" and not form.other.isVisible()
    conference.set_detail("kind", MeetingKind.NETWORK_MEETING)
    assert not form.isVisible() and page.no_decision.isVisible()


def test_the_chair_drags_room_from_the_decision_to_the_table(page: AgreementPanel) -> None:
    table_height, decision_height = page.split.sizes()
    assert table_height > decision_height > 0  # the table first, the decision below it
    page.split.moveSplitter(table_height + decision_height // 2, 1)
    assert page.split.sizes()[0] > table_height
    assert page.agreement.height() > table_height

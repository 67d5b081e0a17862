"""Adding attendees on the Meeting details page from the keyboard: Enter in the role box adds them, as the hint
says, and the role box is back at Participant for the next one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sos_desktop.models import Attendee, AttendeeRole
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.supervision.details_panel import DetailsPanel


def test_enter_on_the_role_box_adds_the_attendee_and_the_role_goes_back_to_participant(
    qtbot: QtBot, document: MeetingDocument, details: DetailsPanel
) -> None:
    panel = details
    before = list(document.meeting.attendees)
    panel.new_name.setFocus()
    qtbot.keyClicks(panel.new_name, "Lee Grant")
    qtbot.keyClick(panel.new_name, Qt.Key.Key_Tab)  # on to the role box
    assert panel.new_role.hasFocus()
    panel.new_role.setCurrentIndex(panel.new_role.findData(AttendeeRole.MANAGER.value))
    qtbot.keyClick(panel.new_role, Qt.Key.Key_Return)
    assert document.meeting.attendees == [*before, Attendee("Lee Grant", AttendeeRole.MANAGER)]
    assert panel.new_role.currentText() == "Participant"
    assert panel.new_name.text() == "" and panel.new_name.hasFocus()  # ready for the next one

    qtbot.keyClicks(panel.new_name, "Ann Bell")
    qtbot.keyClick(panel.new_name, Qt.Key.Key_Return)  # Enter in the name: added with the default role
    assert document.meeting.attendees[-1] == Attendee("Ann Bell", AttendeeRole.PARTICIPANT)

    panel.new_role.setFocus()
    qtbot.keyClick(panel.new_role, Qt.Key.Key_Enter)  # no name typed: nobody added, the name field has the cursor
    assert len(document.meeting.attendees) == len(before) + 2
    assert panel.new_name.hasFocus()
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.meeting.attendees == before

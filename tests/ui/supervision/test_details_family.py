"""A family network meeting on the Meeting details page: "Add family or network member…" offers the network's
people not yet at the meeting and adds one linked to their network person, in one undo step; they then rate the
scales like anyone. Choosing the kind of meeting gives a meeting whose agenda is untouched that kind's agenda, in
the same undo step.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sos_desktop.models import AttendeeRole, MeetingKind
from sos_desktop.models.meeting_kinds import kind_agenda, same_phases
from sos_desktop.models.raters import raters
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.supervision.details_panel import DetailsPanel


def test_a_network_person_is_added_as_a_family_member_and_rates(
    qtbot: QtBot, document: MeetingDocument, details: DetailsPanel
) -> None:
    before = list(document.meeting.attendees)
    details.family_menu.aboutToShow.emit()
    offered = [action.text() for action in details.family_menu.actions()]
    assert "Pat Example (Nan)" in offered and "Lily Example (L)" not in offered  # children are not offered
    nan = next(action for action in details.family_menu.actions() if action.text() == "Pat Example (Nan)")
    nan.trigger()
    added = document.meeting.attendees[-1]
    person = next(p for p in document.network.people if p.display_name == "Nan")
    assert (added.name, added.role, added.person) == ("Pat Example", AttendeeRole.FAMILY, person.id)
    assert document.store.get_meeting(document.meeting_id).attendees[-1] == added
    box = details.attendees.cellWidget(len(before), 1)
    assert box is not None and box.currentText() == "Family or network member"  # type: ignore[attr-defined]
    assert "Pat Example" in raters(document.meeting.attendees, document.meeting.scales[0])
    details.family_menu.aboutToShow.emit()
    assert "Pat Example (Nan)" not in [action.text() for action in details.family_menu.actions()]
    document.undo_stack.undo()
    assert document.meeting.attendees == before


def test_choosing_a_conference_gives_the_conference_s_agenda_in_one_step(
    qtbot: QtBot, document: MeetingDocument, details: DetailsPanel
) -> None:
    old = list(document.meeting.agenda)
    document.set_detail("kind", MeetingKind.CONFERENCE)
    assert details.kind.currentText() == "Child protection conference"
    assert same_phases(document.meeting.agenda, kind_agenda(MeetingKind.CONFERENCE))
    document.undo_stack.undo()
    assert document.meeting.kind is MeetingKind.GROUP_SUPERVISION and document.meeting.agenda == old
    # Once the meeting's clock has started, its agenda is the group's: a change of kind leaves it alone.
    document.start_agenda()
    started = list(document.meeting.agenda)
    document.set_detail("kind", MeetingKind.NETWORK_MEETING)
    assert details.kind.currentText() == "Family network meeting"
    assert document.meeting.agenda == started


def test_a_family_member_whose_person_left_the_network_stays_linked_to_nobody(
    qtbot: QtBot, document: MeetingDocument, details: DetailsPanel
) -> None:
    nan = next(p for p in document.network.people if p.display_name == "Nan")
    details.add_family_member(nan)
    assert nan.id is not None
    document.delete_person(nan.id)
    details.new_name.setText("Lee Grant")
    details.new_name.returnPressed.emit()  # any later change of the attendees is saved, Nan linked to nobody
    stored = document.store.get_meeting(document.meeting_id).attendees
    assert [(a.name, a.person) for a in stored][-2:] == [("Pat Example", None), ("Lee Grant", None)]

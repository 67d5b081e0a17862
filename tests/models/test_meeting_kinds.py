"""Each kind of meeting has its own agenda in the practice's words; a conference ends with the chair's decision."""

from __future__ import annotations

from sos_desktop.models import MeetingKind
from sos_desktop.models.demo import default_agenda
from sos_desktop.models.labels import MEETING_KIND_LABELS
from sos_desktop.models.meeting_kinds import agenda_untouched, kind_agenda, same_phases


def test_every_kind_has_an_agenda_of_its_own() -> None:
    agendas = {kind: [phase.title for phase in kind_agenda(kind)] for kind in MeetingKind}
    assert len({tuple(titles) for titles in agendas.values()}) == len(MeetingKind)
    assert same_phases(kind_agenda(MeetingKind.GROUP_SUPERVISION), default_agenda())


def test_a_conference_runs_from_welcome_to_next_steps_through_the_decision() -> None:
    assert [phase.title for phase in kind_agenda(MeetingKind.CONFERENCE)] == [
        "Welcome and purpose",
        "The family's view",
        "What's working well?",
        "What are we worried about?",
        "Danger statements and safety goals",
        "Scaling",
        "The decision",
        "The plan",
        "Next steps",
    ]
    assert MEETING_KIND_LABELS[MeetingKind.CONFERENCE] == "Child protection conference"
    assert MEETING_KIND_LABELS[MeetingKind.NETWORK_MEETING] == "Family network meeting"


def test_an_agenda_is_untouched_until_a_phase_is_started() -> None:
    agenda = kind_agenda(MeetingKind.REVIEW)
    assert agenda_untouched(agenda)
    agenda[0].actual_minutes = 2.0
    assert not agenda_untouched(agenda)
    assert same_phases(agenda, kind_agenda(MeetingKind.REVIEW))  # the time spent aside

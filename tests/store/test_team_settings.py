"""The team's defaults in the database: the agenda and the observers' rubric, read back as saved, and the
practice's own when nothing usable was saved.
"""

from __future__ import annotations

from sos_desktop.models import AgendaPhase, MeetingKind
from sos_desktop.models.demo import default_agenda
from sos_desktop.models.jargon import DEFAULT_JARGON
from sos_desktop.models.meeting_kinds import kind_agenda
from sos_desktop.models.observation import DEFAULT_RUBRIC
from sos_desktop.store.store import Store
from sos_desktop.store.team_settings import (
    AGENDA_TEMPLATE_KEY,
    JARGON_SETTING_KEY,
    RUBRIC_SETTING_KEY,
    agenda_key,
    save_team_agenda,
    save_team_jargon,
    save_team_rubric,
    team_agenda,
    team_jargon,
    team_rubric,
)


def test_a_saved_agenda_is_the_team_s_until_changed(store: Store) -> None:
    assert team_agenda(store) == default_agenda()
    phases = [AgendaPhase("purpose", "Why we are here", 5.0), AgendaPhase("mapping", "", None)]
    save_team_agenda(store, phases)
    assert team_agenda(store) == phases


def test_an_unusable_agenda_setting_gives_the_practice_s(store: Store) -> None:
    store.set_setting(AGENDA_TEMPLATE_KEY, [{"phase": "mapping", "planned_minutes": 9000}, "nonsense"])
    assert team_agenda(store) == default_agenda()
    store.set_setting(AGENDA_TEMPLATE_KEY, [{"phase": "mapping", "planned_minutes": 9000}])
    assert team_agenda(store) == [AgendaPhase("mapping", "", None)]  # too long a plan is dropped, not the phase


def test_the_rubric_is_kept_clean(store: Store) -> None:
    assert team_rubric(store) == list(DEFAULT_RUBRIC)
    kept = save_team_rubric(store, ["  Pace  ", "", "Pace", "Plain language"])
    assert kept == ["Pace", "Plain language"] == team_rubric(store)
    store.set_setting(RUBRIC_SETTING_KEY, "not a list")
    assert team_rubric(store) == list(DEFAULT_RUBRIC)


def test_each_kind_of_meeting_has_the_team_s_own_agenda(store: Store) -> None:
    assert team_agenda(store, MeetingKind.CONFERENCE) == kind_agenda(MeetingKind.CONFERENCE)
    phases = [AgendaPhase("welcome", "Welcome, and what today is for", 10.0), AgendaPhase("decision", "Decision")]
    save_team_agenda(store, phases, MeetingKind.CONFERENCE)
    assert team_agenda(store, MeetingKind.CONFERENCE) == phases
    # The other kinds keep theirs: group supervision's is still the practice's, under the key it always had.
    assert team_agenda(store) == default_agenda()
    assert team_agenda(store, MeetingKind.NETWORK_MEETING) == kind_agenda(MeetingKind.NETWORK_MEETING)
    assert agenda_key(MeetingKind.GROUP_SUPERVISION) == AGENDA_TEMPLATE_KEY


def test_the_team_s_jargon_list_is_kept_tidy_and_may_be_emptied(store: Store) -> None:
    assert team_jargon(store) == list(DEFAULT_JARGON)
    assert save_team_jargon(store, [" LAC ", "lac", "Looked after", ""]) == ["LAC", "Looked after"]
    assert team_jargon(store) == ["LAC", "Looked after"]
    save_team_jargon(store, [])
    assert team_jargon(store) == []
    store.set_setting(JARGON_SETTING_KEY, "not a list")
    assert team_jargon(store) == list(DEFAULT_JARGON)

"""The team's defaults kept in the database, so everyone who uses it shares them (a shared PostgreSQL shares them
across laptops): their keys, and how each is read back and written. This machine's own settings (``settings.ini``)
are named in ``ui/common/settings_keys.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sos_desktop.models import AgendaPhase, MeetingKind
from sos_desktop.models.jargon import DEFAULT_JARGON, clean_jargon
from sos_desktop.models.meeting_kinds import kind_agenda
from sos_desktop.models.observation import DEFAULT_RUBRIC
from sos_desktop.models.rubric import clean_criteria
from sos_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from sos_desktop.store.store import Store

AGENDA_TEMPLATE_KEY = "agenda/default"
"""The team's default agenda for group supervision: a list of {phase, title, planned_minutes}."""
JARGON_SETTING_KEY = "jargon/words"
"""The team's list of jargon, flagged on cards while the family is present: a list of words and phrases."""
RUBRIC_SETTING_KEY = "rubric/default"
"""The team's rubric for observers: a list of criteria."""
MAX_PLANNED_MINUTES = 600


def agenda_from_setting(value: Any) -> list[AgendaPhase] | None:
    """The agenda a saved setting describes, or None if the value is not a usable agenda."""
    if not isinstance(value, list) or not value:
        return None
    phases = []
    for entry in value:
        if not isinstance(entry, dict) or not isinstance(entry.get("phase"), str):
            return None
        minutes = entry.get("planned_minutes")
        planned = float(minutes) if isinstance(minutes, int | float) and 0 < minutes <= MAX_PLANNED_MINUTES else None
        title = entry.get("title")
        phases.append(AgendaPhase(entry["phase"], title if isinstance(title, str) else "", planned))
    return phases


def agenda_setting(agenda: list[AgendaPhase]) -> list[dict[str, Any]]:
    """The setting that keeps ``agenda`` as the team's default (titles and planned minutes)."""
    return [{"phase": p.phase, "title": p.title, "planned_minutes": p.planned_minutes} for p in agenda]


def agenda_key(kind: MeetingKind = MeetingKind.GROUP_SUPERVISION) -> str:
    """The setting of the team's agenda for meetings of ``kind`` (group supervision keeps the first key there was)."""
    return AGENDA_TEMPLATE_KEY if kind is MeetingKind.GROUP_SUPERVISION else f"agenda/{kind.value}"


def team_agenda(store: Store, kind: MeetingKind = MeetingKind.GROUP_SUPERVISION) -> list[AgendaPhase]:
    """The team's agenda for a meeting of ``kind`` (saved from a meeting or in Settings), else the practice's."""
    try:
        return agenda_from_setting(store.get_setting(agenda_key(kind))) or kind_agenda(kind)
    except StoreError:
        return kind_agenda(kind)


def save_team_agenda(
    store: Store, agenda: list[AgendaPhase], kind: MeetingKind = MeetingKind.GROUP_SUPERVISION
) -> None:
    store.set_setting(agenda_key(kind), agenda_setting(agenda))


def team_jargon(store: Store) -> list[str]:
    """The team's list of jargon from the database, else the practice's starting list."""
    try:
        value = store.get_setting(JARGON_SETTING_KEY)
    except StoreError:
        value = None
    if not isinstance(value, list):
        return list(DEFAULT_JARGON)
    try:
        return clean_jargon(value)
    except ValueError:
        return list(DEFAULT_JARGON)


def save_team_jargon(store: Store, words: list[str]) -> list[str]:
    """Keep ``words`` (tidied; ValueError for a word too long) as the team's jargon list; returns what was kept. An
    empty list is kept as empty: the team may flag nothing.
    """
    chosen = clean_jargon(words)
    store.set_setting(JARGON_SETTING_KEY, chosen)
    return chosen


def team_rubric(store: Store) -> list[str]:
    """The team's rubric from the database, else the practice's."""
    try:
        value = store.get_setting(RUBRIC_SETTING_KEY)
    except StoreError:
        value = None
    return (clean_criteria(value) if isinstance(value, list) else []) or list(DEFAULT_RUBRIC)


def save_team_rubric(store: Store, criteria: list[str]) -> list[str]:
    """Keep ``criteria`` (cleaned) as the team's rubric; returns what was kept."""
    chosen = clean_criteria(criteria)
    store.set_setting(RUBRIC_SETTING_KEY, chosen)
    return chosen

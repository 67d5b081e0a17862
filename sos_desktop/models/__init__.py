"""The domain of SoS Desktop: plain dataclasses and pure functions, free of Qt and SQLAlchemy."""

from sos_desktop.models.enums import (
    COLUMN_OF,
    DEFAULT_PHASES,
    AttendeeRole,
    Category,
    Circle,
    Column,
    Framework,
    House,
    MeetingKind,
    NextStepStatus,
    PersonRole,
    TieKind,
)
from sos_desktop.models.mapping import MapItem, find_item, index_in_category, items_in, place_item, unpaired
from sos_desktop.models.meeting import AgendaPhase, Attendee, Case, Meeting, MeetingBundle, check_label
from sos_desktop.models.network import Network, NetworkPerson, Tie, initials
from sos_desktop.models.observation import ObservationNote, Observations, RubricRating, merge_observations
from sos_desktop.models.scaling import Scale, ScaleRating, Spread, check_rating_value, spread
from sos_desktop.models.voice import ChildVoiceEntry

__all__ = [
    "COLUMN_OF",
    "DEFAULT_PHASES",
    "AgendaPhase",
    "Attendee",
    "AttendeeRole",
    "Case",
    "Category",
    "ChildVoiceEntry",
    "Circle",
    "Column",
    "Framework",
    "House",
    "MapItem",
    "Meeting",
    "MeetingBundle",
    "MeetingKind",
    "Network",
    "NetworkPerson",
    "NextStepStatus",
    "ObservationNote",
    "Observations",
    "PersonRole",
    "RubricRating",
    "Scale",
    "ScaleRating",
    "Spread",
    "Tie",
    "TieKind",
    "check_label",
    "check_rating_value",
    "find_item",
    "index_in_category",
    "initials",
    "items_in",
    "merge_observations",
    "place_item",
    "spread",
    "unpaired",
]

"""The closed vocabularies of the practice: categories, kinds, roles and statuses.

The string values are the keys of the interchange file (``docs/interchange-v1.md``) and of the store.
"""

from __future__ import annotations

from enum import StrEnum


class Framework(StrEnum):
    """Which variant of the practice framework a case is mapped in."""

    SAFETY = "safety"
    WELLBEING = "wellbeing"
    SUCCESS = "success"


class MeetingKind(StrEnum):
    GROUP_SUPERVISION = "group_supervision"
    MAPPING = "mapping"
    REVIEW = "review"
    NETWORK_MEETING = "network_meeting"
    CONFERENCE = "conference"
    """A participatory child protection conference, focused on the family's network."""


class AttendeeRole(StrEnum):
    FACILITATOR = "facilitator"
    PRESENTER = "presenter"
    RECORDER = "recorder"
    OBSERVER = "observer"
    ADVISOR = "advisor"
    MANAGER = "manager"
    PARTICIPANT = "participant"
    CHAIR = "chair"
    """Chairs a conference and records its decision."""
    FAMILY = "family"
    """A family or network member at the meeting (linked to their network person)."""


class Category(StrEnum):
    """The eight categories of the assessment and planning map, in map order."""

    HARM = "harm"
    DANGER = "danger"
    COMPLICATING = "complicating"
    STRENGTH = "strength"
    SAFETY = "safety"
    GOAL = "goal"
    NEXT_STEP = "next_step"
    GREY = "grey"


class Column(StrEnum):
    """The three questions of the map."""

    WORRIES = "worries"
    WORKING_WELL = "working_well"
    NEEDS_TO_HAPPEN = "needs_to_happen"


COLUMN_OF: dict[Category, Column] = {
    Category.HARM: Column.WORRIES,
    Category.DANGER: Column.WORRIES,
    Category.COMPLICATING: Column.WORRIES,
    Category.GREY: Column.WORRIES,
    Category.STRENGTH: Column.WORKING_WELL,
    Category.SAFETY: Column.WORKING_WELL,
    Category.GOAL: Column.NEEDS_TO_HAPPEN,
    Category.NEXT_STEP: Column.NEEDS_TO_HAPPEN,
}


COLUMN_ORDER: dict[Column, tuple[Category, ...]] = {
    Column.WORRIES: (Category.HARM, Category.DANGER, Category.COMPLICATING, Category.GREY),
    Column.WORKING_WELL: (Category.STRENGTH, Category.SAFETY),
    Column.NEEDS_TO_HAPPEN: (Category.GOAL, Category.NEXT_STEP),
}
"""The map as it is laid out: each column's categories from top to bottom (grey areas with the worries)."""


class NextStepStatus(StrEnum):
    IDEA = "idea"
    AGREED = "agreed"
    DONE = "done"


class PersonRole(StrEnum):
    CHILD = "child"
    PARENT = "parent"
    CARER = "carer"
    FAMILY = "family"
    FRIEND = "friend"
    COMMUNITY = "community"
    PROFESSIONAL = "professional"
    OTHER = "other"


class Circle(StrEnum):
    INNER = "inner"
    OUTER = "outer"


class TieKind(StrEnum):
    PARENT = "parent"
    PARTNER = "partner"
    SIBLING = "sibling"
    FAMILY = "family"
    SUPPORT = "support"
    PROFESSIONAL = "professional"
    OTHER = "other"


class Gender(StrEnum):
    """A person's sex or gender as a genogram draws it (a person's ``gender`` is None when it is not recorded)."""

    MALE = "male"
    FEMALE = "female"
    OTHER = "other"


class TieBond(StrEnum):
    """What a parent or partner tie is on a genogram; "" is a birth parent, or a couple together."""

    BIRTH_OR_TOGETHER = ""
    ADOPTIVE = "adoptive"
    FOSTER = "foster"
    STEP = "step"
    MARRIED = "married"
    SEPARATED = "separated"
    DIVORCED = "divorced"
    EX = "ex"
    """Ex-partners who never married."""


class House(StrEnum):
    """The Three Houses of the child's voice."""

    WORRIES = "worries"
    GOOD_THINGS = "good_things"
    DREAMS = "dreams"


DEFAULT_PHASES: tuple[str, ...] = (
    "purpose",
    "overview",
    "mapping",
    "statements",
    "scaling",
    "next_steps",
    "reflection",
)


class ReviewOutcome(StrEnum):
    """What became of one of last time's next steps, as the next meeting reviews it."""

    DONE = "done"
    PARTLY_DONE = "partly_done"
    NOT_DONE = "not_done"
    CARRIED_FORWARD = "carried_forward"
    """Still to do: it is a next step of this meeting as well (a card with the same key, keeping its owner)."""
    DROPPED = "dropped"
    """The group decided it is no longer needed."""

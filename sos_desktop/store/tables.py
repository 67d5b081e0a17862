"""The database schema as SQLAlchemy Core tables; migrations/versions must build exactly this.

Conventions: every text column is unbounded ``Text``; lists and free-form ``extra`` dicts are JSON in ``Text``;
``held_on`` is ISO 8601 text so a meeting's time and its time zone come back exactly as given; ordered children
carry a ``position`` (0, 1, 2, ...) and use ``(parent, position)`` as their key; foreign keys not already leading a
key are indexed. Tables with their own ids use SQLite's AUTOINCREMENT so a deleted id is never handed out again
(an undone delete puts a card back under its old id).
"""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
    false,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _text(name: str) -> Column[str]:
    return Column(name, Text, nullable=False)


def _extra() -> Column[str]:
    return Column("extra", Text, nullable=False)


cases = Table(
    "cases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("reference", Text, nullable=True),  # NULL when the case has none, so only real references are unique
    _text("label"),
    _text("framework"),
    _extra(),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("team", Text, nullable=False, server_default=""),  # the team the case belongs to ("" when not said)
    UniqueConstraint("reference"),
    sqlite_autoincrement=True,
)

meetings = Table(
    "meetings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
    _text("title"),
    _text("kind"),
    Column("held_on", Text, nullable=True),
    _text("focus_question"),
    Column("confidentiality_agreed", Boolean, nullable=False),
    _text("summary"),
    _extra(),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # Raised by every save touching the meeting; a save from an out-of-date copy is refused (see repo/common.py).
    Column("version", Integer, nullable=False, server_default="0"),
    # The meeting's identity across databases (written in its meeting file): a second import of it is recognised
    # by it, and the unique index turns two imports racing into one meeting and a refusal. A new meeting gets one.
    Column("uid", Text, nullable=False, unique=True, index=True, default=lambda: str(uuid4())),
    Column("file_extra", Text, nullable=False, server_default="{}"),  # the file's unknown top-level keys, as JSON
    Column("follows", Text, nullable=False, server_default=""),  # the uid of the meeting it was continued from
    Column("network_at_start", Text, nullable=False, server_default="[]"),  # the network then, as JSON
    sqlite_autoincrement=True,
)


def _meeting_child(name: str, *columns: Column[Any]) -> Table:
    """An ordered list hanging off a meeting, keyed by (meeting_id, position)."""
    return Table(
        name,
        metadata,
        Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False),
        Column("position", Integer, nullable=False),
        *columns,
        PrimaryKeyConstraint("meeting_id", "position"),
    )


attendees = _meeting_child(
    "attendees",
    _text("name"),
    _text("role"),
    # The network person a family or network member at the meeting is (NULL for a professional).
    Column("person_id", Integer, ForeignKey("people.id", ondelete="SET NULL"), nullable=True, index=True),
)

agenda_phases = _meeting_child(
    "agenda_phases",
    _text("phase"),
    _text("title"),
    Column("planned_minutes", Float, nullable=True),
    Column("actual_minutes", Float, nullable=True),
    Column("started_at", DateTime(timezone=True), nullable=True),
)

app_settings = Table(
    "app_settings",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

people = Table(
    "people",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
    _text("name"),
    _text("display_name"),
    _text("role"),
    _text("relationship"),
    Column("age", Integer, nullable=True),
    Column("circle", Text, nullable=True),
    Column("knows_worries", Boolean, nullable=False),
    Column("knows_worries_since", Date, nullable=True),
    _text("rules"),
    Column("also_known_as", Text, nullable=False, server_default="[]"),
    _text("contact"),
    _text("notes"),
    Column("x", Float, nullable=True),
    Column("y", Float, nullable=True),
    _extra(),
    # Genogram marks: gender (NULL when not recorded), deceased, the index child, and the household name (people
    # with the same one live together).
    Column("gender", Text, nullable=True),
    Column("deceased", Boolean, nullable=False, server_default=false()),
    Column("index_child", Boolean, nullable=False, server_default=false()),
    Column("household", Text, nullable=False, server_default=""),
    sqlite_autoincrement=True,
)

ties = Table(
    "ties",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("source", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("target", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False, index=True),
    _text("kind"),
    _extra(),
    Column("bond", Text, nullable=False, server_default=""),  # adoptive, foster, step; married, separated, ...
    sqlite_autoincrement=True,
)

map_items = Table(
    "map_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False, index=True),
    _text("category"),
    Column("position", Integer, nullable=False),
    _text("text"),
    _text("said_by"),
    Column("pairs_with", Integer, ForeignKey("map_items.id", ondelete="SET NULL"), nullable=True, index=True),
    _text("owner"),
    Column("due", Date, nullable=True),
    Column("status", Text, nullable=True),
    _extra(),
    # The card's identity across the case's meetings; one card per key in a meeting.
    Column("key", Text, nullable=False, default=lambda: str(uuid4())),
    UniqueConstraint("meeting_id", "key", name="uq_map_items_meeting_key"),
    # Never shown to the family: not on the wall in family-present mode, not in a family's copy.
    Column("professional_only", Boolean, nullable=False, server_default=false()),
    sqlite_autoincrement=True,
)

person_agreements = Table(
    "person_agreements",
    metadata,
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("map_item_id", Integer, ForeignKey("map_items.id", ondelete="CASCADE"), nullable=False, index=True),
    PrimaryKeyConstraint("person_id", "map_item_id"),
)

scales = Table(
    "scales",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    _text("question"),
    _text("zero_means"),
    _text("ten_means"),
    Column("about", Integer, ForeignKey("map_items.id", ondelete="SET NULL"), nullable=True, index=True),
    _extra(),
    Column("private_round", Boolean, nullable=False, server_default=false()),
    # The scale's identity across the case's meetings: one line of the trajectory, whatever its wording.
    Column("key", Text, nullable=False, index=True, default=lambda: str(uuid4())),
    sqlite_autoincrement=True,
)

ratings = Table(
    "ratings",
    metadata,
    Column("scale_id", Integer, ForeignKey("scales.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    _text("rater"),
    Column("value", Float, nullable=False),
    _text("reason"),
    _text("one_point_higher"),
    _extra(),
    PrimaryKeyConstraint("scale_id", "position"),
)

child_voice = Table(
    "child_voice",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("child", Integer, ForeignKey("people.id", ondelete="SET NULL"), nullable=True, index=True),
    _text("house"),
    _text("words"),
    Column("consent_to_share", Boolean, nullable=False),
    sqlite_autoincrement=True,
)

step_reviews = _meeting_child(
    "step_reviews",
    _text("key"),
    _text("text"),
    _text("owner"),
    Column("due", Date, nullable=True),
    Column("status_then", Text, nullable=True),
    Column("outcome", Text, nullable=True),
    _text("note"),
    _extra(),
)

observations = Table(
    "observations",
    metadata,
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True, autoincrement=False),
    _text("observer"),
    _text("went_well"),
    _text("even_better_if"),
)

observation_notes = _meeting_child(
    "observation_notes",
    Column("at_minute", Float, nullable=True),
    _text("phase"),
    _text("text"),
)

observation_ratings = _meeting_child(
    "observation_ratings",
    _text("criterion"),
    Column("value", Float, nullable=False),
    _text("comment"),
)

chronology_events = Table(
    "chronology_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("happened_on", Date, nullable=False),
    _text("precision"),
    _text("what"),
    _text("source"),
    _text("item_key"),
    _extra(),
    sqlite_autoincrement=True,
)

# The safety plan and the trajectory plan as each meeting holds them (its version of the case's plans), as JSON;
# people are named by their ids in the case's network.
meeting_plans = Table(
    "meeting_plans",
    metadata,
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True, autoincrement=False),
    Column("safety_plan", Text, nullable=False, server_default="{}"),
    Column("trajectory_plan", Text, nullable=False, server_default="{}"),
)

meeting_parts = Table(
    "meeting_parts",
    metadata,
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False),
    Column("part", Text, nullable=False),  # which document: "safety_houses", "words_pictures", "family_meeting"...
    Column("data", Text, nullable=False, server_default="{}"),  # the part whole, as JSON (people by their ids)
    PrimaryKeyConstraint("meeting_id", "part"),
)

pictures = Table(
    "pictures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("sha256", Text, nullable=False),
    Column("media_type", Text, nullable=False),
    Column("data", LargeBinary, nullable=False),
    UniqueConstraint("case_id", "sha256", name="uq_pictures_case_sha256"),
    sqlite_autoincrement=True,
)


# A practice leader's development plan over two years, kept whole as JSON (goals and stages, evidence by meeting uid,
# their own ratings of each criterion beside the observers', next steps, the supervisor's sign-off): one per leader.
development_plans = Table(
    "development_plans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("leader", Text, nullable=False, unique=True),  # the practice leader, by name as the meetings write it
    Column("data", Text, nullable=False, server_default="{}"),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False, server_default="0"),  # raised by every save (two laptops, one plan)
    sqlite_autoincrement=True,
)

# The team's library of best questions: each tagged by map category or meeting phase, shared by file between teams.
best_questions = Table(
    "best_questions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", Text, nullable=False, unique=True, default=lambda: str(uuid4())),  # across files and databases
    _text("text"),
    Column("tags", Text, nullable=False, server_default="[]"),  # JSON list of category and phase values
    Column("added_by", Text, nullable=False, server_default=""),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("meeting_uid", Text, nullable=False, server_default=""),  # the meeting it was captured in, if any
    Column("extra", Text, nullable=False, server_default="{}"),
    sqlite_autoincrement=True,
)

# A practitioner's learning journal. Each entry is sealed with a key only its author's passphrase gives, so nobody
# else using the database (a shared PostgreSQL included) can read it; the author row keeps the salt and a sealed
# check that tells a right passphrase from a wrong one.
journal_authors = Table(
    "journal_authors",
    metadata,
    Column("author", Text, primary_key=True),
    Column("salt", LargeBinary, nullable=False),
    Column("check_token", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

journal_entries = Table(
    "journal_entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("author", Text, ForeignKey("journal_authors.author", ondelete="CASCADE"), nullable=False, index=True),
    Column("written_on", Date, nullable=False),
    Column("sealed", LargeBinary, nullable=False),  # the reflection and its meeting link, sealed
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    sqlite_autoincrement=True,
)

# A joint case audit (auditor, worker, graded questions, comments), saved with the case; its answers as JSON.
case_audits = Table(
    "case_audits",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("audited_on", Date, nullable=False),
    _text("auditor"),
    _text("worker"),
    Column("data", Text, nullable=False, server_default="{}"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    sqlite_autoincrement=True,
)

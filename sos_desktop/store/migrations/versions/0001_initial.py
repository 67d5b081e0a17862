"""The first schema: cases, meetings and everything a meeting holds, and the case's network.

Written by hand and frozen: it does not import ``tables.py``, which will move on. A test checks that this
revision builds exactly the schema ``tables.py`` describes.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def _text(name: str) -> sa.Column[str]:
    return sa.Column(name, sa.Text(), nullable=False)


def _fk(table: str, column: str, referred: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{referred}.id"], name=op.f(f"fk_{table}_{column}_{referred}"), ondelete=ondelete
    )


def _index(table: str, column: str) -> None:
    op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def _meeting_child(table: str, *columns: sa.Column[Any]) -> None:
    op.create_table(
        table,
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *columns,
        _fk(table, "meeting_id", "meetings", "CASCADE"),
        sa.PrimaryKeyConstraint("meeting_id", "position", name=op.f(f"pk_{table}")),
    )


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.Text(), nullable=True),
        _text("label"),
        _text("framework"),
        _text("extra"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("reference", name=op.f("uq_cases_reference")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        _text("title"),
        _text("kind"),
        sa.Column("held_on", sa.Text(), nullable=True),
        _text("focus_question"),
        sa.Column("confidentiality_agreed", sa.Boolean(), nullable=False),
        _text("summary"),
        _text("extra"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("meetings", "case_id", "cases", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
        sqlite_autoincrement=True,
    )
    _index("meetings", "case_id")
    _meeting_child("attendees", _text("name"), _text("role"))
    _meeting_child(
        "agenda_phases",
        _text("phase"),
        _text("title"),
        sa.Column("planned_minutes", sa.Float(), nullable=True),
        sa.Column("actual_minutes", sa.Float(), nullable=True),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        _text("name"),
        _text("display_name"),
        _text("role"),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("circle", sa.Text(), nullable=True),
        sa.Column("knows_worries", sa.Boolean(), nullable=False),
        sa.Column("knows_worries_since", sa.Date(), nullable=True),
        _text("rules"),
        _text("contact"),
        _text("notes"),
        sa.Column("x", sa.Float(), nullable=True),
        sa.Column("y", sa.Float(), nullable=True),
        _text("extra"),
        _fk("people", "case_id", "cases", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sqlite_autoincrement=True,
    )
    _index("people", "case_id")
    op.create_table(
        "ties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Integer(), nullable=False),
        sa.Column("target", sa.Integer(), nullable=False),
        _text("kind"),
        _text("extra"),
        _fk("ties", "case_id", "cases", "CASCADE"),
        _fk("ties", "source", "people", "CASCADE"),
        _fk("ties", "target", "people", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ties")),
        sqlite_autoincrement=True,
    )
    for column in ("case_id", "source", "target"):
        _index("ties", column)
    op.create_table(
        "map_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        _text("category"),
        sa.Column("position", sa.Integer(), nullable=False),
        _text("text"),
        _text("said_by"),
        sa.Column("pairs_with", sa.Integer(), nullable=True),
        _text("owner"),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", sa.Text(), nullable=True),
        _text("extra"),
        _fk("map_items", "meeting_id", "meetings", "CASCADE"),
        _fk("map_items", "pairs_with", "map_items", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_map_items")),
        sqlite_autoincrement=True,
    )
    for column in ("meeting_id", "pairs_with"):
        _index("map_items", column)
    op.create_table(
        "person_agreements",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("map_item_id", sa.Integer(), nullable=False),
        _fk("person_agreements", "person_id", "people", "CASCADE"),
        _fk("person_agreements", "map_item_id", "map_items", "CASCADE"),
        sa.PrimaryKeyConstraint("person_id", "map_item_id", name=op.f("pk_person_agreements")),
    )
    _index("person_agreements", "map_item_id")
    op.create_table(
        "scales",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _text("question"),
        _text("zero_means"),
        _text("ten_means"),
        sa.Column("about", sa.Integer(), nullable=True),
        _text("extra"),
        _fk("scales", "meeting_id", "meetings", "CASCADE"),
        _fk("scales", "about", "map_items", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scales")),
        sqlite_autoincrement=True,
    )
    for column in ("meeting_id", "about"):
        _index("scales", column)
    op.create_table(
        "ratings",
        sa.Column("scale_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _text("rater"),
        sa.Column("value", sa.Float(), nullable=False),
        _text("reason"),
        _text("one_point_higher"),
        _text("extra"),
        _fk("ratings", "scale_id", "scales", "CASCADE"),
        sa.PrimaryKeyConstraint("scale_id", "position", name=op.f("pk_ratings")),
    )
    op.create_table(
        "child_voice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("child", sa.Integer(), nullable=True),
        _text("house"),
        _text("words"),
        sa.Column("consent_to_share", sa.Boolean(), nullable=False),
        _fk("child_voice", "meeting_id", "meetings", "CASCADE"),
        _fk("child_voice", "child", "people", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_child_voice")),
        sqlite_autoincrement=True,
    )
    for column in ("meeting_id", "child"):
        _index("child_voice", column)
    op.create_table(
        "observations",
        sa.Column("meeting_id", sa.Integer(), autoincrement=False, nullable=False),
        _text("observer"),
        _text("went_well"),
        _text("even_better_if"),
        _fk("observations", "meeting_id", "meetings", "CASCADE"),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_observations")),
    )
    _meeting_child(
        "observation_notes",
        sa.Column("at_minute", sa.Float(), nullable=True),
        _text("phase"),
        _text("text"),
    )
    _meeting_child(
        "observation_ratings",
        _text("criterion"),
        sa.Column("value", sa.Float(), nullable=False),
        _text("comment"),
    )


def downgrade() -> None:
    for table in (
        "observation_ratings",
        "observation_notes",
        "observations",
        "child_voice",
        "ratings",
        "scales",
        "person_agreements",
        "map_items",
        "ties",
        "people",
        "agenda_phases",
        "attendees",
        "meetings",
        "cases",
    ):
        op.drop_table(table)

"""The child's other tools, family meetings and the genogram.

- ``people`` gain genogram marks: ``gender`` (NULL when not recorded), ``deceased``, ``index_child`` and
  ``household`` (people with the same household name live together; "" for none given).
- ``ties`` gain ``bond``: how a parent or partner tie is held (adoptive, foster, step; married, separated,
  divorced, ex-partners); "" for a birth parent or a couple together.
- ``attendees`` gain ``person_id``: the network person a family or network member at the meeting is.
- ``map_items`` gain ``professional_only``: a card never shown to the family (not on the wall in family-present
  mode, not in a family's copy).
- ``meeting_parts``: each meeting's own documents kept whole as JSON, one row per part (the Safety Houses, the
  Words and Pictures story, the family meeting's record), people by their database ids.
- ``pictures``: images a worker added to a case (a Words and Pictures panel's picture), kept inside the database.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | None = None
depends_on: str | None = None

_KEEP_IDS = {"sqlite_autoincrement": True}
"""A table rebuilt on SQLite keeps AUTOINCREMENT, so a deleted row's id is never given again."""


def upgrade() -> None:
    with op.batch_alter_table("people", table_kwargs=_KEEP_IDS) as batch:
        batch.add_column(sa.Column("gender", sa.Text(), nullable=True))
        batch.add_column(sa.Column("deceased", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("index_child", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("household", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("ties", table_kwargs=_KEEP_IDS) as batch:
        batch.add_column(sa.Column("bond", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("attendees") as batch:
        batch.add_column(sa.Column("person_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_attendees_person_id_people", "people", ["person_id"], ["id"], ondelete="SET NULL")
        batch.create_index("ix_attendees_person_id", ["person_id"])
    with op.batch_alter_table("map_items", table_kwargs=_KEEP_IDS) as batch:
        batch.add_column(sa.Column("professional_only", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "meeting_parts",
        sa.Column("meeting_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("part", sa.Text(), nullable=False),
        sa.Column("data", sa.Text(), server_default="{}", nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name="fk_meeting_parts_meeting_id_meetings", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("meeting_id", "part", name="pk_meeting_parts"),
    )
    op.create_table(
        "pictures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.Text(), nullable=False),
        sa.Column("media_type", sa.Text(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_pictures_case_id_cases", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_pictures"),
        sa.UniqueConstraint("case_id", "sha256", name="uq_pictures_case_sha256"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_pictures_case_id", "pictures", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_pictures_case_id", table_name="pictures")
    op.drop_table("pictures")
    op.drop_table("meeting_parts")
    with op.batch_alter_table("map_items", table_kwargs=_KEEP_IDS) as batch:
        batch.drop_column("professional_only")
    with op.batch_alter_table("attendees") as batch:
        batch.drop_index("ix_attendees_person_id")
        batch.drop_constraint("fk_attendees_person_id_people", type_="foreignkey")
        batch.drop_column("person_id")
    with op.batch_alter_table("ties", table_kwargs=_KEEP_IDS) as batch:
        batch.drop_column("bond")
    with op.batch_alter_table("people", table_kwargs=_KEEP_IDS) as batch:
        batch.drop_column("household")
        batch.drop_column("index_child")
        batch.drop_column("deceased")
        batch.drop_column("gender")

"""Meetings get a stable identity (``uid``, a UUID with a unique index) and keep their file's unknown top-level keys.

A meeting imported again (the same file, or an export of it) is recognised by its uid instead of being added a
second time, and two imports of it racing leave one meeting. Every existing meeting is given a new random uid;
``file_extra`` (the unknown top-level keys of the meeting file it came from, as JSON) starts empty.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

from uuid import uuid4

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("uid", sa.Text(), nullable=True))
        batch.add_column(sa.Column("file_extra", sa.Text(), nullable=False, server_default="{}"))
    connection = op.get_bind()
    meetings = sa.table("meetings", sa.column("id", sa.Integer()), sa.column("uid", sa.Text()))
    for meeting_id in connection.scalars(sa.select(meetings.c.id)).all():
        connection.execute(meetings.update().where(meetings.c.id == meeting_id).values(uid=str(uuid4())))
    with op.batch_alter_table("meetings") as batch:
        batch.alter_column("uid", existing_type=sa.Text(), nullable=False)
        batch.create_index("ix_meetings_uid", ["uid"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.drop_index("ix_meetings_uid")
        batch.drop_column("file_extra")
        batch.drop_column("uid")

"""The case over time: cards and scales get a ``key`` (their identity across the case's meetings), a meeting records
the meeting it was continued from and the network as it then stood, and last time's next steps get their review.

Every existing card is given its own new key. Every existing scale is given a key shared by the scales of the same
case that ask the same question (trimmed, spacing and case ignored), so each case's trajectory keeps the lines it had
when questions were matched by their wording.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

from typing import Literal
from uuid import uuid4

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None

_BATCH = 5_000
_KEEP_IDS = {"sqlite_autoincrement": True}
"""SQLite tables rebuilt by a batch keep AUTOINCREMENT, so a deleted card's or scale's id is never given again."""


def _question_key(question: str) -> str:
    # The same rule as models.trajectory.question_key, written out: a migration must not change with the app.
    return " ".join(question.split()).casefold()


def _fill(connection: sa.Connection, table: sa.TableClause, keys: list[tuple[int, str]]) -> None:
    statement = table.update().where(table.c.id == sa.bindparam("row_id")).values(key=sa.bindparam("new_key"))
    for start in range(0, len(keys), _BATCH):
        rows = [{"row_id": row_id, "new_key": key} for row_id, key in keys[start : start + _BATCH]]
        connection.execute(statement, rows)


def upgrade() -> None:
    # Recreated on SQLite with AUTOINCREMENT, which the table lost when 0006 rebuilt it (a deleted meeting's id could
    # be handed out again).
    rebuild: Literal["always", "auto"] = "always" if op.get_bind().dialect.name == "sqlite" else "auto"
    with op.batch_alter_table("meetings", recreate=rebuild, table_kwargs=_KEEP_IDS) as batch:
        batch.add_column(sa.Column("follows", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("network_at_start", sa.Text(), nullable=False, server_default="[]"))
    with op.batch_alter_table("map_items") as batch:
        batch.add_column(sa.Column("key", sa.Text(), nullable=True))
    with op.batch_alter_table("scales") as batch:
        batch.add_column(sa.Column("key", sa.Text(), nullable=True))

    connection = op.get_bind()
    items = sa.table("map_items", sa.column("id", sa.Integer()), sa.column("key", sa.Text()))
    _fill(connection, items, [(row_id, str(uuid4())) for row_id in connection.scalars(sa.select(items.c.id)).all()])
    scales = sa.table(
        "scales",
        sa.column("id", sa.Integer()),
        sa.column("key", sa.Text()),
        sa.column("meeting_id", sa.Integer()),
        sa.column("question", sa.Text()),
    )
    meetings = sa.table("meetings", sa.column("id", sa.Integer()), sa.column("case_id", sa.Integer()))
    query = sa.select(scales.c.id, meetings.c.case_id, scales.c.question).join(
        meetings, meetings.c.id == scales.c.meeting_id
    )
    shared: dict[tuple[int, str], str] = {}
    scale_keys = [
        (row.id, shared.setdefault((row.case_id, _question_key(row.question)), str(uuid4())))
        for row in connection.execute(query.order_by(scales.c.id))
    ]
    _fill(connection, scales, scale_keys)

    with op.batch_alter_table("map_items", table_kwargs=_KEEP_IDS) as batch:
        batch.alter_column("key", existing_type=sa.Text(), nullable=False)
        batch.create_unique_constraint("uq_map_items_meeting_key", ["meeting_id", "key"])
    with op.batch_alter_table("scales", table_kwargs=_KEEP_IDS) as batch:
        batch.alter_column("key", existing_type=sa.Text(), nullable=False)
        batch.create_index("ix_scales_key", ["key"])

    op.create_table(
        "step_reviews",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner", sa.Text(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status_then", sa.Text(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("extra", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name="fk_step_reviews_meeting_id_meetings",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "position", name="pk_step_reviews"),
    )


def downgrade() -> None:
    op.drop_table("step_reviews")
    with op.batch_alter_table("scales") as batch:
        batch.drop_index("ix_scales_key")
        batch.drop_column("key")
    with op.batch_alter_table("map_items") as batch:
        batch.drop_constraint("uq_map_items_meeting_key", type_="unique")
        batch.drop_column("key")
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("network_at_start")
        batch.drop_column("follows")

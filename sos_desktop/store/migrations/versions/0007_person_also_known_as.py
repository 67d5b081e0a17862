"""People of the network get "also known as" names (nicknames the family uses), hidden on the wall like the name.

A JSON list of strings, as ``rules`` is; every existing person starts with none.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("also_known_as", sa.Text(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.drop_column("also_known_as")

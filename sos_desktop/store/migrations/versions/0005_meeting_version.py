"""Meetings carry a version number, raised by every save, so a save based on an out-of-date copy is refused.

Two people editing the same meeting of a shared database (or two windows on one file) would otherwise overwrite
each other's changes without either knowing. Existing meetings start at version 0.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("version")

"""Practice leadership and the team's audit.

- ``cases`` gain ``team``: the team the case belongs to ("" when not said), which the audit filters by.
- ``development_plans``: a practice leader's development plan over two years, kept whole as JSON, one per leader.
- ``best_questions``: the team's library of best questions, tagged by map category or meeting phase.
- ``journal_authors`` and ``journal_entries``: practitioners' learning journals, each entry sealed with a key only
  its author's passphrase gives.
- ``case_audits``: joint case audits, saved with their case.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    # Added and dropped in place, not by rebuilding the table: rebuilding ``cases`` on SQLite would cascade deletes
    # into everything hanging off a case.
    op.add_column("cases", sa.Column("team", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "development_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("leader", sa.Text(), nullable=False),
        sa.Column("data", sa.Text(), server_default="{}", nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_development_plans"),
        sa.UniqueConstraint("leader", name="uq_development_plans_leader"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "best_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("tags", sa.Text(), server_default="[]", nullable=False),
        sa.Column("added_by", sa.Text(), server_default="", nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("meeting_uid", sa.Text(), server_default="", nullable=False),
        sa.Column("extra", sa.Text(), server_default="{}", nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_best_questions"),
        sa.UniqueConstraint("uid", name="uq_best_questions_uid"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "journal_authors",
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("salt", sa.LargeBinary(), nullable=False),
        sa.Column("check_token", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("author", name="pk_journal_authors"),
    )
    op.create_table(
        "journal_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author"], ["journal_authors.author"], name="fk_journal_entries_author_journal_authors", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_journal_entries"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_journal_entries_author", "journal_entries", ["author"])
    op.create_table(
        "case_audits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("audited_on", sa.Date(), nullable=False),
        sa.Column("auditor", sa.Text(), nullable=False),
        sa.Column("worker", sa.Text(), nullable=False),
        sa.Column("data", sa.Text(), server_default="{}", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_case_audits_case_id_cases", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_case_audits"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_case_audits_case_id", "case_audits", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_case_audits_case_id", table_name="case_audits")
    op.drop_table("case_audits")
    op.drop_index("ix_journal_entries_author", table_name="journal_entries")
    op.drop_table("journal_entries")
    op.drop_table("journal_authors")
    op.drop_table("best_questions")
    op.drop_table("development_plans")
    op.drop_column("cases", "team")

"""The safety plan and the trajectory plan: each meeting's version of the case's plans (JSON, people by their ids).

The rules people of the network were given one by one ("rules they own") become the rules of the safety plan of
their case's latest meeting, each owned by everybody who was given it, and are taken off the people, so a rule is
written in one place. A case with no meeting keeps them on its people (its first meeting takes them up).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

from __future__ import annotations

import json
from datetime import datetime
from uuid import uuid4

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | None = None
depends_on: str | None = None

_people = sa.table(
    "people",
    sa.column("id", sa.Integer()),
    sa.column("case_id", sa.Integer()),
    sa.column("rules", sa.Text()),
)
_meetings = sa.table(
    "meetings",
    sa.column("id", sa.Integer()),
    sa.column("case_id", sa.Integer()),
    sa.column("held_on", sa.Text()),
)
_plans = sa.table(
    "meeting_plans",
    sa.column("meeting_id", sa.Integer()),
    sa.column("safety_plan", sa.Text()),
    sa.column("trajectory_plan", sa.Text()),
)


def _moment(held_on: str | None) -> tuple[bool, datetime]:
    # Written out here, as the app orders meetings in time: a migration must not change with the app.
    if not held_on:
        return True, datetime.max
    try:
        moment = datetime.fromisoformat(held_on)
    except ValueError:
        return True, datetime.max
    if moment.tzinfo is not None:
        moment = datetime.fromtimestamp(moment.timestamp())  # any one clock orders them; local time is one
    return False, moment


def _latest_meetings(connection: sa.Connection) -> dict[int, int]:
    latest: dict[int, tuple[tuple[bool, datetime], int]] = {}
    for row in connection.execute(sa.select(_meetings.c.id, _meetings.c.case_id, _meetings.c.held_on)):
        order = (_moment(row.held_on), row.id)
        if row.case_id not in latest or order > latest[row.case_id]:
            latest[row.case_id] = order
    return {case_id: order[1] for case_id, order in latest.items()}


def _rules(text: str | None) -> list[str]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(words).strip() for words in value if str(words).strip()] if isinstance(value, list) else []


def upgrade() -> None:
    op.create_table(
        "meeting_plans",
        sa.Column("meeting_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("safety_plan", sa.Text(), server_default="{}", nullable=False),
        sa.Column("trajectory_plan", sa.Text(), server_default="{}", nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name="fk_meeting_plans_meeting_id_meetings", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("meeting_id", name="pk_meeting_plans"),
    )
    connection = op.get_bind()
    latest = _latest_meetings(connection)
    plans: dict[int, list[dict[str, object]]] = {}
    moved: list[int] = []
    for row in connection.execute(sa.select(_people).order_by(_people.c.id)):
        words_given = _rules(row.rules)
        if not words_given or row.case_id not in latest:
            continue
        rules = plans.setdefault(latest[row.case_id], [])
        for words in words_given:
            rule = next((rule for rule in rules if rule["words"] == words), None)
            if rule is None:
                rule = {"key": str(uuid4()), "words": words[:2000], "owners": []}
                rules.append(rule)
            owners = rule["owners"]
            assert isinstance(owners, list)
            if row.id not in owners:
                owners.append(row.id)
        moved.append(row.id)
    for meeting_id, rules in plans.items():
        connection.execute(
            sa.insert(_plans).values(
                meeting_id=meeting_id,
                safety_plan=json.dumps({"rules": rules}, ensure_ascii=False, sort_keys=True),
                trajectory_plan="{}",
            )
        )
    if moved:
        connection.execute(sa.update(_people).where(_people.c.id.in_(moved)).values(rules="[]"))


def downgrade() -> None:
    # The rules of each case's latest plan go back to the people who own them, as before.
    connection = op.get_bind()
    latest = set(_latest_meetings(connection).values())
    owned: dict[int, list[str]] = {}
    for row in connection.execute(sa.select(_plans.c.meeting_id, _plans.c.safety_plan)):
        if row.meeting_id not in latest:
            continue
        for rule in json.loads(row.safety_plan or "{}").get("rules", []):
            for owner in rule.get("owners", []):
                owned.setdefault(int(owner), []).append(rule["words"])
    for person_id, rules in owned.items():
        connection.execute(
            sa.update(_people).where(_people.c.id == person_id).values(rules=json.dumps(rules, ensure_ascii=False))
        )
    op.drop_table("meeting_plans")

"""Practice leaders' development plans, one a leader (by name as the meetings write it), kept as JSON.

Every save raises the plan's version; a save from a copy read at an older version (another laptop saved since, on
one PostgreSQL) is refused with StaleWriteError, so nobody's change to the plan is silently lost. A damaged plan,
or one too long to keep, gives StoreError with one plain sentence.
"""

from __future__ import annotations

import json

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from sos_desktop.models.development_plan import DevelopmentPlan, PlanError, check_plan, plan_from_dict
from sos_desktop.models.development_plan_demo import LEADER, demo_observations, demo_plan
from sos_desktop.store import convert
from sos_desktop.store.errors import StaleWriteError, StoreError
from sos_desktop.store.repo.common import now
from sos_desktop.store.repo.meetings import set_observations
from sos_desktop.store.tables import development_plans, meetings

STALE_PLAN = (
    "Someone else saved this development plan since you opened it; your change was not saved and theirs was left "
    "untouched. Open the plan again to see theirs, then make your change once more."
)


def leaders(conn: Connection) -> list[str]:
    """The practice leaders who have a development plan, by name."""
    names = conn.scalars(select(development_plans.c.leader))
    return sorted(names, key=lambda name: (name.casefold(), name))


def development_plan(conn: Connection, leader: str) -> DevelopmentPlan | None:
    """``leader``'s plan as stored (None when they have none yet)."""
    row = conn.execute(select(development_plans).where(development_plans.c.leader == leader.strip())).first()
    if row is None:
        return None
    try:
        return plan_from_dict(row.leader, convert.load_dict(row.data), row.version)
    except (PlanError, json.JSONDecodeError) as error:
        raise StoreError(f"The development plan could not be read: {error}") from None


def save_development_plan(conn: Connection, plan: DevelopmentPlan, expected_version: int) -> DevelopmentPlan:
    """Save ``plan`` if the stored one is still at ``expected_version`` (0: there is none yet); return it at its
    new version. StaleWriteError if somebody saved the plan since; StoreError if the plan cannot be kept as given.
    """
    try:
        check_plan(plan)
    except PlanError as error:
        raise StoreError(f"{error} The plan was not saved.") from None
    leader = plan.leader.strip()
    data = convert.dump_json(plan.to_dict())
    table = development_plans
    if expected_version == 0:
        exists = conn.scalar(select(table.c.id).where(table.c.leader == leader))
        if exists is not None:
            raise StaleWriteError(STALE_PLAN)
        try:
            with conn.begin_nested():
                conn.execute(insert(table).values(leader=leader, data=data, updated_at=now(), version=1))
        except IntegrityError as error:  # another laptop made the first plan for them at the same moment
            raise StaleWriteError(STALE_PLAN) from error
    else:
        query = update(table).where(table.c.leader == leader, table.c.version == expected_version)
        result = conn.execute(query.values(data=data, updated_at=now(), version=expected_version + 1))
        if result.rowcount == 0:
            raise StaleWriteError(STALE_PLAN)
    saved = development_plan(conn, leader)
    assert saved is not None
    return saved


def save_demo_plan(conn: Connection, first_id: int, follow_up_id: int) -> DevelopmentPlan:
    """The demo's practice leader's plan, drawing its evidence from the two demo meetings (``first_id``,
    ``follow_up_id``), with Jo Reid's feedback on the follow-up.
    """
    # Only the follow-up gets Jo Reid's feedback: the first meeting stays as the observer's window first meets it.
    set_observations(conn, follow_up_id, demo_observations())
    query = select(meetings.c.id, meetings.c.uid).where(meetings.c.id.in_([first_id, follow_up_id]))
    uid_of: dict[int, str] = {row.id: row.uid for row in conn.execute(query)}
    plan = demo_plan(uid_of[first_id], uid_of[follow_up_id])
    stored = development_plan(conn, LEADER)
    return save_development_plan(conn, plan, stored.version if stored else 0)

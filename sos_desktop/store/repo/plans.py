"""The safety plan and the trajectory plan in the store: each meeting's version of the case's plans, one row per
meeting (JSON, people by their database ids), written whole as each change of the console applies.

A new meeting of a case that brings no plan of its own starts from the plans of the case's latest meeting, so the
plan grows from meeting to meeting and an earlier meeting keeps the plan as it stood then.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from sos_desktop.models.plans_data import (
    safety_plan_data,
    safety_plan_from,
    trajectory_plan_data,
    trajectory_plan_from,
)
from sos_desktop.models.safety_plan import SafetyPlan
from sos_desktop.models.trajectory_plan import TrajectoryPlan
from sos_desktop.store.convert import dump_json, load_dict
from sos_desktop.store.repo.common import touch_meeting
from sos_desktop.store.tables import meeting_plans


def get_plans(conn: Connection, meeting_id: int) -> tuple[SafetyPlan, TrajectoryPlan]:
    row = conn.execute(select(meeting_plans).where(meeting_plans.c.meeting_id == meeting_id)).first()
    if row is None:
        return SafetyPlan(), TrajectoryPlan()
    return (
        safety_plan_from(load_dict(row.safety_plan), lambda ref: int(ref)),
        trajectory_plan_from(load_dict(row.trajectory_plan)),
    )


def _write(conn: Connection, meeting_id: int, safety: SafetyPlan, trajectory: TrajectoryPlan) -> None:
    conn.execute(delete(meeting_plans).where(meeting_plans.c.meeting_id == meeting_id))
    if safety.is_empty() and trajectory.is_empty():
        return
    conn.execute(
        insert(meeting_plans).values(
            meeting_id=meeting_id,
            safety_plan=dump_json(safety_plan_data(safety, lambda person_id: person_id)),
            trajectory_plan=dump_json(trajectory_plan_data(trajectory)),
        )
    )


def insert_plans(
    conn: Connection, meeting_id: int, safety: SafetyPlan, trajectory: TrajectoryPlan, person_ids: Mapping[int, int]
) -> None:
    """Save a new meeting's plans; ``person_ids`` maps the people they name to database ids (others are dropped)."""
    mapped = safety_plan_from(safety_plan_data(safety, lambda person_id: person_ids.get(person_id)), int)
    _write(conn, meeting_id, mapped, trajectory)


def set_safety_plan(conn: Connection, meeting_id: int, plan: SafetyPlan) -> None:
    touch_meeting(conn, meeting_id)
    _write(conn, meeting_id, plan, get_plans(conn, meeting_id)[1])


def set_trajectory_plan(conn: Connection, meeting_id: int, plan: TrajectoryPlan) -> None:
    touch_meeting(conn, meeting_id)
    _write(conn, meeting_id, get_plans(conn, meeting_id)[0], plan)

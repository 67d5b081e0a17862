"""The joint case audits in the store: each kept with its case (deleted with it), read newest first.

The audit's date, auditor and worker are columns (so the team's view can list them); its questions, grades,
comments and the worker's reflection are one JSON document in ``data``.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from sos_desktop.models.case_audit import CaseAudit, audit_data, audit_from_data, demo_case_audit
from sos_desktop.store.errors import NotFoundError
from sos_desktop.store.repo.common import now
from sos_desktop.store.tables import case_audits, cases


def _from_row(row: Any) -> CaseAudit:
    try:
        data = json.loads(row.data or "{}")
    except ValueError:
        data = {}
    return audit_from_data(
        row.audited_on,
        row.auditor or "?",
        row.worker or "",
        data if isinstance(data, dict) else {},
        audit_id=row.id,
        case_id=row.case_id,
    )


def _values(audit: CaseAudit) -> dict[str, Any]:
    return {
        "audited_on": audit.audited_on,
        "auditor": audit.auditor,
        "worker": audit.worker,
        "data": json.dumps(audit_data(audit), ensure_ascii=False),
    }


def case_audits_of(conn: Connection, case_id: int) -> list[CaseAudit]:
    """The case's audits, newest first (those of one day latest added first)."""
    query = (
        select(case_audits)
        .where(case_audits.c.case_id == case_id)
        .order_by(case_audits.c.audited_on.desc(), case_audits.c.id.desc())
    )
    return [_from_row(row) for row in conn.execute(query)]


def all_case_audits(conn: Connection) -> list[CaseAudit]:
    """Every case's audits, newest first (for the team's summary)."""
    query = select(case_audits).order_by(case_audits.c.audited_on.desc(), case_audits.c.id.desc())
    return [_from_row(row) for row in conn.execute(query)]


def add_case_audit(conn: Connection, case_id: int, audit: CaseAudit) -> CaseAudit:
    if conn.scalar(select(cases.c.id).where(cases.c.id == case_id)) is None:
        raise NotFoundError.missing("case")
    values = _values(audit) | {"case_id": case_id, "created_at": now()}
    new_id: int = conn.execute(insert(case_audits).values(values)).inserted_primary_key[0]  # type: ignore[index]
    return audit_from_data(
        audit.audited_on, audit.auditor, audit.worker, audit_data(audit), audit_id=new_id, case_id=case_id
    )


def update_case_audit(conn: Connection, audit: CaseAudit) -> None:
    found = conn.execute(update(case_audits).where(case_audits.c.id == audit.id).values(_values(audit)))
    if found.rowcount == 0:
        raise NotFoundError.missing("case audit")


def delete_case_audit(conn: Connection, audit_id: int) -> None:
    conn.execute(delete(case_audits).where(case_audits.c.id == audit_id))


def save_demo_case_audit(conn: Connection, case_id: int) -> CaseAudit:
    """The demo case's joint audit (``models/case_audit.demo_case_audit``)."""
    return add_case_audit(conn, case_id, demo_case_audit())

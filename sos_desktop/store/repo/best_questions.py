"""The team's library of best questions in the store: listed newest first, added, reworded, retagged, deleted, and
imported many at once (what the library lacks by uid or by the same words; see ``models.best_questions.new_to``).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from sos_desktop.models.best_questions import BestQuestion, ImportResult, QuestionError, demo_questions, new_to
from sos_desktop.store.errors import NotFoundError
from sos_desktop.store.repo.common import now
from sos_desktop.store.tables import best_questions


def _tags(text: str) -> tuple[str, ...]:
    try:
        tags = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(tag for tag in tags if isinstance(tag, str)) if isinstance(tags, list) else ()


def _from_row(row: Any) -> BestQuestion | None:
    try:
        return BestQuestion(
            row.text,
            _tags(row.tags),
            added_by=row.added_by,
            added_at=row.added_at,
            meeting_uid=row.meeting_uid,
            uid=row.uid,
            id=row.id,
        )
    except QuestionError:
        return None  # a row another program wrote badly is left out, not allowed to stop the library opening


def _values(question: BestQuestion) -> dict[str, Any]:
    return {"text": question.text, "tags": json.dumps(list(question.tags))}


def list_questions(conn: Connection) -> list[BestQuestion]:
    """Every question of the library, newest first."""
    rows = conn.execute(select(best_questions).order_by(best_questions.c.added_at.desc(), best_questions.c.id.desc()))
    return [question for question in map(_from_row, rows) if question is not None]


def add_question(conn: Connection, question: BestQuestion) -> BestQuestion:
    """Save a new question (its ``added_at`` now when not given); return it with its id."""
    added_at = question.added_at or now()
    values = _values(question) | {
        "uid": question.uid,
        "added_by": question.added_by,
        "added_at": added_at,
        "meeting_uid": question.meeting_uid,
        "extra": "{}",
    }
    new_id = conn.execute(insert(best_questions).values(values)).inserted_primary_key[0]  # type: ignore[index]
    return BestQuestion(
        question.text,
        question.tags,
        added_by=question.added_by,
        added_at=added_at,
        meeting_uid=question.meeting_uid,
        uid=question.uid,
        id=new_id,
    )


def update_question(conn: Connection, question: BestQuestion) -> None:
    """Save a question's words and tags."""
    result = conn.execute(update(best_questions).where(best_questions.c.id == question.id).values(_values(question)))
    if result.rowcount == 0:
        raise NotFoundError.missing("question")


def delete_question(conn: Connection, question_id: int) -> None:
    result = conn.execute(delete(best_questions).where(best_questions.c.id == question_id))
    if result.rowcount == 0:
        raise NotFoundError.missing("question")


def import_questions(conn: Connection, incoming: list[BestQuestion]) -> ImportResult:
    """Add the questions of ``incoming`` the library lacks (by uid, then by the same words), in one transaction."""
    found = new_to(list_questions(conn), incoming)
    added = tuple(add_question(conn, question) for question in found.added)
    return ImportResult(added, found.already_there)


def save_demo_questions(conn: Connection, captured_in: str) -> None:
    """The demo team's questions into the library (what it lacks), one captured in the meeting ``captured_in``."""
    import_questions(conn, demo_questions(captured_in))

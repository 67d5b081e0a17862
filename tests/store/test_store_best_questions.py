"""The team's best questions in the database: saved, listed newest first, changed, deleted and imported."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sos_desktop.models.best_questions import BestQuestion
from sos_desktop.store.errors import NotFoundError
from sos_desktop.store.store import Store


def test_questions_are_saved_and_listed_newest_first_with_their_tags_and_words(store: Store) -> None:
    older = store.add_best_question(
        BestQuestion(
            "Qui garde Zoë le soir ? ☾", ("safety",), added_by="Alex", added_at=datetime(2026, 1, 1, tzinfo=UTC)
        )
    )
    newer = store.add_best_question(BestQuestion("What would one point higher look like?", ("scaling",)))
    listed = store.best_questions()
    assert [q.id for q in listed] == [newer.id, older.id]
    assert listed[1].text == "Qui garde Zoë le soir ? ☾" and listed[1].tags == ("safety",)
    assert listed[1].added_by == "Alex" and listed[1].uid == older.uid


def test_a_question_is_reworded_retagged_and_deleted(store: Store) -> None:
    question = store.add_best_question(BestQuestion("Who knows?"))
    question.text, question.tags = "Who knows the worries?", ("overview", "safety")
    store.update_best_question(question)
    assert [(q.text, q.tags) for q in store.best_questions()] == [("Who knows the worries?", ("overview", "safety"))]
    assert question.id is not None
    store.delete_best_question(question.id)
    assert store.best_questions() == []
    with pytest.raises(NotFoundError):
        store.delete_best_question(question.id)


def test_an_import_adds_only_what_the_library_lacks(store: Store) -> None:
    store.add_best_question(BestQuestion("What went well?", uid="kept"))
    first = store.import_best_questions(
        [BestQuestion("what WENT well?"), BestQuestion("Who noticed?", uid="new-1"), BestQuestion("x", uid="kept")]
    )
    assert [q.text for q in first.added] == ["Who noticed?"] and first.already_there == 2
    again = store.import_best_questions([BestQuestion("Who noticed?", uid="new-1")])
    assert again.added == () and again.already_there == 1
    assert len(store.best_questions()) == 2


def test_the_demo_has_the_team_s_questions_one_captured_in_the_follow_up(store: Store) -> None:
    demo = store.save_demo()
    follow_up = store.get_meeting(demo.follow_up)
    questions = store.best_questions()
    assert len(questions) == 4
    assert [q.meeting_uid for q in questions if q.meeting_uid] == [follow_up.uid]

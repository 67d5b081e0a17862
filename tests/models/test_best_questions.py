"""The best questions' rules: what a question may hold, which are offered where, and what an import adds."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sos_desktop.models.best_questions import (
    MAX_QUESTION_LENGTH,
    STARTER_QUESTIONS,
    BestQuestion,
    QuestionError,
    library_or_starter,
    matches,
    new_to,
    prompts_for,
    question_key,
)
from sos_desktop.models.enums import Category


def _at(day: int) -> datetime:
    return datetime(2026, 11, day, 10, tzinfo=UTC)


def test_a_question_is_trimmed_and_keeps_its_words_byte_for_byte() -> None:
    question = BestQuestion("  Ce qui marche bien chez Zoë ? 🌟 \n", ("strength", "strength", "mapping"))
    assert question.text == "Ce qui marche bien chez Zoë ? 🌟"
    assert question.tags == ("strength", "mapping")
    assert question.categories == (Category.STRENGTH,) and question.phases == ("mapping",)


@pytest.mark.parametrize(
    ("text", "tags", "says"),
    [
        ("   ", (), "needs some words"),
        ("x" * (MAX_QUESTION_LENGTH + 1), (), "at most 500"),
        ("Who\u202e knows?", (), "control characters"),
        ("Who knows?", ("Strength",), "is not a tag"),
        ("Who knows?", ("a b",), "is not a tag"),
        ("Who knows?", tuple(f"t{n}" for n in range(13)), "at most 12 tags"),
    ],
)
def test_a_question_that_cannot_be_kept_is_refused_in_a_sentence(text: str, tags: tuple[str, ...], says: str) -> None:
    with pytest.raises(QuestionError, match=says):
        BestQuestion(text, tags)


def test_prompts_put_both_tags_first_then_either_then_untagged_newest_first_and_leave_out_others() -> None:
    both = BestQuestion("Both", ("strength", "mapping"), added_at=_at(1))
    phase_old = BestQuestion("Phase, old", ("mapping",), added_at=_at(2))
    category_new = BestQuestion("Category, new", ("strength",), added_at=_at(9))
    anywhere = BestQuestion("Anywhere", (), added_at=_at(5))
    elsewhere = BestQuestion("Elsewhere", ("scaling", "danger"), added_at=_at(20))
    offered = prompts_for(
        [elsewhere, anywhere, phase_old, both, category_new], phase="mapping", category=Category.STRENGTH
    )
    assert [q.text for q in offered] == ["Both", "Category, new", "Phase, old", "Anywhere"]
    assert [q.text for q in prompts_for([both, elsewhere], phase="scaling")] == ["Elsewhere"]
    assert len(prompts_for([anywhere] * 20, limit=8)) == 8


def test_the_starter_set_is_offered_until_the_team_has_its_own() -> None:
    assert library_or_starter([]) is STARTER_QUESTIONS
    own = [BestQuestion("Ours")]
    assert library_or_starter(own) == own
    assert len({q.uid for q in STARTER_QUESTIONS}) == len(STARTER_QUESTIONS)
    assert prompts_for(STARTER_QUESTIONS, phase="scaling")[0].text.startswith("What would one point higher")


def test_the_same_words_whatever_the_case_composition_or_spaces_are_one_question() -> None:
    assert question_key("What  went WELL,\tZoë?") == question_key("what went well, Zoe\u0308?")
    library = [BestQuestion("What went well?", uid="a")]
    result = new_to(
        library,
        [
            BestQuestion("WHAT went  well?", uid="b"),
            BestQuestion("Something new", uid="a"),
            BestQuestion("Brand new", uid="c"),
            BestQuestion("brand NEW", uid="d"),
        ],
    )
    assert [q.uid for q in result.added] == ["c"] and result.already_there == 3
    assert result.sentence() == "1 question added; 3 already in the library."


def test_search_and_tag_filter_the_library() -> None:
    question = BestQuestion("Who would notice first?", ("safety",))
    assert matches(question, search="NOTICE")
    assert not matches(question, search="harm")
    assert matches(question, tag="safety") and not matches(question, tag="danger")

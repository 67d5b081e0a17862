"""The joint case audit: its questions and grades, the checks on what is typed, and its stored form."""

from __future__ import annotations

from datetime import date

import pytest

from sos_desktop.models.case_audit import (
    DEFAULT_QUESTIONS,
    MAX_COMMENT_LENGTH,
    MAX_NAME_LENGTH,
    AuditAnswer,
    CaseAudit,
    Grade,
    audit_data,
    audit_from_data,
    grade_summary,
    new_audit,
)


def test_a_new_audit_asks_the_practice_s_questions_none_graded() -> None:
    audit = new_audit(date(2026, 11, 2), "Ruth Mensah", "Sam Patel")
    questions = [answer.question for answer in audit.answers]
    assert questions == list(DEFAULT_QUESTIONS)
    assert "Each danger statement has a matching safety goal" in questions
    assert "The next steps are specific, with who and when" in questions
    assert audit.grade_counts() == {Grade.NOT_GRADED: len(DEFAULT_QUESTIONS)}


def test_names_lose_spacing_and_controls_and_an_auditor_is_needed() -> None:
    audit = CaseAudit(date(2026, 1, 5), "  Ruth \u202e Mensah ", " Sam\x1b  Patel")
    assert (audit.auditor, audit.worker) == ("Ruth Mensah", "Sam Patel")
    with pytest.raises(ValueError, match="auditor"):
        CaseAudit(date(2026, 1, 5), "   ")
    with pytest.raises(ValueError, match=str(MAX_NAME_LENGTH)):
        CaseAudit(date(2026, 1, 5), "R" * (MAX_NAME_LENGTH + 1))


def test_comments_keep_their_lines_and_any_script_but_not_an_absurd_length() -> None:
    answer = AuditAnswer("The child's voice is heard", Grade.GOOD, "Words: “ok”\r\nنور 👧\x07 too")
    assert answer.comment == "Words: “ok”\nنور 👧 too"
    with pytest.raises(ValueError, match="10,000"):
        AuditAnswer("Q", comment="x" * (MAX_COMMENT_LENGTH + 1))
    with pytest.raises(ValueError, match="words"):
        AuditAnswer("  ")


def test_an_audit_survives_its_stored_form_and_bad_data_loses_only_the_bad_part() -> None:
    audit = new_audit(date(2026, 3, 1), "Ruth", "Sam", ["First", "Second"])
    audit.answers[0].grade = Grade.REQUIRES_IMPROVEMENT
    audit.answers[1].comment = "Good genogram"
    audit.overall, audit.reflection = "Overall fine", "I will scale with the family"
    back = audit_from_data(audit.audited_on, "Ruth", "Sam", audit_data(audit), audit_id=4, case_id=9)
    assert back.answers == audit.answers
    assert (back.overall, back.reflection, back.id, back.case_id) == ("Overall fine", audit.reflection, 4, 9)
    odd = {"answers": [{"question": "Kept", "grade": "superb"}, "junk", {"grade": "good"}, {"question": ""}]}
    read = audit_from_data(date(2026, 3, 1), "Ruth", "", odd)
    assert [(a.question, a.grade) for a in read.answers] == [("Kept", Grade.NOT_GRADED)]


def test_the_grade_summary_counts_each_question_s_grades() -> None:
    one = new_audit(date(2026, 3, 1), "A", questions=["Q1", "Q2"])
    two = new_audit(date(2026, 3, 2), "B", questions=["Q1", "Q2"])
    one.answers[0].grade = two.answers[0].grade = Grade.GOOD
    two.answers[1].grade = Grade.INADEQUATE
    summary = grade_summary([one, two])
    assert summary.audits == 2
    assert summary.by_question["Q1"] == {Grade.GOOD: 2}
    assert summary.by_question["Q2"] == {Grade.INADEQUATE: 1}
    assert summary.totals == {Grade.GOOD: 2, Grade.INADEQUATE: 1}

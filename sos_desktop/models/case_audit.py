"""A joint case audit: an auditor and the case's worker go through the case together and grade how the practice
was used, question by question, with a comment on each, an overall comment and the worker's own reflection.

The grades are Ofsted's four (Outstanding, Good, Requires improvement, Inadequate), which councils audit by; a
question may be left ungraded ("Not graded") when it does not apply. The default questions follow the practice's
own standards (the map, paired danger statements and goals, scaling, the child's voice, the network, the safety
plan, the next steps). The audit is saved with its case: :func:`audit_data` and :func:`audit_from_data` turn it to
and from plain JSON data for the store. Pure: no Qt, no database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sos_desktop.models.control_characters import strip_controls

MAX_NAME_LENGTH = 200
"""Longest auditor's or worker's name."""
MAX_QUESTION_LENGTH = 500
"""Longest question: a sentence."""
MAX_COMMENT_LENGTH = 10_000
"""Longest comment on one question, the overall comment or the reflection: some paragraphs, not a report."""
MAX_QUESTIONS = 60


class Grade(StrEnum):
    """How well one standard is met, in Ofsted's words ("" for not graded)."""

    OUTSTANDING = "outstanding"
    GOOD = "good"
    REQUIRES_IMPROVEMENT = "requires_improvement"
    INADEQUATE = "inadequate"
    NOT_GRADED = ""


GRADE_LABELS: dict[Grade, str] = {
    Grade.OUTSTANDING: "Outstanding",
    Grade.GOOD: "Good",
    Grade.REQUIRES_IMPROVEMENT: "Requires improvement",
    Grade.INADEQUATE: "Inadequate",
    Grade.NOT_GRADED: "Not graded",
}
GRADED = (Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE)
"""The grades in order, best first (not graded left out)."""

DEFAULT_QUESTIONS = (
    "The map is complete: harm, danger statements, complicating factors, strengths, existing safety, goals and "
    "next steps",
    "The harm is described specifically: who did what, when, and its impact on the child",
    "The danger statements are clear and behavioural, in plain words",
    "Each danger statement has a matching safety goal",
    "Each danger statement and goal is scaled, with everyone's number recorded",
    "The child's voice is heard (Three Houses, Safety House, Words and Pictures)",
    "The safety network is involved and knows the worries",
    "A safety plan is in place, in the family's own words",
    "The next steps are specific, with who and when",
    "The case is progressing along its trajectory towards closure",
)


def _one_line(text: str, what: str, longest: int) -> str:
    cleaned = " ".join(strip_controls(text).split())
    if len(cleaned) > longest:
        raise ValueError(f"{what} can be at most {longest} characters long.")
    return cleaned


def _paragraphs(text: str, what: str) -> str:
    cleaned = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")).strip()
    cleaned = "".join(c for c in cleaned if c in "\n\t" or not _control(c))
    if len(cleaned) > MAX_COMMENT_LENGTH:
        raise ValueError(f"{what} can be at most {MAX_COMMENT_LENGTH:,} characters long.")
    return cleaned


def _control(character: str) -> bool:
    return strip_controls(character) == ""


@dataclass
class AuditAnswer:
    """One question of the audit, its grade and the comment agreed on it."""

    question: str
    grade: Grade = Grade.NOT_GRADED
    comment: str = ""

    def __post_init__(self) -> None:
        self.grade = Grade(self.grade)
        self.question = _one_line(self.question, "A question", MAX_QUESTION_LENGTH)
        if not self.question:
            raise ValueError("Every question of the audit needs its words.")
        self.comment = _paragraphs(self.comment, "A comment")


@dataclass
class CaseAudit:
    """One joint audit of a case, on ``audited_on``, by ``auditor`` with the case's ``worker``."""

    audited_on: date
    auditor: str
    worker: str = ""
    answers: list[AuditAnswer] = field(default_factory=list)
    overall: str = ""
    """The auditor's overall comment."""
    reflection: str = ""
    """The worker's own reflection on the audit."""
    id: int | None = None
    case_id: int | None = None

    def __post_init__(self) -> None:
        self.auditor = _one_line(self.auditor, "The auditor's name", MAX_NAME_LENGTH)
        self.worker = _one_line(self.worker, "The worker's name", MAX_NAME_LENGTH)
        if not self.auditor:
            raise ValueError("A case audit needs the auditor's name.")
        if len(self.answers) > MAX_QUESTIONS:
            raise ValueError(f"A case audit can have at most {MAX_QUESTIONS} questions.")
        self.overall = _paragraphs(self.overall, "The overall comment")
        self.reflection = _paragraphs(self.reflection, "The worker's reflection")

    def grade_counts(self) -> Counter[Grade]:
        """How many questions got each grade (not graded included)."""
        return Counter(answer.grade for answer in self.answers)


def new_audit(
    audited_on: date, auditor: str, worker: str = "", questions: Iterable[str] = DEFAULT_QUESTIONS
) -> CaseAudit:
    """A blank audit with ``questions`` (the default ones unless said), none graded yet."""
    return CaseAudit(audited_on, auditor, worker, [AuditAnswer(question) for question in questions])


def audit_data(audit: CaseAudit) -> dict[str, Any]:
    """What the store keeps of the audit besides its date, auditor and worker (JSON-ready)."""
    return {
        "answers": [{"question": a.question, "grade": a.grade.value, "comment": a.comment} for a in audit.answers],
        "overall": audit.overall,
        "reflection": audit.reflection,
    }


def audit_from_data(
    audited_on: date,
    auditor: str,
    worker: str,
    data: Mapping[str, Any],
    *,
    audit_id: int | None = None,
    case_id: int | None = None,
) -> CaseAudit:
    """The audit from its stored parts; an unknown grade reads as not graded, malformed answers are skipped."""
    answers = []
    raw = data.get("answers")
    for entry in raw if isinstance(raw, list) else []:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("question"), str):
            continue
        grade = entry.get("grade", "")
        try:
            answers.append(
                AuditAnswer(
                    entry["question"],
                    Grade(grade) if grade in Grade._value2member_map_ else Grade.NOT_GRADED,
                    str(entry.get("comment") or ""),
                )
            )
        except ValueError:
            continue
    return CaseAudit(
        audited_on,
        auditor,
        worker,
        answers[:MAX_QUESTIONS],
        str(data.get("overall") or ""),
        str(data.get("reflection") or ""),
        id=audit_id,
        case_id=case_id,
    )


@dataclass(frozen=True)
class GradeSummary:
    """The grades the joint audits gave, question by question (for the PDF summary)."""

    audits: int
    by_question: dict[str, Counter[Grade]]

    @property
    def totals(self) -> Counter[Grade]:
        total: Counter[Grade] = Counter()
        for counts in self.by_question.values():
            total.update(counts)
        return total


def grade_summary(audits: Iterable[CaseAudit]) -> GradeSummary:
    """Each question's grades over ``audits`` (questions in the order first met; not graded left out)."""
    by_question: dict[str, Counter[Grade]] = {}
    count = 0
    for audit in audits:
        count += 1
        for answer in audit.answers:
            counts = by_question.setdefault(answer.question, Counter())
            if answer.grade is not Grade.NOT_GRADED:
                counts[answer.grade] += 1
    return GradeSummary(count, by_question)


DEMO_AUDIT_GRADES: tuple[tuple[Grade, str], ...] = (
    (Grade.GOOD, "The genogram, network and all seven categories are there at the follow-up."),
    (Grade.GOOD, "The harm says who did what and when; the impact on Lily could be clearer."),
    (Grade.OUTSTANDING, "Plain, behavioural words the family agreed with at the conference."),
    (Grade.GOOD, "Each danger statement has its goal."),
    (Grade.REQUIRES_IMPROVEMENT, "The second danger statement has no scale of its own yet."),
    (Grade.OUTSTANDING, "Lily's Three Houses and Safety House are in her own words."),
    (Grade.GOOD, "Dad now knows the worries; Nan and Mum's sister are in the network."),
    (Grade.GOOD, "The safety plan's rules are in the family's words, each with who makes sure."),
    (Grade.REQUIRES_IMPROVEMENT, "Two next steps have no day by when."),
    (Grade.NOT_GRADED, ""),
)
"""The demo case's joint audit: a grade and comment for each default question, in order."""


def demo_case_audit() -> CaseAudit:
    """The joint audit of the demo case, by its team manager with the worker (Sam Patel)."""
    audit = new_audit(date(2026, 12, 18), "Ruth Mensah", "Sam Patel")
    for answer, (grade, comment) in zip(audit.answers, DEMO_AUDIT_GRADES, strict=True):
        answer.grade, answer.comment = grade, comment
    audit.overall = "A well-used map and a strong child's voice; scale every danger statement and date every step."
    audit.reflection = "I will ask the family for a number on the second worry next time, and put a day on each step."
    return audit

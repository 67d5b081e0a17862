"""The team's best questions: questions that helped a group find strengths and safety, kept to be asked again.

A question is tagged by where it helps: a map category ("strength", "danger", ...) and/or an agenda phase
("mapping", "scaling", ...), or nothing (it helps anywhere). During a meeting the console offers the questions of the
phase under way and the category in hand (:func:`prompts_for`): those tagged with both first, then with either, then
the untagged; within each, the team's newest first. The practice's own starter set (:data:`STARTER_QUESTIONS`,
written for this program) is offered until the team has questions of its own.

Two questions are the same when their words are (:func:`question_key`: case, accents' composition and runs of
spaces aside), so importing a colleague's file twice adds nothing twice. Pure: no Qt, no database.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from uuid import uuid4

from sos_desktop.models.control_characters import has_controls
from sos_desktop.models.enums import Category

MAX_QUESTION_LENGTH = 500
"""A question is a sentence or two; longer text is a note, not a prompt."""
MAX_TAGS = 12
TAG_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,39}")
"""A tag is a category's value or an agenda phase's key: lower case, digits and underscores."""


class QuestionError(ValueError):
    """A question that cannot be kept, with the reason in a sentence."""


def clean_text(text: object) -> str:
    """A question's words as kept: trimmed, inner runs of spaces kept as typed; refused when empty, too long or
    holding control characters (which a reader cannot see).
    """
    if not isinstance(text, str):
        raise QuestionError("A question must be text.")
    words = text.strip()
    if not words:
        raise QuestionError("A question needs some words.")
    if len(words) > MAX_QUESTION_LENGTH:
        raise QuestionError(f"A question can be at most {MAX_QUESTION_LENGTH} characters (this one has {len(words)}).")
    if has_controls(words.replace("\n", " ")):
        raise QuestionError("A question cannot hold control characters.")
    return words


def clean_tags(tags: Iterable[object]) -> tuple[str, ...]:
    """Tags as kept: each once, in the order given; refused when one is not a category or phase key."""
    kept: list[str] = []
    for tag in tags:
        if not isinstance(tag, str) or not TAG_PATTERN.fullmatch(tag):
            raise QuestionError(f"'{tag}' is not a tag (a map category or an agenda phase, such as 'strength').")
        if tag not in kept:
            kept.append(tag)
    if len(kept) > MAX_TAGS:
        raise QuestionError(f"A question can have at most {MAX_TAGS} tags.")
    return tuple(kept)


def question_key(text: str) -> str:
    """What makes two questions the same: their words, whatever the case, the Unicode composition or the spaces."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass
class BestQuestion:
    """One question of the team's library."""

    text: str
    tags: tuple[str, ...] = ()
    added_by: str = ""
    added_at: datetime | None = None
    meeting_uid: str = ""
    """The meeting it was captured in ("" when typed into the library or imported)."""
    uid: str = field(default_factory=lambda: str(uuid4()))
    id: int | None = None

    def __post_init__(self) -> None:
        self.text = clean_text(self.text)
        self.tags = clean_tags(self.tags)

    @property
    def categories(self) -> tuple[Category, ...]:
        """The map categories among its tags."""
        values = {category.value: category for category in Category}
        return tuple(values[tag] for tag in self.tags if tag in values)

    @property
    def phases(self) -> tuple[str, ...]:
        """The agenda phases among its tags."""
        values = {category.value for category in Category}
        return tuple(tag for tag in self.tags if tag not in values)


def _starter(text: str, *tags: str) -> BestQuestion:
    return BestQuestion(text, tags, uid=f"starter-{question_key(text)[:40]}")


STARTER_QUESTIONS: tuple[BestQuestion, ...] = (
    _starter("When has the family kept the children safe, even for a day? What was different then?", "strength"),
    _starter("Who else noticed that going well, and what would they say about it?", "strength", "working_well"),
    _starter("What does the child do that tells us they feel safe with this person?", "safety"),
    _starter("Which of these strengths has been seen to keep the children safe over time?", "safety", "mapping"),
    _starter("What exactly did we see or hear, and when? Who was there?", "harm", "worries"),
    _starter("If nothing changes, what are we worried could happen to the children, and who would do it?", "danger"),
    _starter("What would the children's life look like on a day when we had no worries?", "goal", "statements"),
    _starter("What makes this harder for the family to sort out, and what is only our uncertainty?", "complicating"),
    _starter("What would one point higher look like? Who would notice first?", "scaling"),
    _starter("What has to happen next, by whom and by when, for the score to move?", "next_step", "next_steps"),
    _starter("What did we not ask today that the family would want us to ask?", "reflection"),
    _starter("Who in the network knows the worries, and who still needs to be told?", "overview", "safety"),
)
"""The practice's starter set: offered on the console until the team adds questions of its own."""


def library_or_starter(library: Sequence[BestQuestion]) -> Sequence[BestQuestion]:
    """What the console offers: the team's library, or the practice's starter set while the library is empty."""
    return library if library else STARTER_QUESTIONS


def prompts_for(
    questions: Iterable[BestQuestion], *, phase: str | None = None, category: Category | None = None, limit: int = 8
) -> list[BestQuestion]:
    """The questions to offer for ``phase`` and ``category``: tagged with both first, then with either, then the
    untagged, each group newest first; questions tagged only for other places are left out.
    """
    wanted = {tag for tag in (phase, category.value if category is not None else None) if tag}
    ranked: list[tuple[int, float, int, BestQuestion]] = []
    for order, question in enumerate(questions):
        hits = len(wanted.intersection(question.tags))
        if question.tags and not hits:
            continue
        rank = 0 if hits >= 2 else 1 if hits == 1 else 2
        stamp = question.added_at.timestamp() if question.added_at is not None else 0.0
        ranked.append((rank, -stamp, order, question))
    ranked.sort(key=lambda entry: entry[:3])
    return [question for *_, question in ranked[:limit]]


def matches(question: BestQuestion, *, search: str = "", tag: str | None = None) -> bool:
    """Whether ``question`` has ``tag`` (None: any) and holds ``search`` in its words (any case)."""
    if tag is not None and tag not in question.tags:
        return False
    return question_key(search) in question_key(question.text)


@dataclass(frozen=True)
class ImportResult:
    """What an import did: the questions added, and how many were already in the library."""

    added: tuple[BestQuestion, ...]
    already_there: int

    def sentence(self) -> str:
        added = len(self.added)
        said = f"{added} question{'s' if added != 1 else ''} added"
        return f"{said}; {self.already_there} already in the library." if self.already_there else f"{said}."


def new_to(library: Iterable[BestQuestion], incoming: Iterable[BestQuestion]) -> ImportResult:
    """Which of ``incoming`` the library lacks: not there by uid, nor by the same words (nor twice in the file)."""
    uids = set()
    keys = set()
    for question in library:
        uids.add(question.uid)
        keys.add(question_key(question.text))
    added: list[BestQuestion] = []
    already = 0
    for question in incoming:
        key = question_key(question.text)
        if question.uid in uids or key in keys:
            already += 1
            continue
        uids.add(question.uid)
        keys.add(key)
        added.append(question)
    return ImportResult(tuple(added), already)


def demo_questions(captured_in: str) -> list[BestQuestion]:
    """The demo team's own questions; the first was captured during the demo's follow-up (``captured_in``)."""
    return [
        BestQuestion(
            "Nan, what do you do on the evenings Dad rings that helps him stay calm?",
            ("safety", "working_well"),
            added_by="Alex Morgan",
            meeting_uid=captured_in,
        ),
        BestQuestion(
            "What would Lily say is the best thing about staying at Nan's?", ("strength",), added_by="Jo Reid"
        ),
        BestQuestion(
            "On the nights it went well, what did the adults do differently before bedtime?",
            ("strength", "mapping"),
            added_by="Alex Morgan",
        ),
        BestQuestion("Who would be the first to notice if things started to slip?", ("safety", "next_steps")),
    ]

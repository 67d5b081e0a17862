"""What the projector shows of a meeting, already masked: a plain snapshot taken from the document when it changes.

Every string here has been through the masker, so nothing downstream can draw a full name by mistake. A next step
past its date and not done is marked overdue, judged on the day the meeting is held (``overdue_on``). While the
family is present, a card for the professionals only is left out altogether (the room never learns it was there),
and a card using the team's jargon carries the words found, which the wall flags in amber.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

from sos_desktop.models import (
    COLUMN_ORDER,
    Case,
    Category,
    Column,
    MapItem,
    Meeting,
    NextStepStatus,
    pair_numbers,
    unpaired,
)
from sos_desktop.models.continuity import step_is_overdue
from sos_desktop.models.jargon import jargon_in
from sos_desktop.models.templates import FrameworkTemplate

OPTIONAL = frozenset({Category.GREY})
"""Categories shown only when they have cards."""

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_STATUS = {NextStepStatus.IDEA: "Idea", NextStepStatus.AGREED: "Agreed", NextStepStatus.DONE: "Done"}


class Card(NamedTuple):
    """One card as the room sees it: its text, a line of details, its pair number or a flag if unpaired, and for a
    next step whether it is overdue.
    """

    text: str
    meta: str = ""
    pair: int | None = None
    flagged: bool = False
    overdue: bool = False
    jargon: tuple[str, ...] = ()
    """The team's jargon the card uses, while the family is present (the wall flags it)."""


@dataclass(frozen=True)
class Section:
    category: Category
    label: str
    question: str
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class ColumnContent:
    column: Column
    title: str
    question: str
    sections: tuple[Section, ...]

    def shown(self) -> tuple[Section, ...]:
        """The sections to show in the column: all but optional ones (grey areas) with no cards."""
        return tuple(s for s in self.sections if s.cards or s.category not in OPTIONAL)


@dataclass(frozen=True)
class MapContent:
    """The header lines and the three columns of the map."""

    title: str
    focus: str
    columns: tuple[ColumnContent, ...]

    def column(self, column: Column) -> ColumnContent:
        return next(c for c in self.columns if c.column is column)

    def section(self, category: Category) -> Section:
        return next(s for c in self.columns for s in c.sections if s.category is category)


def due_text(day: date) -> str:
    """A next step's date as the wall writes it: 'by 8 Oct'."""
    return f"by {day.day} {_MONTHS[day.month - 1]}"


def map_content(
    meeting: Meeting,
    case: Case,
    template: FrameworkTemplate,
    mask: Callable[[str], str],
    name: Callable[[str], str] | None = None,
    overdue_on: date | None = None,
    jargon: Sequence[str] | None = None,
) -> MapContent:
    """The projector's snapshot of ``meeting``, with ``mask`` applied to every text and ``name`` (by default
    ``mask``) to every person's name (a next step's owner); with ``overdue_on``, next steps overdue that day are
    marked. With ``jargon`` (the team's list: the family is present), professional-only cards are left out and each
    card's jargon is found.
    """
    numbers = pair_numbers(meeting.items)
    lonely = {id(item) for item in unpaired(meeting.items)}

    def card(item: MapItem) -> Card:
        late = overdue_on is not None and step_is_overdue(item, overdue_on)
        found = tuple(jargon_in(item.text, jargon)) if jargon else ()
        return Card(*_words(item, mask, name or mask), numbers.get(item.id or 0), id(item) in lonely, late, found)

    cards: dict[Category, list[Card]] = {category: [] for category in Category}
    for item in meeting.items:
        if jargon is not None and item.professional_only:
            continue
        cards[item.category].append(card(item))
    columns = []
    for column, categories in COLUMN_ORDER.items():
        sections = []
        for category in categories:
            # The framework's own words are never masked: "Grey areas" must not become "WG areas" for a Will Grey.
            label, question = template.label(category), template.questions[category]
            sections.append(Section(category, label, question, tuple(cards[category])))
        columns.append(
            ColumnContent(column, template.column_titles[column], template.column_questions[column], tuple(sections))
        )
    return MapContent(
        title=mask(f"{meeting.title} · {case.label}"),
        focus=mask(meeting.focus_question.strip()),
        columns=tuple(columns),
    )


def _words(item: MapItem, mask: Callable[[str], str], name: Callable[[str], str]) -> tuple[str, str]:
    """What a card says, masked: its text, and a next step's status, owner and date as one line."""
    meta = ""
    if item.category is Category.NEXT_STEP:
        details = (
            _STATUS[item.status] if item.status is not None else "",
            name(item.owner.strip()) if item.owner.strip() else "",
            due_text(item.due) if item.due is not None else "",
        )
        meta = " · ".join(part for part in details if part)
    return mask(item.text.strip()), meta


def with_card_reworded(
    content: MapContent,
    item: MapItem,
    index: int,
    mask: Callable[[str], str],
    name: Callable[[str], str] | None = None,
    overdue_on: date | None = None,
    jargon: Sequence[str] | None = None,
) -> MapContent:
    """``content`` with the ``index``-th card of ``item``'s category saying what ``item`` says now (its text, and a
    next step's details and whether it is overdue on ``overdue_on``), masked; the rest is shared.

    Rewording a card changes nothing else the room sees: its pair number and flag follow the pairs, not the words.
    Raises ``IndexError`` if the snapshot has no such card.
    """
    columns = list(content.columns)
    for c, column in enumerate(columns):
        for s, section in enumerate(column.sections):
            if section.category is item.category:
                cards = list(section.cards)
                text, meta = _words(item, mask, name or mask)
                late = overdue_on is not None and step_is_overdue(item, overdue_on)
                found = tuple(jargon_in(item.text, jargon)) if jargon else ()
                cards[index] = cards[index]._replace(text=text, meta=meta, overdue=late, jargon=found)
                sections = list(column.sections)
                sections[s] = replace(section, cards=tuple(cards))
                columns[c] = replace(column, sections=tuple(sections))
                return replace(content, columns=tuple(columns))
    raise IndexError(f"{item.category} is not on the map")

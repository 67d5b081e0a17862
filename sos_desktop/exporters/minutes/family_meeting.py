"""What the minutes say of a family network meeting's or conference's own record, as plain data: for each danger
statement and safety goal who agrees and who does not (with their words), and the conference's decision.

Names go through the bundle's :class:`~.naming.Namer`, so in pseudonymised minutes a family member at the meeting is
their network display name, as on the wall, and their words are masked as any free text is.
"""

from __future__ import annotations

from dataclasses import dataclass

from sos_desktop.exporters.minutes.naming import Namer, long_date
from sos_desktop.models import Category, MeetingBundle
from sos_desktop.models.agreement import Agreement, agreement_lines
from sos_desktop.models.templates import template


@dataclass(frozen=True)
class AgreementRow:
    """One statement: what it is ("Danger statement 1"), its words, who agrees and who does not."""

    label: str
    statement: str
    agrees: tuple[str, ...]
    disagrees: tuple[str, ...]


@dataclass(frozen=True)
class DecisionView:
    outcome: str
    reasons: str
    dissent: tuple[str, ...]
    decided_on: str
    chair: str


@dataclass(frozen=True)
class FamilyMeetingView:
    agreements: tuple[AgreementRow, ...]
    """Empty when nobody's view of any statement was recorded."""
    decision: DecisionView | None


def _who(agreement: Agreement, namer: Namer) -> str:
    name = namer.name(agreement.attendee)
    words = namer.text(agreement.words.strip())
    return f"{name}: “{words}”" if words else name


def family_meeting_view(bundle: MeetingBundle, namer: Namer) -> FamilyMeetingView | None:
    """The record as the minutes give it; None when the meeting has no views and no decision recorded."""
    meeting = bundle.meeting
    record = meeting.family_meeting
    words = template(bundle.case.framework)
    rows: list[AgreementRow] = []
    if any(a.view.value != "not_said" for a in record.agreements):
        numbers = {Category.DANGER: 0, Category.GOAL: 0}
        for line in agreement_lines(meeting.items, record):
            category = line.statement.category
            numbers[category] += 1
            label = f"{words.one(category)[:1].upper()}{words.one(category)[1:]} {numbers[category]}"
            rows.append(
                AgreementRow(
                    label,
                    namer.text(line.statement.text),
                    tuple(_who(a, namer) for a in line.agrees),
                    tuple(_who(a, namer) for a in line.disagrees),
                )
            )
    decision = record.decision
    view = None
    if not decision.is_empty():
        dissent = tuple(
            f"{namer.name(d.attendee)}: {namer.text(d.why.strip())}" if d.why.strip() else namer.name(d.attendee)
            for d in decision.dissent
        )
        view = DecisionView(
            outcome=namer.text(decision.outcome_text()),
            reasons=namer.text(decision.reasons),
            dissent=dissent,
            decided_on=long_date(decision.decided_on),
            chair=namer.name(decision.chair),
        )
    if not rows and view is None:
        return None
    return FamilyMeetingView(tuple(rows), view)

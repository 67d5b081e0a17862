"""The minutes' sections of a family network meeting or conference, as flowables from :mod:`.family_meeting`'s
plain data: "Agreement", a table of each danger statement and safety goal with who agrees and who does not, and
"Decision", what the conference decided, why, who disagreed and why, when, and the chair who decided.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from sos_desktop.exporters.minutes.family_meeting import DecisionView, FamilyMeetingView
from sos_desktop.exporters.minutes.keeping import opening
from sos_desktop.exporters.minutes.plain_text import PlainText, Run, plain
from sos_desktop.exporters.minutes.story_parts import grid, labelled, nothing, section
from sos_desktop.exporters.minutes.styles import FRAME_WIDTH, MUTED, Styles

AGREEMENT = "Agreement"
DECISION = "Decision"


def _statement_cell(label: str, words: str, s: Styles) -> PlainText:
    small, cell = s.small, s.cell
    return PlainText(
        [
            Run(label, small.fontName, small.fontSize, small.leading, MUTED),
            Run(words, cell.fontName, cell.fontSize, cell.leading, cell.textColor),
        ]
    )


def _people_cell(people: tuple[str, ...], s: Styles) -> Flowable:
    return plain("\n".join(people), s.cell) if people else plain("–", s.card_empty)


def agreement_flowables(view: FamilyMeetingView, s: Styles) -> list[Flowable]:
    flowables = section(AGREEMENT, s)
    flowables.append(plain("Who agrees with each statement, and who does not, in their own words.", s.body))
    header = [plain(text, s.cell_bold) for text in ("Statement", "Agrees", "Does not agree")]
    rows = [
        [_statement_cell(row.label, row.statement, s), _people_cell(row.agrees, s), _people_cell(row.disagrees, s)]
        for row in view.agreements
    ]
    widths = [FRAME_WIDTH * 0.46, FRAME_WIDTH * 0.27, FRAME_WIDTH * 0.27]
    return opening(flowables, grid([header, *rows], widths))


def decision_flowables(view: DecisionView, s: Styles) -> list[Flowable]:
    flowables = section(DECISION, s)
    flowables.append(labelled("Decided:", view.outcome or "Not recorded yet", s.body))
    if view.reasons.strip():
        flowables.append(labelled("Why:", view.reasons, s.body))
    if view.dissent:
        flowables.append(labelled("Disagreed:", "; ".join(view.dissent), s.body))
    else:
        flowables.append(nothing("Nobody recorded a disagreement with the decision.", s))
    by = ", ".join(part for part in (view.decided_on, f"by {view.chair}" if view.chair.strip() else "") if part)
    if by:
        flowables.append(labelled("Decided on:", by, s.body))
    return flowables


def family_sections(view: FamilyMeetingView | None, s: Styles) -> tuple[list[list[Flowable]], list[list[Flowable]]]:
    """The agreement section (after the danger statements and goals) and the decision (after the scales)."""
    if view is None:
        return [], []
    agreement = [agreement_flowables(view, s)] if view.agreements else []
    decision = [decision_flowables(view.decision, s)] if view.decision is not None else []
    return agreement, decision

"""The minutes' safety plan and trajectory plan as flowables, from :mod:`.plans`' plain data.

The safety plan: each rule in the family's words, under it the danger statements it answers; beside it who makes
sure and how to reach them, and what happens if it is broken; then the warning signs (red flags and triggers, each
with what to do), who has signed up and when, the review date, and the gentle checks' hints, briefly, as what is
still to think about. The trajectory plan is a table of milestones in date order; a late one is marked "Late" in
amber, as the review marks an overdue step.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from sos_desktop.exporters.minutes.fonts import BOLD
from sos_desktop.exporters.minutes.keeping import opening
from sos_desktop.exporters.minutes.plain_text import PlainText, Run, plain
from sos_desktop.exporters.minutes.plans import MilestoneRow, RuleView, SafetyPlanView, SignView
from sos_desktop.exporters.minutes.story_parts import bulleted, grid, labelled, nothing, section, subsection
from sos_desktop.exporters.minutes.styles import CONCERN, FRAME_WIDTH, MUTED, Styles
from sos_desktop.models.safety_plan import SIGN_KIND_LABELS, SignKind

SAFETY_PLAN = "Safety plan"
TRAJECTORY_PLAN = "Trajectory plan"


def _widths(*fractions: float) -> list[float]:
    return [FRAME_WIDTH * fraction for fraction in fractions]


def _rule_cell(rule: RuleView, s: Styles) -> PlainText:
    cell, small = s.cell, s.small
    runs = [Run(rule.words, cell.fontName, cell.fontSize, cell.leading, cell.textColor)]
    if rule.answers_line:
        runs.append(Run(rule.answers_line, small.fontName, small.fontSize, small.leading, MUTED))
    return PlainText(runs)


def _owners_cell(rule: RuleView, s: Styles) -> Flowable:
    if not rule.owners:
        return plain("Nobody yet", s.card_empty)
    lines = [owner.name + (f" ({owner.contact})" if owner.contact else "") for owner in rule.owners]
    return plain("\n".join(lines), s.cell)


def _signs(title: str, signs: tuple[SignView, ...], s: Styles) -> list[Flowable]:
    if not signs:
        return []
    header = [plain(text, s.cell_bold) for text in (title, "What to do")]
    rows = [[plain(sign.words, s.cell), plain(sign.response or "–", s.cell)] for sign in signs]
    return [*subsection(f"{title}s", s), grid([header, *rows], _widths(0.5, 0.5))]


def safety_plan_flowables(view: SafetyPlanView, s: Styles) -> list[Flowable]:
    flowables = section(SAFETY_PLAN, s)
    count = len(view.rules)
    flowables.append(plain(f"The family's rules in their own words ({count} rule{'' if count == 1 else 's'}).", s.body))
    if not view.rules:
        flowables.append(nothing("The plan has no rules yet.", s))
    else:
        header = [plain(text, s.cell_bold) for text in ("", "Rule", "Who makes sure", "If it is broken")]
        rows = [
            [
                plain(str(rule.number), s.cell_bold),
                _rule_cell(rule, s),
                _owners_cell(rule, s),
                plain(rule.if_broken or "–", s.cell),
            ]
            for rule in view.rules
        ]
        rest = FRAME_WIDTH - 20
        flowables = opening(flowables, grid([header, *rows], [20, rest * 0.42, rest * 0.28, rest * 0.30]))
    if view.contacts_left_out:
        flowables.append(plain("Contact details are left out of pseudonymised minutes.", s.note))
    flowables += _signs(SIGN_KIND_LABELS[SignKind.RED_FLAG], view.red_flags, s)
    flowables += _signs(SIGN_KIND_LABELS[SignKind.TRIGGER], view.triggers, s)
    flowables += subsection("Signed up", s)
    if view.signed:
        flowables.append(plain("; ".join(f"{who}, {on}" for who, on in view.signed) + ".", s.body))
    else:
        flowables.append(nothing("Nobody has signed up to the plan yet.", s))
    flowables.append(labelled("Review date:", view.review_on or "not set", s.body))
    if view.hints:
        flowables += subsection("Still to think about", s)
        flowables += [bulleted(hint, s.bullet, "•") for hint in view.hints]
    return flowables


def _status_cell(row: MilestoneRow, s: Styles) -> PlainText:
    """The status in bold; a late milestone reads "Late" in amber."""
    style = s.cell_bold
    colour = CONCERN if row.late else style.textColor
    return PlainText([Run(row.status, BOLD, style.fontSize, style.leading, colour)])


def trajectory_flowables(rows: tuple[MilestoneRow, ...], s: Styles) -> list[Flowable]:
    flowables = section(TRAJECTORY_PLAN, s)
    late = sum(1 for row in rows if row.late)
    count = len(rows)
    lead = f"{count} milestone{'' if count == 1 else 's'} on the road to closure"
    lead += f", {late} late." if late else "."
    flowables.append(plain(lead, s.body))
    titles = ("Planned", "Milestone", "Who", "Status", "Target")
    table = [
        [plain(text, s.cell_bold) for text in titles],
        *[
            [
                plain(row.when or "–", s.cell),
                plain(row.what, s.cell),
                plain(row.who or "–", s.cell),
                _status_cell(row, s),
                plain(row.target or "–", s.cell),
            ]
            for row in rows
        ],
    ]
    return opening(flowables, grid(table, _widths(0.14, 0.38, 0.24, 0.15, 0.09)))

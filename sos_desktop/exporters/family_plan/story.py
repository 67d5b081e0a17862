"""The family's copy of the safety plan as flowables: large type (body 14 points), plain headings, room to sign.

The headings are the family's own words: "Our safety plan", "What we will do", "Who makes sure", "Warning signs and
what we do", "If a rule is broken", "When we will look at this plan again" and "Signed". Every word the family or
the network wrote is plain text (:mod:`sos_desktop.exporters.minutes.plain_text`), so it prints in any script and
nothing in it is taken for markup; the fonts are the minutes' own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from sos_desktop.exporters.family_plan.content import FamilyPlan
from sos_desktop.exporters.minutes.fonts import BOLD, REGULAR, register_fonts
from sos_desktop.exporters.minutes.plain_text import Lead, plain
from sos_desktop.exporters.minutes.script_text import text_width
from sos_desktop.exporters.minutes.story_parts import bulleted
from sos_desktop.exporters.minutes.styles import ACCENT, FRAME_WIDTH, INK, MUTED, RULE
from sos_desktop.models.bidi import Direction

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle

BLANK_SIGNATURES = 3
"""Empty lines under the people already signed up, for whoever signs next."""


@dataclass(frozen=True)
class FamilyStyles:
    title: ParagraphStyle
    lead: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    rule: ParagraphStyle
    detail: ParagraphStyle
    bullet: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle


@cache
def family_styles() -> FamilyStyles:
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    base = ParagraphStyle(
        "FamilyBody", fontName=REGULAR, bulletFontName=BOLD, fontSize=14, leading=20, textColor=INK, spaceAfter=8
    )

    def like(name: str, parent: ParagraphStyle = base, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **changes)

    return FamilyStyles(
        title=like("FamilyTitle", fontName=BOLD, fontSize=30, leading=36, textColor=ACCENT, spaceAfter=6),
        lead=like("FamilyLead", fontSize=16, leading=23, spaceAfter=6),
        heading=like(
            "FamilyHeading",
            fontName=BOLD,
            fontSize=20,
            leading=26,
            textColor=ACCENT,
            spaceBefore=20,
            spaceAfter=8,
            keepWithNext=1,
        ),
        subheading=like(
            "FamilySub", fontName=BOLD, fontSize=16, leading=22, spaceBefore=8, spaceAfter=4, keepWithNext=1
        ),
        body=base,
        rule=like("FamilyRule", fontName=BOLD, leftIndent=30, bulletIndent=0, bulletFontSize=14, spaceAfter=2),
        detail=like("FamilyDetail", leftIndent=30, spaceAfter=12),
        bullet=like("FamilyBullet", fontName=BOLD, leftIndent=30, bulletIndent=2, bulletFontSize=14, spaceAfter=2),
        note=like("FamilyNote", fontSize=14, textColor=MUTED),
        cell=like("FamilyCell", spaceAfter=0),
    )


def _heading(title: str, s: FamilyStyles) -> Flowable:
    heading = plain(title, s.heading, direction=Direction.LEFT_TO_RIGHT)
    heading.bookmark = title
    return heading


def _section(title: str, blocks: list[list[Flowable]], s: FamilyStyles) -> list[Flowable]:
    """The heading kept on a page with the first block, each block whole on one page."""
    first, *rest = blocks
    return [KeepTogether([_heading(title, s), *first]), *(KeepTogether(block) for block in rest)]


def _labelled(label: str, text: str, style: ParagraphStyle) -> Flowable:
    """``text`` after ``label`` in bold, every line ``style.leftIndent`` in."""
    indent = style.leftIndent
    start = indent + text_width(label, BOLD, style.fontSize) + text_width(" ", style.fontName, style.fontSize)
    lead = Lead(label, BOLD, style.fontSize, indent, start)
    return plain(text, style, direction=Direction.LEFT_TO_RIGHT, indent=indent, lead=lead)


def _listed(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _top(plan: FamilyPlan, s: FamilyStyles) -> list[Flowable]:
    title = plain("Our safety plan", s.title, direction=Direction.LEFT_TO_RIGHT)
    title.bookmark = "Our safety plan"
    flowables: list[Flowable] = [title]
    if plan.children:
        flowables.append(plain(f"How we will keep {_listed(plan.children)} safe.", s.lead))
    if plan.made_on:
        flowables.append(plain(f"We made this plan together on {plan.made_on}.", s.lead))
    return flowables


def _rules(plan: FamilyPlan, s: FamilyStyles) -> list[Flowable]:
    if not plan.rules:
        return _section("What we will do", [[plain("We have not written down our rules yet.", s.note)]], s)
    blocks = []
    for rule in plan.rules:
        who = _listed(tuple(owner.name for owner in rule.owners)) if rule.owners else "nobody yet: we need to agree who"
        blocks.append([bulleted(rule.words, s.rule, f"{rule.number}."), _labelled("Who makes sure:", who, s.detail)])
    return _section("What we will do", blocks, s)


def _reach(plan: FamilyPlan, s: FamilyStyles) -> list[Flowable]:
    if not plan.reach:
        return _section("Who makes sure", [[plain("Nobody has been asked to make sure of a rule yet.", s.note)]], s)
    blocks = []
    for person in plan.reach:
        block: list[Flowable] = [plain(person.name, s.subheading)]
        if person.contact:
            block.append(_labelled("How to reach them:", person.contact, s.body))
        elif not plan.pseudonymised:
            block.append(plain("How to reach them: not written down yet.", s.note))
        block.append(plain(person.rules_line, s.body))
        blocks.append(block)
    if plan.pseudonymised:
        blocks.append([plain("Phone numbers and other contact details are left out of this copy.", s.note)])
    return _section("Who makes sure", blocks, s)


def _signs(plan: FamilyPlan, s: FamilyStyles) -> list[Flowable]:
    if not plan.signs:
        empty = [[plain("We have not written down any warning signs yet.", s.note)]]
        return _section("Warning signs and what we do", empty, s)
    blocks = []
    for title, signs in plan.signs:
        lead: list[Flowable] = [plain(title, s.subheading)]
        for sign in signs:
            block = [*lead, bulleted(sign.words, s.bullet, "•")]
            if sign.response:
                block.append(_labelled("What we do:", sign.response, s.detail))
            blocks.append(block)
            lead = []
    return _section("Warning signs and what we do", blocks, s)


def _if_broken(plan: FamilyPlan, s: FamilyStyles) -> list[Flowable]:
    agreed = [rule for rule in plan.rules if rule.if_broken]
    if not agreed:
        empty = [[plain("We have not yet agreed what happens if a rule is broken.", s.note)]]
        return _section("If a rule is broken", empty, s)
    blocks = [[_labelled(f"If rule {rule.number} is broken:", rule.if_broken, s.body)] for rule in agreed]
    return _section("If a rule is broken", blocks, s)


def _review(plan: FamilyPlan, s: FamilyStyles) -> list[Flowable]:
    when = plain(plan.review_on, s.lead) if plan.review_on else plain("We have not set a date yet.", s.note)
    return _section("When we will look at this plan again", [[when]], s)


def _signatures(plan: FamilyPlan, s: FamilyStyles) -> list[Flowable]:
    lead = plain("By signing, we agree to this plan and to do our part in it.", s.body)
    header = [plain(text, s.subheading, space_before=0) for text in ("Name", "Signature", "Date")]
    rows: list[list[object]] = [[plain(name, s.cell), "", plain(on, s.cell)] for name, on in plan.signed]
    rows += [["", "", ""] for _ in range(BLANK_SIGNATURES)]
    table = Table([header, *rows], colWidths=[FRAME_WIDTH * 0.42, FRAME_WIDTH * 0.36, FRAME_WIDTH * 0.22])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 14),
                ("VALIGN", (0, 1), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (0, 1), (-1, -1), 0.8, colors.HexColor(RULE)),
                ("TOPPADDING", (0, 1), (-1, -1), 18),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    return _section("Signed", [[lead, Spacer(1, 4), table]], s)


def family_plan_story(plan: FamilyPlan) -> list[Flowable]:
    s = family_styles()
    return [
        *_top(plan, s),
        *_rules(plan, s),
        *_reach(plan, s),
        *_signs(plan, s),
        *_if_broken(plan, s),
        *_review(plan, s),
        *_signatures(plan, s),
    ]

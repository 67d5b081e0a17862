"""The development report's pages: the plan stage by stage, self vs observer per criterion (table and paired bars),
what the observers said of the evidence meetings, and the sign-offs.

It is about the facilitation, never a case: meetings are named by their date and kind only, since a meeting's
title may carry a family's name, and no case label or reference is printed. The figures come from
``models.development_plan.self_vs_observer``, as the development plan window's do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from sos_desktop.exporters.development_plan.chart import chart_key, paired_bars
from sos_desktop.exporters.minutes.fonts import REGULAR
from sos_desktop.exporters.minutes.naming import short_date
from sos_desktop.exporters.minutes.plain_text import plain
from sos_desktop.exporters.minutes.story_parts import grid, nothing, section, subsection
from sos_desktop.exporters.minutes.styles import FRAME_WIDTH, Styles, styles
from sos_desktop.models import Meeting, Observations
from sos_desktop.models.development_plan import (
    STAGES,
    CriterionComparison,
    DevelopmentPlan,
    PlanComparison,
    self_vs_observer,
    stage_dates,
)
from sos_desktop.models.labels import meeting_kind_label
from sos_desktop.models.scaling import number_text


@dataclass(frozen=True)
class DevelopmentReport:
    plan: DevelopmentPlan
    facilitated: Sequence[tuple[Meeting, Observations]]

    @property
    def title(self) -> str:
        return f"Development report — {self.plan.leader}"

    def comparison(self) -> PlanComparison:
        """Over the plan's meetings; over every meeting they facilitated while the plan names none."""
        return self_vs_observer(self.plan, self.facilitated, every_meeting=not self.plan.meeting_uids())


def meeting_name(meeting: Meeting) -> str:
    """A meeting as the report names it: its date and kind ("12 Jan 2026, Group supervision")."""
    return f"{short_date(meeting.held_on)}, {meeting_kind_label(meeting.kind)}"


def report_story(report: DevelopmentReport) -> list[Flowable]:
    s = styles()
    plan = report.plan
    title = plain(report.title, s.title)
    title.bookmark = report.title
    figures = report.comparison()
    story: list[Flowable] = [title, plain("For their appraisal", s.subtitle), _details(report, s), Spacer(1, 8)]
    story += _plan(report, s)
    story += _self_vs_observer(figures, s)
    story += _observers_said(figures, s)
    story += _sign_offs(plan, s)
    return story


def _details(report: DevelopmentReport, s: Styles) -> Table:
    plan = report.plan
    observed = sum(1 for _, observations in report.facilitated if not observations.is_empty())
    rows = [
        ("Practice leader", plan.leader),
        ("Supervisor", plan.supervisor or "Not recorded"),
        ("Trajectory started", short_date(plan.started_on) if plan.started_on else "Not recorded"),
        ("Meetings facilitated", f"{len(report.facilitated)} ({observed} observed)"),
    ]
    table = Table(
        [[Paragraph(k, s.cell_bold), plain(v, s.cell)] for k, v in rows],
        colWidths=[FRAME_WIDTH * 0.25, FRAME_WIDTH * 0.6],
        hAlign="LEFT",
    )
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 8.5), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _plan(report: DevelopmentReport, s: Styles) -> list[Flowable]:
    plan = report.plan
    flowables = section("The plan over two years", s)
    if not plan.goals:
        return [*flowables, nothing("No goals have been set yet.", s)]
    named = {meeting.uid: meeting_name(meeting) for meeting, _ in report.facilitated}
    for stage in STAGES:
        goals = [goal for goal in plan.goals if goal.stage == stage.key]
        if not goals:
            continue
        when = ""
        if plan.started_on:
            first, last = stage_dates(plan.started_on, stage.key)
            when = f" · {short_date(first)} to {short_date(last)}"
        block: list[Flowable] = [*subsection(stage.label, s), plain(stage.focus + when, s.small)]
        header = [Paragraph(t, s.cell_bold) for t in ("Goal", "Target", "Status", "Evidence", "Their next step")]
        rows = [
            [
                plain(goal.text, s.cell),
                Paragraph(short_date(goal.target) if goal.target else "–", s.cell),
                Paragraph(goal.status.label, s.cell),
                plain(_evidence(goal.evidence, named), s.cell),
                plain(goal.next_step or "–", s.cell),
            ]
            for goal in goals
        ]
        widths = [FRAME_WIDTH * w for w in (0.26, 0.11, 0.11, 0.28, 0.24)]
        flowables += [KeepTogether([*block, Spacer(1, 3), grid([header, *rows], widths)]), Spacer(1, 6)]
    return flowables


def _evidence(evidence: Sequence[object], named: dict[str, str]) -> str:
    lines = []
    for item in evidence:
        uid, note = getattr(item, "meeting_uid", ""), getattr(item, "note", "")
        where = named.get(uid, "A meeting no longer on record")
        lines.append(f"{where}: {note}" if note else where)
    return "\n".join(lines) or "–"


def _number(value: float | None) -> str:
    return "–" if value is None else number_text(value)


def _gap(row: CriterionComparison) -> str:
    gap = row.gap
    if gap is None:
        return "–"
    return f"+{number_text(gap)}" if gap > 0 else ("0" if gap == 0 else f"−{number_text(-gap)}")


def _comparison_table(rows: Sequence[CriterionComparison], s: Styles) -> Table:
    header = [Paragraph("Criterion", s.cell_bold)]
    header += [Paragraph(t, s.cell_right_bold) for t in ("Their own", "Observers'", "Gap")]
    body = [
        [
            plain(row.criterion, s.cell),
            Paragraph(_number(row.leader), s.cell_right),
            Paragraph(_number(row.observer), s.cell_right),
            Paragraph(_gap(row), s.cell_right),
        ]
        for row in rows
    ]
    return grid([header, *body], [FRAME_WIDTH * 0.55, FRAME_WIDTH * 0.15, FRAME_WIDTH * 0.15, FRAME_WIDTH * 0.15])


def _self_vs_observer(figures: PlanComparison, s: Styles) -> list[Flowable]:
    flowables = section("Their own rating beside the observers'", s)
    if not figures.criteria:
        return [*flowables, nothing("Neither they nor an observer have rated these meetings yet.", s)]
    flowables.append(
        plain(
            f"The mean over the {len(figures.meetings)} meetings of the plan that both they and an observer rated "
            "(where no meeting was rated by both, each side's own mean). The gap is their own rating less the "
            "observers': above nought, they rated themselves higher.",
            s.small,
        )
    )
    flowables += [Spacer(1, 3), _comparison_table(figures.overall, s), Spacer(1, 8)]
    flowables.append(KeepTogether([paired_bars(figures.overall, FRAME_WIDTH), chart_key()]))
    for meeting in figures.meetings:
        rated = [row for row in meeting.rows if row.leader is not None or row.observer is not None]
        if not rated:
            continue
        flowables.append(KeepTogether([*subsection(meeting_name(meeting.meeting), s), _comparison_table(rated, s)]))
    return flowables


def _observers_said(figures: PlanComparison, s: Styles) -> list[Flowable]:
    flowables = section("What the observers said", s)
    said = [m for m in figures.meetings if m.figures.observations.went_well or m.figures.observations.even_better_if]
    if not said:
        return [*flowables, nothing("The observers wrote no summary of these meetings.", s)]
    for meeting in said:
        observations = meeting.figures.observations
        who = meeting.figures.observer or "Observer not recorded"
        block: list[Flowable] = [*subsection(f"{meeting_name(meeting.meeting)} · {who}", s)]
        if observations.went_well:
            block += [Paragraph("What went well", s.cell_bold), plain(observations.went_well, s.body)]
        if observations.even_better_if:
            block += [Paragraph("Even better if", s.cell_bold), plain(observations.even_better_if, s.body)]
        flowables.append(KeepTogether(block))
    return flowables


def _sign_offs(plan: DevelopmentPlan, s: Styles) -> list[Flowable]:
    flowables = section("Sign-offs", s)
    if not plan.sign_offs:
        return [*flowables, nothing("Nothing has been signed off yet.", s)]
    header = [Paragraph(t, s.cell_bold) for t in ("What", "Supervisor", "Date", "Comment")]
    rows = [
        [
            Paragraph(signed.what, s.cell),
            plain(signed.supervisor, s.cell),
            Paragraph(short_date(signed.on), s.cell),
            plain(signed.comment or "–", s.cell),
        ]
        for signed in plan.sign_offs
    ]
    widths = [FRAME_WIDTH * w for w in (0.28, 0.2, 0.14, 0.38)]
    return [*flowables, grid([header, *rows], widths)]

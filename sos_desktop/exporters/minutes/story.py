"""The minutes' story: the flowables, in the order practitioners file them, built from a :class:`MinutesSnapshot`.

Heading, who was there, the focus question, the agenda, in a continued meeting the review of last time's next steps
and what changed since, the map in its three columns, the danger statements beside their goals, who agrees with
each of them (a family network meeting or conference), the scales (with the spread of numbers and the trajectory), a
conference's decision, the safety network, the child's voice, the next steps (overdue ones marked),
the safety plan and the trajectory plan (when the meeting has them), the summary for the child's file, the case
chronology when it has events and, only when asked for, the observer's feedback.

The review opens a continued meeting as it opens its agenda, and what changed follows it, so that the map is read
knowing what is new on it. The chronology is the case's, not the meeting's: it follows the meeting's own record,
as the reference part before the feedback (which is usually kept out of the child's file).

What people wrote is set as :class:`~.plain_text.PlainText` (fast, and nothing in it can be taken for markup);
headings and the few lines that mix type are Paragraphs. A heading is always kept with what follows it.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from sos_desktop.exporters.minutes.charts import spread_chart, trajectory_chart
from sos_desktop.exporters.minutes.columns import MapColumns
from sos_desktop.exporters.minutes.fonts import BOLD, REGULAR
from sos_desktop.exporters.minutes.genogram_legend import genogram_legend_drawing
from sos_desktop.exporters.minutes.keeping import kept
from sos_desktop.exporters.minutes.network_drawing import legend_drawing, network_drawing
from sos_desktop.exporters.minutes.plain_text import PlainText, Run, plain
from sos_desktop.exporters.minutes.snapshot import Card, MapColumn, MinutesSnapshot
from sos_desktop.exporters.minutes.snapshot_parts import ScaleView
from sos_desktop.exporters.minutes.story_family import family_sections
from sos_desktop.exporters.minutes.story_over_time import (
    OVERDUE,
    changes_flowables,
    chronology_flowables,
    overdue_cell,
    review_flowables,
)
from sos_desktop.exporters.minutes.story_parts import (
    bulleted,
    feedback_flowables,
    grid,
    heading_block,
    nothing,
    section,
    subsection,
)
from sos_desktop.exporters.minutes.story_plans import safety_plan_flowables, trajectory_flowables
from sos_desktop.exporters.minutes.story_safety_house import safety_house_story
from sos_desktop.exporters.minutes.styles import (
    COLUMN_SHADES,
    CONCERN,
    FRAME_WIDTH,
    MUTED,
    RULE,
    Styles,
    markup,
    number_text,
    styles,
)


def minutes_story(snapshot: MinutesSnapshot) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = heading_block(snapshot.heading, s)
    agreement, decision = family_sections(snapshot.family, s)
    focus = snapshot.focus_question
    summary = snapshot.summary
    sections: list[list[Flowable]] = [
        _attendees(snapshot, s),
        [
            *section("Focus question", s),
            plain(focus, s.quote) if focus else nothing("No focus question was recorded.", s),
        ],
        _agenda(snapshot, s),
        *_review_and_changes(snapshot, s),
        [*section("The assessment and planning map", s), _map_columns(snapshot.columns, s)],
        _pairs(snapshot, s),
        *agreement,
        _scales(snapshot.scales, s),
        *decision,
        _network(snapshot, s),
        _voice(snapshot, s),
        safety_house_story(snapshot.safety_houses, s),
        _next_steps(snapshot, s),
        *_plans(snapshot, s),
        [
            *section("Summary for the child's file", s),
            plain(summary, s.body) if summary else nothing("No summary was written.", s),
        ],
        *_chronology(snapshot, s),
    ]
    if snapshot.feedback is not None:
        heading = section("Observer's feedback on the facilitation", s)
        sections.append(feedback_flowables(snapshot.feedback, s, lead=heading))
    # A short section stays on one page, and the last ones together: no page holds a heading and a stray line.
    return story + kept(sections)


def _review_and_changes(snapshot: MinutesSnapshot, s: Styles) -> list[list[Flowable]]:
    """A continued meeting begins with the review of last time's next steps, then what changed since."""
    over_time = snapshot.over_time
    if over_time is None:
        return []
    parts = []
    if over_time.review is not None:
        parts.append(review_flowables(over_time.review, s))
    if over_time.changes is not None:
        parts.append(changes_flowables(over_time.changes, s))
    return parts


def _plans(snapshot: MinutesSnapshot, s: Styles) -> list[list[Flowable]]:
    """The safety plan and the trajectory plan, after the next steps; each left out when it is empty."""
    plans = snapshot.plans
    if plans is None:
        return []
    parts = []
    if plans.safety is not None:
        parts.append(safety_plan_flowables(plans.safety, s))
    if plans.trajectory:
        parts.append(trajectory_flowables(plans.trajectory, s))
    return parts


def _chronology(snapshot: MinutesSnapshot, s: Styles) -> list[list[Flowable]]:
    over_time = snapshot.over_time
    if over_time is None or not over_time.chronology:
        return []
    return [chronology_flowables(over_time.chronology, over_time.chronology_until, s)]


def _attendees(snapshot: MinutesSnapshot, s: Styles) -> list[Flowable]:
    flowables = section("Who was there", s)
    if not snapshot.attendees:
        return [*flowables, nothing("No attendees were recorded.", s)]
    header = [plain("Name", s.cell_bold), plain("Role", s.cell_bold)]
    rows = [[plain(name, s.cell), plain(role, s.cell)] for name, role in snapshot.attendees]
    flowables.append(grid([header, *rows], [FRAME_WIDTH * 0.42, FRAME_WIDTH * 0.25]))
    return flowables


def _agenda(snapshot: MinutesSnapshot, s: Styles) -> list[Flowable]:
    flowables = section("Agenda and time", s)
    if not snapshot.agenda:
        return [*flowables, nothing("The meeting had no agenda.", s)]
    header = [
        plain("Phase", s.cell_bold),
        Paragraph("Planned", s.cell_right_bold),
        Paragraph("Actual", s.cell_right_bold),
    ]
    rows = []
    for row in snapshot.agenda:
        actual = markup(row.actual) or "–"
        if row.over:
            actual = f'<font color="#A04A00"><b>{actual}</b> (over)</font>'
        rows.append(
            [plain(row.title, s.cell), Paragraph(row.planned or "–", s.cell_right), Paragraph(actual, s.cell_right)]
        )
    flowables.append(grid([header, *rows], [FRAME_WIDTH * 0.5, FRAME_WIDTH * 0.14, FRAME_WIDTH * 0.2]))
    return flowables


def _card(card: Card, s: Styles) -> PlainText:
    """A card: its pair's number above it (danger statements and goals), its words, then who said it or, for a
    next step, its status, owner and date.
    """
    runs = []
    if card.pair is not None:
        runs.append(Run(f"Pair {card.pair}", BOLD, 7.5, 10, s.category.textColor))
    runs.append(Run(card.text, s.card.fontName, s.card.fontSize, s.card.leading, s.card.textColor))
    meta = " · ".join(part for part in (card.action, f"said by {card.said_by}" if card.said_by else "") if part)
    if meta:
        runs.append(Run(meta, REGULAR, 7.5, 10, s.card_meta.textColor))
    if card.overdue:
        runs.append(Run(OVERDUE, BOLD, 7.5, 10, CONCERN))
    return PlainText(runs, space_after=s.card.spaceAfter)


def _map_columns(columns: tuple[MapColumn, ...], s: Styles) -> MapColumns:
    """The three columns side by side, each category's cards under its heading, running on over pages."""

    def header(index: int) -> Paragraph:
        column = columns[index]
        question = f'<font name="{REGULAR}" size="7.5" color="{MUTED}">{markup(column.question)}</font>'
        return Paragraph(f"{markup(column.title)}<br/>{question}", s.column_title)

    def continued(label: str) -> Paragraph:
        return Paragraph(f'{markup(label)} <font name="{REGULAR}" size="7.5">(continued)</font>', s.category)

    flowables: list[list[Flowable]] = []
    for column in columns:
        entries: list[Flowable] = []
        for block in column.blocks:
            entries.append(Paragraph(markup(block.label), s.category))
            if not block.cards:
                entries.append(plain("Nothing recorded.", s.card_empty))
            for card in block.cards:
                entry = _card(card, s)
                entry.map_category = block.label
                entries.append(entry)
        flowables.append(entries)
    return MapColumns(header, flowables, COLUMN_SHADES, RULE, continued=continued)


def _pairs(snapshot: MinutesSnapshot, s: Styles) -> list[Flowable]:
    if not snapshot.pairs:
        return []
    danger, goal = snapshot.pair_words
    flowables = section(snapshot.pairs_title, s)
    header = [plain("Pair", s.cell_bold), plain(danger, s.cell_bold), plain(goal, s.cell_bold)]
    rows = [
        [
            plain("–" if pair.number is None else str(pair.number), s.cell_bold),
            plain(pair.danger, s.cell) if pair.danger else plain(f"No {danger.lower()} paired yet.", s.card_empty),
            plain(pair.goal, s.cell) if pair.goal else plain(f"No {goal.lower()} paired yet.", s.card_empty),
        ]
        for pair in snapshot.pairs
    ]
    rest = FRAME_WIDTH - 34
    flowables.append(grid([header, *rows], [34, rest / 2, rest / 2]))
    return flowables


def _scale_top(number: int, count: int, scale: ScaleView, s: Styles) -> list[Flowable]:
    """The scale's question, what it is about, its anchors and, when rated, the chart of the numbers."""
    top: list[Flowable] = [*subsection(f"Scale {number} of {count}" if count > 1 else "The scale", s)]
    top.append(plain(scale.question, s.body))
    if scale.about:
        top.append(plain(f"About pair {scale.about}", s.small))
    if scale.zero_means:
        top.append(plain(f"0 means: {scale.zero_means}", s.small))
    if scale.ten_means:
        top.append(plain(f"10 means: {scale.ten_means}", s.small))
    if scale.private_round:
        top.append(plain("These numbers were given privately and had not been revealed to the room.", s.note))
    if scale.spread is None:
        return [*top, nothing("Nobody rated this scale.", s)]
    lowest, highest, median = scale.spread
    values = [rating.value for rating in scale.ratings]
    top += [Spacer(1, 4), spread_chart(values, scale.spread, FRAME_WIDTH)]
    ratings = f"{len(values)} rating{'' if len(values) == 1 else 's'}"
    summary = f"{ratings}: lowest {number_text(lowest)}, median {number_text(median)}, highest {number_text(highest)}."
    return [*top, plain(summary, s.small)]


def _scales(scales: tuple[ScaleView, ...], s: Styles) -> list[Flowable]:
    heading = section("Scaling", s)
    if not scales:
        return [*heading, nothing("No scales were used.", s)]
    flowables: list[Flowable] = []
    widths = [FRAME_WIDTH * 0.2, FRAME_WIDTH * 0.1, FRAME_WIDTH * 0.36, FRAME_WIDTH * 0.34]
    titles = ("Who", "Number", "What makes it this number", "What would make it one point higher")
    for number, scale in enumerate(scales, start=1):
        top = _scale_top(number, len(scales), scale, s)
        flowables.append(KeepTogether([*(heading if number == 1 else []), *top]))
        if scale.ratings:
            rows = [
                [
                    plain(r.rater, s.cell),
                    plain(number_text(r.value), s.cell_bold),
                    plain(r.reason, s.cell),
                    plain(r.one_point_higher, s.cell),
                ]
                for r in scale.ratings
            ]
            flowables.append(grid([[plain(title, s.cell_bold) for title in titles], *rows], widths))
        if scale.trajectory:
            caption = "Each meeting's lowest to highest number (shaded) and its median (joined up)."
            flowables.append(
                KeepTogether(
                    [
                        Paragraph("Across the case's meetings", s.subsection),
                        plain(caption, s.small),
                        trajectory_chart(scale.trajectory, FRAME_WIDTH),
                    ]
                )
            )
    return flowables


def _network(snapshot: MinutesSnapshot, s: Styles) -> list[Flowable]:
    view = snapshot.network
    heading = section("Safety network", s)
    if not view.nodes:
        empty = "Nobody has been added to the network yet: an empty network is itself a finding."
        return [*heading, nothing(empty, s)]
    kinds = list(dict.fromkeys(kind for _, _, kind in view.links))
    picture = [
        *heading,
        plain(view.summary, s.body),
        network_drawing(view, FRAME_WIDTH),
        Spacer(1, 6),
        genogram_legend_drawing(FRAME_WIDTH, view) if view.genogram else legend_drawing(FRAME_WIDTH, kinds),
    ]
    flowables: list[Flowable] = [KeepTogether(picture)]
    if view.findings:
        flowables += subsection("What the network shows", s)
        for message, concern in view.findings:
            style = s.bullet_concern if concern else s.bullet
            flowables.append(bulleted(message, style, "⚠" if concern else "•"))
    tree = snapshot.family_tree
    if tree is not None:
        lead = "The family as a genogram: who is related to whom, who lives together, and how each tie is held."
        flowables.append(
            KeepTogether(
                [
                    *subsection("Family tree", s),
                    plain(lead, s.small),
                    network_drawing(tree, FRAME_WIDTH),
                    Spacer(1, 6),
                    genogram_legend_drawing(FRAME_WIDTH, tree),
                ]
            )
        )
    return flowables


def _voice(snapshot: MinutesSnapshot, s: Styles) -> list[Flowable]:
    heading = section("The child's voice", s)
    flowables: list[Flowable] = []
    if not snapshot.voice:
        flowables += [*heading, nothing("No words the child agreed to share were recorded.", s)]
    for group_number, group in enumerate(snapshot.voice):
        lead = [*(heading if group_number == 0 else []), *subsection(f"{group.child}: {group.tool}", s)]
        for title, words in group.houses:
            block: list[Flowable] = [*lead, Paragraph(markup(title), s.category)]
            block += [plain(f"“{text}”", s.quote) for text in words]
            flowables.append(KeepTogether(block))
            lead = []
    if snapshot.voice_not_shared:
        count = snapshot.voice_not_shared
        left_out = f"{count} {'entry is' if count == 1 else 'entries are'} left out"
        flowables.append(
            plain(f"{left_out}: the child has not agreed to share {'it' if count == 1 else 'them'}.", s.note)
        )
    return flowables


def _next_steps(snapshot: MinutesSnapshot, s: Styles) -> list[Flowable]:
    flowables = section("Next steps", s)
    if not snapshot.next_steps:
        return [*flowables, nothing("No next steps were recorded.", s)]
    header = [plain(text, s.cell_bold) for text in ("What", "Who", "By when", "Status")]
    rows = [
        [
            plain(row.what, s.cell),
            plain(row.who or "–", s.cell),
            plain(row.due or "–", s.cell),
            overdue_cell(row.status, s, overdue=row.overdue),
        ]
        for row in snapshot.next_steps
    ]
    widths = [FRAME_WIDTH * 0.52, FRAME_WIDTH * 0.2, FRAME_WIDTH * 0.15, FRAME_WIDTH * 0.13]
    flowables.append(grid([header, *rows], widths))
    if snapshot.next_steps_note:
        flowables.append(plain(snapshot.next_steps_note, s.note))
    return flowables

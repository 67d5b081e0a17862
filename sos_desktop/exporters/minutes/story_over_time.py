"""The minutes' sections on the case over time as flowables: the review of last time's next steps (overdue ones
marked in amber and counted), what changed since last time, and the case chronology, from :mod:`.over_time`'s
plain data.

Every text somebody typed is plain text (:mod:`.plain_text`), so it prints in any script; a cell that says two
things (an outcome and "Overdue", a card and what it said before) holds one run for each, one under the other.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from sos_desktop.exporters.minutes.fonts import BOLD
from sos_desktop.exporters.minutes.keeping import keep_with_next, opening
from sos_desktop.exporters.minutes.over_time import CardLine, ChangesView, EventRow, ReviewView, ScaleLine
from sos_desktop.exporters.minutes.plain_text import PlainText, Run, plain
from sos_desktop.exporters.minutes.story_parts import grid, nothing, section, subsection
from sos_desktop.exporters.minutes.styles import CONCERN, FRAME_WIDTH, MUTED, Styles

OVERDUE = "Overdue"


def _widths(*fractions: float) -> list[float]:
    return [FRAME_WIDTH * fraction for fraction in fractions]


def overdue_cell(text: str, s: Styles, *, overdue: bool) -> PlainText:
    """``text`` in bold, with "Overdue" in amber under it when ``overdue`` (the outcome or status of a step)."""
    style = s.cell_bold
    runs = [Run(text, style.fontName, style.fontSize, style.leading, style.textColor)]
    if overdue:
        runs.append(Run(OVERDUE, BOLD, style.fontSize, style.leading, CONCERN))
    return PlainText(runs)


def _counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def review_flowables(view: ReviewView, s: Styles) -> list[Flowable]:
    flowables = section("Review of last time's next steps", s)
    count = len(view.rows)
    steps = _counted(count, "next step", "next steps")
    lead = f"{steps} agreed at {view.previous}." if view.previous else f"{steps} from last time."
    overdue = view.overdue_count
    summary = f"{overdue} of {count} {'was' if overdue == 1 else 'were'} overdue." if overdue else "None was overdue."
    flowables.append(plain(f"{lead} {summary}", s.body))
    header = [plain(text, s.cell_bold) for text in ("Next step", "Who", "By when", "Outcome", "Note")]
    rows = [
        [
            plain(row.what, s.cell),
            plain(row.who or "–", s.cell),
            plain(row.due or "–", s.cell),
            overdue_cell(row.outcome, s, overdue=row.overdue),
            plain(row.note or "–", s.cell),
        ]
        for row in view.rows
    ]
    return opening(flowables, grid([header, *rows], _widths(0.28, 0.14, 0.14, 0.19, 0.25)))


def _card_cell(line: CardLine, s: Styles) -> PlainText:
    """A card's words now (or, dropped, then), and under them, smaller, what it said before or where it was."""
    cell, small = s.cell, s.small
    runs = [Run(line.text, cell.fontName, cell.fontSize, cell.leading, cell.textColor)]
    if line.before:
        runs.append(Run(f"It said: {line.before}", small.fontName, small.fontSize, small.leading, MUTED))
    if line.moved_from:
        runs.append(Run(f"Moved from {line.moved_from}", small.fontName, small.fontSize, small.leading, MUTED))
    return PlainText(runs)


def _scale_rows(lines: tuple[ScaleLine, ...], s: Styles) -> list[list[Flowable]]:
    rows = []
    for line in lines:
        bold, small = s.cell_bold, s.small
        medians = [Run(f"{line.then} → {line.now}", bold.fontName, bold.fontSize, bold.leading, bold.textColor)]
        if line.movement:
            medians.append(Run(line.movement, small.fontName, small.fontSize, small.leading, MUTED))
        raters = plain("\n".join(line.raters), s.cell) if line.raters else plain("–", s.cell)
        rows.append([plain(line.question, s.cell), PlainText(medians), raters])
    return rows


def _counts_line(view: ChangesView) -> str:
    if not view.counts:
        return ""
    parts = [f"{count} {label.lower()}" for label, count in view.counts]
    total = sum(count for _, count in view.counts)
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    return f" Cards: {listed} ({_counted(total, 'card', 'cards')} in all)."


def changes_flowables(view: ChangesView, s: Styles) -> list[Flowable]:
    flowables = section("What changed since last time", s)
    flowables.append(keep_with_next(plain(f"Since {view.previous}.{_counts_line(view)}", s.body)))
    if view.is_empty():
        return [*flowables, nothing("Nothing changed on the map, the scales or the network.", s)]
    for label, lines in view.categories:
        flowables += subsection(label, s)
        rows = [[plain(line.kind, s.cell_bold), _card_cell(line, s)] for line in lines]
        flowables.append(grid(rows, _widths(0.14, 0.86)))
    if view.scales:
        flowables += subsection("Scales", s)
        header = [plain(text, s.cell_bold) for text in ("Scale", "Median then → now", "Each person who rated both")]
        flowables.append(grid([header, *_scale_rows(view.scales, s)], _widths(0.46, 0.22, 0.32)))
    if view.network:
        flowables += subsection("Safety network", s)
        rows = [[plain(what, s.cell_bold), plain(who, s.cell)] for what, who in view.network]
        flowables.append(grid(rows, _widths(0.3, 0.7)))
    return flowables


def chronology_flowables(events: tuple[EventRow, ...], until: str, s: Styles) -> list[Flowable]:
    flowables = section("Chronology", s)
    counted = _counted(len(events), "event", "events")
    lead = f"The case's significant events up to {until}, oldest first ({counted})."
    flowables.append(plain(lead, s.body))
    header = [plain(text, s.cell_bold) for text in ("When", "What happened", "Source")]
    rows = [[plain(e.when, s.cell_bold), plain(e.what, s.cell), plain(e.source or "–", s.cell)] for e in events]
    return opening(flowables, grid([header, *rows], _widths(0.22, 0.54, 0.24)))

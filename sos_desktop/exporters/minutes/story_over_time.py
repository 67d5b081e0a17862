"""The minutes' sections on the case over time as flowables: the review of last time's next steps (overdue ones
marked and counted), what changed since last time, and the case chronology, from :mod:`.over_time`'s plain data.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from sos_desktop.exporters.minutes.over_time import ChangesView, EventRow, ReviewView
from sos_desktop.exporters.minutes.plain_text import plain
from sos_desktop.exporters.minutes.story_parts import grid, nothing, section, subsection
from sos_desktop.exporters.minutes.styles import FRAME_WIDTH, Styles

OVERDUE = "Overdue"


def review_flowables(view: ReviewView, s: Styles) -> list[Flowable]:
    flowables = section("Review of last time's next steps", s)
    count = len(view.rows)
    lead = f"The {count} next step{'s' if count != 1 else ''} of {view.previous}" if view.previous else ""
    overdue = view.overdue_count
    summary = f"{overdue} of {count} {'was' if overdue == 1 else 'were'} overdue." if overdue else "None was overdue."
    flowables.append(plain(f"{lead}. {summary}" if lead else summary, s.body))
    header = [plain(text, s.cell_bold) for text in ("Next step", "Who", "By when", "Outcome", "Note")]
    rows = [
        [
            plain(row.what, s.cell),
            plain(row.who or "–", s.cell),
            plain(row.due or "–", s.cell),
            plain(f"{row.outcome}{' · ' + OVERDUE if row.overdue else ''}", s.cell_bold),
            plain(row.note or "–", s.cell),
        ]
        for row in view.rows
    ]
    widths = [FRAME_WIDTH * f for f in (0.32, 0.14, 0.12, 0.16, 0.26)]
    flowables.append(grid([header, *rows], widths))
    return flowables


def changes_flowables(view: ChangesView, s: Styles) -> list[Flowable]:
    flowables = section("What changed since last time", s)
    flowables.append(plain(f"Since {view.previous}.", s.body))
    if view.is_empty():
        return [*flowables, nothing("Nothing changed on the map, the scales or the network.", s)]
    for label, lines in view.categories:
        flowables += subsection(label, s)
        rows = []
        for line in lines:
            detail = line.text
            if line.before:
                detail += f"\n(It said: {line.before})"
            if line.moved_from:
                detail += f"\n(Moved from {line.moved_from})"
            rows.append([plain(line.kind, s.cell_bold), plain(detail, s.cell)])
        flowables.append(grid(rows, [FRAME_WIDTH * 0.14, FRAME_WIDTH * 0.86]))
    if view.scales:
        flowables += subsection("Scales", s)
        header = [plain(text, s.cell_bold) for text in ("Scale", "Median then → now", "Each person who rated both")]
        rows = [
            [
                plain(line.question, s.cell),
                plain(f"{line.then} → {line.now}", s.cell_bold),
                plain(line.raters or "–", s.cell),
            ]
            for line in view.scales
        ]
        flowables.append(grid([header, *rows], [FRAME_WIDTH * 0.5, FRAME_WIDTH * 0.18, FRAME_WIDTH * 0.32]))
    if view.network:
        flowables += subsection("Safety network", s)
        rows = [[plain(what, s.cell_bold), plain(who, s.cell)] for what, who in view.network]
        flowables.append(grid(rows, [FRAME_WIDTH * 0.3, FRAME_WIDTH * 0.7]))
    return flowables


def chronology_flowables(events: tuple[EventRow, ...], s: Styles) -> list[Flowable]:
    flowables = section("Chronology", s)
    header = [plain(text, s.cell_bold) for text in ("When", "What happened", "Source")]
    rows = [[plain(e.when, s.cell_bold), plain(e.what, s.cell), plain(e.source or "–", s.cell)] for e in events]
    flowables.append(grid([header, *rows], [FRAME_WIDTH * 0.18, FRAME_WIDTH * 0.57, FRAME_WIDTH * 0.25]))
    return flowables

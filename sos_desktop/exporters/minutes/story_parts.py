"""Pieces the minutes and the feedback report share: the heading block, section headings (which become bookmarks),
the house table style, the "nothing recorded" line, and the observer's feedback.

Whatever holds text somebody typed (the case, the meeting's title, a name in a heading) is plain text
(:mod:`.plain_text`), which draws any script in a font that has it, shaped and in the order it is seen; a heading
is an English template, so it runs left to right whatever the name in it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from sos_desktop.exporters.minutes.fonts import BOLD, REGULAR
from sos_desktop.exporters.minutes.keeping import Grid, keep_with_next, kept
from sos_desktop.exporters.minutes.plain_text import Lead, plain
from sos_desktop.exporters.minutes.script_text import text_width
from sos_desktop.exporters.minutes.snapshot import Heading
from sos_desktop.exporters.minutes.snapshot_parts import FeedbackView
from sos_desktop.exporters.minutes.styles import ACCENT, FRAME_WIDTH, RULE, SHADE, Styles, markup, number_text
from sos_desktop.models.bidi import Direction

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle


def heading_block(
    heading: Heading, s: Styles, *, what: str = "Minutes", more: Sequence[tuple[str, str]] = ()
) -> list[Flowable]:
    """The case in large type, what this is and of which meeting, then the meeting's particulars in a small table."""
    title = plain(heading.case_label, s.title)
    title.bookmark = heading.case_label
    subtitle = plain(f"{what}: {heading.title}", s.subtitle, direction=Direction.LEFT_TO_RIGHT)
    flowables: list[Flowable] = [title, subtitle]
    details = [
        ("Date", heading.held_on or "Not recorded"),
        ("Meeting", heading.kind),
        ("Framework", heading.framework),
        ("Case reference", heading.reference or "None"),
        ("Confidentiality", "Agreed at the start" if heading.confidentiality_agreed else "Not recorded as agreed"),
        *more,
    ]
    rows = [[Paragraph(key, s.cell_bold), plain(value, s.cell)] for key, value in details]
    table = Table(rows, colWidths=[FRAME_WIDTH * 0.2, FRAME_WIDTH * 0.6], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    rule = Table([[""]], colWidths=[FRAME_WIDTH], rowHeights=[2])
    rule.setStyle(
        TableStyle(
            [("FONT", (0, 0), (-1, -1), REGULAR, 8.5), ("LINEBELOW", (0, 0), (-1, -1), 1.2, colors.HexColor(ACCENT))]
        )
    )
    return [*flowables, table, Spacer(1, 8), rule]


def section(title: str, s: Styles) -> list[Flowable]:
    """A section heading; it is kept with what follows and becomes a bookmark of the file."""
    heading = plain(title, s.section, direction=Direction.LEFT_TO_RIGHT)
    heading.bookmark = title
    return [heading]


def subsection(title: str, s: Styles) -> list[Flowable]:
    return [plain(title, s.subsection, direction=Direction.LEFT_TO_RIGHT)]


def nothing(text: str, s: Styles) -> Paragraph:
    """A quiet line saying that a part of the meeting holds nothing, so an empty section is not mistaken for a gap."""
    return Paragraph(markup(text), s.note)


def labelled(label: str, text: str, style: ParagraphStyle) -> Flowable:
    """``text`` after ``label`` in bold on its first line, as "<b>Observer:</b> Name" would be set."""
    start = text_width(label, BOLD, style.fontSize) + text_width(" ", style.fontName, style.fontSize)
    lead = Lead(label, BOLD, style.fontSize, 0.0, start)
    return plain(text, style, direction=Direction.LEFT_TO_RIGHT, lead=lead)


def bulleted(text: str, style: ParagraphStyle, bullet: str) -> Flowable:
    """``text`` as a bulleted paragraph of ``style`` (its indents and bullet face) would set it: the first line
    starts clear of the bullet, as reportlab's does (0.6 of the bullet's size after it), the others at the indent.
    """
    size = style.bulletFontSize
    bullet_end = style.bulletIndent + text_width(bullet, style.bulletFontName, size) + size * 0.6
    lead = Lead(bullet, style.bulletFontName, size, style.bulletIndent, max(style.leftIndent, bullet_end))
    return plain(text, style, direction=Direction.LEFT_TO_RIGHT, indent=style.leftIndent, lead=lead)


def grid(rows: Sequence[Sequence[object]], widths: Sequence[float], *, align: str = "LEFT") -> Table:
    """A table in the house style: a shaded header row repeated on each page, light rules between rows; never
    broken with fewer than two rows of it on a page (:class:`~.keeping.Grid`).
    """
    table = Grid([list(row) for row in rows], colWidths=list(widths), repeatRows=1, hAlign=align)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(SHADE)),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor(ACCENT)),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, colors.HexColor(RULE)),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def feedback_flowables(view: FeedbackView, s: Styles, *, lead: Sequence[Flowable] = ()) -> list[Flowable]:
    """The observer's notes, the rubric and the appreciative summary (what went well, even better if), after
    ``lead`` (the section's heading, kept with the first of them).
    """
    first: list[Flowable] = list(lead)
    if view.observer:
        first.append(keep_with_next(labelled("Observer:", view.observer, s.body)))
    if view.is_empty():
        return kept([[*first, nothing("The observer recorded no feedback.", s)]])
    first += subsection("The observer's notes", s)
    if view.notes:
        header = [plain(text, s.cell_bold) for text in ("Minute", "Phase", "Note")]
        rows = [
            [plain(minute or "–", s.cell), plain(phase or "–", s.cell), plain(text, s.cell)]
            for minute, phase, text in view.notes
        ]
        first.append(grid([header, *rows], [FRAME_WIDTH * 0.1, FRAME_WIDTH * 0.25, FRAME_WIDTH * 0.65]))
    else:
        first.append(nothing("No notes were taken.", s))
    rubric: list[Flowable] = subsection("Rubric", s)
    if view.ratings:
        header = [plain(text, s.cell_bold) for text in ("What the observer looked at", "Rating", "Comment")]
        rows = [
            [plain(criterion, s.cell), plain(number_text(value), s.cell_bold), plain(comment, s.cell)]
            for criterion, value, comment in view.ratings
        ]
        rubric.append(grid([header, *rows], [FRAME_WIDTH * 0.4, FRAME_WIDTH * 0.1, FRAME_WIDTH * 0.5]))
    else:
        rubric.append(nothing("No ratings were given.", s))
    blocks = [first, rubric]
    for title, text in (("What went well", view.went_well), ("Even better if", view.even_better_if)):
        blocks.append([*subsection(title, s), plain(text, s.body) if text else nothing("Nothing was written.", s)])
    return kept(blocks)

"""How the minutes look: the page's measurements, the colours, the paragraph styles, and text made safe for them.

Practitioners print these and file them, so the hierarchy is plain (one title, section headings, sub-headings,
body text), type is never smaller than 7.5 points, and colour always repeats something the words or shapes say.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from sos_desktop.exporters.minutes.fonts import BOLD, ITALIC, REGULAR, font_runs, register_fonts, warn_uncovered
from sos_desktop.models.control_characters import strip_controls
from sos_desktop.models.scaling import number_text as number_text  # written once, in models, for every surface

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM
"""A4, portrait: what council printers hold."""
MARGIN_X = 18 * MM
MARGIN_TOP = 26 * MM
MARGIN_BOTTOM = 22 * MM
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

INK = "#1A1A1A"
MUTED = "#595959"
ACCENT = "#1F4E79"
RULE = "#B8B8B8"
SHADE = "#F2F4F7"
CONCERN = "#A04A00"
"""Amber darkened until it passes contrast on white paper: a worrying finding, a phase over time."""

COLUMN_SHADES = ("#FBE6E1", "#E2F2E6", "#E1EBF7")
"""The three columns of the map, as on the console: worries, working well, needs to happen."""


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    section: ParagraphStyle
    subsection: ParagraphStyle
    body: ParagraphStyle
    quote: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    concern: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_right_bold: ParagraphStyle
    card: ParagraphStyle
    card_meta: ParagraphStyle
    card_empty: ParagraphStyle
    category: ParagraphStyle
    column_title: ParagraphStyle
    bullet: ParagraphStyle
    bullet_concern: ParagraphStyle


@cache
def styles() -> Styles:
    """The paragraph styles, all in the embedded font (made once per process)."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    base = ParagraphStyle(
        "Body", fontName=REGULAR, bulletFontName=REGULAR, fontSize=9.5, leading=13.5, textColor=INK, spaceAfter=5
    )

    def like(name: str, parent: ParagraphStyle = base, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **changes)

    cell = like("Cell", fontSize=8.5, leading=11, spaceAfter=0)
    card = like("Card", fontSize=8.5, leading=11.2, spaceAfter=5)
    bullet = like("Bullet", leftIndent=13, bulletIndent=1, spaceAfter=3)
    return Styles(
        title=like("Title", fontName=BOLD, fontSize=20, leading=24, textColor=ACCENT, spaceAfter=4),
        subtitle=like("Subtitle", fontSize=12, leading=16, textColor=INK, spaceAfter=10),
        section=like(
            "Section",
            fontName=BOLD,
            fontSize=13.5,
            leading=17,
            textColor=ACCENT,
            spaceBefore=16,
            spaceAfter=7,
            keepWithNext=1,
        ),
        subsection=like(
            "Subsection", fontName=BOLD, fontSize=10.5, leading=14, spaceBefore=9, spaceAfter=4, keepWithNext=1
        ),
        body=base,
        quote=like("Quote", fontName=ITALIC, fontSize=10, leading=14, leftIndent=12, spaceAfter=4),
        small=like("Small", fontSize=8, leading=10.5, textColor=MUTED, spaceAfter=3),
        note=like("Note", fontName=ITALIC, fontSize=8.5, leading=11.5, textColor=MUTED, spaceBefore=4, spaceAfter=5),
        concern=like("Concern", textColor=CONCERN),
        cell=cell,
        cell_bold=like("CellBold", cell, fontName=BOLD),
        cell_right=like("CellRight", cell, alignment=TA_RIGHT),
        cell_right_bold=like("CellRightBold", cell, alignment=TA_RIGHT, fontName=BOLD),
        card=card,
        card_meta=like("CardMeta", card, fontSize=7.5, leading=9.5, textColor=MUTED),
        card_empty=like("CardEmpty", card, fontName=ITALIC, fontSize=8, textColor=MUTED),
        category=like(
            "Category",
            fontName=BOLD,
            fontSize=9,
            leading=12,
            textColor=ACCENT,
            spaceBefore=9,
            spaceAfter=3,
            keepWithNext=1,
        ),
        column_title=like("ColumnTitle", fontName=BOLD, fontSize=10, leading=12.5, spaceAfter=0),
        bullet=bullet,
        bullet_concern=like("BulletConcern", bullet, textColor=CONCERN),
    )


def markup(text: str) -> str:
    """``text`` as Paragraph markup: ``&``, ``<`` and ``>`` escaped, line breaks kept as breaks, and control
    characters and bidi controls left out (a PDF font has no glyph for them: they would print as empty boxes), and
    letters DejaVu lacks put in a font that has them (:func:`.fonts.font_runs`).
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").split("\n")
    return "<br/>".join(_in_fonts(strip_controls(line)) for line in lines)


def _in_fonts(line: str) -> str:
    """``line`` escaped, with each run DejaVu cannot draw (Chinese, Devanagari, ...) in a font that can."""
    if line.isascii():
        return escape(line)
    warn_uncovered(line)
    return "".join(
        escape(part) if font == REGULAR else f'<font name="{font}">{escape(part)}</font>'
        for font, part in font_runs(line)
    )

"""The page template every PDF of ours is printed on: the protective marking at the top and the bottom, the case,
the meeting, and "Page N of M".

The total number of pages is not known until the last page is laid out, so each page draws a reference to a small
drawing (a PDF form) named ``total``, and the form, holding the total, is made once the story is done: one pass
over the story, not two. The sections' headings become the file's bookmarks. The case and the meeting's title are
drawn by :func:`.script_text.draw_line`, so that they print in any script, shaped and in the order they are seen.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from sos_desktop import APP_NAME, __version__
from sos_desktop.exporters.minutes.fonts import BOLD, REGULAR, warn_uncovered
from sos_desktop.exporters.minutes.script_text import draw_line, line_width
from sos_desktop.exporters.minutes.styles import (
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MM,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
)
from sos_desktop.models.bidi import Direction

if TYPE_CHECKING:
    from sos_desktop.exporters.minutes.options import MinutesOptions

TOTAL_FORM = "total"
MARKING_SIZE = 9.5
LINE_SIZE = 8


class MarkedDocument(BaseDocTemplate):
    """A4 pages with the marking, ``left``/``right`` header words and the page count; one frame for the story.

    ``metadata`` holds the PDF's title, subject and keywords (never anyone's name but the professionals').
    """

    def __init__(
        self,
        target: Any,
        *,
        marking: str,
        left: str,
        right: str,
        title: str,
        subject: str,
        keywords: list[str],
        encrypt: Any = None,
    ) -> None:
        super().__init__(
            target,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=APP_NAME,
            subject=subject,
            creator=f"{APP_NAME} {__version__}",
            keywords=keywords,
            encrypt=encrypt,
            lang="en-GB",
            displayDocTitle=True,
            initialFontName=REGULAR,
            initialFontSize=9.5,
        )
        self.marking = marking
        self.left = left
        self.right = right
        for text, face in ((marking, BOLD), (left, REGULAR), (right, REGULAR)):
            warn_uncovered(text, face)  # once here, not on every page it is drawn on
        self._bookmarks = 0
        frame = Frame(
            MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, id="story", showBoundary=0
        )
        self.addPageTemplates([PageTemplate(id="marked", frames=[frame], onPage=self._decorate)])

    def _decorate(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        """The marking outermost at the top and the bottom; inside it a line of particulars and a rule."""
        canvas.saveState()
        right_edge = PAGE_WIDTH - MARGIN_X
        canvas.setFillColor(colors.black)
        for y in (PAGE_HEIGHT - 11 * MM, 8 * MM):
            draw_line(canvas, PAGE_WIDTH / 2, y, self.marking, BOLD, MARKING_SIZE, align="centre")

        canvas.setFont(REGULAR, LINE_SIZE)
        canvas.setFillColor(colors.HexColor(MUTED))
        canvas.setStrokeColor(colors.HexColor(RULE))
        canvas.setLineWidth(0.6)
        header_y = PAGE_HEIGHT - 16.5 * MM
        draw_line(canvas, MARGIN_X, header_y, _fitted(self.left, FRAME_WIDTH * 0.58), REGULAR, LINE_SIZE)
        right = _fitted(self.right, FRAME_WIDTH * 0.4)
        # "title · date" is our template: left to right, whichever way the title runs.
        draw_line(canvas, right_edge, header_y, right, REGULAR, LINE_SIZE, align="right", base=Direction.LEFT_TO_RIGHT)
        canvas.line(MARGIN_X, header_y - 2 * MM, right_edge, header_y - 2 * MM)

        footer_y = 13.5 * MM
        canvas.line(MARGIN_X, footer_y + 3.5 * MM, right_edge, footer_y + 3.5 * MM)
        words = f"Page {canvas.getPageNumber()} of "
        canvas.drawString(MARGIN_X, footer_y, words)
        canvas.saveState()
        canvas.translate(MARGIN_X + canvas.stringWidth(words, REGULAR, LINE_SIZE), footer_y)
        canvas.doForm(TOTAL_FORM)
        canvas.restoreState()
        footer = _fitted(self.left, FRAME_WIDTH * 0.7)
        draw_line(canvas, right_edge, footer_y, footer, REGULAR, LINE_SIZE, align="right")
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name for the hook
        """Bookmark each section heading, so a long set of minutes can be found in by its outline."""
        title = getattr(flowable, "bookmark", None)
        if title:
            self._bookmarks += 1
            key = f"section-{self._bookmarks}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=0)

    def build(self, flowables: list[Flowable], filename: Any = None, canvasmaker: Any = None) -> None:
        # Streams are compressed but not also wrapped in ASCII85 text: a quarter smaller, and quicker to write.
        # reportlab reads the setting while it builds, so it is changed for the build alone.
        saved = rl_config.useA85
        rl_config.useA85 = 0
        try:
            super().build(flowables, filename, canvasmaker or CountingCanvas)
        finally:
            rl_config.useA85 = saved


class CountingCanvas(Canvas):
    """A canvas that, once the last page is done and the number of pages known, makes the ``total`` form."""

    def save(self) -> None:
        total = self.getPageNumber() - 1  # the number of the page that would come next, less one
        self.beginForm(TOTAL_FORM, lowerx=0, lowery=-2, upperx=60, uppery=LINE_SIZE + 2)
        self.setFont(REGULAR, LINE_SIZE)
        self.setFillColor(colors.HexColor(MUTED))
        self.drawString(0, 0, str(total))
        self.endForm()
        super().save()


def _fitted(text: str, width: float) -> str:
    """``text`` cut short with an ellipsis (at its end, as typed) so that it fits ``width`` in the header's type."""
    if line_width(text, REGULAR, LINE_SIZE) <= width:
        return text
    while text and line_width(text + "…", REGULAR, LINE_SIZE) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def marked_pdf(
    story: list[Flowable],
    options: MinutesOptions,
    *,
    left: str,
    right: str,
    title: str,
    subject: str,
    keyword: str,
) -> bytes:
    """``story`` printed on marked pages (``left`` and ``right`` in the header), as PDF bytes; encrypted in memory
    when ``options`` has a password. Every document the app prints (minutes, feedback, family copies) comes here.
    """
    from sos_desktop.exporters.minutes.protection import protect

    buffer = io.BytesIO()
    document = MarkedDocument(
        buffer,
        marking=options.marking,
        left=left,
        right=right,
        title=title,
        subject=subject,
        keywords=[options.marking, keyword],
    )
    document.build(story)
    return protect(buffer.getvalue(), options.password) if options.password else buffer.getvalue()

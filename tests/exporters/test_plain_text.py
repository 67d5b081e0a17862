"""Plain text in the minutes: drawn in its style's colour, whether the colour is given as text or as a colour."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from sos_desktop.exporters.minutes.plain_text import PlainText, Run


def _content(colour: object) -> bytes:
    canvas = Canvas("unused.pdf", pageCompression=0, invariant=True)
    text = PlainText([Run("Lily goes to nursery every day.", "Helvetica", 10, 12, colour)])
    text.wrapOn(canvas, 200, 100)
    text.drawOn(canvas, 10, 10)
    canvas.showPage()
    return bytes(canvas.getpdfdata())


def test_a_colour_given_as_text_draws_as_that_colour() -> None:
    as_text = _content("#A04A00")
    assert as_text == _content(colors.HexColor("#A04A00"))
    assert b"Lily goes to nursery" in as_text
    assert as_text != _content("#1A1A1A")  # the colour given is the one used, parsed once or not

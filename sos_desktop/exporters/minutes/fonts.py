"""The fonts of every PDF we write: DejaVu Sans, shipped in ``resources/fonts``, embedded in each file.

The PDF base fonts (Helvetica and friends) only know Latin-1, so "Łukasz", "Nguyễn", "Ελένη" or "Дмитрий" would
come out as black boxes, and a font the reader's machine must supply may not be there at all. DejaVu covers Latin,
Greek and Cyrillic with every accent, and reportlab embeds the glyphs used (a subset) with a map back to Unicode,
so names are real, selectable and searchable text. The fonts are registered with reportlab once per process.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

REGULAR = "SoSSans"
BOLD = "SoSSans-Bold"
ITALIC = "SoSSans-Oblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}


@cache
def register_fonts() -> str:
    """Register the three faces and their family with reportlab (once); return the family's name.

    DejaVu ships no bold oblique here, so bold italic markup falls back to bold: it stays legible and embedded.
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = resources.files("sos_desktop.resources").joinpath("fonts")
    for name, file_name in _FILES.items():
        with resources.as_file(folder.joinpath(file_name)) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, face)
    return REGULAR

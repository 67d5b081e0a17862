"""The fonts of every PDF we write: DejaVu Sans, shipped in ``resources/fonts``, embedded in each file.

The PDF base fonts (Helvetica and friends) only know Latin-1, so "Łukasz", "Nguyễn", "Ελένη" or "Дмитрий" would
come out as black boxes, and a font the reader's machine must supply may not be there at all. DejaVu covers Latin,
Greek and Cyrillic with every accent, and reportlab embeds the glyphs used (a subset) with a map back to Unicode,
so names are real, selectable and searchable text. The fonts are registered with reportlab once per process.

DejaVu has no Chinese, Japanese, Korean or Indic letters. :func:`font_runs` splits a text into runs each drawn in
a font that has its glyphs: DejaVu where it can, else a font of the reader's computer that fontconfig finds for the
character (``fc-match``; TrueType outlines only, which is what reportlab can embed), registered on first use as
``SoSScript-N``. ``./dev`` installs Noto (Arabic, Hebrew, Devanagari and the other Indic scripts) and WenQuanYi
Micro Hei (Chinese, Japanese, Korean); packaging/README.md lists them for the bundle. A character no font has is
printed as :data:`PLACEHOLDER`, never as an empty box, and a :class:`MissingGlyphWarning` names the text it is in;
inside :func:`missing_glyphs` (the console's export, on its worker thread) the messages are collected instead, for
the console to show once the file is saved.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib import resources
from typing import Any

REGULAR = "SoSSans"
BOLD = "SoSSans-Bold"
ITALIC = "SoSSans-Oblique"

PLACEHOLDER = "[?]"
"""What is printed for a character that no font on this computer can draw."""
_LONGEST_QUOTE = 60

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


class MissingGlyphWarning(UserWarning):
    """A text holds characters no font here can draw; they are printed as [?]. The message names the text."""


_INVISIBLE = frozenset({"Cf", "Mn", "Me", "Zs", "Zl", "Zp"})
_SKIPPED = _INVISIBLE | {"Cc"}
"""Categories a run can carry on in the font it is in: joiners, combining marks and spaces go with their letter."""


def _quoted(text: str) -> str:
    shown = " ".join(text.split())
    return f"“{shown[:_LONGEST_QUOTE]}…”" if len(shown) > _LONGEST_QUOTE else f"“{shown}”"


def font_runs(text: str, face: str = REGULAR) -> list[tuple[str, str]]:
    """``text`` as (font name, part) runs, each part drawn by a font that has its glyphs; ``face`` first.

    A character no font covers becomes :data:`PLACEHOLDER` in ``face`` (:func:`warn_uncovered` says so).
    """
    if text.isascii():
        return [(face, text)] if text else []
    register_fonts()
    runs: list[tuple[str, str]] = []
    current, part = face, ""
    for character in text:
        font = current if part and unicodedata.category(character) in _INVISIBLE else covering(face, character)
        shown = character
        if font is None:
            font, shown = face, PLACEHOLDER
        if font != current and part:
            runs.append((current, part))
            part = ""
        current = font
        part += shown
    if part:
        runs.append((current, part))
    return runs


def uncovered(text: str, face: str = REGULAR) -> list[str]:
    """The characters of ``text`` that no font here can draw, each once, in the order they come."""
    if text.isascii():
        return []
    register_fonts()
    return list(dict.fromkeys(c for c in text if unicodedata.category(c) not in _SKIPPED and not covering(face, c)))


_collected: ContextVar[list[str] | None] = ContextVar("missing_glyphs", default=None)


@contextmanager
def missing_glyphs() -> Iterator[list[str]]:
    """Collect, in the list this gives, each :class:`MissingGlyphWarning` message (once) of the PDFs made inside
    it on this thread, instead of warning: the warnings module's filters are the whole process's, and the console
    makes its PDFs on a worker thread.
    """
    found: list[str] = []
    token = _collected.set(found)
    try:
        yield found
    finally:
        _collected.reset(token)


def warn_uncovered(text: str, face: str = REGULAR) -> None:
    """Warn (:class:`MissingGlyphWarning`), quoting ``text`` (a card's words, a name), if a character of it has no
    font here, so that the person exporting knows which one to check (inside :func:`missing_glyphs`: collect it).
    """
    missing = uncovered(text, face)
    if missing:
        codes = ", ".join(f"U+{ord(c):04X}" for c in missing)
        message = (
            f"No font on this computer can draw {codes} in {_quoted(text)}; the PDF shows {PLACEHOLDER} there. "
            "Install a font for that script (packaging/README.md lists the ones SoS Desktop uses)."
        )
        collected = _collected.get()
        if collected is None:
            warnings.warn(MissingGlyphWarning(message), stacklevel=2)
        elif message not in collected:
            collected.append(message)


def covering(face: str, character: str) -> str | None:
    """The registered font for ``face`` that draws ``character``: ``face`` itself, else one fontconfig finds."""
    register_fonts()
    return _covering(face, ord(character))


@cache
def _covering(face: str, code: int) -> str | None:
    if _has_glyph(face, code):
        return face
    for name in _script_fonts(face):
        if _has_glyph(name, code):
            return name
    found = _found_font(code, bold=face == BOLD)
    if found is not None:
        _script_fonts(face).append(found)
    return found


@cache
def _script_fonts(face: str) -> list[str]:
    """The fonts registered so far to help ``face`` out, most recently found last."""
    return []


def _has_glyph(name: str, code: int) -> bool:
    from reportlab.pdfbase import pdfmetrics

    return code in pdfmetrics.getFont(name).face.charToGlyph


_registered: dict[tuple[str, int], str] = {}


def _found_font(code: int, *, bold: bool) -> str | None:
    """A TrueType font fontconfig knows that draws ``code``, registered with reportlab; None if there is none."""
    for path, index in _candidates(code, bold=bold):
        name = _registered.get((path, index)) or _register(path, index)
        if name is not None and _has_glyph(name, code):
            return name
    return None


def _register(path: str, index: int) -> str | None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = f"SoSScript-{len(_registered) + 1}"
    try:
        font: Any = TTFont(name, path, subfontIndex=index)
    except (TTFError, OSError, ValueError, KeyError, IndexError):
        return None  # a font reportlab cannot embed (PostScript outlines, damaged): try the next one
    pdfmetrics.registerFont(font)
    _registered[(path, index)] = name
    return name


def _candidates(code: int, *, bold: bool) -> list[tuple[str, int]]:
    """The TrueType font files that draw ``code`` (``fc-list``), best first as fontconfig ranks a sans-serif face
    (``fc-match -s``); empty where fontconfig is not installed.
    """
    covering = set(_fontconfig("fc-list", f":charset={code:x}"))
    if not covering:
        return []
    pattern = f"sans-serif:charset={code:x}" + (":weight=bold" if bold else "")
    ranked = [found for found in _fontconfig("fc-match", "-s", pattern) if found in covering]
    return (ranked or sorted(covering))[:4]


def _fontconfig(tool: str, *arguments: str) -> list[tuple[str, int]]:
    """The (file, face index) of each TrueType font a fontconfig tool lists, in its order."""
    command = shutil.which(tool)
    if command is None:
        return []
    try:
        done = subprocess.run(
            [command, *arguments, "-f", "%{file}|%{index}|%{fontformat}\\n"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    found: list[tuple[str, int]] = []
    for line in done.stdout.splitlines():
        path, _, rest = line.partition("|")
        index, _, kind = rest.partition("|")
        if kind == "TrueType" and path.lower().endswith((".ttf", ".ttc")) and index.isdigit():
            found.append((path, int(index)))
    return list(dict.fromkeys(found))

r"""Characters in people's names and titles that a reader does not see but a terminal or a layout obeys.

Control characters (Unicode category Cc: escape, backspace, carriage return, ...) can clear a terminal, move its
cursor or overwrite a line; bidirectional controls (the embeddings and overrides U+202A to U+202E, the isolates
U+2066 to U+2069, and the marks U+200E, U+200F and U+061C) turn the text after them around, so "Noor" can print as
"rooN" and a line can be made to read as something else. Neither belongs in a name.

:func:`escape_controls` writes each one as a visible escape (``\x1b``, ``\u202e``) for printing on a terminal;
:func:`strip_controls` removes them (for a name, where they are never wanted); :func:`has_controls` says whether
a text holds any. Pure functions, no Qt.
"""

from __future__ import annotations

import unicodedata

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)
"""The bidirectional formatting characters: marks, embeddings, overrides and isolates."""


def is_control(character: str) -> bool:
    """Whether ``character`` is a control character or a bidirectional control."""
    return character in BIDI_CONTROLS or unicodedata.category(character) == "Cc"


def has_controls(text: str) -> bool:
    """Whether ``text`` holds any character :func:`is_control` finds."""
    return any(is_control(character) for character in text)


def _escape(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    r"""``text`` with each control character written as a visible escape: ESC as ``\x1b``, U+202E as ``\u202e``.

    Everything else, other scripts and emoji included, is left as it is.
    """
    if not has_controls(text):
        return text
    return "".join(_escape(character) if is_control(character) else character for character in text)


def strip_controls(text: str) -> str:
    """``text`` without its control characters."""
    return "".join(character for character in text if not is_control(character))

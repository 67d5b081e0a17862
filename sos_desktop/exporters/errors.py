"""The two errors of the interchange file, and how a place in a JSON document is named in their messages."""

from __future__ import annotations

from collections.abc import Iterable

TOP_LEVEL = "(top level)"
"""The path that names the document as a whole (or the file that should hold it)."""

PathPart = str | int
JsonPath = tuple[PathPart, ...]


def format_path(parts: Iterable[PathPart]) -> str:
    """Name a place in a document: ``("map", 3, "category")`` gives ``map[3].category``; ``()`` the top level."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or TOP_LEVEL


class InterchangeError(ValueError):
    """A meeting file that cannot be read or is not valid; nothing of it should be imported.

    ``path`` names the first bad place in the document (``map[3].category``), or ``(top level)`` when the file
    as a whole is at fault. The message is one sentence meant for the user.
    """

    def __init__(self, message: str, path: str = TOP_LEVEL) -> None:
        super().__init__(message)
        self.path = path

    @classmethod
    def at(cls, parts: Iterable[PathPart], detail: str) -> InterchangeError:
        """The error for ``detail`` at the place ``parts``, its message starting with that place's path."""
        path = format_path(parts)
        return cls(f"{path}: {detail}", path)


class ExportError(Exception):
    """A meeting that could not be written out; the message is one sentence meant for the user."""

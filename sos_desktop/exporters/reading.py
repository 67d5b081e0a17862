"""Reading a file a user chose, at most so many bytes of it, with the reason told in one sentence when it cannot be.

The meeting file and the best questions file are read this way: a file too large to be what it says is refused
before it is parsed, and an unreadable one is named with the system's reason.
"""

from __future__ import annotations

from pathlib import Path

from sos_desktop.exporters.errors import InterchangeError


def read_bounded(path: Path, limit: int, too_large: str) -> bytes:
    """The bytes of ``path`` (InterchangeError: unreadable, or larger than ``limit``, then ``too_large`` is said)."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(limit + 1)
    except OSError as error:
        reason = error.strerror or str(error)
        raise InterchangeError(f"{path} cannot be read: {reason[:1].lower()}{reason[1:]}.") from error
    if len(raw) > limit:
        raise InterchangeError(f"{path} is {too_large}")
    return raw

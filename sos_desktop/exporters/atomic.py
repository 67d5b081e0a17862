"""Writing an export file all or nothing: the one place every exporter (meeting file, minutes, reports) writes.

The bytes go to a temporary file beside the target, are flushed to disk, and only then renamed over the target in
one step, so a reader never sees half a file and an older export survives a failed one. Whatever goes wrong, the
temporary file is removed: a failed export leaves nothing behind.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path

from sos_desktop.durable import sync_folder
from sos_desktop.exporters.errors import ExportError

__all__ = ["write_atomically", "write_export"]


def write_export(path: Path, data: bytes, what: str) -> None:
    """Write ``data`` to ``path`` atomically; ExportError in one sentence ("``what`` could not be written to ...").

    ``what`` names the export as the sentence starts: "The meeting", "The minutes".
    """
    path = Path(path)
    try:
        write_atomically(path, data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(f"{what} could not be written to {path}: {reason[:1].lower()}{reason[1:]}.") from error


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename it over ``path`` in one step."""
    path = Path(path)
    folder = path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name[:100]}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise
    with suppress(OSError):  # the file is whole in its place; a rename not yet on disk loses nothing
        sync_folder(folder)

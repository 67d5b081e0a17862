"""Making a file, and a rename in a folder, reach the disk before we say they are saved.

One small piece of I/O shared by the store (backups, restores, encrypting a file) and the exporters (atomic
writes), which may not import each other. It imports nothing of ours.
"""

from __future__ import annotations

import os
from pathlib import Path


def sync_file(path: Path) -> None:
    """Flush ``path``'s bytes to the disk."""
    with Path(path).open("rb") as file:
        os.fsync(file.fileno())


def sync_folder(folder: Path) -> None:
    """Make the renames in ``folder`` durable. Only POSIX can: Windows cannot open a folder, and NTFS journals its
    renames anyway, so there it does nothing.
    """
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)

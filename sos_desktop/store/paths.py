"""Where SoS Desktop keeps its data on this machine: light enough to import before the window first paints.

Nothing here imports SQLAlchemy, so the console can find its settings (beside the database) and show its window
while the store is still being opened.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

DATABASE_FILE_NAME = "sos-desktop.sqlite3"


def default_data_dir() -> Path:
    """The folder where SoS Desktop keeps its data for this user on this machine."""
    return Path(platformdirs.user_data_dir("sos-desktop", appauthor=False))

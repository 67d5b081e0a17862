"""Every key of this machine's settings (``settings.ini`` in the data folder), and how the ones the Settings dialog
edits are read back with their defaults. One place, so the dialog and the code that uses a setting never disagree.

This module is read on the way to the console's first paint, so it imports nothing heavy at the top.

Team-wide defaults (the agenda and the observers' rubric) are not here: they live in the database, shared by
everyone who uses it (``store/team_settings.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from sos_desktop.models import Framework

# The Settings dialog's choices.
FRAMEWORK_KEY = "cases/framework"
"""The practice framework a new case starts with: a ``Framework`` value (safety, wellbeing or success)."""
TYPE_SCALE_KEY = "projector/type_scale"
"""How much larger (or smaller) than the theme's own size the projector sets its type: 1.0 is the theme's size."""
TYPE_SCALES: tuple[float, ...] = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5)
BACKUP_FOLDER_KEY = "backups/folder"
"""Where automatic backups go; empty (the default) means the ``backups`` folder beside the database."""
BACKUP_KEEP_KEY = "backups/keep"
"""How many automatic backups of one database are kept."""
BACKUP_KEEP_DEFAULT = 10
BACKUP_KEEP_RANGE = (1, 100)
THEME_KEY = "projector/theme"
"""The projector's theme (high contrast, light or dark)."""
MARKING_KEY = "export/marking"
"""The protective marking the minutes dialog offers first."""

# Choices remembered from the menus.
SHOW_CLOCK_KEY = "projector/show_clock"
"""Projector › Show the meeting's clock."""
FOLLOW_KEY = "projector/follow_phase"
"""Projector › Follow the agenda's phase."""
SHOW_GREY_AREAS_KEY = "map/show_grey_areas"
"""Map › Show grey areas."""
SHOW_QUESTIONS_KEY = "view/best_questions"
"""View › Best questions: the prompts beside the meeting's pages."""
WINDOW_GEOMETRY_KEY = "window/geometry"
"""The console's size and place when it was last closed."""

# Per database (see ``database_setting``).
LAST_MEETING = "last_meeting"
"""The meeting open when the console was last closed, reopened at the next start."""
FIRST_RUN_DONE = "first_run_done"
"""True once the demo case was offered for this database."""
WELCOMED = "welcomed"
"""True once the welcome has been shown for this database."""
EXPORT_FOLDER = "export/folder"
"""The folder the last export from this database went to: the next Save dialog starts there (else in Documents)."""
EXPORT_PSEUDONYMISE = "export/pseudonymise"
EXPORT_FEEDBACK = "export/include_feedback"
"""The minutes dialog's choices at the last export from this database, offered again (the password never is)."""


def database_setting(url: str, name: str) -> str:
    """The settings key of ``name`` for one database: a meeting id means nothing in another database, and
    reopening "meeting 3" of the wrong one could put another family's case on the screen.
    """
    import hashlib  # not on the way to the console's first paint

    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    return f"databases/{digest}/{name}"


def default_framework(settings: QSettings) -> Framework:
    from sos_desktop.models import Framework  # the model's dataclasses wait until a case is made

    value = str(settings.value(FRAMEWORK_KEY, Framework.SAFETY.value))
    try:
        return Framework(value)
    except ValueError:
        return Framework.SAFETY


def type_scale(settings: QSettings) -> float:
    """The projector's type scale, kept within the choices the dialog offers."""
    try:
        value = float(str(settings.value(TYPE_SCALE_KEY, 1.0)))
    except ValueError:
        return 1.0
    return min(TYPE_SCALES[-1], max(TYPE_SCALES[0], value))


def backup_folder(settings: QSettings) -> Path | None:
    """The folder chosen for backups, or None for the usual one beside the database."""
    value = str(settings.value(BACKUP_FOLDER_KEY, "") or "").strip()
    return Path(value).expanduser() if value else None


def backup_keep(settings: QSettings) -> int:
    try:
        value = int(str(settings.value(BACKUP_KEEP_KEY, BACKUP_KEEP_DEFAULT)))
    except ValueError:
        return BACKUP_KEEP_DEFAULT
    low, high = BACKUP_KEEP_RANGE
    return min(high, max(low, value))

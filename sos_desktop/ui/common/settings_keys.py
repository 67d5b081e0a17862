"""The keys of this machine's settings (``settings.ini`` in the data folder) that the Settings dialog edits, and how
each is read back with its default. One place, so the dialog and the code that uses a setting never disagree.

Team-wide defaults (the agenda and the observer's rubric) are not here: they live in the database, shared by
everyone who uses it (``agenda_editing.AGENDA_TEMPLATE_KEY``, ``observation_editing.RUBRIC_SETTING_KEY``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from sos_desktop.models import Framework

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


def default_framework(settings: QSettings) -> Framework:
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

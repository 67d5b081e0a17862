"""File › Import meeting file…: reading a meeting file into the database, as ``sos-desktop import`` does.

A meeting already in the database is not added again without a word: the console asks whether to add it again
as a new meeting, replace the one there (after a backup of the whole database, which File › Restore from a
backup… puts back), or leave it. What the import had to say (links left out, a case that differs from the file's,
the backup made) is shown in one report once it is done. Imported on first use, never on the way to the first paint.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from sos_desktop.exporters.interchange.files import InterchangeError, read_meeting_file
from sos_desktop.store.backup import RESTORE_COMMAND
from sos_desktop.store.errors import StoreError
from sos_desktop.store.repo.bundles import DuplicateMeetingError, Imported, ImportMode
from sos_desktop.store.store import Store
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.choice import ask_choice


def ask_import_again(parent: QWidget, refusal: str) -> ImportMode | None:
    """The meeting is already in the database (``refusal`` says which): add a copy, replace it, or None (leave it)."""
    detail = (
        "Add it again as a new meeting, or replace the one in the database with the file's? "
        "Before replacing, the whole database is backed up, so the change can be undone by restoring that backup."
    )
    buttons: list[tuple[str, QMessageBox.ButtonRole, ImportMode | None]] = [
        ("Add as a new &meeting", QMessageBox.ButtonRole.AcceptRole, ImportMode.AS_COPY),
        ("&Replace it", QMessageBox.ButtonRole.DestructiveRole, ImportMode.REPLACE),
        ("&Leave it", QMessageBox.ButtonRole.RejectRole, None),
    ]
    return ask_choice(parent, QMessageBox.Icon.Question, "Meeting already imported", (refusal, detail), buttons, None)


def import_meeting_file(parent: QWidget, store: Store, path: Path) -> int | None:
    """Import the meeting file at ``path`` (asking what to do if the meeting is already there); its new id, or None."""
    warnings: list[str] = []
    try:
        bundle = read_meeting_file(path, warnings)
    except (InterchangeError, ValueError) as error:
        dialogs.tell(parent, "The file was not imported", f"{error} Nothing was added.")
        return None
    mode = ImportMode.REFUSE
    while True:
        notes = list(warnings)
        try:
            imported = store.import_bundle(bundle, mode, notes)
            break
        except DuplicateMeetingError as error:
            chosen = ask_import_again(parent, error.headline)
            if chosen is None:
                return None
            mode = chosen
        except StoreError as error:
            dialogs.tell(parent, "The file was not imported", f"{error} Nothing was added.")
            return None
    report = [*notes, *_replaced_note(imported)]
    if report:
        dialogs.tell(parent, "Imported, with notes", "\n\n".join(report))
    assert imported.bundle.meeting.id is not None
    return imported.bundle.meeting.id


def _replaced_note(imported: Imported) -> list[str]:
    if imported.replaced is None or imported.backup is None:
        return []
    return [
        f"The meeting {imported.replaced.describe()} was replaced by the file's. The database as it was just before "
        f"is backed up as {imported.backup}; to undo the change, restore that backup (File › Restore from a "
        f'backup…, or {RESTORE_COMMAND} "{imported.backup}"), which also undoes any change made since.'
    ]

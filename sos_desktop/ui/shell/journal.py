"""The journal of unsaved work: while an edit waits for the store, the whole meeting as the console holds it is kept
in a file that survives a kill, a crash or a power cut, and is offered back when the meeting is next opened.

The file is a meeting file (the interchange format), written atomically and private to the user (0600, in a 0700
folder), in ``<database>.unsaved/`` beside an SQLite database (or in the data folder for a server database). If
that disk is the one that is full, the journal goes to a private folder under the system's temporary folder
instead. An encrypted database gets no journal: a plain copy of the meeting would undo its encryption, so its
waiting edits are kept in memory only, and the console says so.

Once every waiting edit is in the store, the journal file is removed.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sys
import tempfile
from contextlib import suppress
from pathlib import Path

from sos_desktop.exporters.errors import ExportError
from sos_desktop.exporters.interchange.files import read_meeting_file, write_meeting_file
from sos_desktop.models import MeetingBundle
from sos_desktop.store.store import Store


def _folder_name(store: Store) -> str:
    database = store.database_file
    if database is not None:
        return f"{database.name}.unsaved"
    digest = hashlib.sha256(store.url.encode("utf-8")).hexdigest()[:16]
    return f"server-{digest}.unsaved"


def folders(store: Store, data_dir: Path) -> list[Path]:
    """Where the journal of ``store`` is kept: first choice, then the fallback on another disk."""
    database = store.database_file
    home = database.parent if database is not None else data_dir
    user = getpass.getuser() if sys.platform == "win32" else str(os.getuid())
    fallback = Path(tempfile.gettempdir()) / f"sos-desktop-{user}"
    return [home / _folder_name(store), fallback / _folder_name(store)]


def file_name(meeting_id: int) -> str:
    return f"meeting-{meeting_id}.json"


def can_keep(store: Store) -> bool:
    """False for an encrypted database: its unsaved edits stay in memory, never in a plain file."""
    return store.passphrase is None


def keep(store: Store, data_dir: Path, meeting_id: int, bundle: MeetingBundle) -> Path | None:
    """Write the meeting to its journal file; the path written, or None if no folder could take it."""
    if not can_keep(store):
        return None
    for folder in folders(store, data_dir):
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            folder.chmod(0o700)
            path = folder / file_name(meeting_id)
            write_meeting_file(bundle, path)  # a private temporary file (0600) renamed into place
            for other in folders(store, data_dir):
                if other != folder:
                    with suppress(OSError):
                        (other / file_name(meeting_id)).unlink(missing_ok=True)
            return path
        except (OSError, ExportError):
            continue
    return None


def kept(store: Store, data_dir: Path, meeting_id: int) -> Path | None:
    """The journal file of the meeting left by an earlier session, if there is one."""
    for folder in folders(store, data_dir):
        path = folder / file_name(meeting_id)
        if path.is_file():
            return path
    return None


def read(path: Path) -> MeetingBundle:
    """The meeting kept in the journal file (InterchangeError if the file is damaged)."""
    return read_meeting_file(path)


def forget(store: Store, data_dir: Path, meeting_id: int) -> None:
    """Every edit is in the store: remove the meeting's journal files."""
    for folder in folders(store, data_dir):
        with suppress(OSError):
            (folder / file_name(meeting_id)).unlink(missing_ok=True)
        with suppress(OSError):
            folder.rmdir()  # only if empty

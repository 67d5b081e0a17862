"""The console's side of edits the store has not taken yet: say so, keep them safe, and never drop them unasked.

While any edit of the open meeting waits (``MeetingDocument.pending``), a red note in the status bar says how many
and why, and the whole meeting as it stands is kept in the journal (:mod:`.journal`) after every change. The first
failure is told in a dialog; the retries after it only update the note, and once the store takes everything the
status bar says all is saved again and the journal is removed. Quitting, or opening another meeting, first tries
once more, then asks: keep trying, export the meeting to a file, or close (the journal keeps the edits for the next
opening of the meeting). A journal left by an earlier session is offered back when its meeting is opened.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from sos_desktop.exporters.interchange.files import InterchangeError
from sos_desktop.store.errors import StoreError
from sos_desktop.store.repo.bundles import ImportMode
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.shell import journal

if TYPE_CHECKING:
    from sos_desktop.ui.common.console import Console
    from sos_desktop.ui.document.meeting import MeetingDocument

NOTE_STYLE = "QLabel { background: #b10e1e; color: white; font-weight: bold; padding: 1px 8px; border-radius: 4px; }"


def changes(count: int) -> str:
    return "1 change" if count == 1 else f"{count:,} changes"


class UnsavedWatch(QObject):
    """Watches the open meeting's waiting edits for the console ``window``."""

    def __init__(self, window: Console, data_dir: Path) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = data_dir
        self.document: MeetingDocument | None = None
        self.journal_path: Path | None = None
        self.note = QLabel()
        self.note.setObjectName("unsaved-note")
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setAccessibleName("Changes not saved yet")
        self.note.hide()
        window.statusBar().addPermanentWidget(self.note)

    def watch(self, document: MeetingDocument | None) -> None:
        self.document = document
        self.journal_path = None
        self.note.hide()
        if document is not None:
            document.pending.changed.connect(self._changed)
            document.pending.failed.connect(lambda _message: self._show())
            for signal in (
                document.itemsChanged,
                document.itemTextChanged,
                document.scalesChanged,
                document.networkChanged,
                document.networkMoved,
                document.detailsChanged,
                document.attendeesChanged,
                document.agendaChanged,
                document.voiceChanged,
                document.observationsChanged,
            ):
                signal.connect(self._keep)

    @property
    def waiting(self) -> int:
        return 0 if self.document is None else len(self.document.pending)

    def _changed(self, count: int) -> None:
        if count:
            self._keep()
            self._show()
            return
        self.note.hide()
        if self.document is not None:
            journal.forget(self.window.store, self.data_dir, self.document.meeting_id)
        self.journal_path = None
        self.window.statusBar().showMessage("All changes saved", 10_000)

    def _keep(self, *_changed: object) -> None:
        """While edits wait, the meeting as it stands goes to the journal after every change."""
        document = self.document
        if document is None or not document.pending:
            return
        self.journal_path = journal.keep(self.window.store, self.data_dir, document.meeting_id, document.bundle())
        self._show()

    def _show(self) -> None:
        document = self.document
        if document is None or not document.pending:
            return
        self.note.setText(f"{changes(len(document.pending))} not saved yet: trying again")
        where = (
            f"A copy is kept in {self.journal_path}."
            if self.journal_path is not None
            else "They are kept in this window only: export the meeting to a file to keep a copy."
        )
        self.note.setToolTip(f"{document.pending.last_error}\n\n{where}")
        self.note.show()

    def explain(self, message: str) -> str:
        """The dialog's text for the first failure."""
        where = (
            f" Until then a copy of the meeting is kept in {self.journal_path}."
            if self.journal_path is not None
            else " Until then it is kept in this window only: export the meeting to a file"
            " (File › Export meeting file) to keep a copy."
        )
        return (
            f"{message} Your change is kept on screen and will be saved as soon as the database takes it again: "
            f"SoS Desktop tries every few seconds.{where}"
        )

    def let_go(self, doing: str) -> bool:
        """Before the meeting is closed (``doing``: "quit", "open another meeting"): True if nothing waits, or
        the user chose to go on all the same.
        """
        document = self.document
        if document is None or not document.pending or document.pending.flush():
            return True
        while document.pending:
            kept = (
                f"They are kept in {self.journal_path} and offered back when you next open this meeting."
                if self.journal_path is not None
                else "They are not kept anywhere else: export the meeting to a file first to keep them."
            )
            answer = dialogs.ask_unsaved(
                self.window,
                f"{changes(len(document.pending))} to this meeting could not be saved yet: "
                f"{document.pending.last_error}\n\n{kept}",
                doing,
            )
            if answer == "wait":
                return False
            if answer == "close":
                return True
            self.window.export_open_meeting()
            if document.pending.flush():
                return True
        return True

    def offer_back(self, meeting_id: int) -> int | None:
        """Offer back the changes a journal kept of the meeting (a session killed while they waited): the meeting
        to open now if they went into the database (the same one restored, or a copy beside it), else None.
        """
        store = self.window.store
        path = journal.kept(store, self.data_dir, meeting_id)
        if path is None:
            return None
        try:
            bundle = journal.read(path)
        except InterchangeError as error:
            dialogs.tell(
                self.window, "Unsaved changes were kept, but cannot be read", f"{error} The file is left in {path}."
            )
            return None
        when = datetime.fromtimestamp(path.stat().st_mtime).strftime("%d %b %Y at %H:%M")
        answer = dialogs.ask_kept_changes(
            self.window,
            f"Changes to this meeting could not be saved in the database before SoS Desktop last closed. They were "
            f"kept on {when} in {path}.",
        )
        if answer == "later":
            return None
        if answer == "discard":
            if dialogs.confirm(self.window, "Discard the kept changes", "Discard the kept changes for good?"):
                journal.forget(store, self.data_dir, meeting_id)
            return None
        mode = ImportMode.REPLACE if answer == "restore" else ImportMode.AS_COPY
        try:
            imported = store.import_bundle(bundle, mode)
        except StoreError as error:
            dialogs.tell(self.window, "The kept changes were not restored", f"{error} The file is left in {path}.")
            return None
        journal.forget(store, self.data_dir, meeting_id)
        backup = f" A backup of the database as it was is in {imported.backup}." if imported.backup else ""
        self.window.statusBar().showMessage(f"The kept changes are in the database.{backup}", 20_000)
        return imported.bundle.meeting.id

"""File › Export: the meeting file, the minutes, the facilitator's feedback, the family's safety plan and the
Words and Pictures as PDF, and pictures of the projector's view and of the safety network.

The data is read on the UI thread (quick), the PDF is made off it with a progress window, so the console never
freezes; a failed export says why in one sentence and leaves no file behind.

The Save dialog starts in the folder the last export from this database went to (else the user's Documents) and
offers a name of the case, the meeting and its date, ``Family Demo (invented) Group supervision 2026-11-21.pdf``;
for pseudonymised minutes, the case and the meeting as the pseudonymised file itself writes them. A PDF holding
characters no font on this computer can draw (printed as [?]) is still saved, and the console then says which card
or name holds them, in the status bar and in a dialog, as the command line prints them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

# The PDF writer, the pictures and the projector's modes are imported when an export is asked for: this menu is
# built at start-up, and the console should not wait for them.
from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from sos_desktop.exporters.errors import ExportError
from sos_desktop.exporters.interchange.files import write_meeting_file
from sos_desktop.exporters.minutes.options import MinutesOptions
from sos_desktop.models import MeetingBundle
from sos_desktop.store.errors import StoreError
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.actions import Key, bind
from sos_desktop.ui.common.background import BackgroundJob
from sos_desktop.ui.common.settings_keys import EXPORT_FOLDER, database_setting

if TYPE_CHECKING:
    from sos_desktop.ui.common.console import Console
    from sos_desktop.ui.projector.control import ProjectorControl
    from sos_desktop.ui.projector.layout import ProjectorMode

MISSING_GLYPHS_SHOWN = 8
"""At most this many texts are quoted in the dialog after an export; the rest are counted."""


def _file_name(*parts: str) -> str:
    """A file name from words that may hold a slash or other characters a file name cannot."""
    text = " ".join(" ".join(part.split()) for part in parts if part.strip())
    return "".join("-" if char in '/\\:*?"<>|' or ord(char) < 32 else char for char in text).strip(" .") or "meeting"


def _day(held_on: datetime | None) -> str:
    """The day a meeting was held, as a file name sorts it (2026-11-21); "" when it has none."""
    return held_on.date().isoformat() if held_on is not None else ""


def _missing_glyphs_of(work: Callable[[], None]) -> list[str]:
    """Do ``work`` (make a PDF) and return what it would have warned about characters no font here can draw."""
    from sos_desktop.exporters.minutes.fonts import missing_glyphs

    with missing_glyphs() as missing:
        work()
    return missing


def _minutes_writer() -> ModuleType:
    from sos_desktop.exporters.minutes import write

    return write


class ExportMenu(QObject):
    def __init__(self, window: Console, meeting_file: QAction, projector: ProjectorControl) -> None:
        super().__init__(window)
        self.window = window
        self.projector = projector
        self.menu = QMenu("E&xport", window)
        self.menu.addAction(meeting_file)
        self.minutes_action = self._action("&Minutes as PDF…", Key.MINUTES_PDF, self.export_minutes)
        self.feedback_action = self._action("Facilitator &feedback as PDF…", None, self.export_feedback)
        self.family_plan_action = self._action("The family's &safety plan as PDF…", None, self.export_family_plan)
        self.words_pictures_action = self._action("&Words and Pictures as PDF…", None, self.export_words_pictures)
        self.menu.addSeparator()
        self.projector_action = self._action("Picture of the &projector's view…", None, self.export_projector_picture)
        self.network_action = self._action("Picture of the safety &network…", None, self.export_network_picture)
        self.job: BackgroundJob | None = None
        self.set_enabled(False)

    def _action(self, text: str, key: Key | None, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        if key is not None:
            bind(action, key)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        self.window.addAction(action)
        return action

    def set_enabled(self, enabled: bool) -> None:
        for action in (
            self.minutes_action,
            self.feedback_action,
            self.family_plan_action,
            self.words_pictures_action,
            self.projector_action,
            self.network_action,
        ):
            action.setEnabled(enabled)

    # What is exported ---------------------------------------------------------------------------------------

    def bundle_of(self, meeting_id: int) -> MeetingBundle:
        """The meeting to export: the open one as the console holds it (with any edit a failed save kept only on
        screen), any other as the store has it. Raises StoreError if the store cannot give it.
        """
        document = self.window.document
        if document is not None and document.meeting_id == meeting_id:
            return document.bundle()
        return self.window.store.load_bundle(meeting_id)

    # Where files go -----------------------------------------------------------------------------------------

    def _folder_key(self) -> str:
        return database_setting(self.window.store.url, EXPORT_FOLDER)

    def start_folder(self) -> Path:
        """Where the Save dialog starts: the folder of the last export from this database, else Documents."""
        last = str(self.window.settings.value(self._folder_key(), "") or "")
        if last and Path(last).is_dir():
            return Path(last)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def _ask_path(self, title: str, name: str, file_filter: str) -> Path | None:
        """Ask where to save ``name``, starting in ``start_folder``; the folder chosen is remembered."""
        path = dialogs.ask_save_path(self.window, title, str(self.start_folder() / name), file_filter)
        if path is not None:
            self.window.settings.setValue(self._folder_key(), str(path.parent))
        return path

    def _minutes_name(self, options: MinutesOptions) -> str:
        """The minutes' file name: the case, the meeting and its day, as the minutes themselves write them (names
        of the family's network masked when they are pseudonymised).
        """
        document = self.window.document
        assert document is not None
        case_label, title = document.case.label, document.meeting.title
        if options.pseudonymise:
            from sos_desktop.exporters.minutes.naming import Namer

            namer = Namer(document.bundle(), pseudonymise=True)
            case_label, title = namer.text(case_label), namer.text(title)
        return _file_name(case_label, title, _day(document.meeting.held_on)) + ".pdf"

    # The meeting file ---------------------------------------------------------------------------------------

    def export_meeting_file(self) -> None:
        document = self.window.document
        if document is None:
            return
        meeting = document.meeting
        name = _file_name(document.case.label, meeting.title, _day(meeting.held_on)) + ".json"
        path = self._ask_path("Export meeting file", name, dialogs.JSON_FILTER)
        if path is None:
            return
        try:
            write_meeting_file(self.bundle_of(document.meeting_id), path)
        except (ExportError, StoreError) as error:
            dialogs.tell(self.window, "The meeting was not exported", str(error))
            return
        self.window.statusBar().showMessage(f"Exported to {path}", 10_000)

    # PDFs ----------------------------------------------------------------------------------------------------

    def export_minutes(self) -> BackgroundJob | None:
        document = self.window.document
        if document is None:
            return None
        has_feedback = not document.meeting.observations.is_empty()
        options = dialogs.ask_minutes_options(
            self.window, self.window.settings, has_feedback=has_feedback, database=self.window.store.url
        )
        if options is None:
            return None
        path = self._ask_path("Save the minutes", self._minutes_name(options), dialogs.PDF_FILTER)
        if path is None:
            return None
        try:
            bundle = self.bundle_of(document.meeting_id)
            # The open meeting's stored copy among these is left out of its trajectories for the bundle's own.
            earlier = self.window.store.case_meetings(document.case_id)
        except StoreError as error:
            dialogs.tell(self.window, "The minutes were not made", str(error))
            return None
        return self._run(
            "Making the minutes…",
            lambda: _minutes_writer().write_minutes_pdf(bundle, path, case_meetings=earlier, options=options),
            path,
            "The minutes were not saved",
        )

    def export_feedback(self) -> BackgroundJob | None:
        from sos_desktop.models.development import facilitator_of

        document = self.window.document
        if document is None:
            return None
        facilitator = facilitator_of(document.meeting)
        meeting = document.meeting
        name = _file_name("Facilitator feedback", facilitator, meeting.title, _day(meeting.held_on)) + ".pdf"
        path = self._ask_path("Save the feedback report", name, dialogs.PDF_FILTER)
        if path is None:
            return None
        try:
            bundle = self.bundle_of(document.meeting_id)
            stored = self.window.store.facilitated(facilitator) if facilitator else []
        except StoreError as error:
            dialogs.tell(self.window, "The feedback report was not made", str(error))
            return None
        # The open meeting counts as it stands on screen in the facilitator's development, not as the store has it.
        others = [(meeting, observed) for meeting, observed in stored if meeting.id != bundle.meeting.id]
        facilitated = [*others, (bundle.meeting, bundle.meeting.observations)] if facilitator else []
        options = MinutesOptions(marking=str(self.window.settings.value("export/marking", MinutesOptions().marking)))
        return self._run(
            "Making the feedback report…",
            lambda: _minutes_writer().write_feedback_pdf(bundle, path, facilitated=facilitated, options=options),
            path,
            "The feedback report was not saved",
        )

    def export_family_plan(self) -> BackgroundJob | None:
        """The family's own copy of the meeting's safety plan: plain words, large type, real names (it is theirs),
        room to sign.
        """
        document = self.window.document
        if document is None:
            return None
        if not document.safety_plan.rules:
            dialogs.tell(
                self.window,
                "No safety plan yet",
                "This meeting's safety plan has no rules yet: write them on the Safety plan page first.",
            )
            return None
        meeting = document.meeting
        name = _file_name("Our safety plan", document.case.label, _day(meeting.held_on)) + ".pdf"
        path = self._ask_path("Save the family's safety plan", name, dialogs.PDF_FILTER)
        if path is None:
            return None
        try:
            bundle = self.bundle_of(document.meeting_id)
        except StoreError as error:
            dialogs.tell(self.window, "The safety plan was not made", str(error))
            return None
        options = MinutesOptions(marking=str(self.window.settings.value("export/marking", MinutesOptions().marking)))

        def work() -> None:
            from sos_desktop.exporters.family_plan.write import write_family_plan_pdf

            write_family_plan_pdf(bundle, path, options=options)

        return self._run("Making the family's safety plan…", work, path, "The safety plan was not saved")

    def export_words_pictures(self) -> BackgroundJob | None:
        """The family's copy of the meeting's Words and Pictures: each story's title page, then its panels with
        their pictures and words in large type, real names (it is theirs).
        """
        document = self.window.document
        if document is None:
            return None
        if not any(story.panels for story in document.words_pictures):
            dialogs.tell(
                self.window,
                "No Words and Pictures yet",
                "This meeting has no Words and Pictures story with panels yet: make one on the Words and Pictures "
                "page first.",
            )
            return None
        meeting = document.meeting
        name = _file_name("Words and Pictures", document.case.label, _day(meeting.held_on)) + ".pdf"
        path = self._ask_path("Save the Words and Pictures", name, dialogs.PDF_FILTER)
        if path is None:
            return None
        try:
            bundle = self.bundle_of(document.meeting_id)
        except StoreError as error:
            dialogs.tell(self.window, "The Words and Pictures were not made", str(error))
            return None
        options = MinutesOptions(marking=str(self.window.settings.value("export/marking", MinutesOptions().marking)))

        def work() -> None:
            from sos_desktop.exporters.words_pictures.write import write_words_pictures_pdf

            write_words_pictures_pdf(bundle, path, options=options)

        return self._run("Making the Words and Pictures…", work, path, "The Words and Pictures were not saved")

    def _run(self, label: str, work: Callable[[], None], path: Path, failure: str) -> BackgroundJob:
        job = BackgroundJob(self.window, label, lambda: _missing_glyphs_of(work), expected=(ExportError, ValueError))
        job.finished.connect(lambda missing: self._saved(path, missing))
        job.failed.connect(lambda message: dialogs.tell(self.window, failure, message))
        self.job = job.start()
        return job

    def _saved(self, path: Path, missing: object) -> None:
        """Say the PDF is saved and, if some of its characters no font here could draw, which texts hold them."""
        messages = [str(message) for message in missing] if isinstance(missing, list) else []
        if not messages:
            self.window.statusBar().showMessage(f"Saved {path}", 15_000)
            return
        texts = "1 text has" if len(messages) == 1 else f"{len(messages)} texts have"
        self.window.statusBar().showMessage(
            f"Saved {path}, but {texts} characters no font here can draw: they show as [?].", 30_000
        )
        shown = messages[:MISSING_GLYPHS_SHOWN]
        more = len(messages) - len(shown)
        listed = "\n\n".join(shown) + (f"\n\n… and {more} more." if more else "")
        dialogs.inform(self.window, "Some characters could not be printed", f"The PDF is saved at {path}.\n\n{listed}")

    # Pictures ------------------------------------------------------------------------------------------------

    def export_projector_picture(self) -> None:
        control = self.projector
        mode: ProjectorMode = control.window.view.mode() if control.window is not None else None
        self._picture("Save a picture of the projector's view", "Projector view", mode)

    def export_network_picture(self) -> None:
        from sos_desktop.ui.projector.modes import NetworkMode

        self._picture("Save a picture of the safety network", "Safety network", NetworkMode())

    def _picture(self, title: str, name: str, mode: ProjectorMode) -> None:
        from sos_desktop.ui.projector.pictures import PICTURE_FILTER, save_picture

        document = self.window.document
        if document is None:
            return
        path = self._ask_path(title, _file_name(name, _day(document.meeting.held_on)) + ".png", PICTURE_FILTER)
        if path is None:
            return
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_suffix(".png")
        try:
            meetings = self.projector.case_meetings
            save_picture(document, path, mode, self.projector.theme, case_meetings=meetings)
        except ExportError as error:
            dialogs.tell(self.window, "The picture was not saved", str(error))
            return
        self.window.statusBar().showMessage(f"Saved {path}", 10_000)

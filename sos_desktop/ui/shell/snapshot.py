"""Pictures of a view rendered offscreen, exactly as it would show: ``sos-desktop snapshot``.

The console is the real main window with the meeting open; the projector is the real projector view. Both are
drawn without a screen (Qt's offscreen platform), so a snapshot can be taken on a server or in CI, and the README's
screenshots stay true to the program.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QSettings, QSize, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from sos_desktop.store.store import Store
from sos_desktop.ui.common.application import make_application

VIEWS = (
    "console",
    "projector",
    "scales",
    "trajectory",
    "network",
    "genogram",
    "voice",
    "safety-house",
    "focus",
    "changes",
    "chronology",
    "review",
    "plan",
    "trajectory-plan",
    "words-pictures",
)


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform cannot size windows by hints and says so each time; nothing to tell the user.
    if "propagateSizeHints" not in message:
        sys.stderr.write(message + "\n")


def ensure_application() -> QApplication:
    """The running QApplication, or a new one on the offscreen platform when there is none yet."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    qInstallMessageHandler(_quiet_offscreen)
    return make_application()


def render_view(
    store: Store, meeting_id: int, view: str, size: QSize, theme: str = "projector", *, panel: int = 1
) -> QImage:
    """The picture of ``view`` of the meeting at ``size`` (``panel``: which panel of a Words and Pictures story)."""
    app = ensure_application()
    from sos_desktop.ui.document.meeting import MeetingDocument

    if view != "console" and view in VIEWS:
        from sos_desktop.ui.projector import (
            ChangesMode,
            ChronologyMode,
            FocusMode,
            NetworkMode,
            ProjectorMode,
            ReviewMode,
            ScalesMode,
            VoiceMode,
            render_projector,
            render_trajectory,
        )
        from sos_desktop.ui.projector.modes import PlanMode, SafetyHouseMode, TrajectoryPlanMode, WordsPicturesMode

        modes: dict[str, ProjectorMode] = {
            "scales": ScalesMode(),
            "network": NetworkMode(),
            "genogram": NetworkMode(genogram=True),
            "voice": VoiceMode(),
            "safety-house": SafetyHouseMode(),
            "focus": FocusMode(),
            "changes": ChangesMode(),
            "chronology": ChronologyMode(),
            "review": ReviewMode(),
            "plan": PlanMode(),
            "words-pictures": WordsPicturesMode(panel=max(0, panel - 1)),
        }

        document = MeetingDocument(store, meeting_id)
        try:
            if view in modes:
                return render_projector(document, size, theme, modes[view])
            if view == "trajectory":
                meetings = store.case_meetings(document.meeting.case_id or 0)
                return render_trajectory(document, meetings, size, theme)
            if view == "trajectory-plan":
                meetings = store.case_meetings(document.meeting.case_id or 0)
                return render_projector(document, size, theme, TrajectoryPlanMode(), case_meetings=meetings)
            return render_projector(document, size, theme)
        finally:
            document.deleteLater()
    if view != "console":
        raise ValueError(f"There is no view called '{view}'; choose one of: {', '.join(VIEWS)}.")
    from sos_desktop.ui.shell.main_window import MainWindow

    with tempfile.TemporaryDirectory(prefix="sos-desktop-snapshot-") as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, settings)
        try:
            window.open_meeting(meeting_id)
            if window.document is None:
                raise ValueError(f"Meeting {meeting_id} could not be opened.")
            window.resize(size)
            window.show()
            for _ in range(3):  # layouts settle over a few passes of the event loop
                app.processEvents()
            return window.grab().toImage()
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()


def save_png(image: QImage, out: Path) -> None:
    """Write ``image`` to ``out`` whole or not at all (a temporary file beside it, then renamed)."""
    out = Path(out)
    handle, temporary = tempfile.mkstemp(prefix=".snapshot-", suffix=".png", dir=out.parent)
    os.close(handle)
    try:
        if not image.save(temporary):  # PNG, from the file name's suffix
            raise OSError(f"The picture could not be written to {out}.")
        os.replace(temporary, out)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)

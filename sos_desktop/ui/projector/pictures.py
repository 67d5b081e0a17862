"""Pictures of what the room sees, to paste into a report or a slide: the projector's current view, or the safety
network, as PNG (pixels) or SVG (vectors, sharp at any size).

They are drawn exactly as the projector draws them, so they carry display names only, never a family's full names:
a picture leaves the facilitator's screen. Written all or nothing, like every export.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator

from sos_desktop.exporters.atomic import write_export
from sos_desktop.exporters.errors import ExportError
from sos_desktop.models import Meeting
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector.layout import ProjectorMode
from sos_desktop.ui.projector.view import paint_projector, render_projector

PICTURE_SIZE = QSize(1920, 1080)
FORMATS = {".png": "PNG", ".svg": "SVG"}
PICTURE_FILTER = "PNG picture (*.png);;SVG drawing (*.svg)"


def picture_bytes(
    document: MeetingDocument,
    suffix: str,
    mode: ProjectorMode = None,
    theme: str = "light",
    *,
    size: QSize = PICTURE_SIZE,
    case_meetings: list[Meeting] | None = None,
) -> bytes:
    """The projector's picture of ``mode`` as PNG or SVG bytes (``suffix`` ".png" or ".svg")."""
    if suffix.lower() not in FORMATS:
        raise ExportError(f"A picture is saved as .png or .svg, not {suffix or 'a file without an ending'}.")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if suffix.lower() == ".png":
        image = render_projector(document, size, theme, mode, case_meetings=case_meetings)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; the binding takes str
    else:
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle("SoS Desktop: the projector's view")  # no meeting title: it could name the family
        generator.setDescription("Drawn by SoS Desktop, as the projector shows it (display names only).")
        painter = QPainter(generator)
        try:
            paint_projector(painter, size, document, theme, mode, case_meetings=case_meetings)
        finally:
            painter.end()
    data: QByteArray = buffer.data()
    buffer.close()
    return bytes(data.data())


def save_picture(
    document: MeetingDocument,
    path: Path,
    mode: ProjectorMode = None,
    theme: str = "light",
    *,
    case_meetings: list[Meeting] | None = None,
) -> None:
    """Write the picture to ``path`` (its ending chooses PNG or SVG); ExportError in one sentence if it cannot be."""
    data = picture_bytes(document, path.suffix, mode, theme, case_meetings=case_meetings)
    write_export(path, data, "The picture")

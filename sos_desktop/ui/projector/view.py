"""The projector view: a thin widget that paints the open meeting for the room, and the same painting offscreen.

The view keeps no copy of the meeting; its ``Projection`` follows the document's signals and the view repaints at
once. It keeps the frame it last painted, so that after an edit only the part of the wall that differs (usually the
one card) is painted again. ``render_projector`` paints exactly what the view would, into an image, for snapshots
and tests.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QRegion
from PySide6.QtWidgets import QSizePolicy, QWidget

from sos_desktop.models import Meeting
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector.layout import ProjectorMode
from sos_desktop.ui.projector.modes import TrajectoryMode
from sos_desktop.ui.projector.projection import Projection
from sos_desktop.ui.projector.scene import Scene
from sos_desktop.ui.projector.themes import DEFAULT_THEME, Theme


class ProjectorView(QWidget):
    """The map for the room: title line, focus question and the map, or one column or category of it."""

    modeChanged = Signal(object)  # Qt signal naming; the new mode (see ``ProjectorMode``)
    themeChanged = Signal(str)
    zoomChanged = Signal(float)
    blankChanged = Signal(bool)

    def __init__(
        self, document: MeetingDocument | None, theme: str = DEFAULT_THEME, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projector-view")
        self.setAccessibleName("Projector view")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # every frame fills its whole background
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        self._shown: tuple[Scene, tuple[int, int]] | None = None
        """The frame last painted, at its size: what the wall shows now."""
        self.projection = Projection(document, theme, self)
        self.projection.changed.connect(self._changed)
        self.projection.modeChanged.connect(self.modeChanged)
        self.projection.themeChanged.connect(self.themeChanged)
        self.projection.zoomChanged.connect(self.zoomChanged)
        self.projection.blankChanged.connect(self.blankChanged)

    def _changed(self) -> None:
        # Painted at once, not at the next turn of the event loop: the room sees an edit before the console has
        # finished redrawing its own lists, so the wall never lags behind what the facilitator typed.
        if not self.isVisible():
            self.update()
            return
        region = self.changed_region()
        if region is None or region.isEmpty():
            self.repaint()
        else:
            self.repaint(region)

    def changed_region(self) -> QRegion | None:
        """The part of the view where the next frame differs from the one painted last (None: all of it)."""
        size = (self.width(), self.height())
        if self._shown is None or self._shown[1] != size:
            return None
        return self.projection.scene(*size).changed_region(self._shown[0])

    def sizeHint(self) -> QSize:
        return QSize(1280, 720)

    # State, kept by the projection -------------------------------------------------------------------------------

    @property
    def document(self) -> MeetingDocument | None:
        return self.projection.document

    def set_document(self, document: MeetingDocument | None) -> None:
        self.projection.set_document(document)

    def mode(self) -> ProjectorMode:
        return self.projection.mode

    def set_mode(self, mode: ProjectorMode) -> None:
        self.projection.set_mode(mode)

    def cycle_mode(self, step: int = 1) -> ProjectorMode:
        """The next view (whole map, then each column), or with ``step`` -1 the previous."""
        return self.projection.cycle_mode(step)

    def set_case_meetings(self, meetings: list[Meeting] | None) -> None:
        """The case's meetings with their scales, which the trajectory charts."""
        self.projection.set_case_meetings(meetings)

    def theme(self) -> Theme:
        return self.projection.theme

    def set_theme(self, name: str) -> None:
        self.projection.set_theme(name)

    def cycle_theme(self) -> str:
        return self.projection.cycle_theme()

    def zoom(self) -> float:
        return self.projection.zoom

    def zoom_in(self) -> None:
        self.projection.zoom_in()

    def zoom_out(self) -> None:
        self.projection.zoom_out()

    def reset_zoom(self) -> None:
        self.projection.reset_zoom()

    def is_blank(self) -> bool:
        return self.projection.blank

    def set_blank(self, blank: bool) -> None:
        self.projection.set_blank(blank)

    def toggle_blank(self) -> bool:
        return self.projection.toggle_blank()

    # What is drawn -----------------------------------------------------------------------------------------------

    def drawn_texts(self) -> list[str]:
        """Every string the view draws at its current size and mode, in painting order (none when blank)."""
        texts = self.projection.scene(self.width(), self.height()).texts()
        question = self.projection.question
        return texts if question is None or self.projection.blank else [*texts, question]

    def card_pixel_size(self) -> int:
        """The card text size, in pixels, of the current frame (0 when nothing is drawn)."""
        return self.projection.scene(self.width(), self.height()).card_pixel_size

    def hidden_cards(self) -> int:
        """How many cards did not fit and are counted in "+N more" lines."""
        return self.projection.scene(self.width(), self.height()).hidden_cards

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        # Only the shapes that reach into the region asked for: Qt keeps the rest of the window as it was.
        self._shown = self.projection.paint(painter, QRectF(self.rect()), event.region()), (self.width(), self.height())
        painter.end()


def paint_projector(
    painter: QPainter,
    size: QSize,
    document: MeetingDocument | None,
    theme: str = DEFAULT_THEME,
    mode: ProjectorMode = None,
    *,
    zoom_steps: int = 0,
    blank: bool = False,
    case_meetings: list[Meeting] | None = None,
) -> None:
    """Paint the projector's picture of ``document`` at ``size`` with ``painter``, exactly as the view paints it
    (on an image, an SVG generator or any other device).
    """
    projection = Projection(document, theme)
    try:
        projection.set_case_meetings(case_meetings)
        projection.set_mode(mode)
        projection.set_blank(blank)
        for _ in range(abs(zoom_steps)):
            projection.zoom_in() if zoom_steps > 0 else projection.zoom_out()
        projection.paint(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        projection.set_document(None)  # let go of the document's signals


def render_projector(
    document: MeetingDocument | None,
    size: QSize,
    theme: str = DEFAULT_THEME,
    mode: ProjectorMode = None,
    *,
    zoom_steps: int = 0,
    blank: bool = False,
    case_meetings: list[Meeting] | None = None,
) -> QImage:
    """The projector's picture of ``document`` at ``size``, painted offscreen exactly as the view paints it."""
    image = QImage(size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        paint_projector(
            painter, size, document, theme, mode, zoom_steps=zoom_steps, blank=blank, case_meetings=case_meetings
        )
    finally:
        painter.end()
    return image


def render_trajectory(
    document: MeetingDocument,
    meetings: list[Meeting],
    size: QSize,
    theme: str = DEFAULT_THEME,
    question_key: str | None = None,
) -> QImage:
    """The projector's trajectory chart of ``document``'s case over ``meetings`` (the case's, with their scales)."""
    return render_projector(document, size, theme, TrajectoryMode(question_key), case_meetings=meetings)

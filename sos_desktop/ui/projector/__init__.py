"""The projection window: the open meeting (its map, scales, trajectory, safety network, the child's voice, the
focus question, or the case over time: what changed since last time, the chronology, the review of last time's next
steps) shown to the room, live, with display names only.

``ProjectorWindow`` holds a ``ProjectorView`` over the console's ``MeetingDocument``; ``render_projector`` paints
the same picture offscreen for snapshots.
"""

from sos_desktop.ui.projector.layout import ProjectorMode
from sos_desktop.ui.projector.modes import (
    ChangesMode,
    ChronologyMode,
    FocusMode,
    NetworkMode,
    ReviewMode,
    ScalesMode,
    TrajectoryMode,
    VoiceMode,
)
from sos_desktop.ui.projector.projection import MODES, Projection, next_mode
from sos_desktop.ui.projector.scales import mark_x
from sos_desktop.ui.projector.themes import DEFAULT_THEME, THEMES, Theme, ThemeError, load_theme
from sos_desktop.ui.projector.view import ProjectorView, render_projector, render_trajectory
from sos_desktop.ui.projector.window import ProjectorWindow, mirrored_screens, projector_screens

__all__ = [
    "DEFAULT_THEME",
    "MODES",
    "THEMES",
    "ChangesMode",
    "ChronologyMode",
    "FocusMode",
    "NetworkMode",
    "Projection",
    "ProjectorMode",
    "ProjectorView",
    "ProjectorWindow",
    "ReviewMode",
    "ScalesMode",
    "Theme",
    "ThemeError",
    "TrajectoryMode",
    "VoiceMode",
    "load_theme",
    "mark_x",
    "mirrored_screens",
    "next_mode",
    "projector_screens",
    "render_projector",
    "render_trajectory",
]

"""What the wall shows now, in words for the console: the chip in the status bar and the question asked before
projecting where the room could see the console.

The chip is the facilitator's glance at the wall without turning round: "Wall: the whole map", "Wall: BLANK",
"Projector off", and whether the projection is a practice window on the console's own screen. Clicking it opens the
Projector menu.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton, QWidget

from sos_desktop.models import Category, Column
from sos_desktop.models.templates import FrameworkTemplate
from sos_desktop.ui.common.choice import ask_choice
from sos_desktop.ui.projector.layout import ProjectorMode
from sos_desktop.ui.projector.modes import (
    ChangesMode,
    ChronologyMode,
    FocusMode,
    NetworkMode,
    ReviewMode,
    SafetyHouseMode,
    ScalesMode,
    TrajectoryMode,
    VoiceMode,
    WordsPicturesMode,
)

CHIP_LOOK = "border-radius: 4px; padding: 1px 8px;"
CHIP_STYLES = {
    "off": "",
    "on": f"QToolButton {{ background: #1f5f3a; color: white; {CHIP_LOOK} }}",
    "blank": f"QToolButton {{ background: #ffbf47; color: black; font-weight: bold; {CHIP_LOOK} }}",
}


def mode_words(mode: ProjectorMode, template: FrameworkTemplate | None) -> str:
    """A projector view as the facilitator would name it: "the whole map", "Danger statements", "a scale"."""
    if mode is None:
        return "the whole map"
    if isinstance(mode, Column):
        return template.column_titles[mode] if template is not None else mode.value
    if isinstance(mode, Category):
        return template.label(mode) if template is not None else mode.value
    if isinstance(mode, ScalesMode):
        return "a scale"
    if isinstance(mode, TrajectoryMode):
        return "a scale's trajectory"
    if isinstance(mode, NetworkMode):
        return "the family tree" if mode.genogram else "the safety network"
    if isinstance(mode, VoiceMode):
        return "the child's voice"
    if isinstance(mode, SafetyHouseMode):
        return "the child's Safety House"
    if isinstance(mode, WordsPicturesMode):
        return "Words and Pictures"
    if isinstance(mode, FocusMode):
        return "the focus question"
    if isinstance(mode, ChangesMode):
        return "what changed since last time"
    if isinstance(mode, ChronologyMode):
        return "the chronology"
    if isinstance(mode, ReviewMode):
        return "the review of last time's next steps"
    return "the meeting"


def wall_words(
    is_open: bool, blank: bool, mode: ProjectorMode, template: FrameworkTemplate | None, windowed: bool
) -> str:
    """The chip's text: what the room sees now."""
    if not is_open:
        return "Projector off"
    if blank:
        return "Wall: BLANK"
    where = " (practice window)" if windowed else ""
    return f"Wall{where}: {mode_words(mode, template)}"


class WallChip(QToolButton):
    """A small button in the console's status bar saying what the wall shows; it opens the Projector menu."""

    def __init__(self, menu: QMenu, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wall-chip")
        self.setAccessibleName("What the projector shows")
        self.setToolTip("What the room sees on the projector now. Click for the Projector menu.")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoRaise(True)
        self.setMenu(menu)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.state = "off"
        self.show_state(False, False, None, None, False)

    def show_state(
        self, is_open: bool, blank: bool, mode: ProjectorMode, template: FrameworkTemplate | None, windowed: bool
    ) -> None:
        self.setText(wall_words(is_open, blank, mode, template, windowed))
        self.state = "blank" if is_open and blank else "on" if is_open else "off"
        self.setStyleSheet(CHIP_STYLES[self.state])


def ask_practice_window(parent: QWidget, mirrored: bool) -> bool:
    """Before projecting with no screen of the projector's own: say what the room would see; True to practise."""
    if mirrored:
        found = "The projector shows the same picture as this screen: the displays are set to mirror each other."
        fix = "set the displays to extend (not mirror)"
    else:
        found = "Only one screen is connected: SoS Desktop cannot find a separate screen for the projector."
        fix = "connect the projector and set the displays to extend (not mirror)"
    detail = (
        "If the room can see this screen, it sees the console, with the family's full names, not the projector's "
        f"display names.\n\nTo project to the room, {fix}, then press F5 again.\n\n"
        "To practise, or to try the projector out where nobody else can see, open it in a window on this screen."
    )
    buttons = [
        ("&Practise in a window", QMessageBox.ButtonRole.AcceptRole, True),
        ("Cancel", QMessageBox.ButtonRole.RejectRole, False),
    ]
    title = "No separate screen for the projector"
    return ask_choice(parent, QMessageBox.Icon.Warning, title, (found, detail), buttons, False)

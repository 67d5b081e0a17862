"""The welcome: shown once per database when the app first opens it, and again from Help › Welcome.

It offers the three ways in a newcomer needs: open the demo meeting (an invented family, safe to try anything on),
start a new case, or take the two-minute tour of the screens. It is not modal and is only ever shown by the app's
start-up (``app.run_gui``) or the Help menu, never by building a window, so tests and scripted runs never meet it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from sos_desktop import APP_NAME
from sos_desktop.models.demo import DEMO_REFERENCE
from sos_desktop.store.errors import StoreError
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.settings_keys import WELCOMED, database_setting
from sos_desktop.ui.guide.tour import start_tour

if TYPE_CHECKING:
    from sos_desktop.ui.common.console import Console


INTRODUCTION = (
    f"<p>{APP_NAME} helps a team map a case in the Signs of Safety practice framework and run group supervision "
    "with the map on the projector: the facilitator works on this screen, the room reads the wall.</p>"
    "<p>Everything is saved as you type, on this computer (or your council's own database). Nothing goes to a "
    "cloud service.</p>"
)


def welcome_key(window: Console) -> str:
    return database_setting(window.store.url, WELCOMED)


def welcome_due(window: Console) -> bool:
    return not window.settings.value(welcome_key(window), False, type=bool)


def _choice(title: str, detail: str, tip: str) -> QPushButton:
    button = QPushButton(f"{title}\n{detail}")
    button.setToolTip(tip)
    button.setAccessibleName(title)
    button.setMinimumHeight(button.fontMetrics().lineSpacing() * 3)
    button.setStyleSheet("text-align: left; padding: 8px 12px;")
    return button


class WelcomeDialog(QDialog):
    def __init__(self, window: Console) -> None:
        super().__init__(window)
        self.console = window
        self.setWindowTitle(f"Welcome to {APP_NAME}")
        self.setMinimumWidth(520)
        heading = QLabel(f"Welcome to {APP_NAME}")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        introduction = QLabel(INTRODUCTION)
        introduction.setWordWrap(True)
        self.demo = _choice(
            "Open the demo meeting",
            "A group supervision about an invented family: try anything, nothing in it is real.",
            "Open the demo meeting (it is made again if it was deleted)",
        )
        self.new_case = _choice(
            "Start a new case",
            "Name the case and choose its framework, then add its first meeting.",
            "Start a case of your own (File › New case, Ctrl+Shift+N)",
        )
        self.tour = _choice(
            "Take the two-minute tour",
            "Ten short steps, each pointing at a part of the screen.",
            "A tour of the console's screens (Help › Tour of the screens)",
        )
        self.demo.clicked.connect(self.open_demo)
        self.new_case.clicked.connect(self.start_case)
        self.tour.clicked.connect(self.take_tour)
        self.later = QPushButton("&Close")
        self.later.setToolTip("Close the welcome (Help › Welcome shows it again)")
        self.later.clicked.connect(self.close)
        footer = QLabel("F1 lists every key; Shift+F1 explains the page in front of you.")
        footer.setStyleSheet("color: palette(placeholder-text);")
        bottom = QHBoxLayout()
        bottom.addWidget(footer, 1)
        bottom.addWidget(self.later)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(introduction)
        for button in (self.demo, self.new_case, self.tour):
            layout.addWidget(button)
        layout.addLayout(bottom)
        self.demo.setFocus()

    def open_demo(self) -> int | None:
        """Open the demo meeting, making it again if it was deleted; returns its id."""
        store = self.console.store
        try:
            demo = next((c for c in store.list_cases() if c.reference == DEMO_REFERENCE), None)
            found = store.list_meetings(demo.id) if demo is not None and demo.id is not None else []
            meeting_id = found[0].id if found else store.save_demo().first
        except StoreError as error:
            dialogs.tell(self, "Could not open the demo meeting", str(error))
            return None
        assert meeting_id is not None
        self.close()
        self.console.reload_cases(select_meeting=meeting_id)
        self.console.open_meeting(meeting_id)
        return meeting_id

    def start_case(self) -> None:
        self.close()
        self.console.new_case()

    def take_tour(self) -> None:
        self.close()
        start_tour(self.console)


def show_welcome(window: Console) -> WelcomeDialog:
    """Show the welcome (one at a time) and remember, for this database, that it was shown."""
    found = window.findChild(WelcomeDialog)
    dialog = found if isinstance(found, WelcomeDialog) and found.isVisible() else WelcomeDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    window.settings.setValue(welcome_key(window), True)
    window.settings.sync()
    return dialog


def welcome_once(window: Console) -> WelcomeDialog | None:
    """At start-up: the welcome, the first time this database is opened here."""
    return show_welcome(window) if welcome_due(window) else None

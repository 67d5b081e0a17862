"""Help on this page (Shift+F1): the help page of the tab in front, in a small window beside the console.

Not modal: the facilitator can keep it open while trying what it says. One window at most; asking again from
another tab turns it to that tab's page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout

from sos_desktop.ui.guide.help_text import PAGES

if TYPE_CHECKING:
    from sos_desktop.ui.shell.main_window import MainWindow

TAB_PAGES = {"agenda": "agenda", "network": "network", "voice": "voice", "details": "details"}
"""The console's lazy pages (by the key ``LazyPages`` names them with) and the help page of each."""


def current_page(window: MainWindow) -> str:
    """The key of the help page for what the console shows in front."""
    if window.document is None or window.stack.currentWidget() is not window.tabs:
        return "start"
    widget = window.tabs.currentWidget()
    if widget is not None and widget is window.map_panel:
        return "map"
    if widget is not None and widget is window.scales_panel:
        return "scaling"
    name = widget.objectName() if widget is not None else ""
    return TAB_PAGES.get(name.removesuffix("-page"), "map")


class HelpDialog(QDialog):
    def __init__(self, window: MainWindow, key: str) -> None:
        super().__init__(window)
        self.setWindowTitle("Help")
        self.resize(560, 480)
        self.chooser = QComboBox()
        for page_key, page in PAGES.items():
            self.chooser.addItem(page.title, page_key)
        self.chooser.setAccessibleName("Help page")
        self.chooser.setToolTip("Read the help of another page")
        self.chooser.currentIndexChanged.connect(lambda _: self._show(str(self.chooser.currentData())))
        label = QLabel("&Page")
        label.setBuddy(self.chooser)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setAccessibleName("Help text")
        self.text.setToolTip("The help for this page")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.chooser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.turn_to(key)

    def turn_to(self, key: str) -> None:
        index = self.chooser.findData(key if key in PAGES else "start")
        if index == self.chooser.currentIndex():
            self._show(key)
        self.chooser.setCurrentIndex(index)

    def key(self) -> str:
        return str(self.chooser.currentData())

    def _show(self, key: str) -> None:
        page = PAGES[key]
        self.text.setMarkdown(f"# {page.title}\n{page.text}")
        self.text.document().setDocumentMargin(12)


def show_help(window: MainWindow, key: str | None = None) -> HelpDialog:
    """Show the help of ``key`` (by default the page in front), reusing the help window if it is open."""
    found = window.findChild(HelpDialog)
    dialog = found if isinstance(found, HelpDialog) else HelpDialog(window, "start")
    dialog.turn_to(key or current_page(window))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    return dialog

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
    from sos_desktop.ui.common.console import Console


def current_page(console: Console) -> str:
    """The key of the help page for what the console shows in front."""
    return console.page_key()


class HelpDialog(QDialog):
    def __init__(self, window: Console, key: str) -> None:
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


def show_help(window: Console, key: str | None = None) -> HelpDialog:
    """Show the help of ``key`` (by default the page in front), reusing the help window if it is open."""
    found = window.findChild(HelpDialog)
    dialog = found if isinstance(found, HelpDialog) else HelpDialog(window, "start")
    dialog.turn_to(key or current_page(window))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    return dialog

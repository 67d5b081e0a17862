"""Tabs of the open meeting whose content is built the first time they are wanted.

The map is what a facilitator opens a meeting to see; the network, agenda, child's voice and details pages cost
nothing until their tab is chosen (or code asks for them), which keeps opening a meeting quick.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


class LazyPages:
    """Placeholder tabs, each filled by its factory on first use."""

    def __init__(self, tabs: QTabWidget) -> None:
        self.tabs = tabs
        self._pages: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._panels: dict[str, QWidget] = {}
        tabs.currentChanged.connect(self._tab_changed)

    def add(self, key: str, title: str, factory: Callable[[], QWidget]) -> None:
        page = QWidget()
        page.setObjectName(f"{key}-page")
        QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(page, title)
        self._pages[key] = page
        self._factories[key] = factory

    def clear(self) -> None:
        """Forget every page (their widgets go with the tabs)."""
        self._pages.clear()
        self._factories.clear()
        self._panels.clear()

    def panel(self, key: str) -> QWidget | None:
        """The page's content, built now if it was not yet; None when there is no such page (no meeting open)."""
        if key not in self._pages:
            return None
        if key not in self._panels:
            panel = self._factories[key]()
            self._panels[key] = panel
            layout = self._pages[key].layout()
            assert layout is not None
            layout.addWidget(panel)
        return self._panels[key]

    def show(self, key: str) -> QWidget | None:
        panel = self.panel(key)
        if key in self._pages:
            self.tabs.setCurrentWidget(self._pages[key])
        return panel

    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        for key, page in self._pages.items():
            if page is widget:
                self.panel(key)

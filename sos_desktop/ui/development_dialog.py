"""A practice leader's development: their rubric ratings across the meetings they facilitated (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from sos_desktop.store.store import Store


class DevelopmentDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None, facilitator: str | None = None) -> None:
        super().__init__(parent)
        self.store = store

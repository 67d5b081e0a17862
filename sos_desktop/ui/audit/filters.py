"""The audit's filter bar: a team, a worker (each "All" or one of those in the data), and a period from and to.

It reports one ``changed`` signal with the :class:`AuditFilter` it now stands for, whenever the user changes any
part; filling its choices (``set_choices``) is not reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from sos_desktop.models.audit import AuditFilter
from sos_desktop.ui.common.date_field import OptionalDateField

ALL_TEAMS = "All teams"
ALL_WORKERS = "All workers"
NO_TEAM = "(no team)"


class AuditFilterBar(QWidget):
    changed = Signal(object)  # the AuditFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.team = QComboBox()
        self.team.setAccessibleName("Team")
        self.team.setMinimumContentsLength(18)
        self.worker = QComboBox()
        self.worker.setAccessibleName("Worker")
        self.worker.setMinimumContentsLength(20)
        self.since = OptionalDateField("Met from", "Any time")
        self.until = OptionalDateField("Met until", "Any time")
        self.since.setToolTip("Keep the cases that had a meeting on or after this day")
        self.until.setToolTip("Keep the cases that had a meeting on or before this day")
        self.clear = QPushButton("Show &all")
        self.clear.setToolTip("Every team, every worker, any time")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, field in (
            ("&Team", self.team),
            ("W&orker", self.worker),
            ("Met &from", self.since),
            ("&to", self.until),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            layout.addWidget(label)
            layout.addWidget(field, 1)
        layout.addWidget(self.clear)
        self.team.currentIndexChanged.connect(self._report)
        self.worker.currentIndexChanged.connect(self._report)
        self.since.dateEdited.connect(self._report)
        self.until.dateEdited.connect(self._report)
        self.clear.clicked.connect(self.show_all)
        self.set_choices([], [])

    def set_choices(self, teams: Sequence[str], workers: Sequence[str]) -> None:
        """Offer ``teams`` and ``workers`` (keeping the choice made where it is still offered)."""
        for box, every, names in ((self.team, ALL_TEAMS, teams), (self.worker, ALL_WORKERS, workers)):
            kept = box.currentData()
            with QSignalBlocker(box):
                box.clear()
                box.addItem(every, None)
                for name in names:
                    box.addItem(name or NO_TEAM, name)
                found = box.findData(kept) if kept is not None else 0
                box.setCurrentIndex(max(0, found))

    def team_names(self) -> list[str]:
        """The teams offered (without "All teams")."""
        return [self.team.itemData(i) for i in range(1, self.team.count())]

    def worker_names(self) -> list[str]:
        """The workers offered (without "All workers")."""
        return [self.worker.itemData(i) for i in range(1, self.worker.count())]

    def audit_filter(self) -> AuditFilter:
        return AuditFilter(
            team=self.team.currentData(), worker=self.worker.currentData(), since=self.since.value(),
            until=self.until.value(),
        )  # fmt: skip

    def set_period(self, since: date | None, until: date | None) -> None:
        self.since.set_value(since)
        self.until.set_value(until)
        self._report()

    def show_all(self) -> None:
        with QSignalBlocker(self.team), QSignalBlocker(self.worker):
            self.team.setCurrentIndex(0)
            self.worker.setCurrentIndex(0)
        self.since.set_value(None)
        self.until.set_value(None)
        self._report()

    def _report(self, *_args: object) -> None:
        self.changed.emit(self.audit_filter())

"""The audit's table: one row per case with its figures, as a QAbstractTableModel over plain ``CaseFigures``.

No copy of the figures is made: the model holds the list it is given (the cases the filter keeps) and reads each
cell from it when the view asks, so thousands of cases cost only the rows on screen. Sorting is done here, on
plain keys, without a proxy. A standard not met is written in words ("No", "1 of 3"), and shown in amber as well,
never by colour alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from sos_desktop.models.audit import CaseFigures
from sos_desktop.models.audit_standards import STALE_DAYS
from sos_desktop.ui.common.colours import AMBER

Index = QModelIndex | QPersistentModelIndex


def _yes(flag: bool) -> str:
    return "Yes" if flag else "No"


def _of(part: int, whole: int) -> str:
    return "—" if whole == 0 else ("All" if part == whole else f"{part} of {whole}")


_NUMBERS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A key that sorts "Family 2" before "Family 10" (numbers by value, words without regard to case)."""
    return tuple((1, int(part)) if part.isdigit() else (0, part.casefold()) for part in _NUMBERS.split(text) if part)


Cell = Callable[[CaseFigures, str], Any]

# (heading, tooltip, display text, sort key, flagged)
COLUMNS: tuple[tuple[str, str, Cell, Cell, Callable[[CaseFigures], bool]], ...] = (
    ("Case", "The case, as the team calls it", lambda f, label: label, lambda f, label: natural_key(label),
     lambda f: False),
    ("Team", "The case's team", lambda f, _: f.team or "—", lambda f, _: f.team.casefold(), lambda f: False),
    ("Worker", "The presenter of the latest meeting", lambda f, _: f.worker or "—", lambda f, _: f.worker.casefold(),
     lambda f: False),
    ("Meetings", "How many meetings the case has had", lambda f, _: str(f.meetings), lambda f, _: f.meetings,
     lambda f: False),
    ("Days since last", "Days from the last dated meeting to today",
     lambda f, _: "—" if f.days_since_last is None else str(f.days_since_last),
     lambda f, _: -1 if f.days_since_last is None else f.days_since_last,
     lambda f: f.days_since_last is None or f.days_since_last > STALE_DAYS),
    ("Map complete", "Every category of the map filled in at the latest meeting", lambda f, _: _yes(f.map_complete),
     lambda f, _: f.map_complete, lambda f: not f.map_complete),
    ("Dangers", "Danger statements at the latest meeting", lambda f, _: str(f.danger_statements),
     lambda f, _: f.danger_statements, lambda f: f.danger_statements == 0),
    ("Paired", "Danger statements paired with a safety goal", lambda f, _: _of(f.dangers_paired, f.danger_statements),
     lambda f, _: (f.dangers_paired / f.danger_statements) if f.danger_statements else -1,
     lambda f: f.dangers_paired < f.danger_statements),
    ("Scaled", "Danger statements with a rated scale", lambda f, _: _of(f.dangers_scaled, f.danger_statements),
     lambda f, _: (f.dangers_scaled / f.danger_statements) if f.danger_statements else -1,
     lambda f: f.dangers_scaled < f.danger_statements),
    ("Safety plan", "A safety plan with at least one rule", lambda f, _: _yes(f.safety_plan),
     lambda f, _: f.safety_plan, lambda f: not f.safety_plan),
    ("Child's voice", "A child's-voice tool used at any meeting", lambda f, _: _yes(f.child_voice),
     lambda f, _: f.child_voice, lambda f: not f.child_voice),
    ("Network", "People in the safety network", lambda f, _: str(f.network_size), lambda f, _: f.network_size,
     lambda f: f.network_size == 0),
    ("Know worries", "Network people who know the worries", lambda f, _: _of(f.network_know_worries,
     f.network_size), lambda f, _: f.network_know_worries, lambda f: f.network_know_worries < f.network_size),
    ("Overdue", "Next steps past their day and not done", lambda f, _: str(f.overdue_steps),
     lambda f, _: f.overdue_steps, lambda f: f.overdue_steps > 0),
)  # fmt: skip
CASE_COLUMN = 0


class AuditTableModel(QAbstractTableModel):
    """The cases ``set_rows`` is given, labelled from ``labels`` (case id to the case's label)."""

    def __init__(self, labels: Mapping[int, str] | None = None) -> None:
        super().__init__()
        self.labels: Mapping[int, str] = labels or {}
        self.figures: list[CaseFigures] = []
        self._sort: tuple[int, Qt.SortOrder] = (CASE_COLUMN, Qt.SortOrder.AscendingOrder)
        self._amber = QColor(AMBER)

    def set_rows(self, rows: Sequence[CaseFigures], labels: Mapping[int, str] | None = None) -> None:
        """Show ``rows`` (in the order of the current sort)."""
        self.beginResetModel()
        if labels is not None:
            self.labels = labels
        self.figures = list(rows)
        self._sort_rows()
        self.endResetModel()

    def label(self, figures: CaseFigures) -> str:
        return self.labels.get(figures.case_id, f"Case {figures.case_id}")

    def case_at(self, row: int) -> CaseFigures | None:
        return self.figures[row] if 0 <= row < len(self.figures) else None

    # The model's interface ---------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default argument
        return 0 if parent.isValid() else len(self.figures)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.figures):
            return None
        figures = self.figures[index.row()]
        _heading, _tip, text, _key, flagged = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole or (role == Qt.ItemDataRole.ToolTipRole and index.column() <= 2):
            return text(figures, self.label(figures))  # the case, team and worker whole when their column is narrow
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._amber if flagged(figures) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section][1]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_rows()
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self._sort
        key = COLUMNS[column][3]
        # The case's label breaks ties, so the order is the same every time.
        self.figures.sort(key=lambda f: natural_key(self.label(f)))
        self.figures.sort(key=lambda f: key(f, self.label(f)), reverse=order == Qt.SortOrder.DescendingOrder)
